import {
  BRANCH_JOIN_POLICIES,
  BRANCH_KIND_LABELS,
  BRANCH_LIMITS,
  BRANCH_PLACE_LABELS,
  type BranchAdminCandidateDto,
  type BranchDetailDto,
  type BranchJoinPolicy,
  type BranchKind,
  type BranchSummaryDto,
  type CampaignDetailDto,
  formatFen,
  GROUP_JOIN_POLICY_LABELS,
} from '@alumni/shared';
import { Button, Skeleton } from '@nutui/nutui-react-taro';
import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import {
  appointBranchAdmin,
  createBranch,
  dismissBranchAdmin,
  findBranchAdminCandidates,
  getBranch,
  linkBranchCampaign,
  listStaffBranches,
} from '../../../../api/branches';
import { listStaffCampaigns } from '../../../../api/campaigns';
import { EmptyState } from '../../../../components/empty-state';
import { ErrorState } from '../../../../components/error-state';
import { BoundInput, bindForm } from '../../../../components/form-field';
import { useLoaded } from '../../../../components/use-loaded';
import { useSingleFlight } from '../../../../components/use-single-flight';
import './index.scss';

const BRANCH_PAGE = (id: string) => `/packages/branches/pages/branch/index?id=${encodeURIComponent(id)}`;
const POLICIES = Object.fromEntries(BRANCH_JOIN_POLICIES.map((p) => [p, GROUP_JOIN_POLICY_LABELS[p]])) as Record<BranchJoinPolicy, string>;

const load = async (): Promise<{ branches: BranchSummaryDto[]; campaigns: CampaignDetailDto[] }> => {
  const [branches, campaigns] = await Promise.all([listStaffBranches({ limit: 50 }), listStaffCampaigns({ limit: 50 })]);
  return { branches: branches.items, campaigns: campaigns.items };
};

function Chips<T extends string>({
  items,
  value,
  onChange,
  className,
}: {
  items: Record<T, string>;
  value: T;
  onChange: (v: T) => void;
  className: string;
}) {
  return (
    <View className={`staff-branch__chips ${className}`}>
      {(Object.keys(items) as T[]).map((key) => (
        <Text key={key} className={`staff-branch__chip ${key === value ? 'staff-branch__chip--on' : ''}`} onClick={() => onChange(key)}>
          {items[key]}
        </Text>
      ))}
    </View>
  );
}

/** Staff create branches, appoint their admins from verified alumni, and count campaigns toward them. */
export default function StaffBranchesPage() {
  const { state, reload } = useLoaded('all', load, '');
  const [open, setOpen] = useState<string | null>(null);
  if (state.status === 'loading') return <Skeleton rows={10} animated />;
  if (state.status === 'failed') return <ErrorState message={state.message} onRetry={() => void reload()} />;
  return (
    <View className="staff-branches">
      <Text className="staff-branches__lead">
        分会管理员须是已认证校友；他们只能管理本分会的成员、群组、活动和公告，看不到学校的其他数据。
      </Text>
      <NewBranch onCreated={(id) => void reload(true).then(() => setOpen(id))} />
      {state.branches.length === 0 ? <EmptyState title="还没有分会" /> : null}
      {state.branches.map((branch) => (
        <View key={branch.id} className="staff-branch staff-branch-item">
          <Text className="staff-branch__title" onClick={() => setOpen(open === branch.id ? null : branch.id)}>
            {branch.name}
          </Text>
          <Text className="staff-branch__meta">
            {BRANCH_KIND_LABELS[branch.kind]}
            {branch.place ? ` · ${branch.place}` : ''} · {branch.memberCount} 位成员 · {GROUP_JOIN_POLICY_LABELS[branch.joinPolicy]}
          </Text>
          {open === branch.id ? (
            <BranchPanel branchId={branch.id} campaigns={state.campaigns} />
          ) : (
            <Button className="staff-branch-open" size="small" shape="round" fill="outline" onClick={() => setOpen(branch.id)}>
              管理员与募捐
            </Button>
          )}
        </View>
      ))}
    </View>
  );
}

const EMPTY_BRANCH = { name: '', place: '', intro: '' };

