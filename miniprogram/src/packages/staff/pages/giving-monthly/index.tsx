import { formatFen, shanghaiDay, type StaffMonthlyReportDto } from '@alumni/shared';
import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { lazy, Suspense, useEffect, useState } from 'react';
import { getMonthlyReport, runMonthlyForDemo } from '../../../../api/monthly-giving';
import { EmptyState } from '../../../../components/empty-state';
import { INSTALMENT_STATUS_LABELS, monthLabel, PLEDGE_STATUS_LABELS } from '../../../giving/monthly-form';
import { nextMonthSameDay, shiftMonth } from './months';
import { useSingleFlight } from '../../../../components/use-single-flight';
import './index.scss';

// At a desk the H5 build shows the pledges and missed months as tables (monthly-desk.tsx, loaded
// only there); the weapp build drops this branch, so it never contains that file (docs/architecture.md).
const MonthlyDesk = process.env.TARO_ENV === 'h5' ? lazy(() => import('./monthly-desk')) : null;

const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`);

/** 月捐: a month's pledges, fulfilment (paid ÷ due), churn (cancelled ÷ active at its start) and missed months. */
export default function StaffMonthlyPage() {
  const [month, setMonth] = useState(() => shanghaiDay(new Date()).slice(0, 7));
  const [report, setReport] = useState<StaffMonthlyReportDto | null>(null);
  const [failed, setFailed] = useState(false);
  const load = () =>
    getMonthlyReport(month).then(
      (found) => {
        setReport(found);
        setFailed(false);
      },
      () => setFailed(true),
    );
  useEffect(() => {
    setReport(null);
    void load();
  }, [month]);

  // One run at a time: a second tap while the question is up asks nothing and runs the task nothing again.
  const { busy: running, confirmThen } = useSingleFlight();
  const runDemo = () => {
    const at = nextMonthSameDay(new Date());
    return confirmThen(
      {
        title: '运行月捐任务（演示）',
        content: `以 ${at.slice(0, 10)} 为当前日期运行一次：到期的月份发出支付邀请，已结束的月份记为未完成。仅演示环境可用。`,
        confirmText: '运行',
      },
      async () => {
        try {
          const outcome = await runMonthlyForDemo(at);
          void Taro.showToast({ title: `邀请 ${outcome.invited} 笔，未完成 ${outcome.missed} 笔`, icon: 'none' });
          await load();
        } catch {
          // Shown by the request wrapper (outside the demo: not available).
        }
      },
    );
  };

  // DESK_QUERY of src/desk/at-desk.ts, written out. Each use below starts with the build's own
  // constant, so the weapp build folds it (a variable alone is not folded: check-weapp found
  // `desk-wide` left in the staff package).
  const desk = process.env.TARO_ENV === 'h5' && MonthlyDesk !== null && window.matchMedia('(min-width: 1024px)').matches;
  return (
    <View className={process.env.TARO_ENV === 'h5' && desk ? 'staff-monthly desk-wide' : 'staff-monthly'}>
      <View className="staff-monthly__months">
        <Text className="staff-monthly__shift" onClick={() => setMonth(shiftMonth(month, -1))}>
          ‹ 上月
        </Text>
        <Text className="staff-monthly__month">{monthLabel(month)}</Text>
        <Text className="staff-monthly__shift" onClick={() => setMonth(shiftMonth(month, 1))}>
          下月 ›
        </Text>
      </View>
      {failed ? <EmptyState title="加载失败，请稍后重试" /> : null}
      {report ? (
        <>
          <View className="staff-monthly__figures">
            <Figure label="进行中的月捐" value={String(report.activePledges)} hint={`暂停 ${report.pausedPledges}`} />
            <Figure label="每月金额" value={formatFen(report.monthlyFen)} hint="进行中的月捐合计" />
            <Figure
              label="履约率"
              value={percent(report.fulfilmentRate)}
              hint={`已付 ${report.paidInstalments} / 应付 ${report.dueInstalments}`}
              className="staff-monthly__fulfilment"
            />
            <Figure
              label="流失率"
              value={percent(report.churnRate)}
              hint={`取消 ${report.cancelledInMonth} / 月初 ${report.activeAtStart}`}
              className="staff-monthly__churn"
            />
          </View>
          <Text className="staff-monthly__note">
            履约率 = 本月已支付 ÷ 本月应付（已支付 + 未完成；暂停或取消而跳过的月份不计）；流失率 = 本月取消 ÷ 月初进行中。
          </Text>
          {report.deductionFallbacks > 0 ? (
            <Text className="staff-monthly__note staff-monthly__fallbacks">
              本月有 {report.deductionFallbacks} 笔自动扣款多次未成功，已改为提醒捐赠人一键支付。
            </Text>
          ) : null}

          {process.env.TARO_ENV === 'h5' && desk && MonthlyDesk ? (
            <Suspense fallback={null}>
              <MonthlyDesk report={report} />
            </Suspense>
          ) : (
            <PhoneLists report={report} />
          )}
        </>
      ) : null}
      <View className="staff-monthly__card">
        <Text className="staff-monthly__title">演示</Text>
        <Text className="staff-monthly__muted">
          月捐任务每 10 分钟自动运行。演示环境可以把日期拨到下个月的今天运行一次，看下月的支付邀请。
        </Text>
        <Button className="staff-monthly__run" size="small" shape="round" loading={running} onClick={() => void runDemo()}>
          模拟下月运行
        </Button>
      </View>
    </View>
  );
}

/** The month's missed months and pledges as cards, for a phone. */
function PhoneLists({ report }: { report: StaffMonthlyReportDto }) {
  return (
    <>
      <View className="staff-monthly__card">
        <Text className="staff-monthly__title">未完成的月份（{report.missed.length}）</Text>
        {report.missed.length === 0 ? (
          <Text className="staff-monthly__muted">没有未完成的月份。</Text>
        ) : (
          report.missed.map((m) => (
            <View key={m.instalmentId} className="staff-monthly__row staff-monthly__missed">
              <Text>{m.alumnusName}</Text>
              <Text>{m.campaignTitle}</Text>
              <Text>{monthLabel(m.month)}</Text>
              <Text>{formatFen(m.amountFen)}</Text>
              <Text className="staff-monthly__tag">{INSTALMENT_STATUS_LABELS.missed}</Text>
            </View>
          ))
        )}
      </View>

      <View className="staff-monthly__card">
        <Text className="staff-monthly__title">月捐名单（{report.pledges.length}）</Text>
        {report.pledges.length === 0 ? (
          <Text className="staff-monthly__muted">还没有月捐。</Text>
        ) : (
          report.pledges.map((p) => (
            <View key={p.id} className="staff-monthly__row staff-monthly__pledge">
              <Text>{p.alumnusName}</Text>
              <Text>{p.campaignTitle}</Text>
              <Text>
                每月 {formatFen(p.amountFen)} · {p.dayOfMonth} 日
              </Text>
              <Text>
                已付 {p.paidMonths} 月{p.missedMonths > 0 ? ` · 未完成 ${p.missedMonths}` : ''}
              </Text>
              <Text className="staff-monthly__tag">{PLEDGE_STATUS_LABELS[p.status]}</Text>
            </View>
          ))
        )}
      </View>
    </>
  );
}

function Figure({ label, value, hint, className = '' }: { label: string; value: string; hint: string; className?: string }) {
  return (
    <View className={`staff-monthly__figure ${className}`}>
      <Text className="staff-monthly__figure-label">{label}</Text>
      <Text className="staff-monthly__figure-value">{value}</Text>
      <Text className="staff-monthly__figure-hint">{hint}</Text>
    </View>
  );
}
