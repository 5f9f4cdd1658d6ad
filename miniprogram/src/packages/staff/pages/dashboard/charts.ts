import { type CoverageMonthDto, type DashboardMonthDto, FEN_PER_YUAN, formatFen, formatFenShort } from '@alumni/shared';
import type { ChartOption } from '../../../../components/chart/echarts';
import { BREAKDOWN_METRICS, type BreakdownMetric, type BreakdownRow, REST_KEY } from './breakdown';
import { BRAND_COLOR } from '../../../../theme';

/** Sizes in CSS pixels, chosen to stay legible on a 375 px phone. */
export const CHART_FONT = { axis: 12, legend: 13 } as const;
/** Room one month label takes on the x axis ('11月', or '1月' over '2026'), with a gap. */
export const MONTH_LABEL_SLOT = 40;
/** What the y axis and the margins take from the chart's width. */
const Y_AXIS_ROOM = 64;

const COLORS = [BRAND_COLOR, '#e8692c', '#1f8a4c'];
const AXIS_TEXT = '#5c6370';
const GRID_LINE = '#eceef2';

/** `2026-11` → `11月`; January and the first month also carry the year, on a second line. */
export function monthLabel(month: string, first: boolean): string {
  const [year, m] = month.split('-');
  const label = `${Number(m)}月`;
  return first || m === '01' ? `${label}\n${year}` : label;
}

/** Every how-many-th month label is skipped so none overlaps: ECharts' `interval` (0 shows all). */
export function monthLabelInterval(count: number, chartWidth: number): number {
  const room = Math.max(chartWidth - Y_AXIS_ROOM, MONTH_LABEL_SLOT);
  return Math.max(0, Math.ceil((count * MONTH_LABEL_SLOT) / room) - 1);
}

function monthAxis(months: { month: string }[], chartWidth: number) {
  return {
    type: 'category',
    data: months.map((m, i) => monthLabel(m.month, i === 0)),
    axisTick: { alignWithLabel: true },
    axisLine: { lineStyle: { color: '#c9cdd4' } },
    axisLabel: { interval: monthLabelInterval(months.length, chartWidth), fontSize: CHART_FONT.axis, color: AXIS_TEXT, lineHeight: 14 },
  };
}

/** `minInterval`: people come whole; money in fen is ticked in whole yuan (never ¥0.01 on an empty month). */
const valueAxis = (minInterval: number, formatter?: (value: number) => string) => ({
  type: 'value',
  minInterval,
  splitNumber: 4,
  axisLabel: { fontSize: CHART_FONT.axis, color: AXIS_TEXT, ...(formatter ? { formatter } : {}) },
  splitLine: { lineStyle: { color: GRID_LINE } },
});

const grid = { left: 8, right: 16, top: 40, bottom: 8, containLabel: true };
const legend = { top: 0, left: 'center', itemWidth: 14, itemHeight: 8, textStyle: { fontSize: CHART_FONT.legend, color: '#1f2329' } };

/** An axis tooltip: the month (`2026年11月`, then `suffix`) over the lines `lines` gives for it. */
function monthTooltip<T extends { month: string }>(months: T[], suffix: string, lines: (month: T) => string[]) {
  return {
    trigger: 'axis',
    confine: true,
    textStyle: { fontSize: 13 },
    formatter: (params: { dataIndex: number }[]) => {
      const month = months[params[0].dataIndex];
      const [year, m] = month.month.split('-');
      return [`${year}年${Number(m)}月${suffix}`, ...lines(month)].join('<br/>');
    },
  };
}

/** New sign-ups, verifications and alumni who took part, month by month. */
export function participationTrendOption(months: DashboardMonthDto[], chartWidth: number): ChartOption {
  const line = (name: string, pick: (m: DashboardMonthDto) => number, color: string) => ({
    name,
    type: 'line',
    data: months.map(pick),
    smooth: false,
    symbolSize: 5,
    itemStyle: { color },
    lineStyle: { width: 2, color },
  });
  return {
    animation: false,
    color: COLORS,
    grid,
    legend,
    tooltip: { trigger: 'axis', confine: true, textStyle: { fontSize: 13 } },
    xAxis: monthAxis(months, chartWidth),
    yAxis: valueAxis(1),
    series: [
      line('新注册', (m) => m.signedUp, COLORS[0]),
      line('新认证', (m) => m.verified, COLORS[2]),
      line('参与校友', (m) => m.engaged, COLORS[1]),
    ],
  };
}

