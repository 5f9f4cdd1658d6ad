import { EVENT_KIND_LABELS, formatShanghaiShort, type EventSummaryDto } from '@alumni/shared';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import './event-card.scss';

export const EVENT_DETAIL_URL = '/packages/events/pages/detail/index';

/** A tap opens the event page, unless the caller (a staff list) says otherwise. */
export function EventCard({ event, onClick }: { event: EventSummaryDto; onClick?: () => void }) {
  const full = event.confirmedCount >= event.capacity;
  const open = onClick ?? (() => void Taro.navigateTo({ url: `${EVENT_DETAIL_URL}?id=${event.id}` }));
  return (
    <View className="event-card" onClick={open}>
      <View className="event-card__top">
        <Text className="event-card__kind">{EVENT_KIND_LABELS[event.kind]}</Text>
        <Text className={full ? 'event-card__seats event-card__seats--full' : 'event-card__seats'}>
          {full ? '已满 ' : '已报名 '}
          <Text className="event-card__seats-count">
            {event.confirmedCount}/{event.capacity}
          </Text>
        </Text>
      </View>
      <Text className="event-card__title">{event.title}</Text>
      <View className="event-card__meta">
        <Text className="event-card__time">{formatShanghaiShort(event.startsAt)}</Text>
        <Text className="event-card__dot">·</Text>
        <Text className="event-card__place">{event.online ? '线上' : (event.venue ?? event.city ?? '地点待定')}</Text>
      </View>
    </View>
  );
}
