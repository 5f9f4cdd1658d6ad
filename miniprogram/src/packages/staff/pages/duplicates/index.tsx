import {
  DUPLICATE_REASONS,
  formatFen,
  formatShanghaiShort,
  type DuplicateCandidateDto,
  type DuplicateComparisonDto,
  type DuplicateKind,
  type DuplicateQueueDto,
  type DuplicateRecordDto,
  type DuplicateRosterEntryDto,
} from '@alumni/shared';
import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import { compareDuplicate, dismissDuplicate, listDuplicates, mergeDuplicate, scanDuplicates } from '../../../../api/duplicates';
import { ApiError } from '../../../../api/request';
import { CampaignTabs } from '../../../../components/campaign-tabs';
import { useDecide } from '../../../../components/decision';
import { EmptyState } from '../../../../components/empty-state';
import { ErrorState } from '../../../../components/error-state';
import { useSingleFlight } from '../../../../components/use-single-flight';
import { claimLine, linkSummary, mergeSummary, proposedSurvivor, recordName } from './merge-summary';
import './index.scss';

type Filter = 'all' | DuplicateKind;

type Queue = { status: 'loading' } | { status: 'failed'; message: string } | ({ status: 'ready' } & DuplicateQueueDto);

const PAGE_SIZE = 20;

const FILTERS: readonly (readonly [Filter, string])[] = [
  ['all', '全部'],
  ['accounts', '两个账号'],
  ['roster', '账号与名册'],
];

const failure = (error: unknown) => (error instanceof ApiError ? error.message : '网络异常，请稍后重试');

/**
 * Staff: the duplicate-records queue (工作台 → 重复记录): scan, compare two records side by side,
 * merge or dismiss; a page at a time, all pairs or one kind.
 */
