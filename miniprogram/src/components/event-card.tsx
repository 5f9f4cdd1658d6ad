import { EVENT_KIND_LABELS, formatShanghaiShort, type EventSummaryDto } from '@alumni/shared';
import { Text, View } from '@tarojs/components';
import './event-card.scss';

export function EventCard({ event }: { event: EventSummaryDto }) {
  const full = event.confirmedCount >= event.capacity;
  return (
    <View className="event-card">
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
