import { BRANCH_KIND_LABELS, type BranchKind, type BranchSummaryDto, type MyBranchDto } from '@alumni/shared';
import { Skeleton } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { useState } from 'react';
import { listBranches, listMyBranches } from '../../../../api/branches';
import { loadSession } from '../../../../api/session';
import { EmptyState } from '../../../../components/empty-state';
import { ErrorState } from '../../../../components/error-state';
import { useLoaded } from '../../../../components/use-loaded';
import { branchPlaceLine } from '../../join';
import { Card, Chips } from '../../ui';
import { branchUrls } from '../../urls';
import './index.scss';

type Filter = 'all' | BranchKind;
const FILTERS = { all: '全部', ...BRANCH_KIND_LABELS } as Record<Filter, string>;

const load = async (kind: string): Promise<{ branches: BranchSummaryDto[]; mine: MyBranchDto[] }> => {
  const [page, mine] = await Promise.all([
    listBranches({ kind: kind === 'all' ? undefined : (kind as BranchKind), limit: 50 }),
    loadSession() ? listMyBranches() : Promise.resolve([]),
  ]);
  return { branches: page.items, mine };
};

/** The association's branches (分会), by kind; mine on top, with the workbench of those I run. */
export default function BranchesPage() {
  const [filter, setFilter] = useState<Filter>('all');
  const { state, reload } = useLoaded(filter, load, '');
  usePullDownRefresh(() => void reload(true).finally(() => Taro.stopPullDownRefresh()));
  if (state.status === 'loading') return <Skeleton rows={8} animated />;
  if (state.status === 'failed') return <ErrorState message={state.message} onRetry={() => void reload()} />;
  return (
    <View className="br-page branch-list">
      <Text className="br-lead">分会由各地、各行业的校友志愿者管理，组织同城聚会、行业交流和兴趣活动。加入分会，找到身边的校友。</Text>
      {state.mine.length > 0 ? (
        <>
          <Text className="br-section">我的分会</Text>
          {state.mine.map((branch) => (
            <Card key={branch.id} className="my-branch" onClick={() => void Taro.navigateTo({ url: branchUrls.branch(branch.id) })}>
              <Text className="br-card__title">{branch.name}</Text>
              <Text className="br-card__meta">
                {branchPlaceLine(branch, BRANCH_KIND_LABELS[branch.kind])} · {branch.memberCount} 位成员
              </Text>
              {branch.admin ? <Text className="br-card__tag">我是管理员</Text> : null}
            </Card>
          ))}
        </>
      ) : null}
      <Text className="br-section">全部分会</Text>
      <Chips className="branch-kinds" items={FILTERS} value={filter} onChange={setFilter} />
      {state.branches.length === 0 ? <EmptyState title="暂时没有这类分会" /> : null}
      {state.branches.map((branch) => (
        <Card key={branch.id} className="branch-item" onClick={() => void Taro.navigateTo({ url: branchUrls.branch(branch.id) })}>
          <Text className="br-card__title">{branch.name}</Text>
          <Text className="br-card__meta">
            {branchPlaceLine(branch, BRANCH_KIND_LABELS[branch.kind])} · {branch.memberCount} 位成员
          </Text>
          {branch.intro ? <Text className="br-card__meta">{branch.intro}</Text> : null}
        </Card>
      ))}
    </View>
  );
}
