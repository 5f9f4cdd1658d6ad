import type { NoticeReachDto } from '@alumni/shared';

/**
 * What staff read before a mass notice goes out (a fund-use entry, an event change): everyone
 * gets it in the message centre, only those who accepted its template by WeChat message too.
 */
export function describeReach(reach: NoticeReachDto, who: string): string {
  if (reach.recipients === 0) return `目前没有需要通知的${who}`;
  return `将通知 ${reach.recipients} 位${who}：${reach.wechat} 位会收到微信消息，${reach.inAppOnly} 位只能在小程序「消息」中看到`;
}
