import { Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  InjectThrottlerOptions,
  InjectThrottlerStorage,
  ThrottlerException,
  ThrottlerGuard,
  type ThrottlerModuleOptions,
  type ThrottlerRequest,
  type ThrottlerStorage,
} from '@nestjs/throttler';
import type { AuthUserDto } from '@alumni/shared';
import { TokenService } from '../../auth/token.service.js';
import { AppError } from '../app-error.js';
import { RATE_LIMITED_ACTIONS, type RateLimitedAction } from './rate-limits.js';

/**
 * The throttler guard with our rules: a signed-in caller is counted per account (so a
 * campus behind one address is not one caller), an anonymous one per address; a refused
 * request answers our error body with the action's code and a plain `Retry-After`.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() storage: ThrottlerStorage,
    reflector: Reflector,
    private readonly tokens: TokenService,
  ) {
    super(options, storage, reflector);
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

  protected override setResponseHeader(res: Record<string, unknown>, name: string, value: string | number): void {
    // The library names a named limit's header `Retry-After-<name>`; clients only know `Retry-After`.
    super.setResponseHeader(res, name.startsWith('Retry-After') ? 'Retry-After' : name, value);
  }
}
