import {
  type DepartmentRefDto,
  GROUP_KIND_LABELS,
  GROUP_KINDS,
  type GroupKind,
  type GroupSummaryDto,
  type Page,
  PROFILE_LIMITS,
} from '@alumni/shared';
import { Button } from '@nutui/nutui-react-taro';
import { Input, Picker, Text, View } from '@tarojs/components';
import Taro, { useDidShow, useReachBottom } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { listGroups, listGroupSuggestions, listMyGroups } from '../../api/groups';
import { getMyProfile } from '../../api/profile';
import { getSchool } from '../../api/school';
import { loadSession } from '../../api/session';
import { EmptyState } from '../../components/empty-state';
import { EventPagedList } from '../../components/event-paged-list';
import { GroupCard } from '../../components/group-card';
import { usePagedList, useReloadOnReturn } from '../events/use-paged-list';
import './index.scss';

type Tab = 'suggested' | 'mine' | GroupKind;

const TABS: { key: Tab; label: string }[] = [
  { key: 'suggested', label: '为你推荐' },
  { key: 'mine', label: '我的群组' },
  ...GROUP_KINDS.map((kind) => ({ key: kind, label: GROUP_KIND_LABELS[kind] })),
];

const PAGE_SIZE = 20;
const SIGN_IN_URL = '/packages/account/pages/sign-in/index';
const FEED_URL = '/packages/groups/pages/feed/index';
const PROPOSE_URL = '/packages/groups/pages/propose/index';
const MY_REQUESTS_URL = '/packages/groups/pages/my-requests/index';

const CLAIM_URL = '/packages/verification/pages/claim/index';
const PROFILE_URL = '/packages/alumni/pages/profile/index';

/** 届别 to browse class groups by, newest first. */
const CLASS_YEARS = Array.from(
  { length: new Date().getFullYear() - PROFILE_LIMITS.minGraduationYear + 1 },
  (_, i) => new Date().getFullYear() - i,
);

/** Class groups browsed by 届别 and 院系; undefined is 全部. */
interface ClassFilter {
  graduationYear?: number;
  departmentId?: string;
}

const isKind = (tab: Tab): tab is GroupKind => (GROUP_KINDS as readonly string[]).includes(tab);
const needsSignIn = (tab: Tab) => tab === 'suggested' || tab === 'mine';

export default function GroupsPage() {
  const [signedIn, setSignedIn] = useState(() => loadSession() !== null);
  const [tab, setTab] = useState<Tab>(() => (loadSession() !== null ? 'suggested' : 'interest'));
  const [query, setQuery] = useState('');
  const [draft, setDraft] = useState('');
  const [classFilter, setClassFilter] = useState<ClassFilter>({});
  // Whether the signed-in alumnus is verified, and their 届别: why 为你推荐 is empty, where the 届别 wheel opens.
  const [me, setMe] = useState<{ verified: boolean; graduationYear: number | null } | null>(null);

  const fetchPage = (cursor?: string): Promise<Page<GroupSummaryDto>> => {
    const filter = tab === 'class' ? classFilter : {};
    // A search looks through every active group (of the chosen kind, when one is chosen).
    if (query) return listGroups({ q: query, kind: isKind(tab) ? tab : undefined, ...filter, cursor, limit: PAGE_SIZE });
    if (isKind(tab)) return listGroups({ kind: tab, ...filter, cursor, limit: PAGE_SIZE });
    if (!signedIn) return Promise.resolve({ items: [], nextCursor: null });
    if (tab === 'mine') return listMyGroups({ cursor, limit: PAGE_SIZE });
    return listGroupSuggestions().then((items) => ({ items, nextCursor: null }));
  };
  const { state, reload, loadMore } = usePagedList<GroupSummaryDto>(fetchPage, JSON.stringify([tab, query, signedIn, classFilter]));

  // Back from a group page (joined, left, signed in, verified): show what changed.
  useDidShow(() => {
    const session = loadSession();
    setSignedIn(session !== null);
    if (session === null) setMe(null);
    else
      getMyProfile().then(
        (profile) => setMe({ verified: profile.verified, graduationYear: profile.graduationYear }),
        () => undefined,
      );
  });
  useReloadOnReturn(reload);
  useReachBottom(() => void loadMore());

  const search = () => setQuery(draft.trim());
  const clear = () => {
    setDraft('');
    setQuery('');
  };

  return (
    <View className="groups">
      <View className="groups-search">
        <Input
          className="groups-search__input"
          value={draft}
          placeholder="搜索群组名称，如 摄影、上海"
          confirmType="search"
          onInput={(e) => setDraft(e.detail.value)}
          onConfirm={search}
        />
        {query ? (
          <Text className="groups-search__action" onClick={clear}>
            清除
          </Text>
        ) : (
          <Text className="groups-search__action groups-search__go" onClick={search}>
            搜索
          </Text>
        )}
      </View>

      <View className="groups-tabs">
        {TABS.map((t) => (
          <Text key={t.key} className={t.key === tab ? 'groups-tab groups-tab--active' : 'groups-tab'} onClick={() => setTab(t.key)}>
            {t.label}
          </Text>
        ))}
      </View>

      {tab === 'class' ? <ClassFilterBar filter={classFilter} ownYear={me?.graduationYear ?? null} onChange={setClassFilter} /> : null}

      {signedIn && !query ? (
        <View className="groups-feed-entry" onClick={() => void Taro.navigateTo({ url: FEED_URL })}>
          <View className="groups-feed-entry__text">
            <Text className="groups-feed-entry__title">群动态</Text>
            <Text className="groups-feed-entry__hint">我加入的群里的最新分享</Text>
          </View>
          <Text className="groups-feed-entry__arrow">›</Text>
        </View>
      ) : null}

      {query ? <Text className="groups-query">“{query}”的搜索结果</Text> : null}

      <View className="groups-list">
        {!query && !signedIn && needsSignIn(tab) ? (
          <EmptyState title="登录后查看" description="登录并认证校友身份后，这里会推荐你的班级群、同城群和行业群">
            <Button type="primary" shape="round" size="small" onClick={() => void Taro.navigateTo({ url: SIGN_IN_URL })}>
              去登录
            </Button>
          </EmptyState>
        ) : (
          <EventPagedList
            state={state}
            empty={<Empty tab={tab} query={query} verified={me?.verified ?? null} filtered={Object.keys(classFilter).length > 0} />}
            onRetry={() => void reload()}
            onMore={() => void loadMore()}
            render={(group) => <GroupCard key={group.id} group={group} />}
          />
        )}
      </View>

      <View className="groups-propose">
        <Text className="groups-propose__hint">没有合适的群？已认证校友可以发起兴趣、城市或行业群</Text>
        <Button
          className="groups-propose__button"
          size="small"
          shape="round"
          onClick={() => void Taro.navigateTo({ url: signedIn ? PROPOSE_URL : SIGN_IN_URL })}
        >
          发起群组
        </Button>
        {signedIn ? (
          <Text className="groups-propose__mine" onClick={() => void Taro.navigateTo({ url: MY_REQUESTS_URL })}>
            我的入群申请与发起 ›
          </Text>
        ) : null}
      </View>
    </View>
  );
}

