import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';

/** Crockford base 32 (no I, L, O, U): codes read aloud or typed survive. */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE = /^[0-9A-HJKMNP-TV-Z]{8}$/;

/**
 * A dedicated key, derived like the check-in key (events/check-in-token.ts) but for spots:
 * a spot's signature can never stand in for a ticket, a session or the reverse.
 */
export function spotKey(serverSecret: string): Buffer {
  return createHmac('sha256', serverSecret).update('alumnilink campus-day spots v1').digest();
}

/** A new spot code: eight random Crockford characters (40 bits), unique by a database constraint. */
export function newSpotCode(): string {
  let code = '';
  for (let i = 0; i < 8; i++) code += CROCKFORD[randomInt(32)];
  return code;
}

function mac(key: Buffer, code: string, version: number): string {
  return createHmac('sha256', key).update(`spot:${code}:${version}`).digest().subarray(0, 9).toString('base64url');
}

/**
 * What a spot's printed code carries: `<code>.<version, base 36>.<first 9 bytes of the HMAC>`,
 * 22 characters of WeChat's scene alphabet, so it fits a mini-program code's 32-character scene
 * with its `t=` prefix. Printed codes do not rotate like tickets (they hang on a wall all day);
 * staff retire a leaked one by giving the spot a new version.
 */
export function signSpotToken(key: Buffer, code: string, version: number): string {
  return `${code}.${version.toString(36)}.${mac(key, code, version)}`;
}

/**
 * The code and version a token names, when its signature holds; null for anything else. A
 * scan may hand over the bare token, a `t=<token>` scene, or a page path or URL carrying
 * `scene=` (what scanning a mini-program code inside the app answers).
 */
export function verifySpotToken(key: Buffer, scanned: string): { code: string; version: number } | null {
  const token = tokenOf(scanned.trim());
  const parts = token.split('.');
  if (parts.length !== 3 || !CODE.test(parts[0]!) || !/^[0-9a-z]{1,6}$/.test(parts[1]!) || !/^[A-Za-z0-9_-]{12}$/.test(parts[2]!)) {
    return null;
  }
  const [code, versionText, given] = parts as [string, string, string];
  const version = parseInt(versionText, 36);
  const expected = Buffer.from(mac(key, code, version));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected) ? { code, version } : null;
}

/** The scene of a spot's mini-program code. */
export const spotScene = (token: string): string => `t=${token}`;

function tokenOf(scanned: string): string {
  const scene = /[?&]scene=([^&#]+)/.exec(scanned)?.[1];
  const value = scene !== undefined ? safeDecode(scene) : scanned;
  return value.startsWith('t=') ? value.slice(2) : value;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
