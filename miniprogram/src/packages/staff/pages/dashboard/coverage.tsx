import type { RosterCoverageDto } from '@alumni/shared';
import { Skeleton } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useMemo, useState } from 'react';
import { Chart } from '../../../../components/chart';
import { EmptyState } from '../../../../components/empty-state';
import { ErrorState } from '../../../../components/error-state';
import { coverageTrendOption } from './charts';
import { COVERAGE_DIMENSIONS, type CoverageDimension, coverageRows, coverageSummary } from './coverage-rows';

export type CoverageState = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; data: RosterCoverageDto };

/**
 * The first thing on the dashboard: the share of graduates on the rosters the association
 * can reach (a verified account holds their entry), by department or year, and its trend.
 */
export function CoverageCard({ state, width, onRetry }: { state: CoverageState; width: number; onRetry: () => void }) {
  return (
    <View className="dashboard-coverage">
      {state.status === 'loading' ? (
        <Skeleton rows={4} animated />
      ) : state.status === 'failed' ? (
        <ErrorState message={state.message} onRetry={onRetry} />
      ) : (
        <CoverageBody coverage={state.data} width={width} />
      )}
    </View>
  );
}

function CoverageBody({ coverage, width }: { coverage: RosterCoverageDto; width: number }) {
  const [dimension, setDimension] = useState<CoverageDimension>('byDepartment');
  const [expanded, setExpanded] = useState(false);
  const { rows, hidden } = coverageRows(coverage, dimension, expanded);
  const trend = useMemo(() => coverageTrendOption(coverage.months, width), [coverage.months, width]);
  if (coverage.totals.graduates === 0) {
    return <EmptyState title="名册还是空的" description="导入毕业生名册后，这里显示能联系上的校友占名册的比例" />;
  }
  return (
    <View>
      <View className="dashboard-coverage__hero">
        <Text className="dashboard-coverage__percent">{coverage.totals.percent}%</Text>
        <Text className="dashboard-coverage__label">校友联系覆盖率</Text>
        <Text className="dashboard-coverage__hint">{coverageSummary(coverage)}（从未登录的毕业生也计入名册）</Text>
      </View>
      <View className="dashboard-chips dashboard-chips--small">
        {COVERAGE_DIMENSIONS.map((d) => (
          <Text
            key={d.key}
            className={`dashboard-chip dashboard-coverage__dimension${d.key === dimension ? ' dashboard-chip--active' : ''}`}
            onClick={() => {
              setDimension(d.key);
              setExpanded(false);
            }}
          >
            {d.label}
          </Text>
        ))}
      </View>
      <View className="dashboard-table">
        <View className="dashboard-table__row dashboard-table__row--head">
          <Text className="dashboard-table__name">{dimension === 'byDepartment' ? '院系' : '届别'}</Text>
          <Text className="dashboard-table__cell">名册</Text>
          <Text className="dashboard-table__cell">已联系</Text>
          <Text className="dashboard-table__cell">覆盖率</Text>
        </View>
        {rows.map((row) => (
          <View key={row.key} className="dashboard-table__row dashboard-coverage__row">
            <Text className="dashboard-table__name">{row.label}</Text>
            <Text className="dashboard-table__cell">{row.graduates}</Text>
            <Text className="dashboard-table__cell">{row.reached}</Text>
            <Text className="dashboard-table__cell dashboard-coverage__row-percent">{row.percent}%</Text>
          </View>
        ))}
      </View>
      {hidden > 0 ? (
        <Text className="dashboard-coverage__more" onClick={() => setExpanded(true)}>
          展开其余 {hidden} 项
        </Text>
      ) : null}
      <Text className="dashboard-chart-title">近 12 个月覆盖率（月底）</Text>
      <Chart className="dashboard-coverage__trend" option={trend} height={180} />
    </View>
  );
}
