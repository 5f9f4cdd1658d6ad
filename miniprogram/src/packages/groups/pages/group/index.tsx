import { GROUP_JOIN_POLICY_LABELS, GROUP_KIND_LABELS, type GroupDetailDto, type GroupFeedPostDto } from '@alumni/shared';
import { Button, Skeleton } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro, { useReachBottom, useRouter, useShareAppMessage } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { getGroupFeed } from '../../../../api/group-posts';
import { uploadGroupCover } from '../../../../api/groups';
import { prefetchMessageTemplates } from '../../../../api/notifications';
import { EmptyState } from '../../../../components/empty-state';
import { ErrorState } from '../../../../components/error-state';
import { EventPagedList } from '../../../../components/event-paged-list';
import { GroupAvatar } from '../../../../components/group-card';
import { GroupPostCard } from '../../../../components/group-post-card';
import { GROUP_PAGE_URL, groupUrl } from '../../../../components/group-urls';
import { usePagedList, useReloadOnReturn } from '../../../../pages/events/use-paged-list';
import { pickCover } from '../../../../components/cover-picker';
import { JoinButton } from '../../join-action';
import { type FeedAccess, feedAccess, joinModel, managesGroup } from '../../join-model';
import { MemberList } from '../../member-list';
import { useGroup } from '../../use-group';
import { useSingleFlight } from '../../../../components/use-single-flight';
import './index.scss';

const IS_WEAPP = process.env.TARO_ENV === 'weapp';
const COMPOSE_URL = '/packages/groups/pages/compose/index';
const QRCODE_URL = '/packages/groups/pages/qrcode/index';
const REQUESTS_URL = '/packages/groups/pages/join-requests/index';

export default function GroupPage() {
  const { params } = useRouter();
  const { state, reload, setGroup } = useGroup(params);
  const [tab, setTab] = useState<'feed' | 'members'>('feed');
  const feedReload = useRef<(quiet: boolean) => Promise<void>>(async () => undefined);

  // Back from composing, a post or the requests: my standing and the feed may have changed.
  useReloadOnReturn(async (quiet) => {
    await Promise.all([reload(quiet), feedReload.current(quiet)]);
  });
  // The share card opens this group by id, the form the lead's notifications use too.
  useShareAppMessage(() => {
    const group = state.status === 'ready' ? state.group : null;
    return { title: group ? `邀请你加入「${group.name}」` : '校友群组', path: group ? groupUrl(group.id) : GROUP_PAGE_URL };
  });

  const title = state.status === 'ready' ? state.group.name : null;
  useEffect(() => void prefetchMessageTemplates(), []);
  useEffect(() => {
    if (title) void Taro.setNavigationBarTitle({ title });
  }, [title]);

  if (state.status === 'loading') return <Skeleton className="group-page-skeleton" rows={10} animated />;
  if (state.status === 'failed') return <ErrorState message={state.message} onRetry={() => void reload()} />;
  const { group, isStaff } = state;
  const access = feedAccess(group, isStaff);
  const manages = group.me !== null && managesGroup(group, isStaff);

  return (
    <View className="group-page">
      <Header group={group} />
      <Tools group={group} manages={manages} onChanged={(next) => setGroup(() => next)} />
      <View className="group-tabs">
        {(['feed', 'members'] as const).map((t) => (
          <Text key={t} className={t === tab ? 'group-tab group-tab--active' : 'group-tab'} onClick={() => setTab(t)}>
            {t === 'feed' ? '动态' : `成员 ${group.memberCount}`}
          </Text>
        ))}
      </View>
      {tab === 'feed' ? (
        <Feed group={group} access={access} registerReload={(fn) => (feedReload.current = fn)} />
      ) : access.read ? (
        <MemberList group={group} isStaff={isStaff} onChanged={() => void reload(true)} />
      ) : (
        <Locked group={group} what="成员" />
      )}
      <ActionBar group={group} access={access} onChanged={(next) => setGroup(() => next)} reload={() => reload(true)} />
    </View>
  );
}

function Header({ group }: { group: GroupDetailDto }) {
  const rows: [string, string][] = [];
  if (group.kind === 'class') {
    rows.push(['届别', `${group.graduationYear} 届`]);
    if (group.department) rows.push(['院系', group.department.name]);
    if (group.className) rows.push(['班级', group.className]);
  }
  if (group.city) rows.push(['城市', group.city]);
  if (group.industry) rows.push(['行业', group.industry]);
  rows.push(['加入方式', GROUP_JOIN_POLICY_LABELS[group.joinPolicy]]);
  return (
    <View className="group-header">
      <View className={`group-header__banner group-header__banner--${group.kind}`} />
      <View className="group-header__card">
        <View className="group-header__top">
          <GroupAvatar group={group} large />
          <View className="group-header__title">
            <Text className="group-header__name">{group.name}</Text>
            <Text className="group-header__meta">
              {GROUP_KIND_LABELS[group.kind]}群 · <Text className="group-header__count">{group.memberCount}</Text> 位成员
            </Text>
          </View>
        </View>
        {group.intro ? <Text className="group-header__intro">{group.intro}</Text> : null}
        <View className="group-header__rows">
          {rows.map(([label, value]) => (
            <View key={label} className="group-header__row">
              <Text className="group-header__label">{label}</Text>
              <Text className="group-header__value">{value}</Text>
            </View>
          ))}
        </View>
      </View>
    </View>
  );
}

