import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { ThrottlerStorage } from '@nestjs/throttler';
import { Redis } from 'ioredis';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import type { AppConfig } from '../../config/configuration.js';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/** One fixed window per key: the first hit starts it, every hit counts, the key expires with it. */
const INCREMENT = `local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return {hits, redis.call('PTTL', KEYS[1])}`;

/** How often windows that have ended are dropped from memory. */
const SWEEP_INTERVAL_MS = 60_000;

/**
 * Where the request counts live: in Redis when REDIS_URL is set, so every instance behind
 * the load balancer counts against one limit; in this process's memory otherwise. Both keep
 * one fixed window per key, a counter and its end: the library's own memory store keeps every
 * hit's time and filters the list on each request, which cost a fifth of a read's CPU under
 * load (docs/benchmarks.md).
 */
@Injectable()
export class RateLimitStorage implements ThrottlerStorage, OnApplicationShutdown {
  private readonly memory = new Map<string, { hits: number; endsAt: number }>();
  private readonly sweep = setInterval(() => this.dropEndedWindows(), SWEEP_INTERVAL_MS).unref();
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

  async increment(key: string, ttl: number, limit: number): Promise<ThrottlerStorageRecord> {
    if (!this.redis) return record(...this.countInMemory(key, ttl), limit);
    try {
      const [totalHits, leftMs] = (await this.redis.eval(INCREMENT, 1, `${this.keyPrefix}${key}`, ttl)) as [number, number];
      return record(totalHits, leftMs, limit);
    } catch (error) {
      // A limiter that fails closed would take the whole API down with Redis: let the request through.
      this.logger.warn({ reason: (error as Error).message }, 'rate limit not counted');
      return record(0, ttl, Infinity);
    }
  }

  /** The same window as the Redis script: the first hit starts it, every hit counts. */
  private countInMemory(key: string, ttl: number): [hits: number, leftMs: number] {
    const now = Date.now();
    let window = this.memory.get(key);
    if (!window || window.endsAt <= now) {
      window = { hits: 0, endsAt: now + ttl };
      this.memory.set(key, window);
    }
    window.hits += 1;
    return [window.hits, window.endsAt - now];
  }

  private dropEndedWindows(): void {
    const now = Date.now();
    for (const [key, window] of this.memory) if (window.endsAt <= now) this.memory.delete(key);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.sweep);
    await this.redis?.quit().catch(() => undefined);
  }
}

function record(totalHits: number, leftMs: number, limit: number): ThrottlerStorageRecord {
  const timeToExpire = Math.max(1, Math.ceil(leftMs / 1000));
  const isBlocked = totalHits > limit;
  return { totalHits, timeToExpire, isBlocked, timeToBlockExpire: isBlocked ? timeToExpire : 0 };
}
