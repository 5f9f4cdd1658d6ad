import type { ContentReviewDto, HeldContentKind } from '@alumni/shared';

export const KIND_LABELS: Record<HeldContentKind, string> = {
  'profile-text': '校友资料',
  'donation-message': '捐赠留言',
  avatar: '头像',
  'group-cover': '群组封面',
  'post-image': '动态照片',
  'claim-evidence': '认证材料照片',
  'campaign-photo': '善款去向照片',
  'memory-photo': '老照片',
  'memory-comment': '老照片评论',
  'story-cover': '校友故事封面',
  'story-comment': '校友故事评论',
  'event-cover': '活动封面',
};

const FIELD_LABELS: Record<string, string> = {
  displayName: '昵称',
  realName: '姓名',
  major: '专业',
  className: '班级',
  city: '城市',
  industry: '行业',
  employer: '单位',
  jobTitle: '职务',
  bio: '个人简介',
  message: '留言',
  caption: '说明',
  report: '举报',
};

/** What the item is, in the words staff read: its kind and, for text, the field. */
export function itemTitle(item: ContentReviewDto): string {
  const field = item.field ? (FIELD_LABELS[item.field] ?? item.field) : null;
  return field ? `${KIND_LABELS[item.kind]} · ${field}` : KIND_LABELS[item.kind];
}

/** Why it waits: WeChat asked for a person (with its category), or could not give a verdict (with why). */
export function waitReason(item: ContentReviewDto): string {
  if (item.reason === 'reported') {
    // One entry however many report it: the count, and the latest reporter's reason.
    if (item.reportCount <= 1) return `校友举报${item.detail ? `：${item.detail}` : ''}`;
    return `校友举报 ${item.reportCount} 次${item.detail ? `，最近：${item.detail}` : ''}`;
  }
  if (item.reason === 'review') return `内容安全检查建议人工复核${item.label !== null ? `（类别 ${item.label}）` : ''}`;
  return `内容安全检查未能完成，已先行拦截${item.detail ? `：${item.detail}` : ''}`;
}

/** What each decision does, by kind: text is applied or dropped, an image kept or taken down. */
export function choiceLabels(item: ContentReviewDto): { approve: string; reject: string } {
  if (item.reason === 'reported') return { approve: '保留', reject: '撤下' };
  return item.text !== null ? { approve: '通过并生效', reject: '驳回' } : { approve: '保留图片', reject: '撤下图片' };
}
