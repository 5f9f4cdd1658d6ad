import { type CampusDayDto, formatShanghaiShort } from '@alumni/shared';
import { Text, View } from '@tarojs/components';
import { KeepsakeImage } from './keepsake-image';
import { progressLine } from './stamp-view';
import './stamp-card.scss';

/** The stamp card: every spot of the day, stamped or waiting; the keepsake once the set is complete. */
export function StampCard({ day, highlight }: { day: CampusDayDto; highlight?: string }) {
  return (
    <View className="cd-card">
      <View className="cd-card__head">
        <Text className="cd-card__title">{day.event.title}</Text>
        <Text className="cd-card__progress">{progressLine(day)}</Text>
      </View>
      <View className="cd-card__spots">
        {day.spots.map((spot) => (
          <View
            key={spot.id}
            className={`cd-spot ${spot.collectedAt ? 'cd-spot--stamped' : ''} ${highlight === spot.id ? 'cd-spot--new' : ''}`}
          >
            <View className="cd-spot__stamp">
              <Text>{spot.collectedAt ? '印' : spot.position + 1}</Text>
            </View>
            <Text className="cd-spot__name">{spot.name}</Text>
            <Text className="cd-spot__when">{spot.collectedAt ? formatShanghaiShort(spot.collectedAt) : '未打卡'}</Text>
          </View>
        ))}
      </View>
      {day.keepsake ? <KeepsakeImage keepsake={day.keepsake} /> : null}
    </View>
  );
}
