import { checkMonthlyAmount, defaultPledgeDay, monthLabel } from './monthly-form';

describe('the 月捐 form', () => {
  it('takes ¥5 to ¥5000 a month, in yuan with at most two decimals', () => {
    expect(checkMonthlyAmount('30')).toEqual({ ok: true, fen: 3000 });
    expect(checkMonthlyAmount(' 12.5 ')).toEqual({ ok: true, fen: 1250 });
    expect(checkMonthlyAmount('4.99')).toEqual({ ok: false, problem: '每月金额须在 ¥5 到 ¥5,000 之间' });
    expect(checkMonthlyAmount('5000.01')).toMatchObject({ ok: false });
    expect(checkMonthlyAmount('abc')).toEqual({ ok: false, problem: '请输入金额，如 30 或 30.5' });
  });

  it('offers today (Beijing) as the day, the 28th at most, so every month has it', () => {
    expect(defaultPledgeDay(new Date('2026-12-05T20:00:00Z'))).toBe(6);
    expect(defaultPledgeDay(new Date('2026-12-30T02:00:00Z'))).toBe(28);
  });

  it('names a month in Chinese', () => {
    expect(monthLabel('2027-01')).toBe('2027年1月');
  });
});
