import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * WeChat Pay API v2 as 委托代扣 uses it (docs/wechat-pay.md, Entrusted deduction): flat XML
 * bodies and the v2 signature with the APIv2 key. v3's RSA and AEAD do not apply here.
 */
export type V2SignType = 'MD5' | 'HMAC-SHA256';
export type V2Fields = Record<string, string>;

/**
 * The v2 string to sign (安全规范 › 签名算法): every parameter with a non-empty value except
 * `sign`, in ASCII order of the names, `name=value` joined by `&`, then `&key=<APIv2 key>`.
 * Values are used as they are (not URL-encoded).
 */
export function v2SignString(fields: V2Fields, key: string): string {
  const pairs = Object.keys(fields)
    .filter((name) => name !== 'sign' && fields[name] !== undefined && fields[name] !== '')
    .sort()
    .map((name) => `${name}=${fields[name]}`);
  return `${pairs.join('&')}&key=${key}`;
}

/** MD5 or HMAC-SHA256 (keyed with the APIv2 key) of the string to sign, upper-case hex. */
export function v2Sign(fields: V2Fields, key: string, type: V2SignType): string {
  const text = v2SignString(fields, key);
  const digest = type === 'MD5' ? createHash('md5').update(text, 'utf8') : createHmac('sha256', key).update(text, 'utf8');
  return digest.digest('hex').toUpperCase();
}

/** Whether `fields.sign` is the v2 signature of the rest made with this kind (any `sign_type` field counts as an ordinary one). */
export function v2SignatureMatches(fields: V2Fields, key: string, type: V2SignType): boolean {
  if (typeof fields.sign !== 'string' || fields.sign === '') return false;
  const expected = Buffer.from(v2Sign(fields, key, type));
  const given = Buffer.from(fields.sign.toUpperCase());
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/**
 * Whether a message WeChat Pay sent (an answer, a notification) is signed with the APIv2 key.
 * The kind is the one it names in `sign_type`; without one it is MD5, the default of 安全规范 ›
 * 签名算法 (and the only kind the 委托代扣 pages name); any other named kind fails.
 */
export function v2Verify(fields: V2Fields, key: string): boolean {
  const named = fields.sign_type;
  const type: V2SignType | null = named === undefined || named === '' ? 'MD5' : named === 'MD5' || named === 'HMAC-SHA256' ? named : null;
  return type !== null && v2SignatureMatches(fields, key, type);
}

/**
 * `text` cut to at most `bytes` bytes of UTF-8, at a character's end. The v2 pages give lengths
 * without saying whether they count bytes or characters; bytes is the reading that fits both.
 */
export function truncateUtf8(text: string, bytes: number): string {
  let out = '';
  let used = 0;
  for (const char of text) {
    used += Buffer.byteLength(char, 'utf8');
    if (used > bytes) break;
    out += char;
  }
  return out;
}

/** A v2 random string: 32 characters of [0-9A-Z], within nonce_str's 32. */
export function v2Nonce(): string {
  return randomBytes(16).toString('hex').toUpperCase();
}

const cdata = (value: string) => `<![CDATA[${value.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;

/** `<xml><name><![CDATA[value]]></name>…</xml>`, the form of every v2 request and answer. */
export function toXml(fields: V2Fields): string {
  const body = Object.entries(fields)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => `<${name}>${cdata(value)}</${name}>`)
    .join('');
  return `<xml>${body}</xml>`;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const FIELD = /<([A-Za-z_][\w]*)>(?:<!\[CDATA\[([\s\S]*?)\]\]>|([^<]*))<\/\1>/g;

/**
 * The fields of a flat v2 XML message, or null when it is not one. A DOCTYPE or entity
 * declaration is refused outright (WeChat Pay's XXE warning for v2 callbacks), so nothing in
 * a message is ever expanded beyond the five predefined entities.
 */
export function fromXml(text: string): V2Fields | null {
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) return null;
  const root = /^\s*(?:<\?xml[^>]*\?>\s*)?<xml>([\s\S]*)<\/xml>\s*$/.exec(text);
  if (!root) return null;
  const fields: V2Fields = {};
  let rest = root[1]!;
  for (const match of root[1]!.matchAll(FIELD)) {
    const [whole, name, inCdata, plain] = match;
    fields[name!] = inCdata ?? plain!.replace(/&(lt|gt|amp|quot|apos);/g, (_, entity: string) => ENTITIES[entity]!);
    rest = rest.replace(whole, '');
  }
  // Anything left that is not whitespace is nesting or garbage: not a v2 message.
  return rest.trim() === '' ? fields : null;
}
