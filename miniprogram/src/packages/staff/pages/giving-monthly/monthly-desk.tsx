import {
  formatFen,
  formatShanghaiDateTime,
  type MonthlyPledgeMode,
  type StaffMissedInstalmentDto,
  type StaffMonthlyPledgeDto,
  type StaffMonthlyReportDto,
} from '@alumni/shared';
import { useState } from 'react';
import { type DeskColumn, DeskTable } from '../../../../desk/table';
import '../../../../desk/desk.scss';
import { INSTALMENT_STATUS_LABELS, monthLabel, PLEDGE_STATUS_LABELS } from '../../../giving/monthly-form';

const MODE_LABELS: Record<MonthlyPledgeMode, string> = { invite: '每月邀请支付', deduction: '委托代扣' };

const fen = (amount: number) => formatFen(amount);

const PLEDGE_COLUMNS: DeskColumn<StaffMonthlyPledgeDto>[] = [
  { key: 'who', title: '校友', render: (p) => p.alumnusName, value: (p) => p.alumnusName },
  { key: 'campaign', title: '项目', render: (p) => p.campaignTitle, value: (p) => p.campaignTitle },
  { key: 'amount', title: '每月金额', render: (p) => fen(p.amountFen), value: (p) => p.amountFen, text: (p) => fen(p.amountFen) },
  { key: 'day', title: '每月', render: (p) => `${p.dayOfMonth} 日`, value: (p) => p.dayOfMonth, text: (p) => `${p.dayOfMonth} 日` },
  { key: 'status', title: '状态', render: (p) => PLEDGE_STATUS_LABELS[p.status], value: (p) => PLEDGE_STATUS_LABELS[p.status] },
  { key: 'paid', title: '已付月数', render: (p) => p.paidMonths, value: (p) => p.paidMonths },
  { key: 'missed', title: '未完成月数', render: (p) => p.missedMonths, value: (p) => p.missedMonths },
  { key: 'mode', title: '方式', render: (p) => MODE_LABELS[p.mode], value: (p) => MODE_LABELS[p.mode], shown: false },
  {
    key: 'created',
    title: '承诺时间',
    render: (p) => formatShanghaiDateTime(p.createdAt),
    value: (p) => p.createdAt,
    text: (p) => formatShanghaiDateTime(p.createdAt),
    shown: false,
  },
  {
    key: 'cancelled',
    title: '取消时间',
    render: (p) => (p.cancelledAt ? formatShanghaiDateTime(p.cancelledAt) : '—'),
    value: (p) => p.cancelledAt,
    text: (p) => (p.cancelledAt ? formatShanghaiDateTime(p.cancelledAt) : ''),
    shown: false,
  },
];

const MISSED_COLUMNS: DeskColumn<StaffMissedInstalmentDto>[] = [
  { key: 'who', title: '校友', render: (m) => m.alumnusName, value: (m) => m.alumnusName },
  { key: 'campaign', title: '项目', render: (m) => m.campaignTitle, value: (m) => m.campaignTitle },
  { key: 'month', title: '月份', render: (m) => monthLabel(m.month), value: (m) => m.month, text: (m) => monthLabel(m.month) },
  { key: 'amount', title: '金额', render: (m) => fen(m.amountFen), value: (m) => m.amountFen, text: (m) => fen(m.amountFen) },
];

/**
 * 月捐 at a desk (H5, ≥ 1024 px; the phone page keeps the month, the figures and the demo run):
 * the month's pledges and its missed months as two tables (sorting, filter, columns, pages,
 * 导出所选), and a pledge's detail — with its missed months of that month — in the side panel.
 */
export default function MonthlyDesk({ report }: { report: StaffMonthlyReportDto }) {
  const [chosenPledges, setChosenPledges] = useState<Set<string>>(new Set());
  const [chosenMissed, setChosenMissed] = useState<Set<string>>(new Set());
  const [openId, setOpenId] = useState<string | null>(null);
  const open = report.pledges.find((p) => p.id === openId) ?? null;
  const openMissed = open ? report.missed.filter((m) => m.pledgeId === open.id) : [];

  return (
    <div className="desk monthly-desk">
      <div className="desk__main">
        <h3 className="desk-section-title">月捐名单（{report.pledges.length}）</h3>
        <DeskTable
          name="monthly-desk"
          rows={report.pledges}
          rowKey={(p) => p.id}
          columns={PLEDGE_COLUMNS}
          selected={chosenPledges}
          onSelect={setChosenPledges}
          openKey={openId}
          onOpen={(p) => setOpenId(p.id)}
          exportName={`月捐名单-${report.month}`}
          empty="还没有月捐"
        />
        <h3 className="desk-section-title">未完成的月份（{report.missed.length}）</h3>
        <DeskTable
          name="monthly-missed-desk"
          rows={report.missed}
          rowKey={(m) => m.instalmentId}
          columns={MISSED_COLUMNS}
          selected={chosenMissed}
          onSelect={setChosenMissed}
          onOpen={(m) => setOpenId(m.pledgeId)}
          exportName={`未完成的月份-${report.month}`}
          empty="没有未完成的月份"
        />
      </div>
      {open ? (
        <aside className="desk-panel monthly-desk-panel" aria-label="月捐详情">
          <div className="desk-panel__head">
            <span className="desk-panel__title">
              {open.alumnusName} · 每月 {fen(open.amountFen)}
            </span>
            <button type="button" className="desk-button" onClick={() => setOpenId(null)}>
              关闭
            </button>
          </div>
          <span className="desk-panel__line">{open.campaignTitle}</span>
          <span className="desk-panel__line">
            每月 {open.dayOfMonth} 日 · {MODE_LABELS[open.mode]} · {PLEDGE_STATUS_LABELS[open.status]}
          </span>
          <span className="desk-panel__line">承诺于 {formatShanghaiDateTime(open.createdAt)}</span>
          {open.cancelledAt ? <span className="desk-panel__line">取消于 {formatShanghaiDateTime(open.cancelledAt)}</span> : null}
          <span className="desk-panel__line monthly-desk-months">
            已付 {open.paidMonths} 个月，未完成 {open.missedMonths} 个月
          </span>
          <span className="desk-panel__section">{monthLabel(report.month)}</span>
          {openMissed.length === 0 ? (
            <span className="desk-panel__line">本月没有未完成的月份。</span>
          ) : (
            openMissed.map((m) => (
              <span key={m.instalmentId} className="desk-panel__line monthly-desk-missed">
                {monthLabel(m.month)} {fen(m.amountFen)} · {INSTALMENT_STATUS_LABELS.missed}
              </span>
            ))
          )}
        </aside>
      ) : null}
    </div>
  );
}
