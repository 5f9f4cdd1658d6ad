import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { type ThrottlerStorage, ThrottlerStorageService } from '@nestjs/throttler';
import { Redis } from 'ioredis';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import type { AppConfig } from '../../config/configuration.js';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/** One fixed window per key: the first hit starts it, every hit counts, the key expires with it. */
const INCREMENT = `local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return {hits, redis.call('PTTL', KEYS[1])}`;

/**
 * Where the request counts live: in Redis when REDIS_URL is set, so every instance behind
 * the load balancer counts against one limit; in this process's memory otherwise.
 */
@Injectable()
export class RateLimitStorage implements ThrottlerStorage, OnApplicationShutdown {
  private readonly memory = new ThrottlerStorageService();
  private readonly redis: Redis | null;
  private readonly keyPrefix: string;

  constructor(
    config: ConfigService<AppConfig, true>,
    @InjectPinoLogger('RateLimitStorage') private readonly logger: PinoLogger,
  ) {
    const redisUrl = config.get('redisUrl', { infer: true });
    // No offline queue: while Redis is away a request is let through at once, not held.
    this.redis = redisUrl ? new Redis(redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false }) : null;
    this.redis?.on('error', (error: Error) => this.logger.warn({ reason: error.message }, 'Redis for rate limits unavailable'));
    this.keyPrefix = config.get('throttle', { infer: true }).keyPrefix;
  }

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    if (!this.redis) return this.memory.increment(key, ttl, limit, blockDuration, throttlerName);
    try {
      const [totalHits, leftMs] = (await this.redis.eval(INCREMENT, 1, `${this.keyPrefix}${key}`, ttl)) as [number, number];
      const timeToExpire = Math.max(1, Math.ceil(leftMs / 1000));
      const isBlocked = totalHits > limit;
      return { totalHits, timeToExpire, isBlocked, timeToBlockExpire: isBlocked ? timeToExpire : 0 };
    } catch (error) {
      // A limiter that fails closed would take the whole API down with Redis: let the request through.
      this.logger.warn({ reason: (error as Error).message }, 'rate limit not counted');
      return { totalHits: 0, timeToExpire: Math.ceil(ttl / 1000), isBlocked: false, timeToBlockExpire: 0 };
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.memory.onApplicationShutdown();
    await this.redis?.quit().catch(() => undefined);
  }
}
