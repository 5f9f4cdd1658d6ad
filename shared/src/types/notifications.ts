/** Subscription messages: which templates the mini-program may ask for, and what was granted. */

export const SUBSCRIPTION_RESULTS = ['accept', 'reject', 'ban', 'filter'] as const;
/** What `wx.requestSubscribeMessage` answers per template id. */
export type SubscriptionResult = (typeof SUBSCRIPTION_RESULTS)[number];

export interface SubscriptionTemplateDto {
  /** Our name of the template, e.g. `eventReminder`. */
  key: string;
  /** The WeChat template id to pass to `wx.requestSubscribeMessage`. */
  templateId: string;
  /** What the alumnus is agreeing to receive, e.g. 活动开始提醒. */
  title: string;
}

export interface SubscriptionDto {
  key: string;
  /** Messages of this template we may still send (each acceptance grants one). */
  credits: number;
}

export interface RecordSubscriptionsDto {
  /** `wx.requestSubscribeMessage`'s answer: template id → result. */
  results: Record<string, SubscriptionResult>;
}

export const NOTIFICATION_STATUSES = ['pending', 'sent', 'failed', 'skipped'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

/** One outbox message as staff see it when checking delivery. */
export interface NotificationDto {
  id: string;
  alumnusId: string | null;
  alumnusName: string | null;
  kind: string;
  templateKey: string | null;
  status: NotificationStatus;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

export interface NotificationCountsDto {
  pending: number;
  sent: number;
  failed: number;
  skipped: number;
}

/**
 * Who a mass notice (a fund-use entry, an event change) would reach, counted before staff
 * publish it: everyone gets it in the message centre; those holding an acceptance of its
 * template also get a WeChat message.
 */
export interface NoticeReachDto {
  recipients: number;
  /** Recipients with an acceptance left for the notice's subscription template. */
  wechat: number;
  /** Recipients who will see it only in the message centre (消息). */
  inAppOnly: number;
}
