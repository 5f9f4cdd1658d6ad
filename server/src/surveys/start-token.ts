import { createHmac, timingSafeEqual } from 'node:crypto';

/** A dedicated key, so a survey's start token never stands in for any other signature. */
export function startTokenKey(serverSecret: string): Buffer {
  return createHmac('sha256', serverSecret).update('alumnilink survey start tokens v1').digest();
}

const mac = (key: Buffer, surveyId: string, alumnusId: string, startedAt: number) =>
  createHmac('sha256', key).update(`${surveyId}:${alumnusId}:${startedAt}`).digest().subarray(0, 16);

/**
 * When an alumnus opened a questionnaire, signed by the server: `<ms, base 36>.<HMAC>`. Handed
 * back with the answers, it says how long they took, without a write when the page opens and
 * without trusting the phone's clock.
 */
export function signStartToken(key: Buffer, surveyId: string, alumnusId: string, startedAt: number): string {
  return `${startedAt.toString(36)}.${mac(key, surveyId, alumnusId, startedAt).toString('base64url')}`;
}

/** The moment the token was issued for this survey and alumnus, or null when it is not one of ours. */
export function verifyStartToken(key: Buffer, token: string, surveyId: string, alumnusId: string): number | null {
  const match = /^([0-9a-z]{1,12})\.([A-Za-z0-9_-]{22})$/.exec(token);
  if (!match) return null;
  const startedAt = parseInt(match[1]!, 36);
  const given = Buffer.from(match[2]!, 'base64url');
  const expected = mac(key, surveyId, alumnusId, startedAt);
  return given.length === expected.length && timingSafeEqual(given, expected) ? startedAt : null;
}
