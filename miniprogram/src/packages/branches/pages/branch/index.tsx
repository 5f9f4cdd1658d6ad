import {
  BRANCH_KIND_LABELS,
  type BranchDetailDto,
  formatFen,
  formatShanghaiShort,
  GROUP_KIND_LABELS,
  type GroupDetailDto,
} from '@alumni/shared';
import { Button, Skeleton } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro';
import { useEffect } from 'react';
import { getBranch } from '../../../../api/branches';
import { getGroup } from '../../../../api/groups';
import { prefetchMessageTemplates } from '../../../../api/notifications';
import { loadSession } from '../../../../api/session';
import { ErrorState } from '../../../../components/error-state';
import { useLoaded } from '../../../../components/use-loaded';
import { useReloadOnReturn } from '../../../../pages/events/use-paged-list';
import { JoinButton } from '../../../groups/join-action';
import { branchJoinModel, branchPlaceLine } from '../../join';
import { Card } from '../../ui';
import { branchUrls } from '../../urls';
import './index.scss';

const load = async (id: string): Promise<{ branch: BranchDetailDto; group: GroupDetailDto }> => {
  const branch = await getBranch(id);
  return { branch, group: await getGroup(branch.groupId) };
};

const go = (url: string) => void Taro.navigateTo({ url });

/** A branch's page: who runs it, its groups, events and campaigns; join it (through its home group) or run it. */
export default function BranchPage() {
  const { params } = useRouter();
  const { state, reload } = useLoaded(params.id, load, '链接无效，找不到对应的分会');
  useReloadOnReturn(reload);
  // Asking for the join decision's message happens in the tap: the templates must be known before it.
  useEffect(() => void prefetchMessageTemplates(), []);
  const name = state.status === 'ready' ? state.branch.name : null;
  useEffect(() => {
    if (name) void Taro.setNavigationBarTitle({ title: name });
  }, [name]);
  useShareAppMessage(() => ({
    title: name ? `邀请你加入「${name}」` : '校友分会',
    path: params.id ? branchUrls.branch(params.id) : branchUrls.list,
  }));

  if (state.status === 'loading') return <Skeleton rows={10} animated />;
  if (state.status === 'failed') return <ErrorState message={state.message} onRetry={() => void reload()} />;
  const { branch, group } = state;
  const isStaff = loadSession()?.alumnus.roles.some((r) => r === 'staff' || r === 'admin') ?? false;
  const runs = branch.me?.admin === true || isStaff;
  return (
    <View className="br-page branch-page">
      <Card className="branch-header">
        <Text className="br-card__title branch-header__name">{branch.name}</Text>
        <Text className="br-card__meta">
          {branchPlaceLine(branch, BRANCH_KIND_LABELS[branch.kind])} · <Text className="branch-member-count">{branch.memberCount}</Text>{' '}
          位成员
        </Text>
        {branch.intro ? <Text className="branch-header__intro">{branch.intro}</Text> : null}
        <Text className="branch-admins">
          {branch.admins.length > 0 ? `管理员：${branch.admins.map((a) => a.displayName).join('、')}` : '管理员：校友会工作人员'}
        </Text>
      </Card>
      {runs ? (
        <View className="br-actions">
          <Button className="branch-manage" type="primary" shape="round" block onClick={() => go(branchUrls.manage(branch.id))}>
            分会管理
          </Button>
        </View>
      ) : null}

      <Text className="br-section">分会群组</Text>
      {branch.groups.map((g) => (
        <Card key={g.id} className="branch-group" onClick={() => go(branchUrls.group(g.id))}>
          <Text className="br-card__title">{g.name}</Text>
          <Text className="br-card__meta">
            {g.home ? '分会动态、公告与成员' : `${GROUP_KIND_LABELS[g.kind]}群`} · {g.memberCount} 位成员
          </Text>
        </Card>
      ))}

      <Text className="br-section">近期活动</Text>
      {branch.upcomingEvents.length === 0 ? <Text className="br-lead">暂无近期活动</Text> : null}
      {branch.upcomingEvents.map((event) => (
        <Card key={event.id} className="branch-event" onClick={() => go(branchUrls.eventDetail(event.id))}>
          <Text className="br-card__title">{event.title}</Text>
          <Text className="br-card__meta">
            {formatShanghaiShort(event.startsAt)} · {event.online ? '线上' : (event.venue ?? event.city ?? '')} · 已报名{' '}
            {event.confirmedCount}/{event.capacity}
          </Text>
        </Card>
      ))}

      {branch.campaigns.length > 0 ? <Text className="br-section">分会募捐</Text> : null}
      {branch.campaigns.map((campaign) => (
        <Card key={campaign.id} className="branch-campaign" onClick={() => go(branchUrls.campaign(campaign.id))}>
          <Text className="br-card__title">{campaign.title}</Text>
          <Text className="br-card__meta">
            已筹 {formatFen(campaign.raisedFen)} / 目标 {formatFen(campaign.goalFen)}
          </Text>
        </Card>
      ))}

      <JoinBar group={group} reload={() => reload(true)} />
    </View>
  );
}

/** Join, apply, withdraw or leave: the home group's rules and requests, tapped as on the group page. */
function JoinBar({ group, reload }: { group: GroupDetailDto; reload: () => Promise<void> }) {
  const model = branchJoinModel(group);
  return (
    <View className="branch-actionbar">
      {model.note ? <Text className="branch-actionbar__note">{model.note}</Text> : null}
      <View className="branch-actionbar__buttons">
        <JoinButton
          group={group}
          model={model}
          block="branch-join"
          leave={{ title: '退出分会', content: '退出后将不再收到分会动态。' }}
          reload={reload}
        />
      </View>
    </View>
  );
}
