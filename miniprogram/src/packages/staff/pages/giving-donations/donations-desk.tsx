import { formatFen, formatShanghaiDateTime, PAGE_LIMIT_MAX, type StaffDonationDto, type StaffDonationStatus } from '@alumni/shared';
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { EXPORT_FORMATS } from '../../../../api/exports';
import { ApiError } from '../../../../api/request';
import { loadSession } from '../../../../api/session';
import { downloadDonationsExport, listStaffDonations, type StaffDonationFilters } from '../../../../api/staff-giving';
import { ExportButton } from '../../../../components/export-button';
import { bindForm } from '../../../../components/form-field';
import { DeskSearchInput } from '../../../../desk/search-input';
import { type DeskColumn, DeskTable } from '../../../../desk/table';
import '../../../../desk/desk.scss';
import { DonationRefunds } from './abnormal-refunds';
import { hasRefunds, RefundSheet, STATUS_FILTERS } from './index';
import { DAY_FORMAT, defaultPeriod, isDay, periodProblem, refundStateLabel } from './refund-form';
import './index.scss';

const donorOf = (d: StaffDonationDto) => d.donorName ?? '（已注销）';

const COLUMNS: DeskColumn<StaffDonationDto>[] = [
  {
    key: 'paid',
    title: '支付时间',
    render: (d) => (d.paidAt ? formatShanghaiDateTime(d.paidAt) : '—'),
    value: (d) => d.paidAt,
    text: (d) => (d.paidAt ? formatShanghaiDateTime(d.paidAt) : ''),
  },
  { key: 'campaign', title: '项目', render: (d) => d.campaignTitle, value: (d) => d.campaignTitle },
  { key: 'donor', title: '捐赠人', render: (d) => `${donorOf(d)}${d.anonymous ? '（匿名）' : ''}`, value: donorOf },
  { key: 'realName', title: '实名', render: (d) => d.realName ?? '—', value: (d) => d.realName },
  { key: 'amount', title: '金额', render: (d) => formatFen(d.amountFen), value: (d) => d.amountFen, text: (d) => formatFen(d.amountFen) },
  {
    key: 'refundable',
    title: '尚可退',
    render: (d) => formatFen(d.refundableFen),
    value: (d) => d.refundableFen,
    text: (d) => formatFen(d.refundableFen),
  },
  { key: 'certificate', title: '证书编号', render: (d) => d.certificateNo ?? '—', value: (d) => d.certificateNo, shown: false },
  { key: 'order', title: '商户订单号', render: (d) => d.outTradeNo, value: (d) => d.outTradeNo },
  { key: 'state', title: '状态', render: refundStateLabel, value: refundStateLabel },
];

type Loaded = { donations: StaffDonationDto[]; nextCursor: string | null };

/**
 * 捐赠明细 at a desk: the period, status and donor filters in one form (Enter searches), the
 * gifts in a table, the finance export of the period, 导出所选, and a gift's detail and
 * refund (admins) in the side panel beside the list.
 */
