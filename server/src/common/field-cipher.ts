import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

export interface CipherKey {
  id: string;
  /** 32 bytes, base64. */
  key: string;
}

const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Encrypts single sensitive fields (a phone number) with AES-256-GCM. The stored form is
 * `<keyId>:<base64 iv|tag|ciphertext>`: the key id travels with the ciphertext, so a new
 * key can become current while rows written under older keys still decrypt. The field name
 * is bound in as associated data, so a ciphertext copied into another column fails to open.
 */
export class FieldCipher {
  private readonly keys: Map<string, Buffer>;
  private readonly currentId: string;
  private readonly hashKey: Buffer;

  constructor(keys: CipherKey[], hashKey: string) {
    if (keys.length === 0) throw new Error('FieldCipher needs at least one key');
    this.keys = new Map(keys.map(({ id, key }) => [id, Buffer.from(key, 'base64')]));
    for (const [id, key] of this.keys) if (key.length !== 32) throw new Error(`Cipher key ${id} is not 32 bytes`);
    this.currentId = keys[0]!.id;
    this.hashKey = Buffer.from(hashKey, 'utf8');
  }

  encrypt(plaintext: string, field: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.keys.get(this.currentId)!, iv);
    cipher.setAAD(Buffer.from(field, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return `${this.currentId}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
  }

  /** Throws when the key id is unknown or the ciphertext was tampered with. */
  decrypt(stored: string, field: string): string {
    const colon = stored.indexOf(':');
    const key = colon > 0 ? this.keys.get(stored.slice(0, colon)) : undefined;
    if (!key) throw new Error(`No key for the ciphertext of ${field}`);
    const raw = Buffer.from(stored.slice(colon + 1), 'base64');
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(field, 'utf8'));
    decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  }

  /** Whether the value was written under an older key (a re-encryption job can find them). */
  isStale(stored: string): boolean {
    return !stored.startsWith(`${this.currentId}:`);
  }

  /** Keyed hash (HMAC-SHA256, hex) for exact lookups without decrypting every row. */
  lookupHash(plaintext: string, field: string): string {
    return createHmac('sha256', this.hashKey).update(`${field}\0${plaintext}`).digest('hex');
  }
}
