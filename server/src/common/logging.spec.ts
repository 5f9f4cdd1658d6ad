import { Writable } from 'node:stream';
import pino from 'pino';
import { REDACTED_PATHS } from './logging.js';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { logger: pino({ redact: { paths: REDACTED_PATHS, censor: '[redacted]' } }, stream), output: () => lines.join('') };
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
    ]) {
      expect(line).not.toContain(secret);
    }
    expect(line).toContain('[redacted]');
    expect(line).toContain('signed in');
  });
});