function NewBranch({ onCreated }: { onCreated: (id: string) => void }) {
  const [kind, setKind] = useState<BranchKind>('city');
  const [draft, setDraft] = useState(EMPTY_BRANCH);
  const { name, place, intro } = draft;
  const [policy, setPolicy] = useState<BranchJoinPolicy>('approval');
  const [tried, setTried] = useState(false);
  const { busy, run } = useSingleFlight();
  const placeLabel = BRANCH_PLACE_LABELS[kind];
  const problems = {
    name: name.trim() === '' ? '请填写分会名称' : undefined,
    place: placeLabel && place.trim() === '' ? `请填写${placeLabel}` : undefined,
  };
  const submit = async () => {
    setTried(true);
    if (problems.name || problems.place) return;
    await run(async () => {
      try {
        const branch = await createBranch({
          kind,
          name: name.trim(),
          place: placeLabel ? place.trim() : null,
          intro: intro.trim(),
          joinPolicy: policy,
        });
        void Taro.showToast({ title: '分会已创建', icon: 'success' });
        setDraft(EMPTY_BRANCH);
        setTried(false);
        onCreated(branch.id);
      } catch {
        // The request wrapper showed why (a name taken).
      }
    });
  };
  const form = bindForm(draft, setDraft, undefined, () => void submit());
  return (
    <View className="staff-branch staff-branch-new">
      <Text className="staff-branch__title">新建分会</Text>
      <Chips className="staff-branch-kind" items={BRANCH_KIND_LABELS} value={kind} onChange={setKind} />
      <BoundInput
        form={form}
        name="name"
        className="staff-branch__input staff-branch-name"
        maxlength={BRANCH_LIMITS.name}
        placeholder="分会名称，如 上海校友分会"
      />
      {tried && problems.name ? <Text className="staff-branch__problem">{problems.name}</Text> : null}
      {placeLabel ? (
        <BoundInput
          form={form}
          name="place"
          className="staff-branch__input staff-branch-place"
          maxlength={BRANCH_LIMITS.place}
          placeholder={placeLabel}
        />
      ) : null}
      {tried && problems.place ? <Text className="staff-branch__problem">{problems.place}</Text> : null}
      <BoundInput
        form={form}
        name="intro"
        className="staff-branch__input staff-branch-intro"
        maxlength={BRANCH_LIMITS.intro}
        placeholder="简介（可不填）"
      />
      <Chips className="staff-branch-policy" items={POLICIES} value={policy} onChange={setPolicy} />
      <Button className="staff-branch-create" type="primary" shape="round" block loading={busy} onClick={() => void submit()}>
        创建分会
      </Button>
    </View>
  );
}

const loadBranch = async (id: string): Promise<{ branch: BranchDetailDto }> => ({ branch: await getBranch(id) });

/** One branch: its admins (appoint from verified alumni, dismiss) and the campaigns counted toward it. */
function BranchPanel({ branchId, campaigns }: { branchId: string; campaigns: CampaignDetailDto[] }) {
  const { state, update } = useLoaded(branchId, loadBranch, '');
  const [q, setQ] = useState('');
  const [candidates, setCandidates] = useState<BranchAdminCandidateDto[] | null>(null);
  if (state.status !== 'ready') return <Skeleton rows={3} animated />;
  const { branch } = state;
  const act = async (action: () => Promise<BranchDetailDto>, done: string) => {
    try {
      update({ branch: await action() });
      void Taro.showToast({ title: done, icon: 'success' });
    } catch {
      // The request wrapper showed why.
    }
  };
  const search = async () => {
    if (q.trim() === '') return;
    try {
      setCandidates(await findBranchAdminCandidates(q.trim()));
    } catch {
      // Shown by the request wrapper.
    }
  };
  const linked = new Set(branch.campaigns.map((c) => c.id));
  return (
    <View className="staff-branch-panel">
      <Text className="staff-branch__label">管理员</Text>
      {branch.admins.length === 0 ? <Text className="staff-branch__meta">尚未任命</Text> : null}
      {branch.admins.map((admin) => (
        <View key={admin.id} className="staff-branch__row staff-branch-admin">
          <Text>{admin.displayName}</Text>
          <Button
            className="staff-branch-dismiss"
            size="small"
            shape="round"
            fill="outline"
            onClick={() => void act(() => dismissBranchAdmin(branch.id, admin.id), '已卸任')}
          >
            卸任
          </Button>
        </View>
      ))}
      <View className="staff-branch__row">
        <Input
          className="staff-branch__input staff-branch-search"
          value={q}
          placeholder="输入已认证校友姓名"
          onInput={(e) => setQ(e.detail.value)}
          onConfirm={() => void search()}
        />
        <Button className="staff-branch-find" size="small" shape="round" type="primary" onClick={() => void search()}>
          查找
        </Button>
      </View>
      {candidates?.length === 0 ? <Text className="staff-branch__meta">没有找到已认证的校友</Text> : null}
      {(candidates ?? [])
        .filter((c) => !branch.admins.some((a) => a.id === c.id))
        .map((c) => (
          <View key={c.id} className="staff-branch__row staff-branch-candidate">
            <Text>
              {c.displayName}
              {c.realName && c.realName !== c.displayName ? `（${c.realName}）` : ''}
              {c.graduationYear ? ` · ${c.graduationYear} 届` : ''}
            </Text>
            <Button
              className="staff-branch-appoint"
              size="small"
              shape="round"
              type="primary"
              onClick={() => void act(() => appointBranchAdmin(branch.id, c.id), '已任命')}
            >
              任命
            </Button>
          </View>
        ))}
      <Text className="staff-branch__label">计入分会的募捐</Text>
      {campaigns.map((c) => (
        <View key={c.id} className="staff-branch__row staff-branch-campaign">
          <Text>
            {c.title} · {formatFen(c.raisedFen)}
          </Text>
          {linked.has(c.id) ? (
            <Text className="staff-branch__meta">已计入</Text>
          ) : (
            <Button size="small" shape="round" fill="outline" onClick={() => void act(() => linkBranchCampaign(branch.id, c.id), '已计入')}>
              计入
            </Button>
          )}
        </View>
      ))}
      <Button
        className="staff-branch-page"
        size="small"
        shape="round"
        fill="outline"
        onClick={() => void Taro.navigateTo({ url: BRANCH_PAGE(branch.id) })}
      >
        查看分会页面
      </Button>
    </View>
  );
}