export default function DuplicatesPage() {
  const [filter, setFilter] = useState<Filter>('all');
  const [queue, setQueue] = useState<Queue>({ status: 'loading' });
  const { busy: scanning, run: runScan } = useSingleFlight();
  const [openId, setOpenId] = useState<string | null>(null);
  // A reply to an earlier filter that arrives late is dropped.
  const latest = useRef(0);

  const reload = useCallback(async () => {
    const call = ++latest.current;
    try {
      const page = await listDuplicates({ kind: filter === 'all' ? undefined : filter, limit: PAGE_SIZE });
      if (call === latest.current) setQueue({ status: 'ready', ...page });
    } catch (error) {
      if (call === latest.current) setQueue({ status: 'failed', message: failure(error) });
    }
  }, [filter]);
  useEffect(() => void reload(), [reload]);
  usePullDownRefresh(() => void reload().finally(() => Taro.stopPullDownRefresh()));

  // One page at a time, held from the first reach-bottom (or tap on 加载更多): a second before the
  // page renders again would ask for the same page again and show its pairs twice.
  const { busy: loadingMore, run } = useSingleFlight();
  const more = () => {
    if (queue.status !== 'ready' || !queue.nextCursor) return;
    const { nextCursor } = queue;
    const call = latest.current;
    void run(() =>
      listDuplicates({ kind: filter === 'all' ? undefined : filter, limit: PAGE_SIZE, cursor: nextCursor }).then(
        (page) => {
          if (call !== latest.current) return;
          setQueue((q) => (q.status === 'ready' ? { ...q, ...page, items: [...q.items, ...page.items] } : q));
        },
        () => undefined,
      ),
    );
  };
  useReachBottom(more);

  const scan = async () => {
    await runScan(async () => {
      try {
        const result = await scanDuplicates();
        void Taro.showToast({ title: `新发现 ${result.added} 对`, icon: 'none' });
        await reload();
      } catch {
        // The request wrapper showed why.
      }
    });
  };

  const choose = (next: Filter) => {
    if (next === filter) return;
    setOpenId(null);
    setQueue({ status: 'loading' });
    setFilter(next);
  };

  const decided = (candidate: DuplicateCandidateDto) => {
    setOpenId(null);
    setQueue((q) =>
      q.status === 'ready'
        ? {
            ...q,
            items: q.items.filter((c) => c.id !== candidate.id),
            open: q.open - 1,
            openByKind: { ...q.openByKind, [candidate.kind]: q.openByKind[candidate.kind] - 1 },
          }
        : q,
    );
  };

  const tabs = FILTERS.map(([key, label]) => {
    if (queue.status !== 'ready') return [key, label] as const;
    return [key, `${label} ${key === 'all' ? queue.open : queue.openByKind[key]}`] as const;
  });

  return (
    <View className="duplicates">
      <View className="duplicates__bar">
        <Text className="duplicates__count">{queue.status === 'ready' ? `待处理 ${queue.open} 对` : '重复记录'}</Text>
        <Button className="duplicates__scan" size="small" shape="round" type="primary" loading={scanning} onClick={() => void scan()}>
          扫描重复记录
        </Button>
      </View>
      <Text className="duplicates__hint">
        按姓名（含同音字）、届别、院系、班级、手机号和微信找出可能是同一人的两个账号，以及认证未匹配的账号和无人认领的名册记录；每晚也会自动扫描。
      </Text>
      <CampaignTabs tabs={tabs} value={filter} onChange={choose} />
      {queue.status === 'loading' ? <Text className="duplicates__hint">加载中…</Text> : null}
      {queue.status === 'failed' ? <ErrorState message={queue.message} onRetry={() => void reload()} /> : null}
      {queue.status === 'ready' && queue.items.length === 0 ? (
        <EmptyState title="没有待处理的重复记录" description="点击「扫描重复记录」检查全部校友记录" />
      ) : null}
      {queue.status === 'ready'
        ? queue.items.map((candidate) => (
            <CandidateCard
              key={candidate.id}
              candidate={candidate}
              open={openId === candidate.id}
              onToggle={() => setOpenId(openId === candidate.id ? null : candidate.id)}
              onDecided={() => decided(candidate)}
            />
          ))
        : null}
      {queue.status === 'ready' && queue.nextCursor ? (
        <View className="duplicates__more">
          <Button className="duplicates__more-button" size="small" shape="round" loading={loadingMore} onClick={more}>
            {`加载更多（已显示 ${queue.items.length} 对）`}
          </Button>
        </View>
      ) : null}
    </View>
  );
}

function side(s: DuplicateCandidateDto['a']): string {
  return [s.displayName, s.graduationYear ? `${s.graduationYear}届` : null, s.departmentName].filter(Boolean).join(' · ');
}

function CandidateCard(props: { candidate: DuplicateCandidateDto; open: boolean; onToggle: () => void; onDecided: () => void }) {
  const { candidate, open, onToggle, onDecided } = props;
  return (
    <View className="candidate">
      <View className="candidate__head" onClick={onToggle}>
        <Text className="candidate__score">{candidate.score}分</Text>
        <View className="candidate__names">
          <Text className="candidate__name">{side(candidate.a)}</Text>
          <Text className="candidate__name">{candidate.kind === 'roster' ? `名册：${side(candidate.b)}` : side(candidate.b)}</Text>
        </View>
        <Text className="candidate__toggle">{open ? '收起' : '对比'}</Text>
      </View>
      <View className="candidate__reasons">
        {candidate.reasons.map((reason) => (
          <Text key={reason} className="candidate__reason">
            {DUPLICATE_REASONS[reason].label}
          </Text>
        ))}
      </View>
      {open ? <Comparison id={candidate.id} onDecided={onDecided} /> : null}
    </View>
  );
}

