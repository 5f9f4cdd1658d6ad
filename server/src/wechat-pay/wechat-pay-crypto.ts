import {
  constants,
  createCipheriv,
  createDecipheriv,
  createSign,
  createVerify,
  type KeyObject,
  privateDecrypt,
  publicEncrypt,
  randomBytes,
} from 'node:crypto';

/**
 * The signatures and encryption of WeChat Pay API v3 (wechat-contracts.md §7.1, §7.2, §7.4,
 * §7.5), as pure functions: the client and the local fake share them, so the fake checks the
 * exact bytes the client signs.
 */

export const AUTH_SCHEME = 'WECHATPAY2-SHA256-RSA2048';

/** Every line, the last included, ends in `\n`. */
const lines = (...parts: string[]) => parts.map((p) => `${p}\n`).join('');

/** 32 hex characters: the nonce of requests, answers and `requestPayment`. */
export const nonce = () => randomBytes(16).toString('hex').toUpperCase();

export const unixSeconds = (ms: number = Date.now()) => Math.floor(ms / 1000);

/** SHA256withRSA (PKCS#1 v1.5), Base64. */
export function rsaSign(privateKey: KeyObject, message: string): string {
  return createSign('RSA-SHA256').update(message, 'utf8').sign(privateKey, 'base64');
}

export function rsaVerify(publicKey: KeyObject, message: string, signature: string): boolean {
  try {
    return createVerify('RSA-SHA256').update(message, 'utf8').verify(publicKey, signature, 'base64');
  } catch {
    return false;
  }
}

/** The five-line message a merchant request signs: method, path with query, timestamp, nonce, the exact body. */
export function requestMessage(method: string, pathWithQuery: string, timestamp: string, nonceStr: string, body: string): string {
  return lines(method, pathWithQuery, timestamp, nonceStr, body);
}

/** The three-line message WeChat Pay signs on answers and notifications: timestamp, nonce, the raw body. */
export function answerMessage(timestamp: string, nonceStr: string, body: string): string {
  return lines(timestamp, nonceStr, body);
}

/** The four-line message `paySign` signs for `wx.requestPayment`; signType is not part of it. */
export function paySignMessage(appId: string, timeStamp: string, nonceStr: string, pkg: string): string {
  return lines(appId, timeStamp, nonceStr, pkg);
}

export interface AuthorizationFields {
  mchid: string;
  nonce_str: string;
  signature: string;
  timestamp: string;
  serial_no: string;
}

export function authorizationHeader(fields: AuthorizationFields): string {
  const pairs = (Object.keys(fields) as (keyof AuthorizationFields)[]).map((key) => `${key}="${fields[key]}"`);
  return `${AUTH_SCHEME} ${pairs.join(',')}`;
}

/** The five fields of an Authorization header, or null when it is not a well-formed v3 one. */
export function parseAuthorization(header: string | undefined): AuthorizationFields | null {
  if (!header?.startsWith(`${AUTH_SCHEME} `)) return null;
  const fields: Record<string, string> = {};
  for (const pair of header.slice(AUTH_SCHEME.length + 1).split(',')) {
    const match = /^(\w+)="([^"]*)"$/.exec(pair);
    if (!match) return null;
    fields[match[1]!] = match[2]!;
  }
  const names: (keyof AuthorizationFields)[] = ['mchid', 'nonce_str', 'signature', 'timestamp', 'serial_no'];
  return names.every((name) => typeof fields[name] === 'string' && fields[name] !== '') ? (fields as unknown as AuthorizationFields) : null;
}

/** An encrypted notification resource (§7.5). */
export interface EncryptedResource {
  original_type: string;
  algorithm: string;
  ciphertext: string;
  associated_data: string;
  nonce: string;
}

const TAG_BYTES = 16;

/** AES-256-GCM with the APIv3 key; the Base64 ciphertext ends with the 16-byte tag. Throws when the tag does not match. */
export function decryptResource(apiV3Key: string, resource: EncryptedResource): string {
  if (resource.algorithm !== 'AEAD_AES_256_GCM') throw new Error(`unsupported algorithm ${resource.algorithm}`);
  const data = Buffer.from(resource.ciphertext, 'base64');
  if (data.length <= TAG_BYTES) throw new Error('ciphertext too short');
  const decipher = createDecipheriv('aes-256-gcm', Buffer.from(apiV3Key, 'utf8'), Buffer.from(resource.nonce, 'utf8'));
  decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
  decipher.setAAD(Buffer.from(resource.associated_data ?? '', 'utf8'));
  return Buffer.concat([decipher.update(data.subarray(0, data.length - TAG_BYTES)), decipher.final()]).toString('utf8');
}

/** The inverse of decryptResource, as WeChat Pay does it: a 12-character nonce, the tag appended. */
export function encryptResource(apiV3Key: string, originalType: string, plaintext: string): EncryptedResource {
  const iv = randomBytes(9).toString('base64url'); // 12 characters
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(apiV3Key, 'utf8'), Buffer.from(iv, 'utf8'));
  cipher.setAAD(Buffer.from(originalType, 'utf8'));
  const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return {
    original_type: originalType,
    algorithm: 'AEAD_AES_256_GCM',
    ciphertext: data.toString('base64'),
    associated_data: originalType,
    nonce: iv,
  };
}

/**
 * A sensitive request field (a bank card number, a name) as WeChat Pay wants it: RSAES-OAEP
 * (SHA-1, MGF1: node's default OAEP hash, WeChat Pay's `OAEPWithSHA-1AndMGF1Padding`) with the
 * WeChat Pay public key or platform certificate named in `Wechatpay-Serial`, Base64.
 */
export function encryptSensitive(publicKey: KeyObject, plaintext: string): string {
  return publicEncrypt({ key: publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING }, Buffer.from(plaintext, 'utf8')).toString('base64');
}

/** The inverse, with the private key: only WeChat Pay (here, the fake) can do it. Throws when it does not decrypt. */
export function decryptSensitive(privateKey: KeyObject, ciphertext: string): string {
  return privateDecrypt({ key: privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING }, Buffer.from(ciphertext, 'base64')).toString('utf8');
}
