import type pg from 'pg';
import type { NotificationVariant, SignedNotification } from '../src/wechat-pay/fake/fake-wechat-pay.server.js';
import { insertAlumni } from './generators/alumni.js';
import { insertPendingOrders, insertSaplingDrive } from './generators/orders.js';
import type { RequestSpec } from './load.js';
import { type Check, invariant } from './scenario.js';
import { type OrderRow, startNotifyingWechatPay } from './wechat-pay.js';

export const NOTIFY_PATH = '/api/v1/giving/wechat-pay/notify';

/** What a delivery is: a notification of the fake's (valid or wrong on purpose), or one for an order we never placed. */
export type DeliveryKind = NotificationVariant | 'unknown-order';

/** The answer each kind must get (docs/giving.md, "What we answer WeChat Pay"). */
export const EXPECTED_STATUS: Readonly<Record<DeliveryKind, number>> = {
  valid: 204,
  'bad-signature': 401,
  'stale-timestamp': 401,
  'unknown-serial': 401,
  'tampered-ciphertext': 400,
  'wrong-amount': 400,
  'wrong-mchid': 400,
  'wrong-appid': 400,
  'unknown-order': 404,
};

/** Every way a notification can be wrong that the fake can build. */
const WRONG_VARIANTS = (Object.keys(EXPECTED_STATUS) as DeliveryKind[]).filter(
  (kind): kind is Exclude<NotificationVariant, 'valid'> => kind !== 'valid' && kind !== 'unknown-order',
);

export interface StormSize {
  /** Pending orders to a new sapling drive (bulk, as POST /donations writes them). */
  orders: number;
  /** Of these, how many get only wrong notifications (every variant once): they must stay pending. */
  unpaid: number;
  /** Times each valid notification is sent (WeChat Pay's retries, and both instances at once). */
  copies: number;
  /** Wrong notifications for paid orders, sent beside their valid copies. */
  wrongForPaid: number;
  /** Valid notifications for orders WeChat Pay has and we never placed. */
  unknown: number;
}

/** How many notifications a storm of this size sends. */
export const stormDeliveries = (size: StormSize): number =>
  (size.orders - size.unpaid) * size.copies + size.unpaid * WRONG_VARIANTS.length + size.wrongForPaid + size.unknown;

export interface Delivery {
  kind: DeliveryKind;
  /**
   * Signed ahead (Storm.signAhead) or else when first sent, then the same bytes for its copies;
   * signed anew when the bytes are older than FRESH_MS, so its timestamp is still within
   * WeChat Pay's 5 minutes when it arrives.
   */
  notification(): SignedNotification;
  /** Built and signed anew, as WeChat Pay's later retry is. */
  again(): SignedNotification;
}

export interface Storm {
  campaignId: string;
  /**
   * Signs and encrypts every distinct notification now, as WeChat Pay does on its own machines
   * before sending: called right before the measured window, so the harness's signing is not
   * counted as the load generator's CPU while the storm runs (docs/benchmarks.md).
   */
  signAhead(): void;
  /** Every notification in sending order: the copies of one payment side by side, so they arrive together. */
  deliveries: readonly Delivery[];
  /** The valid notifications, one per paid order. */
  valid: readonly Delivery[];
  /** Sends `deliveries` in order, one per request, and tallies each answer by kind. */
  request(): RequestSpec;
  /** Each kind answered as the contract says, every one of them. */
  answerChecks(): Check[];
  /** Whether every notification sent was signed ahead and fresh (a target: a miss means signing ran inside the window). */
  freshnessCheck(): Check;
  /**
   * The campaign's totals and rows against the orders validly paid: each paid exactly once,
   * nothing else counted. While some valid notifications are still to come (`partial`), the
   * paid orders need only be among those, and the totals equal to what the posted ones add up
   * to (a payment whose instance died before posting it is posted by the next one).
   */
  ledgerChecks(stage?: 'complete' | 'partial'): Promise<Check[]>;
  close(): Promise<void>;
}

/**
 * WeChat Pay refuses nothing here, the server does: past 300 s a timestamp is stale
 * (wechat-contracts.md 7.2). Bytes signed longer ago than this are signed anew before they
 * are sent, leaving a minute for the trip, and the run says so (a target, printed FAIL).
 */
export const FRESH_MS = 240_000;

/** A small deterministic generator (mulberry32), so a run's order can be replayed. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/** Runs `work` over `items`, `width` at a time. */
async function inBatches<T>(items: readonly T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += width) await Promise.all(items.slice(i, i + width).map(work));
}

/**
 * The notification storm of issue 7: pending orders written in bulk, then the notifications
 * made ready to send, each built by the WeChat Pay fake's own code (signature, encryption,
 * the forged variants) when it is first sent.
 */
