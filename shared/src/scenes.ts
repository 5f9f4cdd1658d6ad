/**
 * Scenes of mini-program codes that name a record by its uuid (a story's poster, a giving
 * day's poster): `<prefix>=` and the id's 16 bytes in base64url, 22 characters. The alphabet
 * is within the characters WeChat allows in a scene and the whole within its 32
 * (wechat-contracts.md §6). Derived from the id, so nothing is stored and a scene never
 * changes; the prefix says which kind of record it names. Pure string code: the server and
 * the mini-program both use it.
 */

const HEX = /^[0-9a-f]{32}$/;
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** The scene naming `id` (a uuid) under `prefix` (`s`, `gd`). */
export function uuidScene(prefix: string, id: string): string {
  const hex = id.replace(/-/g, '').toLowerCase();
  if (!HEX.test(hex)) throw new Error('not a uuid');
  let bits = '';
  for (const c of hex) bits += parseInt(c, 16).toString(2).padStart(4, '0');
  let out = '';
  for (let i = 0; i < bits.length; i += 6) out += B64[parseInt(bits.slice(i, i + 6).padEnd(6, '0'), 2)];
  return `${prefix}=${out}`;
}

/**
 * The uuid a scene made by `uuidScene(prefix, …)` names (as WeChat hands it to the page,
 * maybe percent-encoded), or null when it is not one of that prefix's.
 */
export function uuidOfScene(prefix: string, scene: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(scene);
  } catch {
    return null;
  }
  if (!decoded.startsWith(`${prefix}=`)) return null;
  const code = decoded.slice(prefix.length + 1);
  if (!/^[A-Za-z0-9_-]{22}$/.test(code)) return null;
  let bits = '';
  for (const c of code) bits += B64.indexOf(c).toString(2).padStart(6, '0');
  // The last character carries 4 spare bits: only the spelling uuidScene makes names the record.
  if (!/^0+$/.test(bits.slice(128))) return null;
  let hex = '';
  for (let i = 0; i < 128; i += 4) hex += parseInt(bits.slice(i, i + 4), 2).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
