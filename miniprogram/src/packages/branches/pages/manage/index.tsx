import {
  BRANCH_GROUP_KINDS,
  BRANCH_JOIN_POLICIES,
  type BranchDetailDto,
  type BranchGroupKind,
  type BranchJoinPolicy,
  type BranchReportDto,
  formatFen,
  GROUP_JOIN_POLICY_LABELS,
  GROUP_KIND_LABELS,
  GROUP_LIMITS,
} from '@alumni/shared';
import { Button, Skeleton } from '@nutui/nutui-react-taro';
import { Input, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { getBranch, getBranchReport, openBranchGroup } from '../../../../api/branches';
import { ErrorState } from '../../../../components/error-state';
import { useLoaded } from '../../../../components/use-loaded';
import { useSingleFlight } from '../../../../components/use-single-flight';
import { useReloadOnReturn } from '../../../../pages/events/use-paged-list';
import { Card, Chips } from '../../ui';
import { branchUrls } from '../../urls';
import './index.scss';

const load = async (id: string): Promise<{ branch: BranchDetailDto; report: BranchReportDto }> => {
  const [branch, report] = await Promise.all([getBranch(id), getBranchReport(id)]);
  return { branch, report };
};

const go = (url: string) => void Taro.navigateTo({ url });
const KINDS = Object.fromEntries(BRANCH_GROUP_KINDS.map((k) => [k, `${GROUP_KIND_LABELS[k]}群`])) as Record<BranchGroupKind, string>;
const POLICIES = Object.fromEntries(BRANCH_JOIN_POLICIES.map((p) => [p, GROUP_JOIN_POLICY_LABELS[p]])) as Record<BranchJoinPolicy, string>;

/**
 * The branch admin's workbench: the branch's figures, and what they run — members' requests and
 * announcements (in the home group), events, groups. Nothing here reaches beyond the branch.
 */
export default function BranchManagePage() {
  const { params } = useRouter();
  const { state, reload } = useLoaded(params.id, load, '链接无效，找不到对应的分会');
  useReloadOnReturn(reload);
  if (state.status === 'loading') return <Skeleton rows={10} animated />;
  if (state.status === 'failed') return <ErrorState message={state.message} onRetry={() => void reload()} />;
  const { branch, report } = state;
  const figures: [string, string, string][] = [
    ['members', '成员', String(report.members.total)],
    ['pending', '待审核入会', String(report.members.pendingRequests)],
    ['joined', `近 ${report.days} 天新成员`, String(report.members.joined)],
    ['activity', `近 ${report.days} 天互动`, `${report.activity.interactions} 次 · ${report.activity.activeAlumni} 人`],
    ['events', '已举办活动', `${report.events.held} 场 · ${report.events.attendees} 人次`],
    ['upcoming', '即将举办', `${report.events.upcoming} 场`],
    ['funds', '分会募捐', formatFen(report.funds.raisedFen)],
    ['groups', '分会群组', `${report.groups} 个`],
  ];
  return (
    <View className="br-page branch-manage-page">
      <Text className="br-lead">{branch.name} · 数据只含本分会的成员、群组、活动和募捐</Text>
      <View className="branch-figures">
        {figures.map(([key, label, value]) => (
          <View key={key} className={`branch-figure branch-figure--${key}`}>
            <Text className="branch-figure__value">{value}</Text>
            <Text className="branch-figure__label">{label}</Text>
          </View>
        ))}
      </View>
      <View className="br-actions branch-tools">
        <Button className="branch-requests" type="primary" shape="round" onClick={() => go(branchUrls.joinRequests(branch.groupId))}>
          入会审核
        </Button>
        <Button className="branch-post-event" type="primary" shape="round" onClick={() => go(branchUrls.event(branch.id))}>
          发布活动
        </Button>
        <Button className="branch-announce" fill="outline" shape="round" onClick={() => go(branchUrls.compose(branch.groupId))}>
          发布公告
        </Button>
        <Button className="branch-members" fill="outline" shape="round" onClick={() => go(branchUrls.group(branch.groupId))}>
          成员与动态
        </Button>
        <Button className="branch-liaisons-link" fill="outline" shape="round" onClick={() => go(branchUrls.liaisons(branch.id))}>
          班级联络人
        </Button>
      </View>
      <Text className="br-section">分会群组</Text>
      {branch.groups.map((g) => (
        <Card key={g.id} className="branch-group" onClick={() => go(branchUrls.group(g.id))}>
          <Text className="br-card__title">{g.name}</Text>
          <Text className="br-card__meta">
            {g.home ? '分会主群' : `${GROUP_KIND_LABELS[g.kind]}群`} · {g.memberCount} 位成员
          </Text>
        </Card>
      ))}
      <NewGroup branchId={branch.id} onOpened={() => void reload(true)} />
    </View>
  );
}

/** Open a group under the branch; every branch admin administers it. */
function NewGroup({ branchId, onOpened }: { branchId: string; onOpened: () => void }) {
  const [kind, setKind] = useState<BranchGroupKind>('interest');
  const [name, setName] = useState('');
  const [place, setPlace] = useState('');
  const [policy, setPolicy] = useState<BranchJoinPolicy>('open');
  const [tried, setTried] = useState(false);
  const { busy, run } = useSingleFlight();
  const problems = {
    name: name.trim() === '' ? '请填写群名称' : undefined,
    place: kind !== 'interest' && place.trim() === '' ? (kind === 'city' ? '请填写城市' : '请填写行业') : undefined,
  };
  const submit = async () => {
    setTried(true);
    if (problems.name || problems.place) return;
    await run(async () => {
      try {
        const branch = await openBranchGroup(branchId, {
          kind,
          name: name.trim(),
          place: kind === 'interest' ? null : place.trim(),
          joinPolicy: policy,
        });
        const opened = branch.groups.find((g) => g.name === name.trim());
        void Taro.showToast({ title: opened ? '群组已开设' : '已提交校友会审核', icon: 'success' });
        setName('');
        setPlace('');
        setTried(false);
        onOpened();
      } catch {
        // The request wrapper showed why.
      }
    });
  };
  return (
    <Card className="branch-new-group">
      <Text className="br-card__title">开设分会群组</Text>
      <Chips className="branch-group-kind" items={KINDS} value={kind} onChange={setKind} />
      <Text className="br-label">群名称</Text>
      <Input
        className="br-input branch-group-name"
        value={name}
        maxlength={GROUP_LIMITS.name}
        placeholder="如：上海分会读书会"
        onInput={(e) => setName(e.detail.value)}
      />
      {tried && problems.name ? <Text className="br-problem">{problems.name}</Text> : null}
      {kind !== 'interest' ? (
        <>
          <Text className="br-label">{kind === 'city' ? '城市' : '行业'}</Text>
          <Input
            className="br-input branch-group-place"
            value={place}
            maxlength={GROUP_LIMITS.place}
            onInput={(e) => setPlace(e.detail.value)}
          />
          {tried && problems.place ? <Text className="br-problem">{problems.place}</Text> : null}
        </>
      ) : null}
      <Text className="br-label">加入方式</Text>
      <Chips className="branch-group-policy" items={POLICIES} value={policy} onChange={setPolicy} />
      <Button className="branch-open-group" type="primary" shape="round" block loading={busy} onClick={() => void submit()}>
        开设群组
      </Button>
    </Card>
  );
}
