import { matchConditions, matchedLine, matchState, ratioLabel } from './match-view';

const window = { startsAt: '2026-12-06T12:00:00.000Z', endsAt: '2026-12-07T12:00:00.000Z' };
const at = (iso: string) => Date.parse(iso);

describe('matching gifts (配捐) as alumni read them', () => {
  it('says where a pledge stands: not started, matching, used up, ended', () => {
    expect(matchState({ ...window, remainingFen: 100 }, at('2026-12-06T11:59:59.999Z'))).toBe('upcoming');
    expect(matchState({ ...window, remainingFen: 100 }, at('2026-12-06T12:00:00.000Z'))).toBe('live');
    expect(matchState({ ...window, remainingFen: 0 }, at('2026-12-06T13:00:00.000Z'))).toBe('spent');
    expect(matchState({ ...window, remainingFen: 100 }, at('2026-12-07T12:00:00.000Z'))).toBe('ended');
  });

  it('names the ratio: 1:1, or what ¥1 brings', () => {
    expect(ratioLabel(100)).toBe('1:1 配捐');
    expect(ratioLabel(50)).toBe('每捐 ¥1 配 ¥0.5');
    expect(ratioLabel(200)).toBe('每捐 ¥1 配 ¥2');
  });

  it('names who is matched', () => {
    expect(matchConditions({ firstTimeOnly: false, forClass: null })).toBe('');
    expect(matchConditions({ firstTimeOnly: true, forClass: { graduationYear: 2015, departmentId: 'd', className: '计科1班' } })).toBe(
      '仅首次捐赠的校友 · 限 2015 届 计科1班',
    );
  });

  it('tells the donor what the match added, net of refunds', () => {
    expect(matchedLine({ amountFen: 3000, refundedFen: 0, matchedFen: 0 })).toBe('');
    expect(matchedLine({ amountFen: 3000, refundedFen: 1000, matchedFen: 2000 })).toBe('你的捐赠获配捐 ¥20.00，共为项目带来 ¥40.00');
  });
});
