import type { NotificationStatus } from '@alumni/shared';

export const STATUS_TABS: { status: NotificationStatus; label: string }[] = [
  { status: 'failed', label: '发送失败' },
  { status: 'pending', label: '待发送' },
  { status: 'sent', label: '已送达' },
  { status: 'skipped', label: '未发送' },
];

/** What each kind of message is about, as staff say it. */
const KIND_LABELS: Record<string, string> = {
  'events.reminder': '活动提醒',
  'events.changed': '活动变更',
  'events.cancelled': '活动取消',
  'events.promoted': '候补转正',
  'verification.decided': '认证结果',
  'groups.join-decided': '入群审核结果',
  'groups.post-replied': '帖子回复',
  'giving.thanked': '捐赠致谢',
  'giving.funds_used': '善款去向',
  'giving.refunded': '退款',
  'giving.refund_rerouted': '退款改道',
};

export const kindLabel = (kind: string): string => KIND_LABELS[kind] ?? kind;

/** Why a message did not go out, in words staff can act on. */
export function reasonLabel(lastError: string | null): string | null {
  if (!lastError) return null;
  if (lastError.startsWith('not subscribed')) return '校友未订阅此类消息';
  if (lastError.startsWith('no template id')) return '未配置消息模板（WECHAT_TEMPLATE_IDS）';
  if (lastError.startsWith('the account is erased')) return '账号已注销或未绑定微信';
  if (lastError.startsWith('43101')) return '校友已用完或取消订阅';
  if (lastError.startsWith('40037')) return '模板 ID 无效，请检查配置';
  if (lastError.startsWith('47003')) return '消息内容不符合模板要求';
  if (lastError.startsWith('40003')) return '校友的微信身份无效';
  return `微信暂时不可用：${lastError}`;
}
