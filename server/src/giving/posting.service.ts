import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import type { DataSource, EntityManager } from 'typeorm';
import { JobsService } from '../jobs/jobs.service.js';
import { OutboxService } from '../outbox/outbox.service.js';
import { CampaignEntity } from './campaign.entity.js';
import { certificateNo, firstTreeNo } from './donation-numbers.js';
import { MatchingService } from './matching.service.js';

/** Paid gifts one posting transaction takes at most: its lock on the campaign stays short. */
const BATCH = 500;
/** The sweep posts what a crash between a payment and its posting left behind. */
const SWEEP = 'giving.posting-sweep';

interface UnpostedGift {
  id: string;
  alumnus_id: string | null;
  amount_fen: string;
  units: number;
  paid_at: Date;
}

/**
 * Posts paid gifts to their campaign (docs/giving.md, Posting). A payment only marks its
 * donation paid and touches no shared row, so payments
 * to one campaign never queue behind each other. This pass then takes the campaign row's lock
 * once per batch of paid gifts and, in the order they were paid, gives each its certificate
 * number and tree numbers (gap-free, as the counters on the campaign row continue), adds the
 * batch to the campaign's totals (raised, units, gifts, new donors) and queues each donor's
 * thank-you — the work that used to hold the campaign row for every single payment.
 *
 * Runs after each payment commits, before WeChat Pay is answered, so an acknowledged payment
 * is posted; concurrent requests for one campaign in an instance share one run (a request made
 * while a run is going waits for the next, which sees its payment). Across instances the
 * campaign row's lock takes turns. A crash between a payment and its posting is caught by the
 * next posting of that campaign, by WeChat Pay's retry of the unanswered notification, or by
 * the sweep a minute later.
 */
