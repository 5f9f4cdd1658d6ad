import { saplingCampaign } from '../../../giving/test-fixtures';
import {
  type CampaignDraft,
  draftFromCampaign,
  emptyCampaignDraft,
  emptyDisbursementDraft,
  problemsFromServer,
  toCampaignInput,
  toDisbursementRequest,
} from './campaign-form';

const filled = (override: Partial<CampaignDraft> = {}): CampaignDraft => ({
  ...emptyCampaignDraft(new Date('2026-11-29T02:00:00.000Z')),
  title: '校友林植树',
  goalYuan: '30000',
  suggestedYuan: '30 90，150',
  maxYuan: '3000',
  endsAt: '2027-03-12 10:00',
  ...override,
});

describe('the campaign editor form', () => {
  it('turns yuan into integer fen and Beijing times into ISO', () => {
    const { input, problems } = toCampaignInput(filled({ minYuan: '0.5' }));
    expect(problems).toEqual({});
    expect(input).toMatchObject({
      title: '校友林植树',
      kind: 'sapling',
      goalFen: 3_000_000,
      unitName: '棵树苗',
      unitPriceFen: 3000,
      suggestedAmountsFen: [3000, 9000, 15000],
      minAmountFen: 50,
      maxAmountFen: 300_000,
      startsAt: '2026-11-29T02:00:00.000Z',
      endsAt: '2027-03-12T02:00:00.000Z',
      coverUrl: null,
    });
  });

  it('names every field to fix, in the server’s rules', () => {
    const { input, problems } = toCampaignInput(
      filled({ title: ' ', goalYuan: '', unitName: '', suggestedYuan: '30 abc', maxYuan: '0.5', endsAt: '2026-11-28 10:00' }),
    );
    expect(input).toBeNull();
    expect(problems).toEqual({
      title: '请填写项目名称',
      goalYuan: '请填写金额（元），最多两位小数',
      maxYuan: '单笔上限不能低于单笔下限',
      unitName: '植树项目须设置单位，如“棵树苗”',
      suggestedYuan: '推荐金额用空格分隔，如 30 100 500',
      endsAt: '结束时间须晚于开始时间',
    });
  });

  it('keeps suggested amounts inside the limits, and a unit needs its price', () => {
    expect(toCampaignInput(filled({ suggestedYuan: '5000' })).problems).toEqual({ suggestedYuan: '推荐金额须在单笔上下限之间' });
    expect(toCampaignInput(filled({ kind: 'general', unitName: '', unitPriceYuan: '' })).input).toMatchObject({
      unitName: null,
      unitPriceFen: null,
    });
    expect(toCampaignInput(filled({ unitPriceYuan: '' })).problems).toEqual({ unitPriceYuan: '请填写金额（元），最多两位小数' });
  });

  it('shows a saved campaign in yuan and round-trips it unchanged', () => {
    const campaign = saplingCampaign({ suggestedAmountsFen: [3000, 12345], maxAmountFen: null });
    const draft = draftFromCampaign(campaign);
    expect(draft).toMatchObject({ goalYuan: '30000', unitPriceYuan: '30', suggestedYuan: '30 123.45', minYuan: '1', maxYuan: '' });
    expect(toCampaignInput(draft).input).toMatchObject({
      goalFen: campaign.goalFen,
      suggestedAmountsFen: [3000, 12345],
      maxAmountFen: null,
      startsAt: campaign.startsAt,
    });
  });

  it('puts the server’s refusals on the fields they name', () => {
    expect(problemsFromServer('VALIDATION_FAILED', '参数有误', [{ field: 'goalFen', issue: 'x' }])).toEqual({ goalYuan: '参数有误' });
    expect(problemsFromServer('CAMPAIGN_UNIT_INVALID', '单位有误', [])).toEqual({ unitName: '单位有误' });
    expect(problemsFromServer('CAMPAIGN_WINDOW_INVALID', '时间有误', [])).toEqual({ endsAt: '时间有误' });
  });
});

describe('the disbursement form', () => {
  const now = new Date('2026-11-29T04:00:00.000Z');

  it('starts on today in Beijing and sends the amount in fen', () => {
    const draft = { ...emptyDisbursementDraft(new Date('2026-11-29T17:00:00.000Z')), amountYuan: '3600', purpose: ' 种下 120 棵树苗 ' };
    expect(draft.spentOn).toBe('2026-11-30');
    expect(toDisbursementRequest({ ...draft, spentOn: '2026-11-29' }, now)).toEqual({
      request: { spentOn: '2026-11-29', amountFen: 360_000, purpose: '种下 120 棵树苗' },
      problems: {},
    });
  });

  it('refuses a day in the future or not a day, no amount, and no purpose', () => {
    expect(toDisbursementRequest({ spentOn: '2026-11-30', amountYuan: '0', purpose: '' }, now).problems).toEqual({
      spentOn: '日期不能晚于今天',
      amountYuan: '请填写金额（元），最多两位小数',
      purpose: '请写明用途，如“在东坡种下 120 棵树苗”',
    });
    expect(toDisbursementRequest({ spentOn: '2026-2-30', amountYuan: '1', purpose: 'x' }, now).problems).toEqual({
      spentOn: '日期格式为 2026-11-20',
    });
  });
});
