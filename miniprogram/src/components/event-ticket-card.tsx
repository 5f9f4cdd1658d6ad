import { formatShanghaiShort, REGISTRATION_STATUS_LABELS, type TicketDto } from '@alumni/shared';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { EVENT_DETAIL_URL } from './event-card';
import './event-ticket-card.scss';

export const TICKET_URL = '/packages/events/pages/ticket/index';

/** What the ticket's chip says: checked in beats confirmed; a cancelled event says so. */
export function ticketLabel(ticket: TicketDto): { text: string; tone: 'ok' | 'wait' | 'off' | 'done' } {
  if (ticket.checkedInAt) return { text: '已签到', tone: 'done' };
  if (ticket.event.status === 'cancelled') return { text: '活动已取消', tone: 'off' };
  if (ticket.status === 'confirmed') return { text: REGISTRATION_STATUS_LABELS.confirmed, tone: 'ok' };
  if (ticket.status === 'waitlisted') return { text: REGISTRATION_STATUS_LABELS.waitlisted, tone: 'wait' };
  return { text: REGISTRATION_STATUS_LABELS.cancelled, tone: 'off' };
}

/** One of my registrations; a confirmed ticket of a coming event opens its QR code, others the event page. */
export function EventTicketCard({ ticket }: { ticket: TicketDto }) {
  const label = ticketLabel(ticket);
  const showsCode = ticket.status === 'confirmed' && ticket.event.status === 'published' && !ticket.checkedInAt;
  const open = () =>
    void Taro.navigateTo({
      url: showsCode ? `${TICKET_URL}?id=${ticket.id}&eventId=${ticket.eventId}` : `${EVENT_DETAIL_URL}?id=${ticket.eventId}`,
    });
  return (
    <View className="event-ticket-card" onClick={open}>
      <View className="event-ticket-card__body">
        <Text className="event-ticket-card__title">{ticket.event.title}</Text>
        <Text className="event-ticket-card__meta">
          {formatShanghaiShort(ticket.event.startsAt)} ·{' '}
          {ticket.event.online ? '线上' : (ticket.event.venue ?? ticket.event.city ?? '地点待定')}
        </Text>
      </View>
      <View className="event-ticket-card__side">
        <Text className={`event-ticket-card__status event-ticket-card__status--${label.tone}`}>{label.text}</Text>
        {showsCode ? <Text className="event-ticket-card__code">电子票 ›</Text> : null}
      </View>
    </View>
  );
}
