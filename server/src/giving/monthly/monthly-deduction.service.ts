import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthUserDto, MonthlyContractDto, MonthlyContractSigningDto } from '@alumni/shared';
import { AlumniService } from '../../alumni/alumni.service.js';
import { AppError } from '../../common/app-error.js';
import { InteractionsService } from '../../interactions/interactions.service.js';
import { OutboxService } from '../../outbox/outbox.service.js';
import { fromV2Time, PapayClient } from '../../wechat-pay/papay/papay.client.js';
import { PAPAY_FINAL_CODES, PapayError, PapayNotificationError } from '../../wechat-pay/papay/papay-error.js';
import type { PapayOrder } from '../../wechat-pay/papay/papay.types.js';
import { CampaignEntity } from '../campaign.entity.js';
import { DonationEntity } from '../donation.entity.js';
import { DonationLedgerService } from '../donation-ledger.service.js';
import { outTradeNo } from '../donation-numbers.js';
import { MonthlyContractEntity, MonthlyInstalmentEntity, MonthlyPledgeEntity } from './monthly-pledge.entity.js';
import { daysIn, shanghaiDayOfMonth, shanghaiMonth, startOfNextMonth } from './monthly-months.js';

/** Attempts of a month's deduction before it falls back to an invitation (our choice: WeChat Pay documents no count for v2). */
export const DEDUCTION_ATTEMPTS = 3;
/** Days after a failed attempt before the next (after the 1st, the 2nd failure). */
const RETRY_AFTER_DAYS = [1, 3];
/** An attempt whose answer was lost is asked about (paporderquery) after this. */
const APPLYING_STALE_MS = 60_000;
/** An accepted deduction without its notification is asked about after this. */
const ACCEPTED_QUERY_AFTER_MS = 10 * 60_000;
/** Deductions are asked for 07:00–22:00 Beijing only (official for 预扣费通知 periodic deductions; kept for every template). */
const FIRST_HOUR = 7;
const LAST_HOUR = 22;

/** What we answer a v2 notification: XML with return_code, HTTP 200 when handled. */
export interface PapayAnswer {
  status: number;
  xml: string;
}

const ok = (): PapayAnswer => ({
  status: 200,
  xml: '<xml><return_code><![CDATA[SUCCESS]]></return_code><return_msg><![CDATA[OK]]></return_msg></xml>',
});
const refuse = (status: number, reason: string): PapayAnswer => ({
  status,
  xml: `<xml><return_code><![CDATA[FAIL]]></return_code><return_msg><![CDATA[${reason}]]></return_msg></xml>`,
});

const NOTIFICATION_STATUS: Record<PapayNotificationError['reason'], number> = {
  MALFORMED: 400,
  NOT_SUCCESS: 400,
  SIGNATURE_INVALID: 401,
  MCHID_MISMATCH: 400,
  APPID_MISMATCH: 400,
};

export function toContract(row: MonthlyContractEntity): MonthlyContractDto {
  return { state: row.state, signedAt: row.signedAt?.toISOString() ?? null, terminatedAt: row.terminatedAt?.toISOString() ?? null };
}

interface DueRow {
  id: string;
  deduction_state: string | null;
}

/**
 * Monthly giving by 委托代扣 (docs/giving.md, Automatic deduction), on WeChat Pay's v2 API
 * (PapayClient). Signing: a signing request for WeChat Pay's signing mini-program, the
 * contract believed only from its verified notification or a query. Each month: one
 * instalment per pledge and month (the invite mode's unique row), each attempt an ordinary
 * donation order charged by 申请扣款 and recorded paid through the ledger like any payment;
 * a failed attempt is retried twice, then the month falls back to the one-tap invitation.
 * Every state change commits with its interaction row; every notification is idempotent.
 */
