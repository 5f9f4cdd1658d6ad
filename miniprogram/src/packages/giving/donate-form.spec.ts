import {
  amountChips,
  amountProblemFromServer,
  attemptFor,
  checkAmount,
  initialChoice,
  newDonationKey,
  toDonationRequest,
} from './donate-form';
import { aidCampaign, saplingCampaign } from './test-fixtures';

describe('amount chips', () => {
  it('offers unit chips with their price on a sapling drive', () => {
    const chips = amountChips(saplingCampaign());
    expect(chips.map((c) => [c.label, c.hint])).toEqual([
      ['1 棵树苗', '¥30'],
      ['3 棵树苗', '¥90'],
      ['5 棵树苗', '¥150'],
      ['10 棵树苗', '¥300'],
    ]);
    expect(chips[1].choice).toEqual({ kind: 'units', units: 3 });
  });

  it('drops unit chips the drive’s minimum or maximum does not allow', () => {
    const chips = amountChips(saplingCampaign({ minAmountFen: 5000, maxAmountFen: 20000 }));
    expect(chips.map((c) => c.label)).toEqual(['3 棵树苗', '5 棵树苗']);
  });

  it('offers the suggested amounts on a drive without a unit, within the limits', () => {
    expect(amountChips(aidCampaign()).map((c) => c.label)).toEqual(['¥20', '¥50', '¥200']);
    expect(amountChips(aidCampaign({ maxAmountFen: 5000 })).map((c) => c.label)).toEqual(['¥20', '¥50']);
  });

  it('falls back to a few common amounts when staff suggested none', () => {
    expect(amountChips(aidCampaign({ suggestedAmountsFen: [] })).map((c) => c.label)).toEqual(['¥10', '¥50', '¥100', '¥500']);
  });

  it('starts on the first chip, or on the custom field when no chip fits', () => {
    expect(initialChoice(saplingCampaign())).toEqual({ kind: 'units', units: 1 });
    expect(initialChoice(aidCampaign({ suggestedAmountsFen: [], minAmountFen: 100_000 }))).toEqual({ kind: 'custom', text: '' });
  });
});

describe('checking the amount', () => {
  const sapling = saplingCampaign();

  it('prices unit chips by the unit, in integer fen', () => {
    expect(checkAmount(sapling, { kind: 'units', units: 3 })).toEqual({ ok: true, fen: 9000, units: 3 });
  });

  it('turns a typed amount into fen and the whole units it buys', () => {
    expect(checkAmount(sapling, { kind: 'custom', text: '100' })).toEqual({ ok: true, fen: 10000, units: 3 });
    expect(checkAmount(sapling, { kind: 'custom', text: '0.1' })).toEqual({ ok: false, problem: '单笔最少 ¥1' });
    expect(checkAmount(aidCampaign(), { kind: 'custom', text: '12.34' })).toEqual({ ok: true, fen: 1234, units: 0 });
  });

  it('refuses amounts outside the drive’s minimum and maximum', () => {
    expect(checkAmount(sapling, { kind: 'custom', text: '0' })).toEqual({ ok: false, problem: '单笔最少 ¥1' });
    expect(checkAmount(sapling, { kind: 'custom', text: '3000.01' })).toEqual({ ok: false, problem: '单笔最多 ¥3,000' });
    expect(checkAmount(sapling, { kind: 'custom', text: '3000' })).toMatchObject({ ok: true, fen: 300_000 });
    expect(checkAmount(sapling, { kind: 'custom', text: '1' })).toMatchObject({ ok: true, fen: 100 });
  });

  it('refuses what is not an amount, and says nothing about an empty field', () => {
    for (const text of ['abc', '1.234', '-5', '1e3'])
      expect(checkAmount(sapling, { kind: 'custom', text })).toEqual({ ok: false, problem: '请输入正确的金额，最多两位小数' });
    expect(checkAmount(sapling, { kind: 'custom', text: '  ' })).toEqual({ ok: false, problem: null });
  });
});

describe('the order', () => {
  const draft = { choice: { kind: 'units', units: 1 } as const, message: '  母校加油 ', anonymous: true, hideAmount: false };

  it('sends units for a unit chip and the amount for anything else', () => {
    expect(toDonationRequest(draft, 3000)).toEqual({ units: 1, message: '母校加油', anonymous: true, hideAmount: false });
    expect(toDonationRequest({ ...draft, choice: { kind: 'custom', text: '88' } }, 8800)).toEqual({
      amountFen: 8800,
      message: '母校加油',
      anonymous: true,
      hideAmount: false,
    });
  });

  it('keeps the idempotency key while the gift is unchanged, and takes a new one when it changes', () => {
    let n = 0;
    const key = () => `key-${++n}-xxxxxx`;
    const first = attemptFor(null, { units: 1 }, key);
    expect(attemptFor(first, { units: 1 }, key)).toBe(first);
    expect(attemptFor(first, { units: 2 }, key).key).toBe('key-2-xxxxxx');
  });

  it('makes keys the server accepts', () => {
    expect(newDonationKey()).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(newDonationKey()).not.toBe(newDonationKey());
  });

  it('says the server’s amount refusals against the drive’s limits, and leaves other refusals to the toast', () => {
    const sapling = saplingCampaign({ minAmountFen: 500 });
    expect(amountProblemFromServer('DONATION_AMOUNT_TOO_SMALL', [], sapling)).toBe('单笔最少 ¥5');
    expect(amountProblemFromServer('DONATION_AMOUNT_TOO_LARGE', [], sapling)).toBe('单笔最多 ¥3,000');
    expect(amountProblemFromServer('DONATION_AMOUNT_TOO_LARGE', [], aidCampaign({ maxAmountFen: null }))).toBe('金额超过单笔上限');
    expect(amountProblemFromServer('VALIDATION_FAILED', [{ field: 'amountFen', issue: 'x' }], sapling)).toBe(
      '请输入正确的金额，最多两位小数',
    );
    expect(amountProblemFromServer('VALIDATION_FAILED', [{ field: 'message', issue: 'x' }], sapling)).toBeNull();
    expect(amountProblemFromServer('CAMPAIGN_NOT_OPEN', [], sapling)).toBeNull();
  });
});
