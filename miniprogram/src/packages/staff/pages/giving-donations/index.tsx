import { formatFen, formatShanghaiDateTime, type StaffDonationDto, type StaffDonationStatus } from '@alumni/shared';
import { Button } from '@nutui/nutui-react-taro';
import { Input, Text, Textarea, View } from '@tarojs/components';
import Taro, { useReachBottom, useRouter } from '@tarojs/taro';
import { lazy, Suspense, useEffect, useState } from 'react';
import { getStaffCampaign } from '../../../../api/campaigns';
import { EXPORT_FORMATS } from '../../../../api/exports';
import { ApiError } from '../../../../api/request';
import { loadSession } from '../../../../api/session';
import { downloadDonationsExport, listStaffDonations, refundDonation, type StaffDonationFilters } from '../../../../api/staff-giving';
import { EmptyState } from '../../../../components/empty-state';
import { EventPagedList } from '../../../../components/event-paged-list';
import { ExportButton } from '../../../../components/export-button';
import { usePagedList, useReloadOnReturn } from '../../../../pages/events/use-paged-list';
import { DonationRefunds } from './abnormal-refunds';
import { GIVING_RECONCILIATIONS_URL } from '../campaigns/urls';
import {
  DAY_FORMAT,
  defaultPeriod,
  isDay,
  emptyRefundDraft,
  periodProblem,
  type RefundDraft,
  type RefundProblems,
  refundRefusal,
  refundStateLabel,
  toRefundRequest,
} from './refund-form';
import { showModal } from '../../../../components/modal';
import { useSingleFlight } from '../../../../components/use-single-flight';
import './index.scss';

export const STATUS_FILTERS: { key: StaffDonationStatus | 'all' | 'abnormal'; label: string }[] = [
  { key: 'all', label: '全部' },
  { key: 'paid', label: '已支付' },
  { key: 'refunded', label: '已全额退款' },
  // Refunds WeChat Pay reports abnormal: staff choose where each goes (abnormal-refunds.tsx).
  { key: 'abnormal', label: '退款异常' },
];

/**
 * Gifts (paid and refunded) of one drive (`?campaignId=`) or all, by period, status or donor;
 * the finance export of the same period; and, for admins, a refund from each paid gift.
 */
// At a desk the H5 build shows the gifts as a table (donations-desk.tsx, loaded only there); the
// weapp build drops this branch, so it never contains that file (docs/architecture.md).
const DonationsDesk = process.env.TARO_ENV === 'h5' ? lazy(() => import('./donations-desk')) : null;

export default function GivingDonationsPage() {
  // DESK_QUERY of src/desk/at-desk.ts, written out so that the weapp build need not contain that file; the
  // first test is constant, so the weapp build drops the whole check.
  if (process.env.TARO_ENV === 'h5' && DonationsDesk && window.matchMedia('(min-width: 1024px)').matches)
    return (
      <Suspense fallback={null}>
        <DonationsDesk />
      </Suspense>
    );
  return <DonationsList />;
}