const ROWS: { label: string; value: (r: DuplicateRecordDto) => string }[] = [
  { label: '昵称', value: (r) => r.displayName },
  { label: '姓名', value: (r) => r.realName ?? '—' },
  { label: '届别', value: (r) => (r.graduationYear ? `${r.graduationYear}届` : '—') },
  { label: '院系', value: (r) => r.departmentName ?? '—' },
  { label: '班级', value: (r) => r.className ?? '—' },
  { label: '城市', value: (r) => r.city ?? '—' },
  { label: '单位', value: (r) => r.employer ?? '—' },
  { label: '手机', value: (r) => r.phoneMasked ?? '—' },
  { label: '微信', value: (r) => (r.hasWechat ? '已绑定' : '—') },
  { label: '认证', value: (r) => (r.verified ? '已认证' : '未认证') },
  {
    label: '名册记录',
    value: (r) =>
      r.claim ? `${r.claim.name} ${r.claim.graduationYear}届 ${r.claim.className ?? ''} ${r.claim.studentNumber ?? ''}`.trim() : '—',
  },
  { label: '注册时间', value: (r) => formatShanghaiShort(r.createdAt) },
  { label: '活动报名', value: (r) => `${r.registrations}` },
  { label: '捐赠', value: (r) => `${r.donations.count} 笔 ${formatFen(r.donations.totalFen)}` },
  { label: '群组', value: (r) => `${r.memberships}` },
  { label: '群动态', value: (r) => `${r.posts}` },
  { label: '互动记录', value: (r) => `${r.interactions}` },
  { label: '参与度', value: (r) => r.engagementScore.toFixed(1) },
];

function Comparison({ id, onDecided }: { id: string; onDecided: () => void }) {
  const [state, setState] = useState<
    { status: 'loading' } | { status: 'failed'; message: string } | ({ status: 'ready' } & DuplicateComparisonDto)
  >({
    status: 'loading',
  });
  const [survivorId, setSurvivorId] = useState<string | null>(null);
  const { busy, confirmThen } = useDecide(onDecided);

  useEffect(() => {
    compareDuplicate(id)
      .then((comparison) => {
        setState({ status: 'ready', ...comparison });
        const [a, b] = comparison.records;
        setSurvivorId(a && b ? proposedSurvivor([a, b]).id : (a?.id ?? null));
      })
      .catch((error: unknown) => setState({ status: 'failed', message: failure(error) }));
  }, [id]);

  if (state.status === 'loading') return <Text className="duplicates__hint">正在读取两条记录…</Text>;
  if (state.status === 'failed') return <Text className="duplicates__hint">{state.message}</Text>;

  const [account] = state.records;
  if (state.rosterEntry && account) {
    return (
      <EntryComparison id={id} account={account} entry={state.rosterEntry} claims={state.claims} busy={busy} confirmThen={confirmThen} />
    );
  }
  const survivor = state.records.find((r) => r.id === survivorId) ?? state.records[0]!;
  const merged = state.records.find((r) => r.id !== survivor.id)!;

  const merge = () =>
    confirmThen(
      { title: '确认合并', content: mergeSummary(survivor, merged), confirmText: '合并' },
      () => mergeDuplicate(id, survivor.id),
      '已合并',
    );
  const dismiss = () =>
    confirmThen(
      { title: '不是同一人', content: `${recordName(survivor)}和${recordName(merged)}将不再出现在重复记录中。`, confirmText: '确定' },
      () => dismissDuplicate(id),
      '已标记',
    );

  return (
    <View className="compare">
      <View className="compare__row compare__row--head">
        <Text className="compare__label">保留</Text>
        {state.records.map((record) => (
          <View
            key={record.id}
            className={`compare__pick${record.id === survivor.id ? ' compare__pick--on' : ''}`}
            onClick={() => setSurvivorId(record.id)}
          >
            <Text>{record.id === survivor.id ? '● 保留此记录' : '○ 保留此记录'}</Text>
          </View>
        ))}
      </View>
      {ROWS.map((row) => {
        const [a, b] = state.records.map(row.value);
        return (
          <View key={row.label} className={`compare__row${a !== b ? ' compare__row--differs' : ''}`}>
            <Text className="compare__label">{row.label}</Text>
            <Text className="compare__value">{a}</Text>
            <Text className="compare__value">{b}</Text>
          </View>
        );
      })}
      <View className="compare__actions">
        <Button className="compare__dismiss" size="small" shape="round" disabled={busy} onClick={() => void dismiss()}>
          不是同一人
        </Button>
        <Button className="compare__merge" size="small" shape="round" type="primary" loading={busy} onClick={() => void merge()}>
          合并到保留的记录
        </Button>
      </View>
    </View>
  );
}