/** Amount raised each month (bars, in fen, labelled in yuan); the tooltip adds the donors. */
export function givingTrendOption(months: DashboardMonthDto[], chartWidth: number): ChartOption {
  return {
    animation: false,
    grid,
    legend: { ...legend, data: ['筹款金额'] },
    tooltip: monthTooltip(months, '', (m) => [`筹款 ${formatFen(m.raisedFen)}`, `捐赠 ${m.donors} 人`]),
    xAxis: monthAxis(months, chartWidth),
    yAxis: valueAxis(FEN_PER_YUAN, (fen) => formatFenShort(fen)),
    series: [{ name: '筹款金额', type: 'bar', data: months.map((m) => m.raisedFen), barMaxWidth: 18, itemStyle: { color: COLORS[1] } }],
  };
}

/** Coverage against the rosters at each month's end, in percent (0–100 on the axis); the tooltip adds the counts. */
export function coverageTrendOption(months: CoverageMonthDto[], chartWidth: number): ChartOption {
  return {
    animation: false,
    grid: { ...grid, top: 16 },
    tooltip: monthTooltip(months, '底', (m) => [`覆盖率 ${m.percent}%`, `名册 ${m.graduates} 人，已联系 ${m.reached} 人`]),
    xAxis: monthAxis(months, chartWidth),
    yAxis: { ...valueAxis(1, (v) => `${v}%`), min: 0, max: 100 },
    series: [
      {
        name: '联系覆盖率',
        type: 'line',
        data: months.map((m) => m.percent),
        symbolSize: 5,
        itemStyle: { color: COLORS[2] },
        lineStyle: { width: 2, color: COLORS[2] },
        areaStyle: { color: 'rgba(31, 138, 76, 0.12)' },
      },
    ],
  };
}

/** Room per group row of the breakdown chart, and for its axis. */
export const BREAKDOWN_ROW_HEIGHT = 30;
/** Group names longer than this (CSS px) end in … rather than squeeze the bars. */
const BREAKDOWN_LABEL_WIDTH = 96;

export function breakdownChartHeight(rows: number): number {
  return Math.max(rows, 1) * BREAKDOWN_ROW_HEIGHT + 24;
}

/** Rows the chart draws: the folded 其他 row would dwarf the others' bars, so only the table lists it. */
export function chartedRows(rows: BreakdownRow[]): BreakdownRow[] {
  return rows.filter((row) => row.key !== REST_KEY);
}

/** The chosen figure per group as horizontal bars, highest on top, each labelled with its value. */
export function breakdownOption(allRows: BreakdownRow[], metric: BreakdownMetric): ChartOption {
  const { label, format } = BREAKDOWN_METRICS[metric];
  const rows = chartedRows(allRows);
  return {
    animation: false,
    grid: { left: 4, right: 56, top: 4, bottom: 4, containLabel: true },
    tooltip: { trigger: 'axis', confine: true, axisPointer: { type: 'shadow' }, valueFormatter: (v: number) => format(v) },
    xAxis: { type: 'value', show: false, max: metric === 'contactCoveragePercent' ? 100 : undefined },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((row) => row.label),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: '#c9cdd4' } },
      axisLabel: { fontSize: CHART_FONT.axis, color: '#1f2329', width: BREAKDOWN_LABEL_WIDTH, overflow: 'truncate', interval: 0 },
    },
    series: [
      {
        name: label,
        type: 'bar',
        data: rows.map((row) => row.value),
        barMaxWidth: 16,
        itemStyle: { color: COLORS[0], borderRadius: [0, 4, 4, 0] },
        label: {
          show: true,
          position: 'right',
          fontSize: CHART_FONT.axis,
          color: AXIS_TEXT,
          formatter: ({ value }: { value: number }) => format(value),
        },
      },
    ],
  };
}
