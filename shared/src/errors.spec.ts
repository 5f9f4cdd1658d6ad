import { ERRORS, ERROR_CODES, isErrorBody, isErrorCode } from './errors.js';

describe('error catalogue', () => {
  it('names every code in upper snake case with a 4xx/5xx status and a Chinese message', () => {
    for (const code of ERROR_CODES) {
      expect(code).toMatch(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/);
      const { status, message } = ERRORS[code];
      expect(status >= 400 && status <= 599).toBe(true);
      expect(message).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('recognises its own error body and nothing else', () => {
    expect(isErrorBody({ error: { code: 'INTERNAL', message: 'x', details: [] } })).toBe(true);
    expect(isErrorBody({ error: { code: 'NOT_A_CODE', message: 'x' } })).toBe(false);
    expect(isErrorBody({ message: 'x' })).toBe(false);
    expect(isErrorCode('toString')).toBe(false);
  });
});
