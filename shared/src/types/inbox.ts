/** The in-app message centre (消息): every notice AlumniLink sends, whether or not WeChat delivered it too. */

export interface InboxMessageDto {
  id: string;
  /** What the notice is about, e.g. `giving.funds_used` (the outbox kind). */
  kind: string;
  /** A short headline, e.g. 善款使用公示. */
  title: string;
  /** The notice in a sentence or two. */
  body: string;
  /** The mini-program page it opens (`packages/...?id=...`, no leading slash), or null. */
  page: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface InboxUnreadDto {
  unread: number;
}
