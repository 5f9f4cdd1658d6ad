import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { parseRateLimits, RATE_LIMITS_FORMAT, type RateLimits } from '../common/rate-limit/rate-limits.js';
import { type EnvReader, toInt } from './env-reader.js';

class LimitsVariables {
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(60)
  READ_CACHE_SECONDS = 5;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  THROTTLE_TTL_SECONDS = 60;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  THROTTLE_LIMIT = 600;

  @Matches(RATE_LIMITS_FORMAT, {
    message: 'RATE_LIMITS must be off, or action=limit/seconds pairs separated by commas (e.g. signIn=60/60,posting=10/60)',
  })
  RATE_LIMITS = '';

  @Matches(/^[\w:.-]{1,64}$/, { message: 'THROTTLE_KEY_PREFIX must be up to 64 letters, digits or _ : . -' })
  THROTTLE_KEY_PREFIX = 'alumnilink:throttle:';

  @IsOptional()
  @Matches(/^rediss?:\/\/\S+$/, { message: 'REDIS_URL must look like redis://host:6379 (or rediss:// for TLS)' })
  REDIS_URL?: string;
}

/** Caches and limits, and the Redis that shares them between instances. */
export interface LimitsConfig {
  /**
   * How long an answer to a public read (event list, campaign page…) is reused at most; a write
   * to a table it reads drops it at once (read-cache/). 0 turns the cache off.
   */
  readCacheSeconds: number;
  throttle: {
    ttlSeconds: number;
    limit: number;
    /** Limits of single actions (sign-in, posting…); null when RATE_LIMITS=off. */
    actions: RateLimits | null;
    /** Prefix of the counters' keys in Redis. */
    keyPrefix: string;
  };
  /** Shared caches (the WeChat access token, rate-limit counts) live here when set; in PostgreSQL or per instance otherwise. */
  redisUrl: string | null;
}

export function readLimitsConfig(reader: EnvReader): LimitsConfig {
  const vars = reader.read(LimitsVariables);
  return {
    readCacheSeconds: vars.READ_CACHE_SECONDS,
    throttle: {
      ttlSeconds: vars.THROTTLE_TTL_SECONDS,
      limit: vars.THROTTLE_LIMIT,
      actions: parseRateLimits(vars.RATE_LIMITS, reader.problems),
      keyPrefix: vars.THROTTLE_KEY_PREFIX,
    },
    redisUrl: vars.REDIS_URL ?? null,
  };
}
