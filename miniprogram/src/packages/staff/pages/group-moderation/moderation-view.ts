import type { ModerationItemDto } from '@alumni/shared';
import type { ModerationAction } from '../../../../api/group-posts';

const OUTCOME_NOTES = {
  review: '内容安全检查建议人工复核',
  unavailable: '内容安全检查未能完成，已先行拦截',
  pass: null,
  risky: null,
} as const;

/** Why an item is in the queue, in the words staff read. */
export function queueReasons(item: ModerationItemDto): string[] {
  const reasons: string[] = [];
  const note = OUTCOME_NOTES[item.checkOutcome];
  if (item.status === 'held' && note) reasons.push(note);
  if (item.reports.count > 0) {
    const distinct = [...new Set(item.reports.reasons)];
    reasons.push(`被举报 ${item.reports.count} 次${distinct.length > 0 ? `：${distinct.join('、')}` : ''}`);
  }
  return reasons;
}

/**
 * The decisions that fit the item: a held item is published or refused; a published one
 * that was reported is kept (its reports closed) or taken down.
 */
export function moderationChoices(item: ModerationItemDto): { action: ModerationAction; label: string; danger: boolean }[] {
  if (item.status === 'held') {
    return [
      { action: 'reject', label: '驳回', danger: true },
      { action: 'approve', label: '通过并发布', danger: false },
    ];
  }
  return [
    { action: 'approve', label: '驳回举报', danger: false },
    { action: 'remove', label: '删除内容', danger: true },
  ];
}

export const DONE_LABELS: Record<ModerationAction, string> = { approve: '已处理', reject: '已驳回', remove: '已删除' };
