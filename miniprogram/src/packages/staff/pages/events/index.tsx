import {
  EVENT_KIND_LABELS,
  EVENT_STATUS_LABELS,
  EVENT_STATUSES,
  type EventDetailDto,
  type EventStatus,
  formatShanghaiShort,
} from '@alumni/shared';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { listStaffEvents } from '../../../../api/staff-events';
import { EmptyState } from '../../../../components/empty-state';
import { StaffRecordList } from '../../record-list';
import { CHECK_IN_URL, EDITOR_URL, REGISTRANTS_URL } from './urls';
import './index.scss';

/** Every event, drafts included, latest start first, with the tools for each. */
export default function StaffEventsPage() {
  const [status, setStatus] = useState<EventStatus | undefined>();
  return (
    <StaffRecordList<EventDetailDto>
      block="staff-events"
      top={
        <View className="staff-filter-chips">
          {[undefined, ...EVENT_STATUSES].map((s) => (
            <Text
              key={s ?? 'all'}
              className={s === status ? 'staff-filter-chip staff-filter-chip--active' : 'staff-filter-chip'}
              onClick={() => setStatus(s)}
            >
              {s ? EVENT_STATUS_LABELS[s] : '全部'}
            </Text>
          ))}
        </View>
      }
      newLabel="新建活动"
      editorUrl={EDITOR_URL}
      fetchPage={(cursor) => listStaffEvents({ status, cursor, limit: 20 })}
      filterKey={status ?? 'all'}
      empty={<EmptyState title="还没有活动" description="点“新建活动”发布第一场校友活动" />}
      render={(event) => <StaffEventItem key={event.id} event={event} />}
    />
  );
}

function StaffEventItem({ event }: { event: EventDetailDto }) {
  const go = (url: string) => void Taro.navigateTo({ url: `${url}?id=${event.id}` });
  const live = event.status === 'published';
  return (
    <View className="staff-event">
      <View className="staff-event__main" onClick={() => go(EDITOR_URL)}>
        <View className="staff-event__head">
          <Text className={`staff-event__status staff-event__status--${event.status}`}>{EVENT_STATUS_LABELS[event.status]}</Text>
          <Text className="staff-event__kind">{EVENT_KIND_LABELS[event.kind]}</Text>
        </View>
        <Text className="staff-event__title">{event.title}</Text>
        <Text className="staff-event__meta">
          {formatShanghaiShort(event.startsAt)} · {event.online ? '线上' : (event.venue ?? '地点待定')} · 已确认 {event.confirmedCount}/
          {event.capacity}
        </Text>
      </View>
      <View className="staff-event__tools">
        <Text className="staff-event__tool" onClick={() => go(EDITOR_URL)}>
          编辑
        </Text>
        <Text className="staff-event__tool staff-event__registrants" onClick={() => go(REGISTRANTS_URL)}>
          报名名单
        </Text>
        {live ? (
          <Text className="staff-event__tool staff-event__check-in" onClick={() => go(CHECK_IN_URL)}>
            签到
          </Text>
        ) : null}
      </View>
    </View>
  );
}