const ENTRY_ROWS: { label: string; account: (r: DuplicateRecordDto) => string; entry: (e: DuplicateRosterEntryDto) => string }[] = [
  { label: '姓名', account: (r) => r.realName ?? r.displayName, entry: (e) => e.name },
  { label: '届别', account: (r) => (r.graduationYear ? `${r.graduationYear}届` : '—'), entry: (e) => `${e.graduationYear}届` },
  { label: '院系', account: (r) => r.departmentName ?? '—', entry: (e) => e.departmentName ?? '—' },
  { label: '班级', account: (r) => r.className ?? '—', entry: (e) => e.className ?? '—' },
  { label: '学号', account: () => '—', entry: (e) => e.studentNumber },
  { label: '专业', account: () => '—', entry: (e) => e.major ?? '—' },
  { label: '手机', account: (r) => r.phoneMasked ?? '—', entry: () => '—' },
  { label: '注册时间', account: (r) => formatShanghaiShort(r.createdAt), entry: () => '—' },
];

/**
 * An account and the unclaimed roster entry its claim failed to match: what the account says
 * (profile and claims) beside what the roster lists; 关联 verifies the account with the entry,
 * as approving its claim would.
 */
function EntryComparison(props: {
  id: string;
  account: DuplicateRecordDto;
  entry: DuplicateRosterEntryDto;
  claims: DuplicateComparisonDto['claims'];
  busy: boolean;
  confirmThen: ReturnType<typeof useDecide>['confirmThen'];
}) {
  const { id, account, entry, claims, busy, confirmThen } = props;
  const link = () =>
    confirmThen(
      { title: '确认关联', content: linkSummary(account, entry), confirmText: '关联' },
      () => mergeDuplicate(id, account.id),
      '已关联',
    );
  const dismiss = () =>
    confirmThen(
      { title: '不是同一人', content: `${recordName(account)}和名册上的「${entry.name}」将不再出现在重复记录中。`, confirmText: '确定' },
      () => dismissDuplicate(id),
      '已标记',
    );
  return (
    <View className="compare">
      <View className="compare__row compare__row--head">
        <Text className="compare__label" />
        <Text className="compare__value">账号</Text>
        <Text className="compare__value">名册记录</Text>
      </View>
      {ENTRY_ROWS.map((row) => {
        const [a, b] = [row.account(account), row.entry(entry)];
        return (
          <View key={row.label} className={`compare__row${a !== b && a !== '—' && b !== '—' ? ' compare__row--differs' : ''}`}>
            <Text className="compare__label">{row.label}</Text>
            <Text className="compare__value">{a}</Text>
            <Text className="compare__value">{b}</Text>
          </View>
        );
      })}
      <View className="compare__claims">
        <Text className="compare__label">认证申请</Text>
        {claims.length === 0 ? <Text className="compare__claim">未提交</Text> : null}
        {claims.map((claim) => (
          <Text key={claim.id} className="compare__claim">
            {claimLine(claim)}
          </Text>
        ))}
      </View>
      <View className="compare__actions">
        <Button className="compare__dismiss" size="small" shape="round" disabled={busy} onClick={() => void dismiss()}>
          不是同一人
        </Button>
        <Button className="compare__merge" size="small" shape="round" type="primary" loading={busy} onClick={() => void link()}>
          关联到名册记录
        </Button>
      </View>
    </View>
  );
}