export async function prepareStorm(context: { db: pg.Pool }, tag: string, size: StormSize): Promise<Storm> {
  const campaignId = await insertSaplingDrive(context.db, `压测植树 ${tag}`);
  // A quarter of the donors give twice.
  const donors = await insertAlumni(context.db, { tag: `storm-${tag}`, count: Math.ceil((size.orders * 3) / 4), verified: false });
  const orders = await insertPendingOrders(context.db, campaignId, donors, size.orders, `STORM${tag.toUpperCase()}`);
  const pay = await startNotifyingWechatPay();
  const unknown: OrderRow[] = Array.from({ length: size.unknown }, (_, i) => ({
    outTradeNo: `XSTORM${tag.replace(/\W/g, '')}${i}`.slice(0, 32),
    amountFen: 3000,
    payerOpenid: 'o_bench_stranger',
    expiresAt: new Date(Date.now() + 30 * 60_000),
  }));
  await inBatches([...orders, ...unknown], 16, (order) => pay.prepay(order));
  for (const order of [...orders, ...unknown]) pay.fake.pay(order.outTradeNo, { notify: false });

  // How old the bytes sent were, and how many had to be signed anew while the storm ran.
  const freshness = { oldestMs: 0, resigned: 0, sent: 0, signedAhead: false };
  const build = (kind: DeliveryKind, outTradeNo: string): Delivery & { sign(): void } => {
    const again = () => pay.fake.notification(outTradeNo, kind === 'unknown-order' ? 'valid' : kind);
    let signed: { notification: SignedNotification; at: number } | undefined;
    const sign = () => {
      signed = { notification: again(), at: Date.now() };
    };
    return {
      kind,
      sign,
      again,
      notification() {
        const now = Date.now();
        if (!signed) sign();
        else if (now - signed.at > FRESH_MS) {
          freshness.resigned += 1;
          sign();
        }
        freshness.sent += 1;
        freshness.oldestMs = Math.max(freshness.oldestMs, now - signed!.at);
        return signed!.notification;
      },
    };
  };
  const paid = orders.slice(size.unpaid);
  const valid = paid.map((order) => build('valid', order.outTradeNo));
  // Each group arrives together: a payment's copies (and a wrong one among them), an unpaid order's forgeries.
  const groups: Delivery[][] = [
    ...valid.map((delivery, i) => [
      ...Array.from({ length: size.copies }, () => delivery),
      ...(i < size.wrongForPaid ? [build(WRONG_VARIANTS[i % WRONG_VARIANTS.length]!, paid[i]!.outTradeNo)] : []),
    ]),
    ...orders.slice(0, size.unpaid).map((order) => WRONG_VARIANTS.map((variant) => build(variant, order.outTradeNo))),
    ...unknown.map((order) => [build('unknown-order', order.outTradeNo)]),
  ];
  const deliveries = shuffle(groups, seededRandom(size.orders)).flat();
  const distinct = [...new Set(deliveries)] as ReturnType<typeof build>[];

  const answers = new Map<DeliveryKind, Map<number, number>>();
  const tally = (kind: DeliveryKind, status: number) => {
    const byStatus = answers.get(kind) ?? new Map<number, number>();
    byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
    answers.set(kind, byStatus);
  };
  const expected = {
    raisedFen: paid.reduce((sum, order) => sum + order.amountFen, 0),
    donors: new Set(paid.map((order) => order.alumnusId)).size,
    units: paid.reduce((sum, order) => sum + order.units, 0),
    gifts: paid.length,
  };
  const describe = (t: typeof expected) => `¥${(t.raisedFen / 100).toFixed(2)}, ${t.donors} donors, ${t.units} units, ${t.gifts} gifts`;

  return {
    campaignId,
    signAhead() {
      for (const delivery of distinct) delivery.sign();
      freshness.signedAhead = true;
    },
    deliveries,
    valid,
    request() {
      let next = 0;
      return {
        method: 'POST',
        path: NOTIFY_PATH,
        vary: () => {
          const { kind, notification } = deliveries[next++ % deliveries.length]!;
          const { headers, body } = notification();
          return { headers, body, answered: (status) => tally(kind, status) };
        },
      };
    },
    answerChecks() {
      const sent = new Map<DeliveryKind, number>();
      for (const { kind } of deliveries) sent.set(kind, (sent.get(kind) ?? 0) + 1);
      return [...sent].map(([kind, count]) => {
        const got = answers.get(kind) ?? new Map<number, number>();
        const summary = [...got].map(([status, n]) => `${n} × ${status}`).join(', ') || 'no answer';
        return invariant(`${kind}: all ${count} answered ${EXPECTED_STATUS[kind]}`, got.get(EXPECTED_STATUS[kind]) === count, summary);
      });
    },
    freshnessCheck(): Check {
      const { oldestMs, resigned, sent, signedAhead } = freshness;
      return {
        kind: 'target',
        name: `every notification signed before the measured window, none older than ${FRESH_MS / 1000} s when sent`,
        pass: signedAhead && resigned === 0,
        actual: `${sent.toLocaleString('en-US')} sent, ${distinct.length.toLocaleString('en-US')} distinct${signedAhead ? ' signed ahead' : ' signed as sent'}, the oldest ${(oldestMs / 1000).toFixed(1)} s old when sent, ${resigned} signed anew while the storm ran`,
      };
    },
    async ledgerChecks(stage = 'complete') {
      const {
        rows: [campaign],
      } = await context.db.query<typeof expected>(
        `SELECT raised_fen::int AS "raisedFen", donor_count AS donors, units_raised AS units, paid_count AS gifts FROM campaigns WHERE id = $1`,
        [campaignId],
      );
      // What the campaign's totals must equal: the posted paid rows (docs/giving.md, Posting); once every
      // notification is answered, every paid row is posted.
      const {
        rows: [rows],
      } = await context.db.query<
        typeof expected & {
          paid: number;
          unposted: number;
          pending: number;
          certificates: number;
          donated: number;
          thanked: number;
          treeGaps: number;
          /** Posting transactions that numbered the gifts (a posting stamps its gifts' updated_at with its own now()). */
          postingRuns: number;
        }
      >(
        `SELECT coalesce(sum(amount_fen) FILTER (WHERE status = 'paid' AND certificate_no IS NOT NULL), 0)::int AS "raisedFen",
                count(DISTINCT alumnus_id) FILTER (WHERE status = 'paid' AND certificate_no IS NOT NULL)::int AS donors,
                coalesce(sum(units) FILTER (WHERE status = 'paid' AND certificate_no IS NOT NULL), 0)::int AS units,
                count(*) FILTER (WHERE status = 'paid' AND certificate_no IS NOT NULL)::int AS gifts,
                count(*) FILTER (WHERE status = 'paid')::int AS paid,
                count(*) FILTER (WHERE status = 'paid' AND certificate_no IS NULL)::int AS unposted,
                count(*) FILTER (WHERE status = 'pending')::int AS pending,
                count(DISTINCT certificate_no)::int AS certificates,
                count(DISTINCT updated_at) FILTER (WHERE status = 'paid' AND certificate_no IS NOT NULL)::int AS "postingRuns",
                (SELECT count(*)::int FROM interactions WHERE kind = 'giving.donated' AND subject_id = $1::text) AS donated,
                (SELECT count(*)::int FROM outbox_messages WHERE kind = 'giving.thanked' AND payload->>'campaignId' = $1::text) AS thanked,
                (SELECT count(*)::int FROM (
                   SELECT first_tree_no <> 1 + coalesce(sum(units) OVER (ORDER BY first_tree_no ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS gap
                     FROM donations WHERE campaign_id = $1::uuid AND certificate_no IS NOT NULL AND units > 0) AS trees WHERE gap) AS "treeGaps"
           FROM donations WHERE campaign_id = $1::uuid`,
        [campaignId],
      );
      const { rows: paidRows } = await context.db.query<{ outTradeNo: string }>(
        `SELECT out_trade_no AS "outTradeNo" FROM donations WHERE campaign_id = $1 AND status = 'paid'`,
        [campaignId],
      );
      const validlyPaid = new Set(paid.map((order) => order.outTradeNo));
      const wronglyPaid = paidRows.filter((row) => !validlyPaid.has(row.outTradeNo)).length;
      const complete = stage === 'complete';
      const target = complete ? expected : rows!;
      const { gifts, paid: paidCount, unposted } = rows!;
      return [
        invariant(
          `campaign totals = the ${complete ? '' : 'posted paid rows of the '}valid paid orders (${describe(target)})`,
          describe(campaign!) === describe(target) && (!complete || describe(rows!) === describe(expected)),
          describe(campaign!),
        ),
        invariant(
          complete
            ? `every validly paid order paid and posted, the ${size.unpaid} with only wrong notifications pending`
            : 'no order paid without a valid notification',
          wronglyPaid === 0 && (!complete || (paidCount === paid.length && unposted === 0 && rows!.pending === size.unpaid)),
          `${paidCount} paid (${wronglyPaid} without a valid notification, ${unposted} not yet posted), ${rows!.pending} pending`,
        ),
        invariant(
          'each paid once: one certificate, one interaction, one thank-you each; tree numbers without gaps or overlaps',
          rows!.certificates === gifts && rows!.donated === paidCount && rows!.thanked === gifts && rows!.treeGaps === 0,
          `${rows!.certificates} certificates and ${rows!.thanked} thank-yous for ${gifts} posted (in ${rows!.postingRuns} posting transactions), ${rows!.donated} interactions for ${paidCount} paid, ${rows!.treeGaps} tree gaps`,
        ),
      ];
    },
    close: () => pay.close(),
  };
}
