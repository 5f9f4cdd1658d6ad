import { Writable } from 'node:stream';
import pino from 'pino';
import { redactSecrets } from './logging.js';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  const formatters = { log: (object: Record<string, unknown>) => redactSecrets(object) as Record<string, unknown> };
  return { logger: pino({ formatters }, stream), output: () => lines.join('') };
}

describe('log redaction', () => {
  it('never writes credentials, tokens or phone numbers, at any depth we log', () => {
    const { logger, output } = capture();
    logger.info(
      {
        req: { headers: { authorization: 'Bearer eyJsecret', cookie: 'sid=secret-cookie' } },
        phone: '13800001234',
        alumnus: { phoneNumber: '+86 13900005678', refreshToken: 'rt-secret' },
        wechat: { response: { session_key: 'c2Vzc2lvbi1rZXk=', purePhoneNumber: '13700009999' } },
        deep: { a: { b: { c: [{ token: 'deep-token-secret' }] } } },
        code: 'js-code-single-use',
      },
      'signed in',
    );
    const line = output();
    for (const secret of [
      'eyJsecret',
      'secret-cookie',
      '13800001234',
      '13900005678',
      'rt-secret',
      'c2Vzc2lvbi1rZXk=',
      '13700009999',
      'js-code-single-use',
      'deep-token-secret',
    ]) {
      expect(line).not.toContain(secret);
    }
    expect(line).toContain('[redacted]');
    expect(line).toContain('signed in');
  });
});

describe('redactSecrets', () => {
  it('leaves what it logs unchanged and copies only the objects that held a secret', () => {
    const clean = { route: { id: 1, tags: ['a', 'b'] } };
    expect(redactSecrets(clean)).toBe(clean);
    const original = { user: { id: 'u1', phone: '13800001234' }, other: { id: 2 } };
    const redacted = redactSecrets(original) as typeof original;
    expect(redacted).toEqual({ user: { id: 'u1', phone: '[redacted]' }, other: { id: 2 } });
    expect(redacted.other).toBe(original.other);
    expect(original.user.phone).toBe('13800001234');
  });

  it('passes class instances to their serializers and cuts off what is too deep to be ours', () => {
    const error = Object.assign(new Error('boom'), { token: 'kept for the error serializer' });
    const logged = { err: error };
    expect(redactSecrets(logged)).toBe(logged);
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic.self = cyclic;
    expect(JSON.stringify(redactSecrets(cyclic))).toContain('[redacted]');
  });
});
