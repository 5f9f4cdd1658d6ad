import {
  DASHBOARD_LIST_LABELS,
  DASHBOARD_LISTS,
  type DashboardList,
  type DashboardListItemDto,
  type DashboardSummaryDto,
  type DashboardTrendsDto,
  ENGAGEMENT_SEGMENT_LABELS,
  ENGAGEMENT_SEGMENTS,
  formatFen,
  formatShanghaiDateTime,
  type HeadlineFigures,
} from '@alumni/shared';
import { Skeleton } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { type ReactNode, useCallback, useEffect, useMemo, useState } from 'react';
import {
  downloadDashboardList,
  getDashboardCoverage,
  getDashboardSummary,
  getDashboardTrends,
  listDashboard,
} from '../../../../api/dashboard';
import { EXPORT_FORMATS } from '../../../../api/exports';
import { ApiError } from '../../../../api/request';
import { Chart } from '../../../../components/chart';
import { EmptyState } from '../../../../components/empty-state';
import { ErrorState } from '../../../../components/error-state';
import { EventPagedList } from '../../../../components/event-paged-list';
import { ExportButton } from '../../../../components/export-button';
import { usePagedList } from '../../../../pages/events/use-paged-list';
import {
  BREAKDOWN_METRIC_KEYS,
  BREAKDOWN_METRICS,
  breakdownRows,
  type BreakdownSelection,
  DEFAULT_BREAKDOWN,
  DIMENSION_OPTIONS,
} from './breakdown';
import { breakdownChartHeight, breakdownOption, chartedRows, givingTrendOption, participationTrendOption } from './charts';
import { CoverageCard } from './coverage';
import { HEADLINES } from './headlines';
import { alumnusTimelineUrl, ENGAGEMENT_WEIGHTS_URL } from './urls';
import './index.scss';

type Loaded<T> = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; data: T };

/** One read the page shows, kept on screen while it is read again. */
function useLoaded<T>(load: () => Promise<T>, key: string) {
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' });
  const [reading, setReading] = useState(false);
  const run = useCallback(async () => {
    setReading(true);
    try {
      setState({ status: 'ready', data: await load() });
    } catch (error) {
      setState((s) =>
        s.status === 'ready' ? s : { status: 'failed', message: error instanceof ApiError ? error.message : '网络异常，请稍后重试' },
      );
    } finally {
      setReading(false);
    }
    // `key` says when `load` asks for something else; `load` itself is new on every render.
  }, [key]);
  useEffect(() => {
    void run();
  }, [run]);
  return { state, reading, reload: run };
}

/** Charts are as wide as their card: the window, or half the page's max width on a desktop. */
function chartWidth(): number {
  const { windowWidth } = Taro.getSystemInfoSync();
  return windowWidth >= 960 ? 560 : windowWidth - 32;
}

export default function DashboardPage() {
  const [selection, setSelection] = useState<BreakdownSelection>(DEFAULT_BREAKDOWN);
  const summary = useLoaded(() => getDashboardSummary(selection.by), selection.by);
  const trends = useLoaded(() => getDashboardTrends(12), 'trends');
  const coverage = useLoaded(() => getDashboardCoverage(12), 'coverage');
  const width = useMemo(chartWidth, []);

  usePullDownRefresh(() => {
    void Promise.all([summary.reload(), trends.reload(), coverage.reload()]).finally(() => Taro.stopPullDownRefresh());
  });

  if (summary.state.status === 'loading') return <Skeleton className="dashboard-skeleton" rows={12} animated />;
  if (summary.state.status === 'failed') return <ErrorState message={summary.state.message} onRetry={() => void summary.reload()} />;
  const data = summary.state.data;

  return (
    <View className="dashboard">
      <View className="dashboard-head">
        <Text className="dashboard-head__as-of">数据截至 {formatShanghaiDateTime(data.asOf)}</Text>
        <Text className="dashboard-head__link dashboard-weights-link" onClick={() => void Taro.navigateTo({ url: ENGAGEMENT_WEIGHTS_URL })}>
          活跃度权重 ›
        </Text>
      </View>
      <CoverageCard state={coverage.state} width={width} onRetry={() => void coverage.reload()} />
      <Headlines figures={data.totals} />

      <View className="dashboard-columns">
        <Section title="分组对比" className="dashboard-breakdown">
          <Breakdown summary={data} selection={selection} reading={summary.reading} onChange={setSelection} />
        </Section>
        <Section title="月度趋势" className="dashboard-trends">
          <Trends state={trends.state} width={width} onRetry={() => void trends.reload()} />
        </Section>
      </View>

      <Section title="待跟进名单" className="dashboard-lists">
        <ActionLists />
      </Section>
    </View>
  );
}

