import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import type { DataSource, EntityManager } from 'typeorm';
import type { DonationDto, DonationRefundDto, GivingInteractionDetail } from '@alumni/shared';
import { type PlainTransaction, plainStatements, plainTransaction } from '../database/plain-transaction.js';
import { InteractionsService } from '../interactions/interactions.service.js';
import { OutboxService } from '../outbox/outbox.service.js';
import type { RefundStatus, Transaction } from '../wechat-pay/wechat-pay.types.js';
import { CampaignEntity } from './campaign.entity.js';
import { DonationEntity } from './donation.entity.js';
import { DonationRefundEntity } from './donation-refund.entity.js';
import { MatchingService } from './matching.service.js';
import { ReceiptsService } from './receipts.service.js';
import { PostingService } from './posting.service.js';

export function toRefund(r: DonationRefundEntity): DonationRefundDto {
  return {
    id: r.id,
    donationId: r.donationId,
    outRefundNo: r.outRefundNo,
    amountFen: r.amountFen,
    reason: r.reason,
    status: r.status,
    createdAt: r.createdAt.toISOString(),
    settledAt: r.settledAt?.toISOString() ?? null,
  };
}

export function toDonation(d: DonationEntity): DonationDto {
  return {
    id: d.id,
    campaignId: d.campaignId,
    outTradeNo: d.outTradeNo,
    amountFen: d.amountFen,
    refundedFen: d.refundedFen,
    matchedFen: d.matchedFen,
    units: d.units,
    message: d.message,
    anonymous: d.anonymous,
    hideAmount: d.hideAmount,
    status: d.status,
    certificateNo: d.certificateNo,
    treeNumbers: d.firstTreeNo === null ? null : { first: d.firstTreeNo, last: d.firstTreeNo + d.units - 1 },
    paidAt: d.paidAt?.toISOString() ?? null,
    expiresAt: d.expiresAt.toISOString(),
    createdAt: d.createdAt.toISOString(),
  };
}

/** The order as a payment notification reads it (`amount_fen` is bigint, so text from pg). */
interface OrderRow {
  id: string;
  amount_fen: string | number;
  alumnus_id: string | null;
  campaign_id: string;
  units: number;
  status: DonationEntity['status'];
  certificate_no: string | null;
}

/** A payment's flip, its one statement run on the connection (or transaction) given; whether it flipped the row. */
type FlipStatement = (rows: PlainTransaction['rows']) => Promise<boolean>;

/** A flip waiting for its group (DonationLedgerService.flip). */
interface WaitingFlip {
  statement: FlipStatement;
  alumnusId: string | null;
  donationId: string;
  resolve(flipped: boolean): void;
  reject(error: unknown): void;
}

/** A notification waiting for its order's row (DonationLedgerService.readOrder). */
interface OrderWaiter {
  resolve(row: OrderRow | undefined): void;
  reject(error: unknown): void;
}

/** Why a transaction WeChat Pay reports does not belong to the order it names. */
export type Mismatch = 'APPID_MISMATCH' | 'MCHID_MISMATCH' | 'ORDER_UNKNOWN' | 'AMOUNT_MISMATCH';

export type PaidOutcome = { kind: 'paid' } | { kind: 'already' } | { kind: 'refused'; reason: Mismatch };

/**
 * Orders this instance has seen paid and posted, remembered so a later copy of their
 * notification needs no statement: at most this many, the oldest dropped first.
 */
export const SETTLED_ORDERS = 20_000;

/**
 * The one place a donation changes state. Marking paid happens once per order whoever
 * reports it first (the notification, a duplicate of it on another instance, or our own
 * query): a conditional UPDATE … WHERE status = 'pending' decides, and in the same
 * transaction the interaction row is written. Nothing shared is touched: the certificate
 * number, the tree numbers, the campaign's totals and the thank-you come from the posting
 * pass (PostingService) right after the commit, before the payment is acknowledged.
 */