function DonationsList() {
  const { params } = useRouter();
  const [campaignTitle, setCampaignTitle] = useState<string | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<StaffDonationStatus | 'all' | 'abnormal'>('all');
  const [filters, setFilters] = useState<StaffDonationFilters>({ campaignId: params.campaignId });
  const [periodError, setPeriodError] = useState<string | null>(null);
  const isAdmin = loadSession()?.alumnus.roles.includes('admin') ?? false;

  useEffect(() => {
    if (params.campaignId)
      getStaffCampaign(params.campaignId).then(
        (c) => setCampaignTitle(c.title),
        () => undefined,
      );
  }, [params.campaignId]);

  const { state, reload, loadMore, update } = usePagedList<StaffDonationDto>(
    (cursor) => listStaffDonations({ ...filters, cursor, limit: 20 }),
    JSON.stringify(filters),
  );
  useReloadOnReturn(reload);
  useReachBottom(() => void loadMore());

  // A period half filled in limits the list on that side only; the export needs both ends (this month when empty).
  const exportPeriod = from || to ? { from, to } : defaultPeriod();
  const exportProblem = periodProblem(exportPeriod.from, exportPeriod.to);

  const search = () => {
    const problem = [from, to].some((day) => day !== '' && !isDay(day)) ? DAY_FORMAT : null;
    setPeriodError(problem);
    if (problem) return;
    setFilters((f) => ({
      campaignId: f.campaignId,
      from: from || undefined,
      to: to || undefined,
      status: status === 'all' || status === 'abnormal' ? undefined : status,
      refund: status === 'abnormal' ? 'abnormal' : undefined,
      q: q.trim() || undefined,
    }));
  };

  return (
    <View className="giving-donations">
      <View className="giving-donations__filters">
        {filters.campaignId ? (
          <View className="giving-donations__campaign">
            <Text className="giving-donations__campaign-title">项目：{campaignTitle ?? '…'}</Text>
            <Text className="giving-donations__campaign-clear" onClick={() => setFilters((f) => ({ ...f, campaignId: undefined }))}>
              查看全部项目
            </Text>
          </View>
        ) : null}
        <View className="giving-donations__period">
          <Input
            className="giving-donations__input giving-donations-from"
            value={from}
            placeholder="开始日期 2026-11-01"
            onInput={(e) => setFrom(e.detail.value.trim())}
          />
          <Text className="giving-donations__dash">至</Text>
          <Input
            className="giving-donations__input giving-donations-to"
            value={to}
            placeholder="结束日期（含）"
            onInput={(e) => setTo(e.detail.value.trim())}
          />
        </View>
        {periodError ? <Text className="giving-donations__problem">{periodError}</Text> : null}
        <Input
          className="giving-donations__input giving-donations-q"
          value={q}
          placeholder="捐赠人姓名、商户订单号或证书编号"
          confirmType="search"
          onInput={(e) => setQ(e.detail.value)}
          onConfirm={search}
        />
        <View className="giving-donations__row">
          <View className="staff-filter-chips">
            {STATUS_FILTERS.map((s) => (
              <Text
                key={s.key}
                className={s.key === status ? 'staff-filter-chip staff-filter-chip--active' : 'staff-filter-chip'}
                onClick={() => setStatus(s.key)}
              >
                {s.label}
              </Text>
            ))}
          </View>
          <Button className="giving-donations-search" type="primary" size="small" shape="round" onClick={search}>
            查询
          </Button>
        </View>
      </View>

      <View className="giving-donations__export">
        <View className="giving-donations__export-text">
          <Text className="giving-donations__export-title">导出财务明细</Text>
          <Text className="giving-donations__export-hint">
            {exportProblem ?? `${exportPeriod.from} 至 ${exportPeriod.to}${filters.campaignId ? ' · 本项目' : ' · 全部项目'}`}
          </Text>
        </View>
        {exportProblem
          ? null
          : EXPORT_FORMATS.map((format) => (
              <ExportButton
                key={format}
                block="giving-donations-export"
                format={format}
                filename={`捐赠明细-${exportPeriod.from}-${exportPeriod.to}.${format}`}
                download={() => downloadDonationsExport({ ...exportPeriod, campaignId: filters.campaignId }, format)}
              />
            ))}
      </View>

      <Text className="giving-donations__reconciliations" onClick={() => void Taro.navigateTo({ url: GIVING_RECONCILIATIONS_URL })}>
        与微信支付对账的差异 ›
      </Text>

      <EventPagedList
        state={state}
        empty={<EmptyState title="没有符合条件的捐赠" description="换个日期、状态或关键词试试" />}
        onRetry={() => void reload()}
        onMore={() => void loadMore()}
        render={(donation) => (
          <DonationItem
            key={donation.id}
            donation={donation}
            canRefund={isAdmin}
            onRefunded={(amountFen) =>
              update((items) => items.map((d) => (d.id === donation.id ? { ...d, refundableFen: d.refundableFen - amountFen } : d)))
            }
            onRefundsChanged={() =>
              void listStaffDonations({ q: donation.outTradeNo, limit: 1 }).then(
                (page) => update((items) => items.map((d) => (d.id === donation.id && page.items[0] ? page.items[0] : d))),
                () => undefined,
              )
            }
          />
        )}
      />
    </View>
  );
}

/** Whether a gift has refunds to show (closed ones aside): some refunded, held, or abnormal. */
export const hasRefunds = (d: StaffDonationDto) => d.refundedFen > 0 || d.refundableFen < d.amountFen || d.abnormalRefundFen > 0;

