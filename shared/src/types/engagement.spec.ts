import { describeInteraction } from './engagement.js';

const row = (kind: string, subjectTitle: string | null, detail: Record<string, unknown> = {}) => ({ kind, subjectTitle, detail });

describe('describeInteraction', () => {
  it('names what happened: the event, the group, the campaign and the amount', () => {
    expect(describeInteraction(row('events.registered', '2025 返校日'))).toBe('报名了 2025 返校日');
    expect(describeInteraction(row('events.waitlisted', '2025 返校日'))).toBe('候补报名了 2025 返校日');
    expect(describeInteraction(row('groups.joined', '机械1201班'))).toBe('加入了 机械1201班');
    expect(describeInteraction(row('giving.donated', '助学基金', { amountFen: 5000 }))).toBe('为 助学基金 捐赠 ¥50');
    expect(describeInteraction(row('giving.donated', '助学基金', { amountFen: 1250 }))).toBe('为 助学基金 捐赠 ¥12.50');
  });

  it('reads as the label when the subject is gone, the amount is malformed or the kind has no sentence', () => {
    expect(describeInteraction(row('events.registered', null))).toBe('报名活动');
    expect(describeInteraction(row('giving.donated', '助学基金', { amountFen: 12.5 }))).toBe('捐赠');
    expect(describeInteraction(row('identity.verified', '某个标题'))).toBe('完成校友认证');
    expect(describeInteraction(row('unknown.kind', '某个标题'))).toBe('其他互动');
  });
});
