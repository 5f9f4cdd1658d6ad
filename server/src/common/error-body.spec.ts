import { QueryFailedError } from 'typeorm';
import { toErrorBody } from './error-body.js';

const queryFailed = (code: string) => Object.assign(new QueryFailedError('UPDATE x', [], new Error('data error')), { code });

describe('toErrorBody', () => {
  it.each(['22001', '22003', '22021', '22P02', '23502', '23514'])(
    'answers PostgreSQL data error %s with 400 VALIDATION_FAILED, logged',
    (code) => {
      const { status, body, unexpected } = toErrorBody(queryFailed(code));
      expect(status).toBe(400);
      expect(body.error.code).toBe('VALIDATION_FAILED');
      expect(body.error.details).toEqual([{ issue: expect.any(String) }]);
      expect(unexpected).toBe(true);
    },
  );

  it.each(['23505', '40001', '40P01'])('answers a race PostgreSQL settled (%s) with 409 CONCURRENT_CHANGE, logged', (code) => {
    const { status, body, unexpected } = toErrorBody(queryFailed(code));
    expect(status).toBe(409);
    expect(body.error.code).toBe('CONCURRENT_CHANGE');
    expect(unexpected).toBe(true);
  });

  it('keeps other query failures a 500, whatever their code looks like', () => {
    for (const code of ['23503', '42P01', 'constructor', '__proto__']) expect(toErrorBody(queryFailed(code)).status).toBe(500);
  });
});
