import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { MonthlyPledgeMode, MonthlyPledgeStatus, StaffMonthlyReportDto } from '@alumni/shared';
import { AlumniService } from '../../alumni/alumni.service.js';
import { settle } from './monthly-pledges.service.js';
import { shanghaiMonth, startOfMonth, startOfNextMonth } from './monthly-months.js';

/** Pledges listed in the report: the newest this many. */
const PLEDGE_LIMIT = 200;

const rate = (part: number, whole: number): number | null => (whole === 0 ? null : Math.round((part / whole) * 10000) / 10000);

/**
 * Staff's 月捐 page for one Beijing month: fulfilment = paid ÷ due instalments of the month
 * (due = paid or missed: skipped months of paused or cancelled pledges are not due, and a
 * month still open counts once it is paid or has ended); churn = pledges cancelled in the
 * month ÷ pledges live at its start.
 */
@Injectable()
export class MonthlyReportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly alumni: AlumniService,
  ) {}

  async report(month: string = shanghaiMonth(new Date())): Promise<StaffMonthlyReportDto> {
    await settle(this.dataSource.manager);
    const start = startOfMonth(month);
    const end = startOfNextMonth(month);
    const q = <T>(sql: string, params: unknown[]) => this.dataSource.query(sql, params) as Promise<T[]>;
    const [live] = await q<{ active: number; paused: number; monthly_fen: string }>(
      `SELECT count(*) FILTER (WHERE status = 'active')::int AS active, count(*) FILTER (WHERE status = 'paused')::int AS paused,
              coalesce(sum(amount_fen) FILTER (WHERE status = 'active'), 0) AS monthly_fen
         FROM monthly_pledges`,
      [],
    );
    const [instalments] = await q<{ paid: number; missed: number; fallbacks: number }>(
      `SELECT count(*) FILTER (WHERE status = 'paid')::int AS paid, count(*) FILTER (WHERE status = 'missed')::int AS missed,
              count(*) FILTER (WHERE deduction_state = 'fallback')::int AS fallbacks
         FROM monthly_instalments WHERE month = $1`,
      [month],
    );
    const [churn] = await q<{ at_start: number; cancelled: number }>(
      `SELECT count(*) FILTER (WHERE created_at < $1 AND (cancelled_at IS NULL OR cancelled_at >= $1))::int AS at_start,
              count(*) FILTER (WHERE created_at < $1 AND cancelled_at >= $1 AND cancelled_at < $2)::int AS cancelled
         FROM monthly_pledges`,
      [start, end],
    );
    const missedRows = await q<{ id: string; pledge_id: string; alumnus_id: string; title: string; month: string; amount_fen: string }>(
      `SELECT i.id, i.pledge_id, p.alumnus_id, c.title, i.month, i.amount_fen
         FROM monthly_instalments i JOIN monthly_pledges p ON p.id = i.pledge_id JOIN campaigns c ON c.id = p.campaign_id
        WHERE i.status = 'missed' AND i.month <= $1 ORDER BY i.month DESC, i.id LIMIT 200`,
      [month],
    );
    const pledgeRows = await q<{
      id: string;
      alumnus_id: string;
      campaign_id: string;
      title: string;
      amount_fen: string;
      day_of_month: number;
      status: MonthlyPledgeStatus;
      mode: MonthlyPledgeMode;
      created_at: Date;
      cancelled_at: Date | null;
      paid: number;
      missed: number;
    }>(
      `SELECT p.id, p.alumnus_id, p.campaign_id, c.title, p.amount_fen, p.day_of_month, p.status, p.mode, p.created_at, p.cancelled_at,
              (SELECT count(*) FROM monthly_instalments i WHERE i.pledge_id = p.id AND i.status = 'paid')::int AS paid,
              (SELECT count(*) FROM monthly_instalments i WHERE i.pledge_id = p.id AND i.status = 'missed')::int AS missed
         FROM monthly_pledges p JOIN campaigns c ON c.id = p.campaign_id
        WHERE p.created_at < $1
        ORDER BY p.created_at DESC, p.id LIMIT ${PLEDGE_LIMIT}`,
      [end],
    );
    const people = new Map(
      (await this.alumni.findByIds([...new Set([...missedRows, ...pledgeRows].map((r) => r.alumnus_id))])).map((a) => [
        a.id,
        a.realName ?? a.displayName,
      ]),
    );
    const due = instalments!.paid + instalments!.missed;
    return {
      month,
      activePledges: live!.active,
      pausedPledges: live!.paused,
      monthlyFen: Number(live!.monthly_fen),
      dueInstalments: due,
      paidInstalments: instalments!.paid,
      fulfilmentRate: rate(instalments!.paid, due),
      activeAtStart: churn!.at_start,
      cancelledInMonth: churn!.cancelled,
      churnRate: rate(churn!.cancelled, churn!.at_start),
      deductionFallbacks: instalments!.fallbacks,
      missed: missedRows.map((r) => ({
        instalmentId: r.id,
        pledgeId: r.pledge_id,
        alumnusName: people.get(r.alumnus_id) ?? '—',
        campaignTitle: r.title,
        month: r.month,
        amountFen: Number(r.amount_fen),
      })),
      pledges: pledgeRows.map((r) => ({
        id: r.id,
        alumnusId: r.alumnus_id,
        alumnusName: people.get(r.alumnus_id) ?? '—',
        campaignId: r.campaign_id,
        campaignTitle: r.title,
        amountFen: Number(r.amount_fen),
        dayOfMonth: r.day_of_month,
        status: r.status,
        mode: r.mode,
        createdAt: new Date(r.created_at).toISOString(),
        cancelledAt: r.cancelled_at ? new Date(r.cancelled_at).toISOString() : null,
        paidMonths: r.paid,
        missedMonths: r.missed,
      })),
    };
  }
}