export default function DonationsDesk() {
  const [draft, setDraft] = useState({ from: '', to: '', status: 'all' as StaffDonationStatus | 'all' | 'abnormal', q: '' });
  const [filters, setFilters] = useState<StaffDonationFilters>({});
  const [periodError, setPeriodError] = useState<string | null>(null);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [openId, setOpenId] = useState<string | null>(null);
  const isAdmin = loadSession()?.alumnus.roles.includes('admin') ?? false;

  const load = useCallback(async (query: StaffDonationFilters) => {
    setLoaded(null);
    try {
      const page = await listStaffDonations({ ...query, limit: PAGE_LIMIT_MAX });
      setLoaded({ donations: page.items, nextCursor: page.nextCursor });
      setProblem(null);
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : '网络异常，请稍后重试');
    }
  }, []);
  useEffect(() => {
    void load(filters);
  }, [filters, load]);

  const loadMore = async () => {
    if (!loaded?.nextCursor) return;
    try {
      const page = await listStaffDonations({ ...filters, limit: PAGE_LIMIT_MAX, cursor: loaded.nextCursor });
      setLoaded((l) => (l ? { donations: [...l.donations, ...page.items], nextCursor: page.nextCursor } : l));
    } catch {
      // Shown by the request wrapper.
    }
  };

  const search = (event: FormEvent) => {
    event.preventDefault();
    const bad = [draft.from, draft.to].some((day) => day !== '' && !isDay(day));
    setPeriodError(bad ? DAY_FORMAT : null);
    if (bad) return;
    setSelected(new Set());
    setOpenId(null);
    setFilters({
      from: draft.from || undefined,
      to: draft.to || undefined,
      status: draft.status === 'all' || draft.status === 'abnormal' ? undefined : draft.status,
      refund: draft.status === 'abnormal' ? 'abnormal' : undefined,
      q: draft.q.trim() || undefined,
    });
  };

  /** One gift read again from the server (its refund state changed). */
  const refreshOne = (donation: StaffDonationDto) =>
    void listStaffDonations({ q: donation.outTradeNo, limit: 1 }).then(
      (page) =>
        setLoaded((l) =>
          l && page.items[0] ? { ...l, donations: l.donations.map((d) => (d.id === donation.id ? page.items[0]! : d)) } : l,
        ),
      () => undefined,
    );

  const exportPeriod = draft.from || draft.to ? { from: draft.from, to: draft.to } : defaultPeriod();
  const exportProblem = periodProblem(exportPeriod.from, exportPeriod.to);
  const open = loaded?.donations.find((d) => d.id === openId) ?? null;

  return (
    <div className="desk donations-desk">
      <div className="desk__main">
        <form className="desk-toolbar donations-desk-search" onSubmit={search}>
          <label>
            支付日期{' '}
            <input
              type="date"
              className="donations-desk-from"
              aria-label="开始日期"
              value={draft.from}
              onChange={(e) => setDraft({ ...draft, from: e.target.value })}
            />
          </label>
          至
          <input
            type="date"
            className="donations-desk-to"
            aria-label="结束日期（含）"
            value={draft.to}
            onChange={(e) => setDraft({ ...draft, to: e.target.value })}
          />
          <select
            aria-label="状态"
            value={draft.status}
            onChange={(e) => setDraft({ ...draft, status: e.target.value as typeof draft.status })}
          >
            {STATUS_FILTERS.map((s) => (
              <option key={s.key} value={s.key}>
                {s.label}
              </option>
            ))}
          </select>
          <DeskSearchInput
            form={bindForm(draft, setDraft)}
            name="q"
            placeholder="捐赠人姓名、商户订单号或证书编号"
            size={30}
            className="donations-desk-q"
          />
          <button type="submit" className="desk-button desk-button--primary donations-desk-submit">
            查询
          </button>
          <span className="desk-toolbar__spacer" />
          <span className="giving-donations__export-hint">{exportProblem ?? `财务明细 ${exportPeriod.from} 至 ${exportPeriod.to}`}</span>
          {exportProblem
            ? null
            : EXPORT_FORMATS.map((format) => (
                <ExportButton
                  key={format}
                  className="desk-button"
                  block="giving-donations-export"
                  format={format}
                  filename={`捐赠明细-${exportPeriod.from}-${exportPeriod.to}.${format}`}
                  download={() => downloadDonationsExport(exportPeriod, format)}
                />
              ))}
        </form>
        {periodError ? <div className="desk-problem">{periodError}</div> : null}
        {problem ? <div className="desk-result desk-result--failed">{problem}</div> : null}
        <DeskTable
          name="donations-desk"
          rows={loaded?.donations ?? []}
          rowKey={(d) => d.id}
          columns={COLUMNS}
          selected={selected}
          onSelect={setSelected}
          openKey={openId}
          onOpen={(d) => setOpenId(d.id)}
          more={loaded?.nextCursor ? loadMore : null}
          exportName="捐赠明细-所选"
          empty={loaded ? '没有符合条件的捐赠，换个日期、状态或关键词试试' : '加载中…'}
        />
      </div>
      {open ? (
        <aside className="desk-panel donations-desk-panel" aria-label="捐赠详情">
          <div className="desk-panel__head">
            <span className="desk-panel__title">{formatFen(open.amountFen)}</span>
            <button type="button" className="desk-button" onClick={() => setOpenId(null)}>
              关闭
            </button>
          </div>
          <span className="desk-panel__line">
            {donorOf(open)}
            {open.realName && open.realName !== open.donorName ? `（${open.realName}）` : ''}
            {open.anonymous ? ' · 匿名' : ''}
          </span>
          <span className="desk-panel__line">{open.campaignTitle}</span>
          <span className="desk-panel__line">{open.paidAt ? `支付于 ${formatShanghaiDateTime(open.paidAt)}` : ''}</span>
          <span className="desk-panel__line">证书 {open.certificateNo ?? '—'}</span>
          <span className="desk-panel__line">商户订单 {open.outTradeNo}</span>
          <span className="desk-panel__line donations-desk-state">{refundStateLabel(open)}</span>
          {hasRefunds(open) ? (
            <DonationRefunds
              key={`${open.id}-${open.refundableFen}-${open.abnormalRefundFen}`}
              donation={open}
              isAdmin={isAdmin}
              onChanged={() => refreshOne(open)}
            />
          ) : null}
          {isAdmin && open.status === 'paid' && open.refundableFen > 0 ? (
            <>
              <span className="desk-panel__section">退款</span>
              <RefundSheet
                key={`${open.id}-${open.refundableFen}`}
                donation={open}
                onClose={() => setOpenId(null)}
                onDone={(amountFen) => {
                  // Shown at once; the list reads the refund's state from the server again.
                  setLoaded((l) =>
                    l
                      ? {
                          ...l,
                          donations: l.donations.map((d) => (d.id === open.id ? { ...d, refundableFen: d.refundableFen - amountFen } : d)),
                        }
                      : l,
                  );
                  refreshOne(open);
                }}
              />
            </>
          ) : null}
        </aside>
      ) : null}
    </div>
  );
}
