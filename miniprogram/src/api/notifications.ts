import Taro from '@tarojs/taro';
import type {
  NotificationCountsDto,
  NotificationDto,
  NotificationStatus,
  Page,
  SubscriptionDto,
  SubscriptionResult,
  SubscriptionTemplateDto,
} from '@alumni/shared';
import { request } from './request';
import { showModal } from '../components/modal';

const IS_WEAPP = process.env.TARO_ENV === 'weapp';

let templates: SubscriptionTemplateDto[] = [];

/**
 * Loads the template ids once, ahead of the tap: WeChat only shows its subscription dialog
 * when `requestSubscribeMessage` is called directly in a tap handler, before any awaited
 * network call.
 */
export async function prefetchMessageTemplates(): Promise<void> {
  if (templates.length > 0) return;
  try {
    templates = await request<SubscriptionTemplateDto[]>({ path: '/api/v1/notifications/templates' });
  } catch {
    // Without templates we simply do not ask; nothing the alumnus does depends on it.
  }
}

export function recordSubscriptions(results: Record<string, SubscriptionResult>): Promise<SubscriptionDto[]> {
  return request<SubscriptionDto[]>({ method: 'PUT', path: '/api/v1/me/subscriptions', body: { results } });
}

/** WeChat's dialog in the mini-program; in the H5 demo a look-alike confirm stands in for it. */
function askWechat(chosen: SubscriptionTemplateDto[]): Promise<Record<string, SubscriptionResult>> {
  const ids = chosen.map((t) => t.templateId);
  if (IS_WEAPP) {
    return Taro.requestSubscribeMessage({ tmplIds: ids, entityIds: [] }).then((answer) => {
      const byId = answer as unknown as Record<string, unknown>;
      return Object.fromEntries(ids.map((id) => [id, (byId[id] as SubscriptionResult | undefined) ?? 'reject']));
    });
  }
  return showModal({
    title: '接收消息通知',
    content: `允许校友会向你发送：${chosen.map((t) => t.title).join('、')}（每项一次）`,
    confirmText: '允许',
    cancelText: '拒绝',
  }).then(({ confirm }) => Object.fromEntries(ids.map((id) => [id, confirm ? 'accept' : 'reject'])));
}

/**
 * Asks to send these messages (keys such as `eventReminder`) and tells the server what the
 * alumnus allowed. Call it synchronously in a tap handler (WeChat opens its dialog only from
 * a tap or a payment callback). It settles once the person has answered the dialog, never
 * with an error: declining, or any failure here, never blocks signing up or donating. A page
 * that opens another WeChat sheet next (payment) waits for it first, because two native
 * sheets at once collide; the answer is recorded on the server in the background.
 */
export function askForMessages(keys: string[]): Promise<void> {
  // WeChat shows at most three templates in one dialog.
  const chosen = templates.filter((t) => keys.includes(t.key)).slice(0, 3);
  if (chosen.length === 0) return Promise.resolve();
  return askWechat(chosen).then(
    (results) => void recordSubscriptions(results).catch(() => undefined),
    () => undefined,
  );
}

export function listNotifications(query: { status?: NotificationStatus; cursor?: string; limit?: number }): Promise<Page<NotificationDto>> {
  return request<Page<NotificationDto>>({ path: '/api/v1/staff/notifications', query });
}

export function getNotificationCounts(): Promise<NotificationCountsDto> {
  return request<NotificationCountsDto>({ path: '/api/v1/staff/notifications/counts' });
}

export function retryNotification(id: string): Promise<void> {
  return request<void>({ method: 'POST', path: `/api/v1/staff/notifications/${encodeURIComponent(id)}/retry` });
}