function DonationItem({
  donation,
  canRefund,
  onRefunded,
  onRefundsChanged,
}: {
  donation: StaffDonationDto;
  canRefund: boolean;
  onRefunded: (amountFen: number) => void;
  onRefundsChanged: () => void;
}) {
  const [refunding, setRefunding] = useState(false);
  // A gift with an abnormal refund opens its refunds at once: that is what staff came for.
  const [showRefunds, setShowRefunds] = useState(donation.abnormalRefundFen > 0);
  const name = donation.donorName ?? '（已注销）';
  return (
    <View className="giving-donation">
      <View className="giving-donation__head">
        <Text className="giving-donation__name">
          {name}
          {donation.realName && donation.realName !== donation.donorName ? `（${donation.realName}）` : ''}
          {donation.anonymous ? <Text className="giving-donation__tag">匿名</Text> : null}
        </Text>
        <Text className="giving-donation__amount">{formatFen(donation.amountFen)}</Text>
      </View>
      <Text className="giving-donation__meta">
        {donation.campaignTitle} · {donation.paidAt ? formatShanghaiDateTime(donation.paidAt) : ''}
      </Text>
      <Text className="giving-donation__meta">
        {donation.certificateNo ?? ''} · 订单 {donation.outTradeNo}
      </Text>
      <View className="giving-donation__foot">
        <Text className={`giving-donation__state giving-donation__state--${donation.status}`}>{refundStateLabel(donation)}</Text>
        {hasRefunds(donation) && !showRefunds ? (
          <Text className="giving-donation__refunds-link" onClick={() => setShowRefunds(true)}>
            退款记录
          </Text>
        ) : null}
        {canRefund && donation.status === 'paid' && donation.refundableFen > 0 && !refunding ? (
          <Text className="giving-donation__refund" onClick={() => setRefunding(true)}>
            退款
          </Text>
        ) : null}
      </View>
      {showRefunds ? <DonationRefunds donation={donation} isAdmin={canRefund} onChanged={onRefundsChanged} /> : null}
      {refunding ? (
        <RefundSheet
          donation={donation}
          onClose={() => setRefunding(false)}
          onDone={(amountFen) => {
            setRefunding(false);
            onRefunded(amountFen);
          }}
        />
      ) : null}
    </View>
  );
}

/** Full or partial; never more than is left (the server checks again, under a lock). */
export function RefundSheet({
  donation,
  onClose,
  onDone,
}: {
  donation: StaffDonationDto;
  onClose: () => void;
  onDone: (amountFen: number) => void;
}) {
  const [draft, setDraft] = useState<RefundDraft>(() => emptyRefundDraft(donation));
  const [problems, setProblems] = useState<RefundProblems>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  const { busy, run } = useSingleFlight();

  const submit = () =>
    run(async () => {
      const { request, problems: found } = toRefundRequest(draft, donation.refundableFen);
      setProblems(found);
      setRefusal(null);
      if (!request) return;
      const { confirm } = await showModal({
        title: '确认退款',
        content: `将原路退还 ${formatFen(request.amountFen)} 给 ${donation.donorName ?? '捐赠人'}，并告知退款原因。提交后不能撤销。`,
        confirmText: '退款',
      });
      if (!confirm) return;
      try {
        await refundDonation(donation.id, request);
        void Taro.showToast({ title: '已提交，微信支付处理中', icon: 'none' });
        onDone(request.amountFen);
      } catch (error) {
        if (error instanceof ApiError) setRefusal(refundRefusal(error.code, error.message));
      }
    });

  return (
    <View className="refund-sheet">
      <Text className="refund-sheet__hint">尚可退还 {formatFen(donation.refundableFen)}</Text>
      <View className="refund-sheet__row">
        <Text className="refund-sheet__label">金额（元）</Text>
        <Input
          className="refund-sheet__input refund-sheet-amount"
          type="digit"
          value={draft.amountYuan}
          onInput={(e) => setDraft((d) => ({ ...d, amountYuan: e.detail.value }))}
          // Enter at a desk (the keyboard's 完成 on a phone) asks for the same confirmation as the button.
          onConfirm={() => void submit()}
        />
      </View>
      {problems.amountYuan ? <Text className="refund-sheet__problem">{problems.amountYuan}</Text> : null}
      <Textarea
        className="refund-sheet__reason refund-sheet-reason"
        value={draft.reason}
        placeholder="退款原因（捐赠人可见，最多 26 个汉字）"
        onInput={(e) => setDraft((d) => ({ ...d, reason: e.detail.value }))}
      />
      {problems.reason ? <Text className="refund-sheet__problem">{problems.reason}</Text> : null}
      {refusal ? <Text className="refund-sheet__problem refund-sheet__refusal">{refusal}</Text> : null}
      <View className="refund-sheet__actions">
        <Button className="refund-sheet-cancel" size="small" shape="round" disabled={busy} onClick={onClose}>
          取消
        </Button>
        <Button className="refund-sheet-submit" type="danger" size="small" shape="round" loading={busy} onClick={() => void submit()}>
          确认退款
        </Button>
      </View>
    </View>
  );
}
