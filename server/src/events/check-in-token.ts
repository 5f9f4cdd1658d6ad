import { createHmac, timingSafeEqual } from 'node:crypto';

/** Tokens rotate every step; the previous step's token is still accepted (grace for a slow scan). */
export const CHECK_IN_STEP_MS = 60_000;

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function checkInStep(now: number = Date.now()): number {
  return Math.floor(now / CHECK_IN_STEP_MS);
}

/** A dedicated key, so a check-in signature can never stand in for an access token or the reverse. */
export function checkInKey(serverSecret: string): Buffer {
  return createHmac('sha256', serverSecret).update('alumnilink check-in tokens v1').digest();
}

function mac(key: Buffer, purpose: string, registrationId: string, step: number): Buffer {
  return createHmac('sha256', key).update(`${purpose}:${registrationId}:${step}`).digest();
}

/** `<registration id, 16 bytes>.<step, base 36>.<first 12 bytes of the HMAC>`, all URL-safe: fits a small QR. */
export function signCheckInToken(key: Buffer, registrationId: string, step: number): string {
  const id = Buffer.from(registrationId.replace(/-/g, ''), 'hex').toString('base64url');
  return `${id}.${step.toString(36)}.${mac(key, 'token', registrationId, step).subarray(0, 12).toString('base64url')}`;
}

/** Eight Crockford base-32 characters (40 bits) bound to the registration and the step. */
export function checkInShortCode(key: Buffer, registrationId: string, step: number): string {
  const bytes = mac(key, 'code', registrationId, step);
  let code = '';
  let bits = 0n;
  for (const byte of bytes.subarray(0, 5)) bits = (bits << 8n) | BigInt(byte);
  for (let i = 7; i >= 0; i--) code += CROCKFORD[Number((bits >> BigInt(i * 5)) & 31n)];
  return code;
}

/** Typed codes forgive case and the letters people confuse with digits. */
export function normaliseShortCode(code: string): string {
  return code.trim().toUpperCase().replace(/O/g, '0').replace(/[IL]/g, '1');
}

export type TokenCheck = { ok: true; registrationId: string; step: number } | { ok: false; reason: 'invalid' | 'expired' };

export function verifyCheckInToken(key: Buffer, token: string, now: number = Date.now()): TokenCheck {
  const parts = token.trim().split('.');
  if (parts.length !== 3 || !/^[A-Za-z0-9_-]{22}$/.test(parts[0]!) || !/^[0-9a-z]{1,12}$/.test(parts[1]!)) {
    return { ok: false, reason: 'invalid' };
  }
  const hex = Buffer.from(parts[0]!, 'base64url').toString('hex');
  const registrationId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  const step = parseInt(parts[1]!, 36);
  const expected = mac(key, 'token', registrationId, step).subarray(0, 12);
  const given = Buffer.from(parts[2]!, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'invalid' };
  const current = checkInStep(now);
  if (step > current) return { ok: false, reason: 'invalid' };
  if (step < current - 1) return { ok: false, reason: 'expired' };
  return { ok: true, registrationId, step };
}