@Injectable()
export class PostingService implements OnModuleInit {
  /** Per campaign: the run that will see a payment committed now (it starts after the current one). */
  private readonly queued = new Map<string, Promise<void>>();
  private readonly running = new Map<string, Promise<void>>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly jobs: JobsService,
    private readonly matching: MatchingService,
    @InjectPinoLogger('Posting') private readonly logger: PinoLogger,
  ) {}

  onModuleInit(): void {
    this.jobs.schedule(SWEEP, '* * * * *', () => this.sweep());
  }

  /** Posts every paid gift of the campaign committed before this call; concurrent calls share runs. */
  post(campaignId: string): Promise<void> {
    const queued = this.queued.get(campaignId);
    if (queued) return queued;
    const previous = this.running.get(campaignId) ?? Promise.resolve();
    const run = previous
      .catch(() => undefined)
      .then(() => {
        this.queued.delete(campaignId);
        this.running.set(campaignId, run);
        return this.postAll(campaignId);
      })
      .finally(() => {
        if (this.running.get(campaignId) === run) this.running.delete(campaignId);
      });
    this.queued.set(campaignId, run);
    return run;
  }

  /**
   * Posts the campaign's waiting gifts in the caller's transaction, which holds the campaign
   * row's lock (`FOR UPDATE`): a refund does, so it gives back from totals that count the gift.
   */
  async postLocked(manager: EntityManager, campaign: CampaignEntity): Promise<void> {
    while ((await this.postBatch(manager, campaign)) === BATCH);
  }

  private async postAll(campaignId: string): Promise<void> {
    for (;;) {
      const posted = await this.dataSource.transaction(async (manager) => {
        const campaign = await manager.findOne(CampaignEntity, { where: { id: campaignId }, lock: { mode: 'pessimistic_write' } });
        return campaign ? this.postBatch(manager, campaign) : 0;
      });
      if (posted < BATCH) return;
    }
  }

  /** One batch, oldest payment first; returns how many gifts it posted. */
  private async postBatch(manager: EntityManager, campaign: CampaignEntity): Promise<number> {
    const gifts = (await manager.query(
      `SELECT id, alumnus_id, amount_fen, units, paid_at FROM donations
       WHERE campaign_id = $1 AND status = 'paid' AND certificate_no IS NULL ORDER BY paid_at, id LIMIT ${BATCH}`,
      [campaign.id],
    )) as UnpostedGift[];
    if (gifts.length === 0) return 0;
    const donors = [...new Set(gifts.flatMap((gift) => (gift.alumnus_id ? [gift.alumnus_id] : [])))];
    // A donor counts once per campaign: those with a gift posted before this batch are counted already.
    const counted = new Set(
      (
        (await manager.query(
          `SELECT DISTINCT alumnus_id FROM donations
           WHERE campaign_id = $1 AND status = 'paid' AND certificate_no IS NOT NULL AND alumnus_id = ANY($2::uuid[])`,
          [campaign.id, donors],
        )) as { alumnus_id: string }[]
      ).map((row) => row.alumnus_id),
    );
    let { paidCount, lastTreeNo } = campaign;
    let raisedFen = 0;
    let units = 0;
    let newDonors = 0;
    const numbered = gifts.map((gift) => {
      paidCount += 1;
      const tree = firstTreeNo(campaign.kind, lastTreeNo, gift.units);
      if (tree !== null) lastTreeNo = tree + gift.units - 1;
      raisedFen += Number(gift.amount_fen);
      units += gift.units;
      if (gift.alumnus_id && !counted.has(gift.alumnus_id)) {
        counted.add(gift.alumnus_id);
        newDonors += 1;
      }
      return { gift, certificateNo: certificateNo(campaign.id, paidCount), firstTreeNo: tree };
    });
    await manager.query(
      `UPDATE donations AS d SET certificate_no = v.certificate_no, first_tree_no = v.first_tree_no, updated_at = now()
       FROM unnest($1::uuid[], $2::text[], $3::int[]) AS v (id, certificate_no, first_tree_no) WHERE d.id = v.id`,
      [numbered.map((n) => n.gift.id), numbered.map((n) => n.certificateNo), numbered.map((n) => n.firstTreeNo)],
    );
    await manager.query(
      `UPDATE campaigns SET raised_fen = raised_fen + $2, units_raised = units_raised + $3, donor_count = donor_count + $4,
                            paid_count = $5, last_tree_no = $6, updated_at = now()
       WHERE id = $1`,
      [campaign.id, raisedFen, units, newDonors, paidCount, lastTreeNo],
    );
    Object.assign(campaign, {
      raisedFen: campaign.raisedFen + raisedFen,
      unitsRaised: campaign.unitsRaised + units,
      donorCount: campaign.donorCount + newDonors,
      paidCount,
      lastTreeNo,
    });
    // Sponsors' matches (配捐), in payment order under this lock: a pledge's cap is exact across instances.
    await this.matching.matchPosted(manager, campaign, gifts);
    await this.outbox.enqueue(
      manager,
      numbered.flatMap(({ gift, certificateNo, firstTreeNo }) =>
        gift.alumnus_id === null
          ? []
          : [
              {
                alumnusId: gift.alumnus_id,
                kind: 'giving.thanked',
                dedupeKey: `giving.thanked:${gift.id}`,
                payload: {
                  donationId: gift.id,
                  campaignId: campaign.id,
                  campaignTitle: campaign.title,
                  amountFen: Number(gift.amount_fen),
                  certificateNo,
                  treeNumbers: firstTreeNo === null ? null : { first: firstTreeNo, last: firstTreeNo + gift.units - 1 },
                },
              },
            ],
      ),
    );
    return gifts.length;
  }

  /** Every campaign with paid gifts waiting (normally none: each payment posts before it is acknowledged). */
  private async sweep(): Promise<void> {
    const waiting = (await this.dataSource.query(
      `SELECT DISTINCT campaign_id FROM donations WHERE status = 'paid' AND certificate_no IS NULL`,
    )) as { campaign_id: string }[];
    for (const { campaign_id } of waiting) {
      this.logger.warn({ campaignId: campaign_id }, 'posting paid gifts left unposted');
      await this.post(campaign_id);
    }
  }
}