@Injectable()
export class DonationLedgerService {
  /** A notification's statements, each on its own (plain-transaction.ts): past TypeORM's query runner. */
  private readonly query: PlainTransaction['rows'];
  /**
   * By out_trade_no, the amount of each order seen paid (or refunded since) and posted: what a
   * copy of its notification would read is final, since a donation never returns to pending
   * and its amount never changes (docs/giving.md, "Copies of a payment").
   */
  private readonly settled = new Map<string, number>();
  /** The notifications of one payment being recorded now, by order, amount and transaction: a copy arriving meanwhile waits for that one. */
  private readonly recording = new Map<string, Promise<PaidOutcome>>();
  /** Flips asked for since the last group was sent (flip). */
  private waitingFlips: WaitingFlip[] | null = null;
  /** Order reads asked for since the last statement was sent, by out_trade_no (readOrder). */
  private waitingReads: Map<string, OrderWaiter[]> | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly interactions: InteractionsService,
    private readonly outbox: OutboxService,
    private readonly posting: PostingService,
    private readonly matching: MatchingService,
    private readonly receipts: ReceiptsService,
    @InjectPinoLogger('DonationLedger') private readonly logger: PinoLogger,
  ) {
    this.query = plainStatements(dataSource);
  }

  /**
   * Checks a SUCCESS transaction against our order and, when it matches, records the payment
   * once. A repeat of a recorded payment (WeChat Pay sends each several times) is answered from
   * the order's row alone: paid and posted, or past paying, it needs no transaction; one this
   * instance saw paid and posted needs not even the row, and one arriving while its payment is
   * being recorded here waits for that (docs/giving.md, "Copies of a payment").
   */
  async recordPaid(transaction: Transaction, expected: { appId: string; mchid: string }): Promise<PaidOutcome> {
    // What needs no order is checked before reading it: a mismatched transaction costs no round trip.
    const foreign: Mismatch | null =
      transaction.appid !== expected.appId ? 'APPID_MISMATCH' : transaction.mchid !== expected.mchid ? 'MCHID_MISMATCH' : null;
    if (foreign !== null) return this.refused(transaction, foreign);
    // A copy of a payment this instance recorded and posted: paid already, whatever happens to the order now.
    const amount = transaction.amount?.total;
    if (typeof amount === 'number' && this.settled.get(transaction.out_trade_no) === amount) return { kind: 'already' };
    // A copy of one being recorded now: its answer is that one's (paid then means paid already for this copy).
    const key = `${transaction.out_trade_no}\n${amount}\n${transaction.transaction_id ?? ''}`;
    const running = this.recording.get(key);
    if (running) {
      const outcome = await running;
      return outcome.kind === 'paid' ? { kind: 'already' } : outcome;
    }
    const run = this.record(transaction).finally(() => this.recording.delete(key));
    this.recording.set(key, run);
    return run;
  }

  private refused(transaction: Transaction, reason: Mismatch): PaidOutcome {
    this.logger.warn(
      { outTradeNo: transaction.out_trade_no, reason, transactionId: transaction.transaction_id },
      'WeChat Pay transaction refused',
    );
    return { kind: 'refused', reason };
  }

  /** Remembers an order seen paid and posted (SETTLED_ORDERS). */
  private settle(outTradeNo: string, amountFen: number): void {
    if (this.settled.size >= SETTLED_ORDERS && !this.settled.has(outTradeNo)) this.settled.delete(this.settled.keys().next().value!);
    this.settled.set(outTradeNo, amountFen);
  }

  /** The order read, checked and, when pending, marked paid; then posted. */
  private async record(transaction: Transaction): Promise<PaidOutcome> {
    const row = await this.readOrder(transaction.out_trade_no);
    if (!row) return this.refused(transaction, 'ORDER_UNKNOWN');
    const order = { ...row, amount_fen: Number(row.amount_fen) };
    if (transaction.amount?.total !== order.amount_fen) return this.refused(transaction, 'AMOUNT_MISMATCH');
    // A donation never returns to pending: what the row says now stays true.
    const outcome = order.status === 'pending' ? await this.markPaid(order, transaction) : this.already(transaction, order);
    // Posted before WeChat Pay hears back (a repeat finds it posted), so an acknowledged payment has its certificate and thank-you.
    if (!outcome.posted) await this.posting.post(order.campaign_id);
    // Paid (or refunded since) and posted now: final. A closed order paid is for staff, and each copy logs it again.
    if (outcome.status !== 'closed') this.settle(transaction.out_trade_no, order.amount_fen);
    return { kind: outcome.kind };
  }

  /**
   * The order a notification names, read together with those of the other notifications that
   * asked in the same turn of the event loop: one statement (`= ANY`) for every order asked for
   * before it runs (the next `setImmediate`, once this turn's I/O callbacks have run), where a
   * storm made one each. Plain SQL of the columns checked here: it runs for every notification.
   */
  private readOrder(outTradeNo: string): Promise<OrderRow | undefined> {
    return new Promise((resolve, reject) => {
      let batch = this.waitingReads;
      if (!batch) {
        const started = (batch = this.waitingReads = new Map());
        setImmediate(() => {
          this.waitingReads = null;
          void this.readOrders(started);
        });
      }
      const waiting = batch.get(outTradeNo);
      if (waiting) waiting.push({ resolve, reject });
      else batch.set(outTradeNo, [{ resolve, reject }]);
    });
  }

  private async readOrders(batch: Map<string, OrderWaiter[]>): Promise<void> {
    try {
      const rows = await this.query<OrderRow & { out_trade_no: string }>(
        `SELECT id, out_trade_no, amount_fen, alumnus_id, campaign_id, units, status, certificate_no FROM donations
          WHERE out_trade_no = ANY($1::text[])`,
        [[...batch.keys()]],
      );
      const byNumber = new Map(rows.map((row) => [row.out_trade_no, row]));
      for (const [number, waiting] of batch) for (const { resolve } of waiting) resolve(byNumber.get(number));
    } catch (error) {
      for (const waiting of batch.values()) for (const { reject } of waiting) reject(error);
    }
  }

  /**
   * The payment and its interaction row, if no one marked the order paid first: one statement,
   * so one round trip and its own transaction (the flip and the row commit together).
   */
  private async markPaid(
    order: OrderRow & { amount_fen: number },
    transaction: Transaction,
  ): Promise<{ kind: 'paid' | 'already'; posted: boolean; status: OrderRow['status'] }> {
    const paidAt = transaction.success_time ? new Date(transaction.success_time) : new Date();
    const flip = {
      sql: `UPDATE donations SET status = 'paid', transaction_id = $2, paid_at = $3, updated_at = now()
             WHERE id = $1 AND status = 'pending' RETURNING id`,
      params: [order.id, transaction.transaction_id ?? null, paidAt],
    };
    const detail: GivingInteractionDetail & Record<string, unknown> = {
      amountFen: order.amount_fen,
      campaignId: order.campaign_id,
      donationId: order.id,
      units: order.units,
    };
    const flipped = await this.flip(
      (rows) =>
        order.alumnus_id === null
          ? rows(flip.sql, flip.params).then((flippedRows) => flippedRows.length > 0)
          : this.interactions.recordWithChange(rows, flip, {
              alumnusId: order.alumnus_id,
              kind: 'giving.donated',
              subjectType: 'campaign',
              subjectId: order.campaign_id,
              detail,
            }),
      order.alumnus_id,
      order.id,
    );
    if (flipped) return { kind: 'paid', posted: false, status: 'paid' };
    // Marked (or closed) since it was read: read it again.
    const [current] = await this.query<OrderRow>(`SELECT status, certificate_no FROM donations WHERE id = $1`, [order.id]);
    return this.already(transaction, { ...order, ...current! });
  }

  /**
   * A flip (its statement run by `statement` on the connection given), grouped with the flips
   * asked for in the same turn of the event loop (the payments whose orders one read brought):
   * one transaction runs them one after another and commits once, where each was its own
   * transaction with its own commit (a commit was about a third of a flip's PostgreSQL CPU,
   * measured for issue 17). Each statement still answers its own flip. A group has one flip per
   * donor, run in the order of the donors' ids (then the donations'), so every transaction takes
   * its rows in the same order and no two wait on each other. If the group fails (one flip's
   * error), each flip runs again on its own, as a single flip always does.
   */
  private flip(statement: FlipStatement, alumnusId: string | null, donationId: string): Promise<boolean> {
    return new Promise((resolve, reject) => this.joinFlipGroup({ statement, alumnusId, donationId, resolve, reject }));
  }

  private joinFlipGroup(waiting: WaitingFlip): void {
    let group = this.waitingFlips;
    if (!group) {
      const started = (group = this.waitingFlips = []);
      setImmediate(() => {
        this.waitingFlips = null;
        void this.flipGroup(started);
      });
    }
    group.push(waiting);
  }

  private async flipGroup(waiting: WaitingFlip[]): Promise<void> {
    // One flip per donor in a group: each takes its donor's engagement rows after its donation's,
    // so a group with two of one donor's gifts could wait on a flip that waits on it. The second joins the next group.
    const donors = new Set<string>();
    const group = waiting.filter((flip) => {
      if (flip.alumnusId === null) return true;
      if (donors.has(flip.alumnusId)) {
        this.joinFlipGroup(flip);
        return false;
      }
      donors.add(flip.alumnusId);
      return true;
    });
    if (group.length > 1) {
      const key = (flip: WaitingFlip) => `${flip.alumnusId ?? ''}\n${flip.donationId}`;
      const ordered = [...group].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
      try {
        const flipped = await plainTransaction(this.dataSource, async ({ rows }) => {
          const answers: boolean[] = [];
          for (const waiting of ordered) answers.push(await waiting.statement(rows));
          return answers;
        });
        ordered.forEach((waiting, i) => waiting.resolve(flipped[i]!));
        return;
      } catch (error) {
        this.logger.warn({ err: error, flips: group.length }, 'a group of payment flips failed: each runs on its own');
      }
    }
    await Promise.all(
      group.map(async (waiting) => {
        try {
          waiting.resolve(await waiting.statement(this.query));
        } catch (error) {
          waiting.reject(error);
        }
      }),
    );
  }

  private already(
    transaction: Transaction,
    order: Pick<OrderRow, 'status' | 'certificate_no'>,
  ): { kind: 'already'; posted: boolean; status: OrderRow['status'] } {
    // Paid after we closed it would be WeChat Pay contradicting its own close answer: keep it for staff.
    if (order.status === 'closed') this.logger.error({ outTradeNo: transaction.out_trade_no }, 'payment reported for a closed donation');
    return { kind: 'already', posted: order.status !== 'paid' || order.certificate_no !== null, status: order.status };
  }

  /**
   * A refund's outcome from WeChat Pay (its notification or our query), applied once: a
   * success gives the amount back in the donation and the campaign totals (a full refund
   * takes the gift's units and, if it was their only gift, the donor out), with the
   * interaction row and the donor's message; closed releases the amount; abnormal waits
   * for staff. Null when no refund has this number.
   */
  async recordRefund(outRefundNo: string, status: RefundStatus): Promise<DonationRefundEntity | null> {
    return this.dataSource.transaction(async (manager) => {
      const refund = await manager.findOne(DonationRefundEntity, { where: { outRefundNo }, lock: { mode: 'pessimistic_write' } });
      if (!refund) return null;
      const open = refund.status === 'processing' || refund.status === 'abnormal';
      if (!open || status === 'PROCESSING') return refund;
      if (status !== 'SUCCESS') {
        refund.status = status === 'CLOSED' ? 'closed' : 'abnormal';
        refund.settledAt = status === 'CLOSED' ? new Date() : null;
        return manager.save(refund);
      }
      refund.status = 'succeeded';
      refund.settledAt = new Date();
      await manager.save(refund);
      await this.giveBack(manager, refund);
      return refund;
    });
  }

  private async giveBack(manager: EntityManager, refund: DonationRefundEntity): Promise<void> {
    const { campaignId } = await manager.findOneByOrFail(DonationEntity, { id: refund.donationId });
    // The campaign first, as the posting pass takes it; and its waiting gifts posted, so the totals given back from count this one.
    const campaign = await manager.findOneOrFail(CampaignEntity, { where: { id: campaignId }, lock: { mode: 'pessimistic_write' } });
    await this.posting.postLocked(manager, campaign);
    const donation = await manager.findOneOrFail(DonationEntity, { where: { id: refund.donationId }, lock: { mode: 'pessimistic_write' } });
    donation.refundedFen += refund.amountFen;
    const full = donation.refundedFen === donation.amountFen;
    if (full) donation.status = 'refunded';
    await manager.update(DonationEntity, { id: donation.id }, { refundedFen: donation.refundedFen, status: donation.status });
    await this.matching.releaseRefunded(manager, campaign, donation);
    await this.receipts.onRefunded(manager, donation);
    const stillDonor =
      !full ||
      donation.alumnusId === null ||
      (await manager.countBy(DonationEntity, { campaignId: campaign.id, alumnusId: donation.alumnusId, status: 'paid' })) > 0;
    await manager.update(
      CampaignEntity,
      { id: campaign.id },
      {
        raisedFen: campaign.raisedFen - refund.amountFen,
        unitsRaised: campaign.unitsRaised - (full ? donation.units : 0),
        donorCount: campaign.donorCount - (stillDonor ? 0 : 1),
      },
    );
    if (donation.alumnusId === null) return;
    const detail: GivingInteractionDetail & Record<string, unknown> = {
      amountFen: refund.amountFen,
      campaignId: campaign.id,
      donationId: donation.id,
      refundId: refund.id,
    };
    await this.interactions.record(manager, {
      alumnusId: donation.alumnusId,
      kind: 'giving.refunded',
      subjectType: 'campaign',
      subjectId: campaign.id,
      detail,
    });
    await this.outbox.enqueue(manager, [
      {
        alumnusId: donation.alumnusId,
        kind: 'giving.refunded',
        dedupeKey: `giving.refunded:${refund.id}`,
        payload: {
          donationId: donation.id,
          campaignId: campaign.id,
          campaignTitle: campaign.title,
          amountFen: refund.amountFen,
          reason: refund.reason,
          // Sent elsewhere by staff after WeChat Pay reported it abnormal: the notice says where.
          ...(refund.abnormalRoute
            ? { route: refund.abnormalRoute, bankType: refund.abnormalBankType, cardLast4: refund.abnormalCardLast4 }
            : {}),
        },
      },
    ]);
  }

  /** Marks an unpaid order closed (after WeChat Pay closed it, or it never existed there). */
  async recordClosed(donationId: string): Promise<void> {
    await this.dataSource
      .createQueryBuilder()
      .update(DonationEntity)
      .set({ status: 'closed', closedAt: new Date() })
      .where('id = :id AND status = :pending', { id: donationId, pending: 'pending' })
      .execute();
  }
}
