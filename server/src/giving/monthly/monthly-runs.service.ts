import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../../config/configuration.js';
import { AppError } from '../../common/app-error.js';
import { JobsService } from '../../jobs/jobs.service.js';
import { OutboxService } from '../../outbox/outbox.service.js';
import { MonthlyDeductionService } from './monthly-deduction.service.js';
import { settle } from './monthly-pledges.service.js';
import { daysIn, shanghaiDayOfMonth, shanghaiMonth } from './monthly-months.js';

/** Every ten minutes: invite the months due, remind once, close the months that ended. */
export const MONTHLY_RUN = 'giving.monthly-run';
/** The one reminder goes this many days before the month's last day, if the month is still unpaid. */
const REMIND_DAYS_BEFORE_END = 2;
/** …and not sooner than this after the invitation. */
const REMIND_AFTER_MS = 24 * 60 * 60 * 1000;

export interface MonthlyRunOutcome {
  invited: number;
  reminded: number;
  missed: number;
  skipped: number;
  /** 委托代扣 (WECHATPAY_PAPAY only): deductions asked for and attempts that failed. */
  deducted: number;
  deductionFailed: number;
}

interface Row {
  id: string;
  alumnus_id: string;
  campaign_id: string;
  campaign_title: string;
  month: string;
  amount_fen: string;
}

/**
 * The monthly run (docs/giving.md, Monthly giving): idempotent by construction, so two
 * instances (or a run repeated after a crash) change nothing twice — an instalment is
 * inserted `ON CONFLICT (pledge_id, month) DO NOTHING`, reminders and month ends are
 * conditional updates that return the rows they changed, and each notice carries a dedupe
 * key. Every change commits with its notices.
 */
