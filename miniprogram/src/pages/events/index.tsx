import { EVENT_KIND_LABELS, EVENT_KINDS, type EventKind, type EventSummaryDto, type TicketDto } from '@alumni/shared';
import { Button } from '@nutui/nutui-react-taro';
import { Input, Text, View } from '@tarojs/components';
import Taro, { useDidShow, useReachBottom } from '@tarojs/taro';
import { useState } from 'react';
import { type EventWhen, listEvents, listMyTickets } from '../../api/events';
import { loadSession } from '../../api/session';
import { EmptyState } from '../../components/empty-state';
import { EventCard } from '../../components/event-card';
import { EventPagedList } from '../../components/event-paged-list';
import { EventTicketCard } from '../../components/event-ticket-card';
import { type PagedListState, usePagedList, useReloadOnReturn } from './use-paged-list';
import './index.scss';

type Tab = EventWhen | 'mine';

const TABS: { key: Tab; label: string }[] = [
  { key: 'upcoming', label: '即将开始' },
  { key: 'past', label: '往期' },
  { key: 'mine', label: '我的报名' },
];

const PAGE_SIZE = 10;
const SIGN_IN_URL = '/packages/account/pages/sign-in/index';

type Item = EventSummaryDto | TicketDto;
const isTicket = (item: Item): item is TicketDto => 'event' in item;

export default function EventsPage() {
  const [tab, setTab] = useState<Tab>('upcoming');
  const [ticketsWhen, setTicketsWhen] = useState<EventWhen>('upcoming');
  const [kind, setKind] = useState<EventKind | undefined>();
  const [city, setCity] = useState('');
  const [cityDraft, setCityDraft] = useState('');
  const [signedIn, setSignedIn] = useState(() => loadSession() !== null);

  const fetchPage = (cursor?: string) => {
    if (tab !== 'mine') return listEvents({ when: tab, kind, city: city || undefined, cursor, limit: PAGE_SIZE });
    // Signed out, 我的报名 has nothing to fetch; the page asks them to sign in.
    if (!signedIn) return Promise.resolve({ items: [], nextCursor: null });
    return listMyTickets({ when: ticketsWhen, cursor, limit: PAGE_SIZE });
  };
  const { state, reload, loadMore } = usePagedList<Item>(fetchPage, JSON.stringify([tab, ticketsWhen, kind, city, signedIn]));

  // Back from an event page (signed up, cancelled, signed in): show what changed.
  useDidShow(() => setSignedIn(loadSession() !== null));
  useReloadOnReturn(reload);
  useReachBottom(() => void loadMore());

  const applyCity = () => setCity(cityDraft.trim());

  return (
    <View className="events">
      <View className="events-tabs">
        {TABS.map((t) => (
          <View key={t.key} className={t.key === tab ? 'events-tab events-tab--active' : 'events-tab'} onClick={() => setTab(t.key)}>
            <Text>{t.label}</Text>
          </View>
        ))}
      </View>

      {tab === 'mine' ? (
        <View className="events-subtabs">
          {(['upcoming', 'past'] as const).map((when) => (
            <Text
              key={when}
              className={when === ticketsWhen ? 'events-chip events-chip--active' : 'events-chip'}
              onClick={() => setTicketsWhen(when)}
            >
              {when === 'upcoming' ? '待参加' : '已结束'}
            </Text>
          ))}
        </View>
      ) : (
        <View className="events-filters">
          <View className="events-kinds">
            <Text className={kind ? 'events-chip' : 'events-chip events-chip--active'} onClick={() => setKind(undefined)}>
              全部
            </Text>
            {EVENT_KINDS.map((k) => (
              <Text
                key={k}
                className={k === kind ? 'events-chip events-chip--active' : 'events-chip'}
                onClick={() => setKind(k === kind ? undefined : k)}
              >
                {EVENT_KIND_LABELS[k]}
              </Text>
            ))}
          </View>
          <View className="events-city">
            <Text className="events-city__label">城市</Text>
            <Input
              className="events-city__input"
              value={cityDraft}
              placeholder="不限，输入城市名如 上海"
              confirmType="search"
              onInput={(e) => setCityDraft(e.detail.value)}
              onConfirm={applyCity}
            />
            {city ? (
              <Text
                className="events-city__action"
                onClick={() => {
                  setCityDraft('');
                  setCity('');
                }}
              >
                清除
              </Text>
            ) : (
              <Text className="events-city__action" onClick={applyCity}>
                筛选
              </Text>
            )}
          </View>
        </View>
      )}

      <Results
        tab={tab}
        signedIn={signedIn}
        filtered={kind !== undefined || city !== ''}
        state={state}
        onRetry={() => void reload()}
        onMore={() => void loadMore()}
      />
    </View>
  );
}

function Results({
  tab,
  signedIn,
  filtered,
  state,
  onRetry,
  onMore,
}: {
  tab: Tab;
  signedIn: boolean;
  filtered: boolean;
  state: PagedListState<Item>;
  onRetry: () => void;
  onMore: () => void;
}) {
  if (tab === 'mine' && !signedIn) {
    return (
      <EmptyState title="登录后查看我的报名" description="报名的活动、电子票和签到记录都会在这里">
        <Button type="primary" shape="round" size="small" onClick={() => void Taro.navigateTo({ url: SIGN_IN_URL })}>
          去登录
        </Button>
      </EmptyState>
    );
  }
  const empty =
    tab === 'mine' ? (
      <EmptyState title="还没有报名记录" description="在“即将开始”里挑一场活动报名吧" />
    ) : filtered ? (
      <EmptyState title="没有符合条件的活动" description="换个类型或城市试试" />
    ) : tab === 'upcoming' ? (
      <EmptyState title="暂无即将开始的活动" description="新的校友活动发布后会出现在这里" />
    ) : (
      <EmptyState title="还没有往期活动" />
    );
  return (
    <View className="events-list">
      <EventPagedList
        state={state}
        empty={empty}
        onRetry={onRetry}
        onMore={onMore}
        render={(item) => (isTicket(item) ? <EventTicketCard key={item.id} ticket={item} /> : <EventCard key={item.id} event={item} />)}
      />
    </View>
  );
}
