import { formatFen, formatShanghaiDateTime, type ReconciliationDto } from '@alumni/shared';
import { Text, View } from '@tarojs/components';
import { useReachBottom } from '@tarojs/taro';
import { listReconciliations } from '../../../../api/staff-giving';
import { EmptyState } from '../../../../components/empty-state';
import { EventPagedList } from '../../../../components/event-paged-list';
import { usePagedList, useReloadOnReturn } from '../../../../pages/events/use-paged-list';
import { DIFFERENCE_KIND_LABELS, differenceAmounts } from './labels';
import './index.scss';

/**
 * Each day checked against WeChat Pay's trade bill (the daily job checks yesterday), with
 * its differences. Read only: a difference is looked into in the merchant console, never
 * "fixed" here.
 */
export default function GivingReconciliationsPage() {
  const { state, reload, loadMore } = usePagedList<ReconciliationDto>((cursor) => listReconciliations({ cursor, limit: 20 }), 'all');
  useReloadOnReturn(reload);
  useReachBottom(() => void loadMore());

  return (
    <View className="reconciliations">
      <Text className="reconciliations__hint">
        每天 11:30 核对前一天的微信支付账单。差异不会被自动更正，请在微信支付商户平台核实后处理。
      </Text>
      <EventPagedList
        state={state}
        empty={<EmptyState title="还没有对账记录" description="每日对账任务运行后在这里显示" />}
        onRetry={() => void reload()}
        onMore={() => void loadMore()}
        render={(day) => <ReconciliationDay key={day.billDate} day={day} />}
      />
    </View>
  );
}

function ReconciliationDay({ day }: { day: ReconciliationDto }) {
  return (
    <View className={`reconciliation reconciliation--${day.status}`}>
      <View className="reconciliation__head">
        <Text className="reconciliation__date">{day.billDate}</Text>
        <Text className="reconciliation__status">{day.status === 'matched' ? '一致' : `${day.differences.length} 处差异`}</Text>
      </View>
      <Text className="reconciliation__totals">
        本系统 {day.ourCount} 笔 {formatFen(day.ourFen)} · 微信支付 {day.billCount} 笔 {formatFen(day.billFen)}
      </Text>
      {day.differences.map((d) => (
        <View key={`${d.kind}-${d.outTradeNo}`} className="reconciliation__difference">
          <Text className="reconciliation__kind">{DIFFERENCE_KIND_LABELS[d.kind]}</Text>
          <Text className="reconciliation__order">订单 {d.outTradeNo}</Text>
          <Text className="reconciliation__amounts">{differenceAmounts(d)}</Text>
        </View>
      ))}
      <Text className="reconciliation__checked">核对于 {formatShanghaiDateTime(day.checkedAt)}</Text>
    </View>
  );
}
