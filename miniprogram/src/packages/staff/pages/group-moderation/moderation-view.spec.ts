import type { ModerationItemDto } from '@alumni/shared';
import { moderationChoices, queueReasons } from './moderation-view';

function item(values: Partial<ModerationItemDto>): ModerationItemDto {
  return {
    kind: 'post',
    id: 'p1',
    group: { id: 'g1', name: '摄影爱好者' },
    postId: 'p1',
    author: { id: 'a1', displayName: '林晓', avatarUrl: null },
    text: '周末外拍',
    images: [],
    status: 'held',
    checkOutcome: 'review',
    reports: { count: 0, reasons: [] },
    queuedAt: '2026-01-01T00:00:00.000Z',
    createdAt: '2026-01-01T00:00:00.000Z',
    ...values,
  };
}

describe('moderation queue items', () => {
  it('lets staff publish or refuse a held item', () => {
    expect(moderationChoices(item({})).map((c) => c.action)).toEqual(['reject', 'approve']);
  });

  it('lets staff keep or take down a reported published post', () => {
    const reported = item({ status: 'published', checkOutcome: 'pass', reports: { count: 2, reasons: ['广告营销', '广告营销'] } });
    expect(moderationChoices(reported).map((c) => c.action)).toEqual(['approve', 'remove']);
    expect(queueReasons(reported)).toEqual(['被举报 2 次：广告营销']);
  });

  it('says why a held item waits: the check asked for review, or could not answer', () => {
    expect(queueReasons(item({}))).toEqual(['内容安全检查建议人工复核']);
    expect(queueReasons(item({ checkOutcome: 'unavailable' }))).toEqual(['内容安全检查未能完成，已先行拦截']);
  });
});
