import { type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  InjectThrottlerOptions,
  InjectThrottlerStorage,
  ThrottlerException,
  ThrottlerGuard,
  type ThrottlerModuleOptions,
  type ThrottlerOptions,
  type ThrottlerRequest,
  type ThrottlerStorage,
} from '@nestjs/throttler';
import type { AuthUserDto } from '@alumni/shared';
import { TokenService } from '../../auth/token.service.js';
import { AppError } from '../app-error.js';
import { RATE_LIMITED_ACTIONS, type RateLimitedAction } from './rate-limits.js';

/** One throttler as it applies to one route: a request only adds its context. */
type Step = Omit<ThrottlerRequest, 'context'>;

/** The library's metadata keys (`@SkipThrottle`, `@Throttle`), suffixed with the throttler's name. */
const SKIP = 'THROTTLER:SKIP';
const LIMIT = 'THROTTLER:LIMIT';
const TTL = 'THROTTLER:TTL';
const BLOCK_DURATION = 'THROTTLER:BLOCK_DURATION';

/**
 * The throttler guard with our rules: a signed-in caller is counted per account (so a
 * campus behind one address is not one caller), an anonymous one per address; a refused
 * request answers our error body with the action's code and a plain `Retry-After`.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  /** Each route's throttlers, worked out from its decorators once per controller and handler. */
  private readonly plans = new WeakMap<object, WeakMap<object, readonly Step[]>>();

  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() storage: ThrottlerStorage,
    reflector: Reflector,
    private readonly tokens: TokenService,
  ) {
    super(options, storage, reflector);
  }

  /**
   * As the library's, but the decorators are read once per route: it read five keys per
   * throttler on every request (a skipped health probe included), a twentieth of a cached
   * read's CPU. Our limits are numbers and our `skipIf`s read only the route's metadata, so
   * the plan is the same for every request of a route.
   */
  override async canActivate(context: ExecutionContext): Promise<boolean> {
    // The library's handleRequest throws when a limit is reached; otherwise every throttler lets the request through.
    for (const step of this.plan(context)) await this.handleRequest({ context, ...step });
    return true;
  }

  private plan(context: ExecutionContext): readonly Step[] {
    const controller = context.getClass();
    const handler = context.getHandler();
    let byHandler = this.plans.get(controller);
    if (!byHandler) this.plans.set(controller, (byHandler = new WeakMap()));
    let plan = byHandler.get(handler);
    if (!plan) {
      plan = this.throttlers.flatMap((throttler) => this.step(context, throttler));
      byHandler.set(handler, plan);
    }
    return plan;
  }

  private step(context: ExecutionContext, throttler: ThrottlerOptions): Step[] {
    const name = throttler.name!;
    const route = <T>(key: string) =>
      this.reflector.getAllAndOverride<T | undefined>(key + name, [context.getHandler(), context.getClass()]);
    const skipIf = throttler.skipIf ?? this.commonOptions.skipIf;
    if (route<boolean>(SKIP) || skipIf?.(context)) return [];
    const number = (value: unknown, what: string) => {
      if (typeof value !== 'number') throw new Error(`rate limit ${name}: ${what} must be a number`);
      return value;
    };
    const ttl = number(route<number>(TTL) ?? throttler.ttl, 'ttl');
    return [
      {
        throttler,
        limit: number(route<number>(LIMIT) ?? throttler.limit, 'limit'),
        ttl,
        blockDuration: number(route<number>(BLOCK_DURATION) ?? throttler.blockDuration ?? ttl, 'blockDuration'),
        getTracker: throttler.getTracker ?? this.commonOptions.getTracker!,
        generateKey: throttler.generateKey ?? this.commonOptions.generateKey!,
      },
    ];
  }

  protected override async getTracker(req: { user?: AuthUserDto; headers: Record<string, string | undefined> }): Promise<string> {
    // This guard may run before the auth guard has set `req.user`; the token is verified once either way.
    const user = this.tokens.requestUser(req);
    return user ? `account:${user.id}` : `address:${await super.getTracker(req)}`;
  }

  protected override async handleRequest(request: ThrottlerRequest): Promise<boolean> {
    try {
      return await super.handleRequest(request);
    } catch (error) {
      if (!(error instanceof ThrottlerException)) throw error;
      const action = RATE_LIMITED_ACTIONS[request.throttler.name as RateLimitedAction];
      throw new AppError(action?.code ?? 'RATE_LIMITED');
    }
  }

  /**
   * Only a refusal's `Retry-After` is sent (the library names a named limit's `Retry-After-<name>`;
   * clients only know `Retry-After`). The library's `X-RateLimit-Limit`, `-Remaining` and
   * `-Reset` on every answer (three per throttler) are not: no client reads them, and setting
   * and sending them was part of the limiter's share of a cached read (docs/benchmarks.md).
   */
  protected override setResponseHeader(res: Record<string, unknown>, name: string, value: string | number): void {
    if (name.startsWith('Retry-After')) super.setResponseHeader(res, 'Retry-After', value);
  }
}