/** Invite (share card, mini-program code) and, for group admins, the join requests and the cover. */
function Tools({ group, manages, onChanged }: { group: GroupDetailDto; manages: boolean; onChanged: (group: GroupDetailDto) => void }) {
  const { busy: uploading, run } = useSingleFlight();
  if (group.status !== 'active') return null;
  // One picker and one upload at a time, from the tap on.
  const changeCover = () =>
    run(async () => {
      const path = await pickCover();
      if (!path) return;
      try {
        onChanged(await uploadGroupCover(group.id, path));
        void Taro.showToast({ title: '封面已更新', icon: 'success' });
      } catch {
        // The request wrapper showed why (e.g. 仅支持 JPG、PNG 或 WebP 格式的图片).
      }
    });
  const copyLink = () => {
    // The browser has no share sheet of WeChat's: hand over the page's link instead.
    const link = `${window.location.origin}${window.location.pathname}#${groupUrl(group.id)}`;
    void Taro.setClipboardData({ data: link });
  };
  return (
    <View className="group-tools">
      {IS_WEAPP ? (
        <Button className="group-tool group-invite" size="small" shape="round" openType="share">
          分享给好友
        </Button>
      ) : (
        <Button className="group-tool group-invite" size="small" shape="round" onClick={copyLink}>
          复制邀请链接
        </Button>
      )}
      <Button
        className="group-tool group-code-link"
        size="small"
        shape="round"
        onClick={() => void Taro.navigateTo({ url: `${QRCODE_URL}?id=${group.id}` })}
      >
        小程序码
      </Button>
      {manages ? (
        <Button
          className="group-tool group-requests"
          size="small"
          shape="round"
          onClick={() => void Taro.navigateTo({ url: `${REQUESTS_URL}?id=${group.id}` })}
        >
          入群申请
        </Button>
      ) : null}
      {manages ? (
        <Button className="group-tool group-cover" size="small" shape="round" loading={uploading} onClick={() => void changeCover()}>
          更换封面
        </Button>
      ) : null}
    </View>
  );
}

function Locked({ group, what }: { group: GroupDetailDto; what: string }) {
  if (group.me === null) return <EmptyState title={`登录后查看群${what}`} />;
  return <EmptyState title={`加入后查看群${what}`} description="成员可以看到群内动态和成员，并参与讨论" />;
}

const FEED_PAGE = 10;

function Feed({
  group,
  access,
  registerReload,
}: {
  group: GroupDetailDto;
  access: FeedAccess;
  registerReload: (reload: (quiet: boolean) => Promise<void>) => void;
}) {
  const [pinned, setPinned] = useState<GroupFeedPostDto[]>([]);
  const { state, reload, loadMore, update } = usePagedList<GroupFeedPostDto>(async (cursor) => {
    if (!access.read) return { items: [], nextCursor: null };
    const page = await getGroupFeed(group.id, { cursor, limit: FEED_PAGE });
    if (!cursor) setPinned(page.pinned);
    return page;
  }, `${group.id}:${access.read}`);
  registerReload(reload);
  useReachBottom(() => void loadMore());

  if (!access.read) return <Locked group={group} what="动态" />;
  const replace = (post: GroupFeedPostDto) => {
    update((items) => items.map((p) => (p.id === post.id ? post : p)));
    setPinned((items) => items.map((p) => (p.id === post.id ? post : p)));
  };
  // The first page lists pinned posts both on top and in their place; show them once.
  const pinnedIds = new Set(pinned.map((p) => p.id));
  return (
    <View className="group-feed">
      {pinned.map((post) => (
        <GroupPostCard key={`pinned-${post.id}`} post={post} onChange={replace} />
      ))}
      <EventPagedList
        state={state.status === 'ready' ? { ...state, items: state.items.filter((p) => !pinnedIds.has(p.id)) } : state}
        empty={
          pinned.length > 0 ? null : (
            <EmptyState title="还没有动态" description={access.speak ? '发第一条动态，和校友们打个招呼吧' : undefined} />
          )
        }
        onRetry={() => void reload()}
        onMore={() => void loadMore()}
        render={(post) => <GroupPostCard key={post.id} post={post} onChange={replace} />}
      />
    </View>
  );
}

function ActionBar({
  group,
  access,
  onChanged,
  reload,
}: {
  group: GroupDetailDto;
  access: FeedAccess;
  onChanged: (group: GroupDetailDto) => void;
  reload: () => Promise<void>;
}) {
  const model = joinModel(group);
  return (
    <View className="group-actionbar">
      {model.note ? <Text className="group-actionbar__note">{model.note}</Text> : null}
      <View className="group-actionbar__buttons">
        <JoinButton
          group={group}
          model={model}
          block="group-action"
          leave={{
            title: '退出群组',
            content: group.joinPolicy === 'open' ? '退出后将不再收到群内动态。' : '退出后将不再收到群内动态，再次加入需重新申请或验证。',
          }}
          reload={reload}
          onJoined={(result) => onChanged({ ...group, memberCount: result.memberCount })}
        />
        {access.speak && group.status === 'active' ? (
          <Button
            className="group-action group-compose"
            type="primary"
            shape="round"
            onClick={() => void Taro.navigateTo({ url: `${COMPOSE_URL}?groupId=${group.id}` })}
          >
            发动态
          </Button>
        ) : null}
      </View>
    </View>
  );
}