@Injectable()
export class MonthlyRunsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobsService,
    private readonly outbox: OutboxService,
    private readonly config: ConfigService<AppConfig, true>,
    private readonly deduction: MonthlyDeductionService,
    @InjectPinoLogger('MonthlyGiving') private readonly logger: PinoLogger,
  ) {}

  onModuleInit(): void {
    this.jobs.schedule(MONTHLY_RUN, '*/10 * * * *', async () => {
      const outcome = await this.run(new Date());
      if (Object.values(outcome).some((count) => count > 0)) this.logger.info(outcome, 'monthly giving run');
    });
  }

  /** Staff "run now" with a clock of their choosing: the demo only (a real run happens on its own). */
  async runForDemo(at: Date | undefined): Promise<MonthlyRunOutcome> {
    if (!this.config.get('demo', { infer: true })) throw new AppError('MONTHLY_RUN_UNAVAILABLE');
    return this.run(at ?? new Date());
  }

  async run(now: Date): Promise<MonthlyRunOutcome> {
    await settle(this.dataSource.manager);
    const invited = await this.invite(now);
    // Pledges with a signed contract are charged instead of invited (their mode is `deduction`); terminations left pending are retried.
    await this.deduction.terminateDue();
    const { applied: deducted, failed: deductionFailed } = await this.deduction.deduct(now);
    await settle(this.dataSource.manager);
    const reminded = await this.remind(now);
    const { missed, skipped } = await this.closeEnded(now);
    return { invited, reminded, missed, skipped, deducted, deductionFailed };
  }

  /** Active invite-mode pledges whose day has come this month, on open campaigns: this month's instalment and its invitation. */
  private invite(now: Date): Promise<number> {
    const month = shanghaiMonth(now);
    return this.dataSource.transaction(async (manager) => {
      const rows: Row[] = await manager.query(
        `WITH due AS (
           INSERT INTO monthly_instalments (pledge_id, month, amount_fen, invited_at)
           SELECT p.id, $1, p.amount_fen, $3
             FROM monthly_pledges p JOIN campaigns c ON c.id = p.campaign_id
            WHERE p.status = 'active' AND p.mode = 'invite' AND p.day_of_month <= $2
              AND c.status = 'open' AND c.starts_at <= $3 AND (c.ends_at IS NULL OR c.ends_at > $3)
              AND p.created_at <= $3
           ON CONFLICT (pledge_id, month) DO NOTHING
           RETURNING id, pledge_id, month, amount_fen)
         SELECT due.id, p.alumnus_id, p.campaign_id, c.title AS campaign_title, due.month, due.amount_fen
           FROM due JOIN monthly_pledges p ON p.id = due.pledge_id JOIN campaigns c ON c.id = p.campaign_id`,
        [month, shanghaiDayOfMonth(now), now],
      );
      await this.outbox.enqueue(
        manager,
        rows.map((row) => ({
          alumnusId: row.alumnus_id,
          kind: 'giving.monthly_due',
          payload: payload(row, { lastDay: `${row.month}-${daysIn(row.month)}` }),
          dedupeKey: `giving.monthly_due:${row.id}`,
        })),
      );
      return rows.length;
    });
  }

  /** One reminder, near the month's end, for a month still unpaid (and never a second). */
  private remind(now: Date): Promise<number> {
    const month = shanghaiMonth(now);
    if (shanghaiDayOfMonth(now) < daysIn(month) - REMIND_DAYS_BEFORE_END) return Promise.resolve(0);
    return this.dataSource.transaction(async (manager) => {
      const [rows]: [Row[], number] = await manager.query(
        `UPDATE monthly_instalments i SET reminded_at = $2, updated_at = now()
           FROM monthly_pledges p JOIN campaigns c ON c.id = p.campaign_id
          WHERE p.id = i.pledge_id AND i.month = $1 AND i.status = 'invited' AND i.reminded_at IS NULL
            AND p.status = 'active' AND i.invited_at <= $3
            AND NOT EXISTS (SELECT 1 FROM donations d WHERE d.id = i.donation_id AND d.status = 'pending')
          RETURNING i.id, p.alumnus_id, p.campaign_id, c.title AS campaign_title, i.month, i.amount_fen`,
        [month, now, new Date(now.getTime() - REMIND_AFTER_MS)],
      );
      await this.outbox.enqueue(
        manager,
        rows.map((row) => ({
          alumnusId: row.alumnus_id,
          kind: 'giving.monthly_due',
          payload: payload(row, { reminder: true, lastDay: `${row.month}-${daysIn(row.month)}` }),
          dedupeKey: `giving.monthly_reminded:${row.id}`,
        })),
      );
      return rows.length;
    });
  }

  /**
   * Months that ended unpaid: missed (the donor is told, staff see it) while the pledge is
   * active, skipped when it was paused or cancelled. A month whose order is still open waits
   * until the order is paid or closed (at most its 30 minutes).
   */
  private closeEnded(now: Date): Promise<{ missed: number; skipped: number }> {
    const month = shanghaiMonth(now);
    return this.dataSource.transaction(async (manager) => {
      const [rows]: [(Row & { status: string })[], number] = await manager.query(
        `UPDATE monthly_instalments i
            SET status = CASE WHEN p.status = 'active' THEN 'missed' ELSE 'skipped' END,
                missed_at = $2, updated_at = now()
           FROM monthly_pledges p JOIN campaigns c ON c.id = p.campaign_id
          WHERE p.id = i.pledge_id AND i.month < $1 AND i.status = 'invited'
            AND NOT EXISTS (SELECT 1 FROM donations d WHERE d.id = i.donation_id AND d.status IN ('pending', 'paid', 'refunded'))
          RETURNING i.id, i.status, p.alumnus_id, p.campaign_id, c.title AS campaign_title, i.month, i.amount_fen`,
        [month, now],
      );
      const missed = rows.filter((row) => row.status === 'missed');
      await this.outbox.enqueue(
        manager,
        missed.map((row) => ({
          alumnusId: row.alumnus_id,
          kind: 'giving.monthly_missed',
          payload: payload(row, {}),
          dedupeKey: `giving.monthly_missed:${row.id}`,
        })),
      );
      return { missed: missed.length, skipped: rows.length - missed.length };
    });
  }
}

function payload(row: Row, extra: Record<string, unknown>): Record<string, unknown> {
  return {
    instalmentId: row.id,
    campaignId: row.campaign_id,
    campaignTitle: row.campaign_title,
    month: row.month,
    amountFen: Number(row.amount_fen),
    ...extra,
  };
}