function ClassFilterBar({
  filter,
  ownYear,
  onChange,
}: {
  filter: ClassFilter;
  ownYear: number | null;
  onChange: (filter: ClassFilter) => void;
}) {
  const [departments, setDepartments] = useState<DepartmentRefDto[]>([]);
  useEffect(() => {
    getSchool().then(
      (school) => setDepartments(school.departments),
      () => undefined,
    );
  }, []);
  const years = ['全部届别', ...CLASS_YEARS.map((year) => `${year} 届`)];
  // The wheel opens at the chosen 届别, else at the alumnus's own.
  const yearIndex = CLASS_YEARS.indexOf(filter.graduationYear ?? ownYear ?? -1) + 1;
  const departmentIndex = departments.findIndex((d) => d.id === filter.departmentId) + 1;
  return (
    <View className="groups-class-filter">
      <Picker
        mode="selector"
        range={years}
        value={yearIndex}
        onChange={(e) => onChange({ ...filter, graduationYear: CLASS_YEARS[Number(e.detail.value) - 1] })}
      >
        <Text className={`groups-class-filter__chip groups-class-year${filter.graduationYear ? ' groups-class-filter__chip--on' : ''}`}>
          {filter.graduationYear ? `${filter.graduationYear} 届` : '全部届别'} ▾
        </Text>
      </Picker>
      <Picker
        mode="selector"
        range={['全部院系', ...departments.map((d) => d.name)]}
        value={departmentIndex}
        onChange={(e) => onChange({ ...filter, departmentId: departments[Number(e.detail.value) - 1]?.id })}
      >
        <Text className={`groups-class-filter__chip groups-class-department${filter.departmentId ? ' groups-class-filter__chip--on' : ''}`}>
          {departments[departmentIndex - 1]?.name ?? '全部院系'} ▾
        </Text>
      </Picker>
    </View>
  );
}

function Empty({ tab, query, verified, filtered }: { tab: Tab; query: string; verified: boolean | null; filtered: boolean }) {
  if (query) return <EmptyState title="没有找到相关群组" description="换个关键词试试，或者发起一个新群组" />;
  if (tab === 'suggested' && verified === false) {
    return (
      <EmptyState title="认证后为你推荐" description="班级群只对认证过的同班同学开放。认证校友身份后，这里会出现你的班级群">
        <Button
          className="groups-empty-verify"
          type="primary"
          shape="round"
          size="small"
          onClick={() => void Taro.navigateTo({ url: CLAIM_URL })}
        >
          去认证
        </Button>
      </EmptyState>
    );
  }
  if (tab === 'suggested') {
    return (
      <EmptyState title="暂时没有推荐" description="你的班级群已加入或尚未开通。填写个人资料中的城市和行业，可收到同城群、行业群推荐">
        <Button shape="round" size="small" onClick={() => void Taro.navigateTo({ url: PROFILE_URL })}>
          完善资料
        </Button>
      </EmptyState>
    );
  }
  if (tab === 'class') {
    return (
      <EmptyState
        title={filtered ? '这一届别、院系还没有人加入的班级群' : '暂无班级群'}
        description="认证校友身份后，你的班级群会出现在“为你推荐”里"
      />
    );
  }
  if (tab === 'mine') return <EmptyState title="还没有加入群组" description="去“为你推荐”里找找你的班级群吧" />;
  return <EmptyState title={`暂无${GROUP_KIND_LABELS[tab]}群组`} />;
}
