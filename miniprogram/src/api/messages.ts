import Taro from '@tarojs/taro';
import type { InboxMessageDto, InboxUnreadDto, Page } from '@alumni/shared';
import type { PageQuery } from './interactions';
import { request } from './request';

/** The 我的 tab's position in app.config.ts: its badge counts unread messages. */
const ME_TAB_INDEX = 4;

/** My messages (消息), newest first. */
export function listMessages(query: PageQuery = {}): Promise<Page<InboxMessageDto>> {
  return request<Page<InboxMessageDto>>({ path: '/api/v1/me/messages', query });
}

export function markMessageRead(id: string): Promise<void> {
  return request<void>({ method: 'POST', path: `/api/v1/me/messages/${encodeURIComponent(id)}/read` });
}

export function markAllMessagesRead(): Promise<InboxUnreadDto> {
  return request<InboxUnreadDto>({ method: 'POST', path: '/api/v1/me/messages/read-all' });
}

/** Shows `unread` on the 我的 tab (nothing when zero); a tab bar that is not there is no failure. */
export function showUnreadBadge(unread: number): void {
  const shown =
    unread > 0
      ? Taro.setTabBarBadge({ index: ME_TAB_INDEX, text: unread > 99 ? '99+' : String(unread) })
      : Taro.removeTabBarBadge({ index: ME_TAB_INDEX });
  void Promise.resolve(shown).catch(() => undefined);
}

/** How many messages are unread, shown on the 我的 tab as it is read. */
export async function refreshUnreadCount(): Promise<number> {
  const { unread } = await request<InboxUnreadDto>({ path: '/api/v1/me/messages/unread-count' });
  showUnreadBadge(unread);
  return unread;
}
