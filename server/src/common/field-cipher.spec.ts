import { randomBytes } from 'node:crypto';
import { FieldCipher } from './field-cipher.js';

const key = () => randomBytes(32).toString('base64');

describe('FieldCipher', () => {
  const k1 = { id: 'k1', key: key() };
  const k2 = { id: 'k2', key: key() };

  it('round-trips a value and never stores the plaintext', () => {
    const cipher = new FieldCipher([k1], 'h'.repeat(32));
    const stored = cipher.encrypt('13812341234', 'phone');
    expect(stored).toMatch(/^k1:/);
    expect(stored).not.toContain('13812341234');
    expect(cipher.decrypt(stored, 'phone')).toBe('13812341234');
    expect(cipher.encrypt('13812341234', 'phone')).not.toBe(stored);
  });

  it('reads values written under an older key after rotation, and writes with the new one', () => {
    const old = new FieldCipher([k1], 'h'.repeat(32)).encrypt('13812341234', 'phone');
    const rotated = new FieldCipher([k2, k1], 'h'.repeat(32));
    expect(rotated.decrypt(old, 'phone')).toBe('13812341234');
    expect(rotated.isStale(old)).toBe(true);
    expect(rotated.encrypt('13812341234', 'phone')).toMatch(/^k2:/);
  });

  it('refuses tampered ciphertext, another field, and unknown keys', () => {
    const cipher = new FieldCipher([k1], 'h'.repeat(32));
    const stored = cipher.encrypt('13812341234', 'phone');
    const raw = Buffer.from(stored.slice(3), 'base64');
    raw[raw.length - 1]! ^= 1;
    expect(() => cipher.decrypt(`k1:${raw.toString('base64')}`, 'phone')).toThrow();
    expect(() => cipher.decrypt(stored, 'email')).toThrow();
    expect(() => new FieldCipher([k2], 'h'.repeat(32)).decrypt(stored, 'phone')).toThrow(/No key/);
  });

  it('hashes deterministically per key, so exact lookups work without decrypting', () => {
    const a = new FieldCipher([k1], 'a'.repeat(32));
    expect(a.lookupHash('13812341234', 'phone')).toBe(a.lookupHash('13812341234', 'phone'));
    expect(a.lookupHash('13812341234', 'phone')).not.toBe(new FieldCipher([k1], 'b'.repeat(32)).lookupHash('13812341234', 'phone'));
  });
});
