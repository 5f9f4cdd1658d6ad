import { fromXml, toXml, truncateUtf8, v2Sign, v2SignString, v2Verify } from './papay-crypto.js';

/**
 * The v2 signature (安全规范 › 签名算法) on WeChat Pay's own worked example: the parameters,
 * the key and both digests as that page prints them.
 */
const EXAMPLE = { appid: 'wxd930ea5d5a258f4f', mch_id: '10000100', device_info: '1000', body: 'test', nonce_str: 'ibuaiVcKdpRxkhJA' };
const KEY = '192006250b4c09247ec02edce69f6a2d';

describe('WeChat Pay v2 signature and XML (委托代扣)', () => {
  it('signs as the official example: sorted non-empty parameters, &key=, MD5 or HMAC-SHA256, upper-case', () => {
    expect(v2SignString({ ...EXAMPLE, sign: 'X', detail: '' }, KEY)).toBe(
      'appid=wxd930ea5d5a258f4f&body=test&device_info=1000&mch_id=10000100&nonce_str=ibuaiVcKdpRxkhJA&key=192006250b4c09247ec02edce69f6a2d',
    );
    expect(v2Sign(EXAMPLE, KEY, 'MD5')).toBe('9A0A8659F005D6984697E2CA0A9CF3B7');
    expect(v2Sign(EXAMPLE, KEY, 'HMAC-SHA256')).toBe('6A9AE1657590FD6257D693A078E1C3E4BB6BA4DC30B23E0EE2496E54170DACD6');
  });

  it('verifies by the kind the message names, MD5 when it names none, and refuses a changed field, a missing or foreign kind', () => {
    const signed = { ...EXAMPLE, sign: v2Sign(EXAMPLE, KEY, 'MD5') };
    expect(v2Verify(signed, KEY)).toBe(true);
    expect(v2Verify({ ...signed, body: 'test2' }, KEY)).toBe(false);
    expect(v2Verify({ ...signed, sign: '' }, KEY)).toBe(false);
    // Without sign_type the kind is MD5 (安全规范's default): an HMAC-SHA256 signature that does not say so fails.
    expect(v2Verify({ ...EXAMPLE, sign: v2Sign(EXAMPLE, KEY, 'HMAC-SHA256') }, KEY)).toBe(false);
    const hmac = { ...EXAMPLE, sign_type: 'HMAC-SHA256' };
    expect(v2Verify({ ...hmac, sign: v2Sign(hmac, KEY, 'HMAC-SHA256') }, KEY)).toBe(true);
    expect(v2Verify({ ...hmac, sign_type: 'RSA', sign: v2Sign(hmac, KEY, 'HMAC-SHA256') }, KEY)).toBe(false);
  });

  it('cuts a field to its length in UTF-8 bytes at a character boundary', () => {
    expect(truncateUtf8('校友月捐-abc', 127)).toBe('校友月捐-abc');
    // 42 Chinese characters are 126 bytes; a 43rd would make 129.
    expect(truncateUtf8('捐'.repeat(50), 127)).toBe('捐'.repeat(42));
    expect(truncateUtf8(`a${'😀'.repeat(2)}`, 6)).toBe('a😀');
  });

  it('reads and writes flat XML, and refuses nesting and entity declarations', () => {
    const xml = toXml({ a: '1', b: '<&>' });
    expect(fromXml(xml)).toEqual({ a: '1', b: '<&>' });
    expect(fromXml('<xml><a>x &amp; y</a><b><![CDATA[中文]]></b></xml>')).toEqual({ a: 'x & y', b: '中文' });
    expect(fromXml('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><xml><a>&e;</a></xml>')).toBeNull();
    expect(fromXml('<xml><a><b>1</b></a></xml>')).toBeNull();
    expect(fromXml('{"a":1}')).toBeNull();
  });
});
