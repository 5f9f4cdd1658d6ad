import { type DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD, Reflector } from '@nestjs/core';
import { ThrottlerModule, type ThrottlerOptions } from '@nestjs/throttler';
import type { AppConfig } from '../../config/configuration.js';
import { RateLimitGuard } from './rate-limit.guard.js';
import { RateLimitStorage } from './rate-limit.storage.js';
import { RATE_LIMITED_ACTION, type RateLimitedAction } from './rate-limits.js';

@Module({ providers: [RateLimitStorage], exports: [RateLimitStorage] })
class RateLimitStorageModule {}

const reflector = new Reflector();

/**
 * The global throttle (every route, per caller and route) and one limit per action (routes
 * marked @RateLimit(action), counted together across the action's routes).
 */
function throttlers(throttle: AppConfig['throttle']): ThrottlerOptions[] {
  const actions = Object.entries(throttle.actions ?? {}).map(([name, { limit, ttlSeconds }]): ThrottlerOptions => ({
    name,
    limit,
    ttl: ttlSeconds * 1000,
    skipIf: (context) => reflector.get<RateLimitedAction | undefined>(RATE_LIMITED_ACTION, context.getHandler()) !== name,
    generateKey: (_context, tracker) => `${name}:${tracker}`,
  }));
  // Keyed by route and caller as they are: the library's default key is an MD5 of the same, made on every request.
  const perRoute: ThrottlerOptions['generateKey'] = (context, tracker, name) =>
    `${name}:${context.getClass().name}.${context.getHandler().name}:${tracker}`;
  return [{ limit: throttle.limit, ttl: throttle.ttlSeconds * 1000, generateKey: perRoute }, ...actions];
}

@Module({})
export class RateLimitModule {
  static forRoot(throttle: AppConfig['throttle']): DynamicModule {
    return {
      module: RateLimitModule,
      imports: [
        ThrottlerModule.forRootAsync({
          imports: [RateLimitStorageModule],
          inject: [RateLimitStorage],
          useFactory: (storage: RateLimitStorage) => ({ storage, throttlers: throttlers(throttle) }),
        }),
      ],
      providers: [{ provide: APP_GUARD, useClass: RateLimitGuard }],
    };
  }
}