function Section({ title, className, children }: { title: string; className: string; children: ReactNode }) {
  return (
    <View className={`dashboard-section ${className}`}>
      <Text className="dashboard-section__title">{title}</Text>
      {children}
    </View>
  );
}

function Headlines({ figures }: { figures: HeadlineFigures }) {
  return (
    <View className="dashboard-headlines">
      {HEADLINES.map((h) => (
        <View key={h.key} className={`dashboard-headline dashboard-headline--${h.key}`}>
          <Text className="dashboard-headline__value">{h.value(figures)}</Text>
          <Text className="dashboard-headline__label">{h.label}</Text>
          {h.hint ? <Text className="dashboard-headline__hint">{h.hint(figures)}</Text> : null}
        </View>
      ))}
      <View className="dashboard-segments">
        {ENGAGEMENT_SEGMENTS.map((segment) => (
          <View key={segment} className={`dashboard-segment dashboard-segment--${segment}`}>
            <Text className="dashboard-segment__value">{figures.segments[segment]}</Text>
            <Text className="dashboard-segment__label">{ENGAGEMENT_SEGMENT_LABELS[segment]}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}

interface BreakdownProps {
  summary: DashboardSummaryDto;
  selection: BreakdownSelection;
  reading: boolean;
  onChange: (selection: BreakdownSelection) => void;
}

function Breakdown({ summary, selection, reading, onChange }: BreakdownProps) {
  // Until the answer for the newly chosen dimension arrives, the old groups would be mislabelled.
  const current = summary.by === selection.by;
  const rows = useMemo(() => (current ? breakdownRows(summary.groups, selection.metric) : []), [current, summary.groups, selection.metric]);
  const option = useMemo(() => breakdownOption(rows, selection.metric), [rows, selection.metric]);
  return (
    <View>
      <Chips
        className="dashboard-dimension"
        options={DIMENSION_OPTIONS.map((o) => ({ key: o.by, label: o.label }))}
        active={selection.by}
        onPick={(by) => onChange({ ...selection, by: by as BreakdownSelection['by'] })}
      />
      <Chips
        className="dashboard-metric"
        options={BREAKDOWN_METRIC_KEYS.map((key) => ({ key, label: BREAKDOWN_METRICS[key].label }))}
        active={selection.metric}
        onPick={(metric) => onChange({ ...selection, metric: metric as BreakdownSelection['metric'] })}
        small
      />
      {!current || reading ? (
        <Skeleton className="dashboard-breakdown__loading" rows={5} animated />
      ) : rows.length === 0 ? (
        <EmptyState title="暂无数据" />
      ) : (
        <>
          <Chart className="dashboard-breakdown__chart" option={option} height={breakdownChartHeight(chartedRows(rows).length)} />
          <View className="dashboard-table">
            <View className="dashboard-table__row dashboard-table__row--head">
              <Text className="dashboard-table__name">分组</Text>
              <Text className="dashboard-table__cell">校友</Text>
              <Text className="dashboard-table__cell">认证</Text>
              <Text className="dashboard-table__cell">覆盖率</Text>
              <Text className="dashboard-table__cell">参与</Text>
            </View>
            {rows.map((row) => (
              <View key={row.key} className="dashboard-table__row dashboard-breakdown__row">
                <Text className="dashboard-table__name">{row.label}</Text>
                <Text className="dashboard-table__cell">{row.figures.alumni}</Text>
                <Text className="dashboard-table__cell">{row.figures.verified}</Text>
                <Text className="dashboard-table__cell">{row.figures.contactCoveragePercent}%</Text>
                <Text className="dashboard-table__cell">{row.figures.engaged12Months}</Text>
              </View>
            ))}
          </View>
        </>
      )}
    </View>
  );
}

function Chips({
  options,
  active,
  onPick,
  className,
  small,
}: {
  options: { key: string; label: string }[];
  active: string;
  onPick: (key: string) => void;
  className: string;
  small?: boolean;
}) {
  return (
    <View className={`dashboard-chips ${className}${small ? ' dashboard-chips--small' : ''}`}>
      {options.map((o) => (
        <Text
          key={o.key}
          className={`dashboard-chip ${className}__chip${o.key === active ? ' dashboard-chip--active' : ''}`}
          onClick={() => onPick(o.key)}
        >
          {o.label}
        </Text>
      ))}
    </View>
  );
}

function Trends({ state, width, onRetry }: { state: Loaded<DashboardTrendsDto>; width: number; onRetry: () => void }) {
  const months = state.status === 'ready' ? state.data.months : [];
  const participation = useMemo(() => participationTrendOption(months, width), [months, width]);
  const giving = useMemo(() => givingTrendOption(months, width), [months, width]);
  if (state.status === 'loading') return <Skeleton rows={8} animated />;
  if (state.status === 'failed') return <ErrorState message={state.message} onRetry={onRetry} />;
  return (
    <View className="dashboard-trend-charts">
      <Text className="dashboard-chart-title">注册、认证与参与（人）</Text>
      <Chart className="dashboard-trend dashboard-trend--participation" option={participation} height={220} />
      <Text className="dashboard-chart-title">每月筹款（元）</Text>
      <Chart className="dashboard-trend dashboard-trend--giving" option={giving} height={200} />
      {months.every((m) => m.raisedFen === 0) ? <Text className="dashboard-chart-note">近 12 个月暂无捐赠</Text> : null}
    </View>
  );
}

function ActionLists() {
  const [list, setList] = useState<DashboardList>(DASHBOARD_LISTS[0]);
  const { state, reload, loadMore } = usePagedList<DashboardListItemDto>((cursor) => listDashboard(list, { cursor, limit: 20 }), list);
  return (
    <View>
      <Chips
        className="dashboard-list-tab"
        options={DASHBOARD_LISTS.map((key) => ({ key, label: DASHBOARD_LIST_LABELS[key] }))}
        active={list}
        onPick={(key) => setList(key as DashboardList)}
      />
      <View className="dashboard-exports">
        {EXPORT_FORMATS.map((format) => (
          <ExportButton
            key={format}
            block="dashboard-export"
            format={format}
            filename={`${DASHBOARD_LIST_LABELS[list]}.${format}`}
            download={() => downloadDashboardList(list, format)}
          />
        ))}
      </View>
      <EventPagedList
        state={state}
        empty={<EmptyState title="名单为空" description="暂时没有需要跟进的校友" />}
        onRetry={() => void reload()}
        onMore={() => void loadMore()}
        render={(item) => <ListItem key={item.alumnusId} list={list} item={item} />}
      />
    </View>
  );
}

/** What each list is about, under the name. */
function listDetail(list: DashboardList, item: DashboardListItemDto): string {
  const date = (iso: string | null) => (iso ? formatShanghaiDateTime(iso).slice(0, 10) : '无');
  if (list === 'stale-contacts') return `联系方式更新：${date(item.contactUpdatedAt)}`;
  if (list === 'lapsed-donors') return `累计捐赠 ${formatFen(item.donatedFen)} · 最近一次 ${date(item.lastDonationAt)}`;
  return `活跃度 ${item.score} · ${ENGAGEMENT_SEGMENT_LABELS[item.segment]}`;
}

function ListItem({ list, item }: { list: DashboardList; item: DashboardListItemDto }) {
  const name = item.realName ?? item.displayName;
  const meta = [item.graduationYear ? `${item.graduationYear} 届` : null, item.department, item.city].filter(Boolean).join(' · ');
  return (
    <View className="dashboard-person" onClick={() => void Taro.navigateTo({ url: alumnusTimelineUrl(item.alumnusId, name) })}>
      <View className="dashboard-person__head">
        <Text className="dashboard-person__name">{name}</Text>
        <Text className="dashboard-person__meta">{meta || '资料未填写'}</Text>
      </View>
      <Text className="dashboard-person__detail">{listDetail(list, item)}</Text>
    </View>
  );
}
