import type { ContentReviewDto } from '@alumni/shared';
import { choiceLabels, itemTitle, waitReason } from './content-review-view';

const item = (overrides: Partial<ContentReviewDto> = {}): ContentReviewDto => ({
  id: 'r1',
  kind: 'profile-text',
  subjectId: 'a1',
  field: 'bio',
  author: { id: 'a1', displayName: '小舟' },
  text: '简介',
  imageUrl: null,
  reason: 'review',
  label: 20012,
  detail: null,
  reportCount: 0,
  queuedAt: '2026-12-06T06:00:00Z',
  ...overrides,
});

describe('content review queue wording', () => {
  it('names the kind and the field', () => {
    expect(itemTitle(item())).toBe('校友资料 · 个人简介');
    expect(itemTitle(item({ kind: 'avatar', field: '', text: null, imageUrl: '/api/v1/media-checks/x' }))).toBe('头像');
  });

  it('says why the item waits: a review with WeChat’s category, or no verdict with the reason', () => {
    expect(waitReason(item())).toBe('内容安全检查建议人工复核（类别 20012）');
    expect(waitReason(item({ reason: 'unavailable', label: null, detail: 'WeChat /wxa/msg_sec_check: -1 system error' }))).toBe(
      '内容安全检查未能完成，已先行拦截：WeChat /wxa/msg_sec_check: -1 system error',
    );
  });

  it('says how many readers reported an item, with the latest reason', () => {
    const reported = item({ kind: 'story-comment', field: 'report', reason: 'reported', label: null });
    expect(waitReason({ ...reported, reportCount: 1, detail: '广告营销' })).toBe('校友举报：广告营销');
    expect(waitReason({ ...reported, reportCount: 3, detail: '人身攻击' })).toBe('校友举报 3 次，最近：人身攻击');
    expect(itemTitle(reported)).toBe('校友故事评论 · 举报');
  });

  it('offers what a decision does to text and to an image', () => {
    expect(choiceLabels(item())).toEqual({ approve: '通过并生效', reject: '驳回' });
    expect(choiceLabels(item({ text: null, imageUrl: '/x' }))).toEqual({ approve: '保留图片', reject: '撤下图片' });
  });
});
