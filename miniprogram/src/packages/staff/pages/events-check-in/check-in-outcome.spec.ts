import { cleanShortCode, outcomeOfError, outcomeOfResult } from './check-in-outcome';

const result = { registrationId: 'r1', alumnusId: 'a1', displayName: '林晓', checkedInAt: '2026-11-29T06:05:00.000Z' };

describe('check-in outcome', () => {
  it('tells a first check-in from a repeated one', () => {
    expect(outcomeOfResult({ ...result, alreadyCheckedIn: false })).toEqual({
      tone: 'ok',
      title: '已签到',
      detail: '林晓 · 11月29日 14:05',
    });
    expect(outcomeOfResult({ ...result, alreadyCheckedIn: true })).toMatchObject({ tone: 'repeat', title: '此前已签到' });
  });

  it.each([
    ['CHECK_IN_WRONG_EVENT', '不是本场活动的票'],
    ['CHECK_IN_TOKEN_EXPIRED', '签到码已过期'],
    ['CHECK_IN_TOKEN_INVALID', '无效的签到码'],
    ['CHECK_IN_CODE_INVALID', '签到码无效'],
    ['REGISTRATION_NOT_CONFIRMED', '报名未确认'],
  ])('names the refusal %s', (code, title) => {
    expect(outcomeOfError(code, 'server message')).toMatchObject({ tone: 'refused', title });
  });

  it('falls back to the server’s message for anything else', () => {
    expect(outcomeOfError('RATE_LIMITED', '请求过于频繁')).toEqual({ tone: 'refused', title: '签到失败', detail: '请求过于频繁' });
  });

  it('cleans a typed short code', () => {
    expect(cleanShortCode(' k7m2 qx9d ')).toBe('K7M2QX9D');
    expect(cleanShortCode('K7M2-QX9D')).toBe('K7M2QX9D');
  });
});