@Injectable()
export class MonthlyDeductionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly papay: PapayClient,
    private readonly alumni: AlumniService,
    private readonly interactions: InteractionsService,
    private readonly outbox: OutboxService,
    private readonly ledger: DonationLedgerService,
    @InjectPinoLogger('MonthlyDeduction') private readonly logger: PinoLogger,
  ) {}

  get available(): boolean {
    return this.papay.enabled;
  }

  /** The latest contract of each pledge. */
  async contracts(pledgeIds: string[]): Promise<Map<string, MonthlyContractEntity>> {
    if (pledgeIds.length === 0) return new Map();
    const rows = await this.dataSource
      .getRepository(MonthlyContractEntity)
      .createQueryBuilder('c')
      .where('c.pledge_id IN (:...pledgeIds)', { pledgeIds })
      .orderBy('c.created_at', 'ASC')
      .getMany();
    return new Map(rows.map((row) => [row.pledgeId, row]));
  }

  /**
   * 签约自动扣款: the signing request for `wx.navigateToMiniProgram`. A contract still being
   * signed keeps its code (WeChat Pay has not used it) with a new request serial; a signed
   * one is a 409.
   */
  async signingRequest(user: AuthUserDto, pledgeId: string, now = new Date()): Promise<MonthlyContractSigningDto> {
    if (!this.papay.enabled) throw new AppError('MONTHLY_DEDUCTION_UNAVAILABLE');
    const contract = await this.dataSource.transaction(async (manager) => {
      const pledge = await manager.findOne(MonthlyPledgeEntity, {
        where: { id: pledgeId, alumnusId: user.id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!pledge) throw new AppError('MONTHLY_PLEDGE_NOT_FOUND');
      if (pledge.status !== 'active') throw new AppError('MONTHLY_PLEDGE_STATE_CONFLICT', [{ issue: `the pledge is ${pledge.status}` }]);
      const alumnus = await this.alumni.findActive(user.id, manager);
      if (!alumnus?.openid) throw new AppError('DONATION_PAYER_UNKNOWN');
      const live = await manager
        .getRepository(MonthlyContractEntity)
        .createQueryBuilder('c')
        .where("c.pledge_id = :pledgeId AND c.state IN ('signing', 'signed', 'terminating')", { pledgeId })
        .getOne();
      if (live && live.state !== 'signing') throw new AppError('MONTHLY_CONTRACT_EXISTS', [{ issue: `the contract is ${live.state}` }]);
      const requestSerial = nextRequestSerial(now);
      if (live) {
        await manager.update(MonthlyContractEntity, { id: live.id }, { requestSerial, openid: alumnus.openid });
        return { ...live, requestSerial, openid: alumnus.openid };
      }
      return manager.save(
        manager.create(MonthlyContractEntity, {
          pledgeId,
          contractCode: `MC${randomBytes(15).toString('hex').toUpperCase()}`,
          requestSerial,
          planId: this.papay.planId,
          openid: alumnus.openid,
        }),
      );
    });
    const request = this.papay.signingRequest(
      // Shown on WeChat's page as the account signed for: ours, never a WeChat nickname (emoji are refused).
      {
        contractCode: contract.contractCode,
        requestSerial: contract.requestSerial,
        displayAccount: `校友月捐${contract.contractCode.slice(-6)}`,
      },
      now,
    );
    return { ...request, contract: toContract(contract as MonthlyContractEntity) };
  }

  /**
   * Back from the signing mini-program: the donor's word (referrerInfo) is not proof, so
   * WeChat Pay is asked (查询签约关系); a signed contract is applied as its notification would be.
   */
  async check(user: AuthUserDto, pledgeId: string): Promise<void> {
    if (!this.papay.enabled) throw new AppError('MONTHLY_DEDUCTION_UNAVAILABLE');
    const contract = await this.dataSource
      .getRepository(MonthlyContractEntity)
      .createQueryBuilder('c')
      .innerJoin(MonthlyPledgeEntity, 'p', 'p.id = c.pledge_id')
      .where('c.pledge_id = :pledgeId AND p.alumnus_id = :alumnusId', { pledgeId, alumnusId: user.id })
      .orderBy('c.created_at', 'DESC')
      .getOne();
    if (!contract) throw new AppError('MONTHLY_CONTRACT_NOT_FOUND');
    if (contract.state !== 'signing') return;
    const found = await this.papay.queryContract(contract.contractCode).catch((error: unknown) => {
      this.logger.warn({ err: error, contractCode: contract.contractCode }, 'contract query failed');
      return null;
    });
    if (found?.signed) await this.applySigned(contract.contractCode, found.contractId, found.openid);
  }

  /** 签约、解约结果通知 (v2 XML): verified, then applied once. */
  async handleContractNotification(raw: string | undefined): Promise<PapayAnswer> {
    if (!this.papay.enabled) return refuse(404, 'PAPAY_NOT_ENABLED');
    let fields: Record<string, string>;
    try {
      fields = this.papay.openNotification(raw);
    } catch (error) {
      if (!(error instanceof PapayNotificationError)) throw error;
      this.logger.warn({ reason: error.reason }, 'contract notification refused');
      return refuse(NOTIFICATION_STATUS[error.reason], error.reason);
    }
    if (fields.result_code !== 'SUCCESS') return ok();
    if (fields.plan_id !== this.papay.planId) return refuse(400, 'PLAN_MISMATCH');
    const code = fields.contract_code ?? '';
    try {
      const outcome =
        fields.change_type === 'ADD'
          ? await this.applySigned(code, fields.contract_id ?? '', fields.openid ?? '')
          : fields.change_type === 'DELETE'
            ? await this.applyTerminated(code, { openid: fields.openid ?? '', contractId: fields.contract_id ?? '' })
            : 'ignored';
      if (outcome === 'unknown') return refuse(404, 'CONTRACT_UNKNOWN');
      if (outcome === 'mismatch') {
        this.logger.warn({ contractCode: code, changeType: fields.change_type }, 'contract notification names another user or contract');
        return refuse(400, 'CONTRACT_MISMATCH');
      }
      return ok();
    } catch (error) {
      this.logger.error({ err: error, contractCode: code }, 'recording a contract notification failed');
      return refuse(500, 'SYSTEM_ERROR');
    }
  }

  /** 扣款结果通知 (v2 XML): verified, checked against our order, recorded once. */
  async handleDeductionNotification(raw: string | undefined): Promise<PapayAnswer> {
    if (!this.papay.enabled) return refuse(404, 'PAPAY_NOT_ENABLED');
    let order: PapayOrder;
    try {
      order = this.papay.orderOf(this.papay.openNotification(raw));
    } catch (error) {
      if (!(error instanceof PapayNotificationError)) throw error;
      this.logger.warn({ reason: error.reason }, 'deduction notification refused');
      return refuse(NOTIFICATION_STATUS[error.reason], error.reason);
    }
    const target = await this.orderTarget(order.outTradeNo);
    if (!target) return refuse(404, 'ORDER_UNKNOWN');
    // A paid result must carry our amount; a failure may carry none (nothing was charged), but not another one.
    const paid = order.tradeState === 'SUCCESS';
    if ((paid || order.totalFee !== null) && order.totalFee !== target.amountFen) return refuse(400, 'AMOUNT_MISMATCH');
    try {
      await this.follow(order, target);
      return ok();
    } catch (error) {
      this.logger.error({ err: error, outTradeNo: order.outTradeNo }, 'recording a deduction notification failed');
      return refuse(500, 'SYSTEM_ERROR');
    }
  }

  /**
   * Cancelling a pledge (inside its transaction): a contract being signed is dropped, a
   * signed one is to be terminated (terminateDue, right after the commit and by the run).
   */
  async endWithPledge(manager: EntityManager, pledgeId: string, now: Date): Promise<void> {
    await manager.query(
      `UPDATE monthly_contracts
          SET state = CASE WHEN state = 'signing' THEN 'terminated' ELSE 'terminating' END,
              terminated_at = CASE WHEN state = 'signing' THEN $2::timestamptz ELSE terminated_at END,
              updated_at = now()
        WHERE pledge_id = $1 AND state IN ('signing', 'signed')`,
      [pledgeId, now],
    );
  }

  /**
   * After pledges were cancelled in bulk (erasure, merge): their contracts end like a
   * donor's cancellation (terminated at WeChat Pay by the next run).
   */
  static async endWithCancelledPledges(manager: EntityManager, alumnusId: string): Promise<void> {
    await manager.query(
      `UPDATE monthly_contracts k
          SET state = CASE WHEN k.state = 'signing' THEN 'terminated' ELSE 'terminating' END,
              terminated_at = CASE WHEN k.state = 'signing' THEN now() ELSE k.terminated_at END,
              updated_at = now()
         FROM monthly_pledges p
        WHERE p.id = k.pledge_id AND p.alumnus_id = $1 AND p.status = 'cancelled' AND k.state IN ('signing', 'signed')`,
      [alumnusId],
    );
  }

  /** Asks WeChat Pay to end every contract we are terminating (申请解约); a failure is retried by the next run. */
  async terminateDue(pledgeId?: string): Promise<number> {
    if (!this.papay.enabled) return 0;
    const due = await this.dataSource.getRepository(MonthlyContractEntity).find({
      where: pledgeId ? { state: 'terminating', pledgeId } : { state: 'terminating' },
      take: 100,
    });
    let done = 0;
    for (const contract of due) {
      try {
        await this.papay.terminate(contract.contractId!, '捐赠人取消月捐');
        await this.applyTerminated(contract.contractCode);
        done++;
      } catch (error) {
        this.logger.warn({ err: error, contractCode: contract.contractCode }, 'contract termination failed; retried by the next run');
      }
    }
    return done;
  }

  /**
   * The run's deduction step: this month's instalment for every active pledge with a signed
   * contract whose day has come (the same unique row as invitations, so never two), then one
   * attempt for each month due (never in the night), and a query for attempts left unanswered.
   */
  async deduct(now: Date): Promise<{ applied: number; failed: number }> {
    if (!this.papay.enabled) return { applied: 0, failed: 0 };
    const month = shanghaiMonth(now);
    await this.dataSource.query(
      `INSERT INTO monthly_instalments (pledge_id, month, amount_fen, invited_at)
       SELECT p.id, $1, p.amount_fen, $3
         FROM monthly_pledges p JOIN campaigns c ON c.id = p.campaign_id
        WHERE p.status = 'active' AND p.mode = 'deduction' AND p.day_of_month <= $2
          AND EXISTS (SELECT 1 FROM monthly_contracts k WHERE k.pledge_id = p.id AND k.state = 'signed')
          AND c.status = 'open' AND c.starts_at <= $3 AND (c.ends_at IS NULL OR c.ends_at > $3)
          AND p.created_at <= $3
       ON CONFLICT (pledge_id, month) DO NOTHING`,
      [month, shanghaiDayOfMonth(now), now],
    );
    const hour = Number(new Date(now.getTime() + 8 * 3600_000).toISOString().slice(11, 13));
    let applied = 0;
    let failed = 0;
    if (hour >= FIRST_HOUR && hour < LAST_HOUR) {
      const due: DueRow[] = await this.dataSource.query(
        `SELECT i.id, i.deduction_state
           FROM monthly_instalments i JOIN monthly_pledges p ON p.id = i.pledge_id
          WHERE i.month = $1 AND i.status = 'invited' AND p.status = 'active' AND p.mode = 'deduction'
            AND EXISTS (SELECT 1 FROM monthly_contracts k WHERE k.pledge_id = p.id AND k.state = 'signed')
            AND (   (i.deduction_state IS NULL
                     AND NOT EXISTS (SELECT 1 FROM donations d WHERE d.id = i.donation_id AND d.status IN ('pending', 'paid')))
                 OR (i.deduction_state = 'failed' AND i.deduction_next_at <= $2)
                 OR (i.deduction_state = 'applying' AND i.updated_at < $3))
          ORDER BY i.created_at LIMIT 100`,
        [month, now, new Date(now.getTime() - APPLYING_STALE_MS)],
      );
      for (const row of due) {
        const outcome = await this.attempt(row, now).catch((error: unknown) => {
          this.logger.warn({ err: error, instalmentId: row.id }, 'deduction attempt failed; tried again by the next run');
          return 'later' as const;
        });
        if (outcome === 'applied') applied++;
        if (outcome === 'failed') failed++;
      }
    }
    await this.reconcileAccepted(now);
    return { applied, failed };
  }

  /** One attempt: a new order (claimed by a conditional update, so one instance makes it) or, after a lost answer, the same order again. */
  private async attempt(row: DueRow, now: Date): Promise<'applied' | 'failed' | 'later'> {
    if (row.deduction_state === 'applying') {
      const target = await this.instalmentTarget(row.id);
      if (!target) return 'later';
      const order = await this.papay.queryOrder(target.outTradeNo);
      if (order) {
        const outcome = await this.follow(order, target, now);
        if (outcome === 'failed') return 'failed';
        if (outcome === 'waiting') await this.accepted(target.instalmentId);
        return 'applied';
      }
      // WeChat Pay never got it: the same number again (charged at most once).
      return this.apply(target, now);
    }
    const target = await this.dataSource.transaction(async (manager) => {
      const [claimed]: [
        { id: string; month: string; amount_fen: string; deduction_attempts: number; pledge_id: string; deduction_next_at: Date | null }[],
        number,
      ] = await manager.query(
        `UPDATE monthly_instalments
              SET deduction_state = 'applying', deduction_attempts = deduction_attempts + 1, updated_at = now(),
                  -- When this attempt, if it fails, may be followed by the next: counted from the attempt, not from the failure's news.
                  deduction_next_at = $2::timestamptz + make_interval(days => (ARRAY[${RETRY_AFTER_DAYS.join(', ')}]::int[])[deduction_attempts + 1])
            WHERE id = $1 AND status = 'invited'
              AND (deduction_state IS NULL OR (deduction_state = 'failed' AND deduction_next_at <= $2))
              -- Not while the donor's own order of the month is open or paid: one gift a month.
              AND NOT EXISTS (SELECT 1 FROM donations d WHERE d.id = monthly_instalments.donation_id AND d.status IN ('pending', 'paid'))
        RETURNING id, month, amount_fen, deduction_attempts, pledge_id, deduction_next_at`,
        [row.id, now],
      );
      const instalment = claimed[0];
      if (!instalment) return null;
      const pledge = await manager.findOneByOrFail(MonthlyPledgeEntity, { id: instalment.pledge_id });
      const contract = await manager.findOneByOrFail(MonthlyContractEntity, { pledgeId: pledge.id, state: 'signed' });
      const campaign = await manager.findOneByOrFail(CampaignEntity, { id: pledge.campaignId });
      const amountFen = Number(instalment.amount_fen);
      const donation = await manager.save(
        manager.create(DonationEntity, {
          campaignId: pledge.campaignId,
          alumnusId: pledge.alumnusId,
          outTradeNo: outTradeNo(now),
          amountFen,
          units: campaign.unitPriceFen === null ? 0 : Math.floor(amountFen / campaign.unitPriceFen),
          status: 'pending',
          payerOpenid: contract.openid,
          // Not a prepaid order: nothing closes it early; the deduction's outcome settles it (or the month's end).
          expiresAt: new Date(startOfNextMonth(instalment.month).getTime() + 7 * 86400_000),
        }),
      );
      await manager.update(MonthlyInstalmentEntity, { id: instalment.id }, { donationId: donation.id });
      return {
        instalmentId: instalment.id,
        pledgeId: pledge.id,
        alumnusId: pledge.alumnusId,
        campaignId: pledge.campaignId,
        campaignTitle: campaign.title,
        month: instalment.month,
        donationId: donation.id,
        outTradeNo: donation.outTradeNo,
        amountFen,
        contractId: contract.contractId!,
        attempts: instalment.deduction_attempts,
        nextAt: instalment.deduction_next_at === null ? null : new Date(instalment.deduction_next_at),
      };
    });
    return target ? this.apply(target, now) : 'later';
  }

  private async apply(target: OrderTarget, now: Date): Promise<'applied' | 'failed' | 'later'> {
    try {
      await this.papay.apply({
        outTradeNo: target.outTradeNo,
        amountFen: target.amountFen,
        contractId: target.contractId,
        description: `校友月捐-${target.campaignTitle}`,
        attach: `m=${target.month}`,
      });
    } catch (error) {
      // Lost or WeChat-side: still `applying`; the next run asks about the order before anything else.
      if (!(error instanceof PapayError) || error.retriable || error.code === 'RETURN_FAIL') throw error;
      await this.fail(target, error.code, now);
      return 'failed';
    }
    await this.accepted(target.instalmentId);
    return 'applied';
  }

  private async accepted(instalmentId: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE monthly_instalments SET deduction_state = 'accepted', updated_at = now() WHERE id = $1 AND deduction_state = 'applying'`,
      [instalmentId],
    );
  }

  /** Accepted deductions whose notification has not come: asked about. */
  private async reconcileAccepted(now: Date): Promise<void> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT i.id FROM monthly_instalments i JOIN donations d ON d.id = i.donation_id
        WHERE i.deduction_state = 'accepted' AND i.status = 'invited' AND d.status = 'pending' AND i.updated_at < $1
        ORDER BY i.updated_at LIMIT 100`,
      [new Date(now.getTime() - ACCEPTED_QUERY_AFTER_MS)],
    );
    for (const { id } of rows) {
      const target = await this.instalmentTarget(id);
      if (!target) continue;
      const order = await this.papay.queryOrder(target.outTradeNo).catch(() => null);
      if (order) await this.follow(order, target, now);
    }
  }

  /** Applies what WeChat Pay says of a deduction order: paid, failed, or still under way. */
  private async follow(order: PapayOrder, target: OrderTarget, now = new Date()): Promise<'paid' | 'failed' | 'waiting'> {
    if (order.tradeState === 'SUCCESS' || order.tradeState === 'REFUND') {
      const paidAt = fromV2Time(order.timeEnd) ?? now;
      await this.ledger.recordPaid(
        {
          appid: order.appid,
          mchid: order.mchId,
          out_trade_no: order.outTradeNo,
          ...(order.transactionId ? { transaction_id: order.transactionId } : {}),
          trade_type: 'PAP',
          trade_state: 'SUCCESS',
          success_time: paidAt.toISOString(),
          amount: { total: order.totalFee ?? -1 },
        },
        this.papay.identity,
      );
      await this.dataSource.query(
        `UPDATE monthly_instalments SET status = 'paid', paid_at = d.paid_at, updated_at = now()
           FROM donations d WHERE d.id = monthly_instalments.donation_id AND monthly_instalments.id = $1
            AND monthly_instalments.status <> 'paid' AND d.status IN ('paid', 'refunded') AND d.paid_at IS NOT NULL`,
        [target.instalmentId],
      );
      return 'paid';
    }
    if (['PAY_FAIL', 'PAYERROR', 'CLOSED', 'REVOKED'].includes(order.tradeState)) {
      await this.fail(target, order.errCode ?? order.tradeState, now);
      return 'failed';
    }
    return 'waiting';
  }

  /**
   * A failed attempt, once (only while its order is pending): the order closed, the month
   * retried later or, after the last attempt (or a refusal no retry can change), handed to
   * the donor as the usual invitation; the interaction row and the notice commit with it.
   */
  private async fail(target: OrderTarget, errCode: string, now: Date): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const [, closed] = (await manager.query(
        `UPDATE donations SET status = 'closed', closed_at = $2, updated_at = now() WHERE id = $1 AND status = 'pending'`,
        [target.donationId, now],
      )) as [unknown, number];
      if (closed === 0) return;
      const nextAt = target.nextAt;
      const retry =
        target.attempts < DEDUCTION_ATTEMPTS &&
        !PAPAY_FINAL_CODES.has(errCode) &&
        nextAt !== null &&
        shanghaiMonth(nextAt) === target.month;
      await manager.query(
        `UPDATE monthly_instalments SET deduction_state = $2, deduction_next_at = $3, deduction_error = $4, updated_at = now() WHERE id = $1`,
        [target.instalmentId, retry ? 'failed' : 'fallback', retry ? nextAt : null, errCode],
      );
      await this.interactions.record(manager, {
        alumnusId: target.alumnusId,
        kind: 'giving.monthly_deduction_failed',
        subjectType: 'campaign',
        subjectId: target.campaignId,
        detail: { pledgeId: target.pledgeId, month: target.month, errCode, attempt: target.attempts, fallback: !retry },
      });
      if (!retry) {
        // The month is the donor's to pay in one tap, as in invite mode (one notice per month whatever happened before).
        await this.outbox.enqueue(manager, [
          {
            alumnusId: target.alumnusId,
            kind: 'giving.monthly_due',
            payload: {
              instalmentId: target.instalmentId,
              campaignId: target.campaignId,
              campaignTitle: target.campaignTitle,
              month: target.month,
              amountFen: target.amountFen,
              lastDay: `${target.month}-${daysIn(target.month)}`,
            },
            dedupeKey: `giving.monthly_due:${target.instalmentId}`,
          },
        ]);
      }
    });
  }

  /** A signed contract, once: the pledge switches to deduction (or, if it ended meanwhile, the contract is terminated). */
  private async applySigned(code: string, contractId: string, openid: string): Promise<'signed' | 'already' | 'unknown' | 'mismatch'> {
    const outcome = await this.dataSource.transaction(async (manager) => {
      const contract = await manager.findOne(MonthlyContractEntity, { where: { contractCode: code }, lock: { mode: 'pessimistic_write' } });
      if (!contract) return 'unknown' as const;
      if (contract.openid !== openid) return 'mismatch' as const;
      if (contract.state !== 'signing') return 'already' as const;
      const pledge = await manager.findOne(MonthlyPledgeEntity, { where: { id: contract.pledgeId }, lock: { mode: 'pessimistic_write' } });
      const ended = !pledge || pledge.status === 'cancelled';
      await manager.update(
        MonthlyContractEntity,
        { id: contract.id },
        { state: ended ? 'terminating' : 'signed', contractId, signedAt: new Date() },
      );
      if (ended || !pledge) return 'ended' as const;
      await manager.update(MonthlyPledgeEntity, { id: pledge.id }, { mode: 'deduction' });
      await this.interactions.record(manager, {
        alumnusId: pledge.alumnusId,
        kind: 'giving.monthly_contract_signed',
        subjectType: 'campaign',
        subjectId: pledge.campaignId,
        detail: { pledgeId: pledge.id, amountFen: pledge.amountFen },
      });
      return 'signed' as const;
    });
    if (outcome === 'ended') {
      // Signed after the pledge was cancelled: ended at once, never charged.
      await this.terminateDue(await this.pledgeOf(code));
      return 'signed';
    }
    return outcome;
  }

  /**
   * A terminated contract, once: the pledge, if still live, goes back to monthly invitations.
   * A termination notification must name the contract's user and, once we know it, its
   * contract_id (签约、解约结果通知: compare the merchant's code and the openid).
   */
  private async applyTerminated(
    code: string,
    notified?: { openid: string; contractId: string },
  ): Promise<'terminated' | 'already' | 'unknown' | 'mismatch'> {
    return this.dataSource.transaction(async (manager) => {
      const contract = await manager.findOne(MonthlyContractEntity, { where: { contractCode: code }, lock: { mode: 'pessimistic_write' } });
      if (!contract) return 'unknown' as const;
      if (
        notified &&
        (notified.openid !== contract.openid || (contract.contractId !== null && notified.contractId !== contract.contractId))
      ) {
        return 'mismatch' as const;
      }
      if (contract.state === 'terminated') return 'already' as const;
      await manager.update(MonthlyContractEntity, { id: contract.id }, { state: 'terminated', terminatedAt: new Date() });
      const pledge = await manager.findOne(MonthlyPledgeEntity, { where: { id: contract.pledgeId }, lock: { mode: 'pessimistic_write' } });
      if (!pledge) return 'terminated' as const;
      if (pledge.mode === 'deduction') await manager.update(MonthlyPledgeEntity, { id: pledge.id }, { mode: 'invite' });
      await this.interactions.record(manager, {
        alumnusId: pledge.alumnusId,
        kind: 'giving.monthly_contract_terminated',
        subjectType: 'campaign',
        subjectId: pledge.campaignId,
        detail: { pledgeId: pledge.id, pledgeStatus: pledge.status },
      });
      return 'terminated' as const;
    });
  }

  private async pledgeOf(code: string): Promise<string | undefined> {
    return (await this.dataSource.getRepository(MonthlyContractEntity).findOneBy({ contractCode: code }))?.pledgeId;
  }

  private async instalmentTarget(instalmentId: string): Promise<OrderTarget | null> {
    const [row] = await this.targets('i.id = $1', [instalmentId]);
    return row ?? null;
  }

  private async orderTarget(outTradeNo: string): Promise<OrderTarget | null> {
    const [row] = await this.targets('d.out_trade_no = $1', [outTradeNo]);
    return row ?? null;
  }

  private async targets(where: string, params: unknown[]): Promise<OrderTarget[]> {
    const rows: Record<string, string | number | Date | null>[] = await this.dataSource.query(
      `SELECT i.id AS instalment_id, p.id AS pledge_id, p.alumnus_id, p.campaign_id, c.title AS campaign_title, i.month,
              d.id AS donation_id, d.out_trade_no, d.amount_fen, i.deduction_attempts, i.deduction_next_at,
              (SELECT k.contract_id FROM monthly_contracts k WHERE k.pledge_id = p.id AND k.contract_id IS NOT NULL
                ORDER BY k.created_at DESC LIMIT 1) AS contract_id
         FROM monthly_instalments i
         JOIN monthly_pledges p ON p.id = i.pledge_id
         JOIN campaigns c ON c.id = p.campaign_id
         JOIN donations d ON d.id = i.donation_id
        WHERE i.deduction_state IS NOT NULL AND ${where}`,
      params,
    );
    return rows.map((r) => ({
      instalmentId: String(r.instalment_id),
      pledgeId: String(r.pledge_id),
      alumnusId: String(r.alumnus_id),
      campaignId: String(r.campaign_id),
      campaignTitle: String(r.campaign_title),
      month: String(r.month),
      donationId: String(r.donation_id),
      outTradeNo: String(r.out_trade_no),
      amountFen: Number(r.amount_fen),
      contractId: String(r.contract_id ?? ''),
      attempts: Number(r.deduction_attempts),
      nextAt: r.deduction_next_at === null ? null : new Date(r.deduction_next_at),
    }));
  }
}

interface OrderTarget {
  instalmentId: string;
  pledgeId: string;
  alumnusId: string;
  campaignId: string;
  campaignTitle: string;
  month: string;
  donationId: string;
  outTradeNo: string;
  amountFen: number;
  contractId: string;
  attempts: number;
  /** The earliest next attempt should this one fail (null after the last). */
  nextAt: Date | null;
}

/** Unique, digits only, not starting with 0, within int64: milliseconds × 1000 + a random 0–999. */
function nextRequestSerial(now: Date): string {
  return String(BigInt(now.getTime()) * 1000n + BigInt(randomBytes(2).readUInt16BE() % 1000));
}
