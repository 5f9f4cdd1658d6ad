import { applyDecorators, SetMetadata } from '@nestjs/common';
import type { ErrorCode } from '@alumni/shared';
import { ApiErrors } from '../api-errors.decorator.js';

/**
 * Actions limited on their own, beyond the global throttle, each with its 429 code: what an
 * attacker would repeat (guess codes, spam a feed, open payment orders). The limits are
 * per account when the request carries a valid access token, per client address otherwise.
 */
export const RATE_LIMITED_ACTIONS = {
  // Per address (sign-in is anonymous); generous, since a campus network shares one address.
  signIn: { code: 'SIGN_IN_RATE_LIMITED', limit: 60, ttlSeconds: 60 },
  // The daily cap on unmatched claims (CLAIM_RATE_LIMITED) stays in the verification service.
  verification: { code: 'VERIFICATION_RATE_LIMITED', limit: 10, ttlSeconds: 600 },
  posting: { code: 'POSTING_RATE_LIMITED', limit: 10, ttlSeconds: 60 },
  donation: { code: 'DONATION_RATE_LIMITED', limit: 10, ttlSeconds: 60 },
} as const satisfies Record<string, { code: ErrorCode; limit: number; ttlSeconds: number }>;

export type RateLimitedAction = keyof typeof RATE_LIMITED_ACTIONS;
export type RateLimits = Record<RateLimitedAction, { limit: number; ttlSeconds: number }>;

export const RATE_LIMITS_FORMAT = /^(off|([a-zA-Z]+=\d+\/\d+(,[a-zA-Z]+=\d+\/\d+)*)?)$/;

/**
 * RATE_LIMITS: `off` (benchmarks, tests of other features), or `action=limit/seconds` pairs
 * overriding the defaults above. Unknown actions and zeros are reported as problems.
 */
export function parseRateLimits(value: string, problems: string[]): RateLimits | null {
  if (value === 'off') return null;
  const limits = Object.fromEntries(
    Object.entries(RATE_LIMITED_ACTIONS).map(([action, { limit, ttlSeconds }]) => [action, { limit, ttlSeconds }]),
  ) as RateLimits;
  if (!RATE_LIMITS_FORMAT.test(value)) return limits;
  for (const pair of value.split(',').filter(Boolean)) {
    const [action, limit, ttlSeconds] = pair.split(/[=/]/) as [string, string, string];
    if (!Object.hasOwn(RATE_LIMITED_ACTIONS, action)) {
      problems.push(`RATE_LIMITS names an unknown action "${action}" (known: ${Object.keys(RATE_LIMITED_ACTIONS).join(', ')})`);
    } else if (Number(limit) < 1 || Number(ttlSeconds) < 1) {
      problems.push(`RATE_LIMITS for ${action} must allow at least 1 request per at least 1 second`);
    } else {
      limits[action as RateLimitedAction] = { limit: Number(limit), ttlSeconds: Number(ttlSeconds) };
    }
  }
  return limits;
}

export const RATE_LIMITED_ACTION = 'rate-limit:action';

/** Counts the route towards the action's limit (routes of one action share one count). */
export const RateLimit = (action: RateLimitedAction) =>
  applyDecorators(SetMetadata(RATE_LIMITED_ACTION, action), ApiErrors(RATE_LIMITED_ACTIONS[action].code));
