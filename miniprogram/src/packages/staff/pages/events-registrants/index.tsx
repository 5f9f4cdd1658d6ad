import {
  type EventDetailDto,
  formatShanghaiShort,
  type RegistrantCountsDto,
  type RegistrantDto,
  REGISTRATION_STATUS_LABELS,
  REGISTRATION_STATUSES,
  type RegistrationStatus,
} from '@alumni/shared';
import { Text, View } from '@tarojs/components';
import Taro, { useDidHide, useDidShow, useReachBottom, useRouter } from '@tarojs/taro';
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { EXPORT_FORMATS } from '../../../../api/exports';
import { downloadRegistrants, getStaffEvent, listRegistrants } from '../../../../api/staff-events';
import { EmptyState } from '../../../../components/empty-state';
import { EventPagedList } from '../../../../components/event-paged-list';
import { ExportButton } from '../../../../components/export-button';
import { usePagedList, useReloadOnReturn } from '../../../../pages/events/use-paged-list';
import { CHECK_IN_URL } from '../events/urls';
import { answerText, COUNTS_POLL_MS } from './registrants';
import './index.scss';

// At a desk the H5 build shows the registrants as a table (registrants-desk.tsx, loaded only
// there); the weapp build drops this branch, so it never contains that file (docs/architecture.md).
const RegistrantsDesk = process.env.TARO_ENV === 'h5' ? lazy(() => import('./registrants-desk')) : null;

export default function RegistrantsPage() {
  // DESK_QUERY of src/desk/at-desk.ts, written out so that the weapp build need not contain that file; the
  // first test is constant, so the weapp build drops the whole check.
  if (process.env.TARO_ENV === 'h5' && RegistrantsDesk && window.matchMedia('(min-width: 1024px)').matches)
    return (
      <Suspense fallback={null}>
        <RegistrantsDesk />
      </Suspense>
    );
  return <RegistrantsList />;
}

function RegistrantsList() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const [event, setEvent] = useState<EventDetailDto | null>(null);
  const [status, setStatus] = useState<RegistrationStatus | undefined>();
  const [counts, setCounts] = useState<RegistrantCountsDto | null>(null);

  const { state, reload, loadMore } = usePagedList<RegistrantDto>(async (cursor) => {
    const page = await listRegistrants(id, { status, cursor, limit: 20 });
    setCounts(page.counts);
    return page;
  }, status ?? 'all');

  useEffect(() => {
    getStaffEvent(id).then(setEvent, () => undefined);
  }, [id]);

  // Counts stay live while the page is on screen (check-ins happen at the door meanwhile).
  const visible = useRef(true);
  const pollCounts = useCallback(() => {
    if (visible.current)
      listRegistrants(id, { limit: 1 }).then(
        (page) => setCounts(page.counts),
        () => undefined,
      );
  }, [id]);
  useEffect(() => {
    const timer = setInterval(pollCounts, COUNTS_POLL_MS);
    return () => clearInterval(timer);
  }, [pollCounts]);
  useDidHide(() => {
    visible.current = false;
  });
  useDidShow(() => {
    visible.current = true;
  });
  useReloadOnReturn(reload);
  useReachBottom(() => void loadMore());

  return (
    <View className="registrants">
      <View className="registrants-head">
        <Text className="registrants-head__title">{event?.title ?? ' '}</Text>
        <Counts counts={counts} />
        <View className="registrants-head__tools">
          {event?.status === 'published' ? (
            <Text className="registrants-tool" onClick={() => void Taro.navigateTo({ url: `${CHECK_IN_URL}?id=${id}` })}>
              去签到
            </Text>
          ) : null}
          {EXPORT_FORMATS.map((format) => (
            <ExportButton
              key={format}
              className="registrants-tool"
              block="registrants-export"
              format={format}
              filename={`报名名单-${id.slice(0, 8)}.${format}`}
              download={() => downloadRegistrants(id, format, status)}
            />
          ))}
        </View>
      </View>

      <View className="registrants-filters staff-filter-chips">
        {[undefined, ...REGISTRATION_STATUSES].map((s) => (
          <Text
            key={s ?? 'all'}
            className={s === status ? 'staff-filter-chip staff-filter-chip--active' : 'staff-filter-chip'}
            onClick={() => setStatus(s)}
          >
            {s ? REGISTRATION_STATUS_LABELS[s] : '全部'}
          </Text>
        ))}
      </View>

      <View className="registrants-list">
        <EventPagedList
          state={state}
          empty={<EmptyState title="暂无报名" />}
          onRetry={() => void reload()}
          onMore={() => void loadMore()}
          render={(r) => <RegistrantItem key={r.id} registrant={r} event={event} />}
        />
      </View>
    </View>
  );
}

export function Counts({ counts }: { counts: RegistrantCountsDto | null }) {
  const items: [string, keyof RegistrantCountsDto][] = [
    ['已签到', 'checkedIn'],
    ['已确认', 'confirmed'],
    ['候补', 'waitlisted'],
    ['已取消', 'cancelled'],
  ];
  return (
    <View className="registrants-counts">
      {items.map(([label, key]) => (
        <View key={key} className={`registrants-count registrants-count--${key}`}>
          <Text className="registrants-count__value">{counts ? counts[key] : '–'}</Text>
          <Text className="registrants-count__label">{label}</Text>
        </View>
      ))}
    </View>
  );
}

function RegistrantItem({ registrant, event }: { registrant: RegistrantDto; event: EventDetailDto | null }) {
  const name = registrant.realName ?? registrant.displayName;
  return (
    <View className="registrant">
      <View className="registrant__head">
        <Text className="registrant__name">
          {name}
          {registrant.graduationYear ? <Text className="registrant__year"> · {registrant.graduationYear} 届</Text> : null}
        </Text>
        <Text className={`registrant__status registrant__status--${registrant.checkedInAt ? 'checked-in' : registrant.status}`}>
          {registrant.checkedInAt ? '已签到' : REGISTRATION_STATUS_LABELS[registrant.status]}
        </Text>
      </View>
      <Text className="registrant__meta">
        报名于 {formatShanghaiShort(registrant.createdAt)}
        {registrant.checkedInAt ? ` · 签到于 ${formatShanghaiShort(registrant.checkedInAt)}` : ''}
        {registrant.walkIn ? ' · 现场登记' : ''}
      </Text>
      {(event?.questions ?? []).map((q) => (
        <Text key={q.id} className="registrant__answer">
          {q.label}：{answerText(registrant.answers[q.id])}
        </Text>
      ))}
    </View>
  );
}
