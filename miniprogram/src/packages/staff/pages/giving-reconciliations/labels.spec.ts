import { RECONCILIATION_DIFFERENCE_KINDS } from '@alumni/shared';
import { DIFFERENCE_KIND_LABELS, differenceAmounts } from './labels';

describe('a reconciliation difference', () => {
  it('has a label for every kind', () => {
    expect(RECONCILIATION_DIFFERENCE_KINDS.map((kind) => DIFFERENCE_KIND_LABELS[kind]).every(Boolean)).toBe(true);
  });

  it('shows both amounts, and says which side has none', () => {
    expect(differenceAmounts({ ourFen: 3000, billFen: 3100 })).toBe('本系统 ¥30.00 · 微信支付 ¥31.00');
    expect(differenceAmounts({ ourFen: null, billFen: 3000 })).toBe('本系统 无 · 微信支付 ¥30.00');
  });
});
