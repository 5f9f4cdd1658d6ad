import { faker } from '@faker-js/faker/locale/zh_CN';
import type { EntityManager } from 'typeorm';
import type { AlumnusEntity } from '../../alumni/alumnus.entity.js';
import { AuditEntryEntity } from '../../audit/audit-entry.entity.js';
import { CampaignEntity } from '../../giving/campaign.entity.js';
import { certificateNo, firstTreeNo, outTradeNo } from '../../giving/donation-numbers.js';
import type { DonationEntity } from '../../giving/donation.entity.js';
import { DonationRefundEntity } from '../../giving/donation-refund.entity.js';
import { GivingPreferenceEntity } from '../../giving/giving-preference.entity.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const MINUTE_MS = 60 * 1000;
/** Mirrors the order's 30-minute payment window. */
const ORDER_TTL_MS = 30 * MINUTE_MS;
/**
 * Seeded gifts are at least this old: the daily reconciliation checks yesterday against
 * WeChat Pay's bill, and the fake's bill knows nothing of seeded orders.
 */
const SETTLED_DAYS = 2;

export type DriveKey = 'trees' | 'aid' | 'scholarship' | 'library' | 'trees2025';

interface DriveSpec {
  /** Alumni giving at random, besides the demo accounts and classmates named below. */
  donors: number;
  /** Amounts in fen to draw from; sapling drives draw units instead. */
  amountsFen?: number[];
  units?: number[];
  /** A drive that reached its total: the units add up to exactly this. */
  totalUnits?: number;
}

const DRIVES: Record<DriveKey, DriveSpec> = {
  trees: { donors: 120, units: [1, 1, 1, 2, 2, 3, 5, 10] },
  aid: { donors: 150, amountsFen: [2000, 5000, 5000, 8800, 10000, 10000, 10000, 16600, 20000, 20000, 50000, 100000] },
  scholarship: { donors: 45, amountsFen: [10000, 20000, 50000, 50000, 66600, 100000, 200000, 500000] },
  library: { donors: 32, amountsFen: [2000, 3000, 5000, 5000, 6600, 10000, 20000] },
  trees2025: { donors: 170, units: [1, 2, 3, 5, 5, 10, 10, 20], totalUnits: 1200 },
};

const MESSAGES = [
  '祝母校越来越好！',
  '饮水思源，感恩母校。',
  '一点心意，愿学弟学妹安心求学。',
  '为母校添一抹绿。',
  '当年受过助学金的帮助，现在轮到我了。',
  '毕业十年，常回来看看。',
  '明德笃学，求是创新。',
  '愿每个孩子都不因家境而放弃学业。',
  '代表全班同学，祝江院生日快乐！',
  '书香满园，薪火相传。',
  '感谢老师们当年的教诲。',
  '青春在这里，根也在这里。',
];

/** What a demo account gave, so "my giving" of every demo account has something to show. */
interface NamedGift {
  who: number;
  drive: DriveKey;
  amountFen?: number;
  units?: number;
  anonymous?: boolean;
  hideAmount?: boolean;
  message?: string;
}

/** Indexes into `alumni`: 0–4 are o_demo_001…005, 5 is the staff admin. */
const DEMO_GIFTS: NamedGift[] = [
  { who: 0, drive: 'trees', units: 5, message: '为母校添一抹绿。' },
  { who: 0, drive: 'aid', amountFen: 20000, message: '饮水思源，感恩母校。' },
  { who: 0, drive: 'trees2025', units: 2 },
  { who: 1, drive: 'aid', amountFen: 50000, anonymous: true, message: '愿每个孩子都不因家境而放弃学业。' },
  { who: 1, drive: 'scholarship', amountFen: 100000, hideAmount: true },
  { who: 2, drive: 'library', amountFen: 10000, message: '书香满园，薪火相传。' },
  { who: 2, drive: 'trees', units: 1, anonymous: true, hideAmount: true },
  { who: 3, drive: 'scholarship', amountFen: 30000 },
  { who: 3, drive: 'aid', amountFen: 5000 },
  { who: 3, drive: 'aid', amountFen: 5000, message: '再捐一份。' },
  { who: 4, drive: 'trees2025', units: 10, message: '青春在这里，根也在这里。' },
  { who: 4, drive: 'library', amountFen: 6666 },
  { who: 5, drive: 'aid', amountFen: 100000 },
];
/** Demo accounts on the honour roll (opted in); random donors opt in too. */
const DEMO_ON_ROLL = [0, 1, 3];
const ROLL_SHARE = 0.25;

interface Gift {
  alumnus: AlumnusEntity;
  amountFen: number;
  units: number;
  anonymous: boolean;
  hideAmount: boolean;
  message: string;
  paidAt: Date;
  refund?: { amountFen: number; reason: string };
}

export interface DemoGiving {
  alumni: AlumnusEntity[];
  /** The first demo account's classmates: they give to the student-aid fund, for the class leaderboard. */
  classmates: AlumnusEntity[];
  drives: Record<DriveKey, CampaignEntity>;
  now: Date;
}

/**
 * Paid gifts behind every demo campaign, numbered the way the ledger numbers them
 * (certificates, trees in payment order), with the campaign totals taken from the gifts, two
 * refunds (one partial, one in full, with their audit entries) and honour-roll choices.
 * Deterministic: draws from the seeded faker after everything else.
 */
export async function seedDemoGiving(manager: EntityManager, { alumni, classmates, drives, now }: DemoGiving): Promise<void> {
  const staff = alumni[5]!;
  const pool = [...alumni.slice(6), ...classmates];
  const openids = new Map(pool.map((a, i) => [a.id, `o_seed_${String(i + 1).padStart(4, '0')}`]));
  const donorsOnRoll = new Set(DEMO_ON_ROLL.map((i) => alumni[i]!.id));
  const donations: DonationRow[] = [];
  const refunds: { gift: Gift; outTradeNo: string }[] = [];

  for (const [key, spec] of Object.entries(DRIVES) as [DriveKey, DriveSpec][]) {
    const campaign = drives[key];
    const from = campaign.startsAt;
    const until = new Date(Math.min((campaign.endsAt ?? now).getTime(), now.getTime() - SETTLED_DAYS * DAY_MS));
    const gift = (alumnus: AlumnusEntity, values: Partial<Gift> = {}): Gift => {
      const units = values.units ?? (spec.units ? faker.helpers.arrayElement(spec.units) : 0);
      return {
        alumnus,
        units,
        amountFen: values.amountFen ?? (spec.amountsFen ? faker.helpers.arrayElement(spec.amountsFen) : units * campaign.unitPriceFen!),
        anonymous: values.anonymous ?? faker.datatype.boolean(0.15),
        hideAmount: values.hideAmount ?? faker.datatype.boolean(0.12),
        message: values.message ?? (faker.datatype.boolean(0.45) ? faker.helpers.arrayElement(MESSAGES) : ''),
        paidAt: faker.date.between({ from, to: until }),
      };
    };
    const named = DEMO_GIFTS.filter((g) => g.drive === key).map(({ who, drive: _drive, ...g }) =>
      gift(alumni[who]!, { anonymous: false, hideAmount: false, message: '', ...g, units: g.units ?? 0 }),
    );
    // Six of the seven in the first demo account's class give to student aid; the seventh does not.
    const fellows = key === 'aid' ? classmates.slice(0, -1).map((a) => gift(a)) : [];
    const others = faker.helpers.arrayElements(key === 'aid' ? pool.filter((a) => !classmates.includes(a)) : pool, spec.donors);
    const random = others.map((a) => gift(a));
    // Some give twice.
    const again = faker.helpers.arrayElements(others, Math.round(others.length * 0.08)).map((a) => gift(a));
    if (spec.totalUnits !== undefined)
      fitUnits([...random, ...again], spec.totalUnits - [...named, ...random, ...again].reduce((total, g) => total + g.units, 0), campaign);
    const gifts = [...named, ...fellows, ...random, ...again].sort((a, b) => a.paidAt.getTime() - b.paidAt.getTime());
    if (key === 'aid') refundTwo(random);
    for (const g of random) if (faker.datatype.boolean(ROLL_SHARE)) donorsOnRoll.add(g.alumnus.id);

    let unitsRaised = 0;
    const rows = gifts.map((g, index): DonationRow => {
      const createdAt = new Date(g.paidAt.getTime() - faker.number.int({ min: 10_000, max: 5 * MINUTE_MS }));
      const first = firstTreeNo(campaign.kind, unitsRaised, g.units);
      unitsRaised += g.units;
      const refundedFen = g.refund?.amountFen ?? 0;
      return {
        campaignId: campaign.id,
        alumnusId: g.alumnus.id,
        outTradeNo: outTradeNo(createdAt, faker.string.hexadecimal({ length: 20, prefix: '' })),
        amountFen: g.amountFen,
        refundedFen,
        units: g.units,
        message: g.message,
        anonymous: g.anonymous,
        hideAmount: g.hideAmount,
        status: refundedFen === g.amountFen ? ('refunded' as const) : ('paid' as const),
        payerOpenid: g.alumnus.openid ?? openids.get(g.alumnus.id)!,
        expiresAt: new Date(createdAt.getTime() + ORDER_TTL_MS),
        transactionId: `4200002${beijingDate(g.paidAt)}${faker.string.numeric(13)}`,
        paidAt: g.paidAt,
        certificateNo: certificateNo(campaign.id, index + 1),
        firstTreeNo: first,
        createdAt,
        updatedAt: g.refund ? refundedAt(g) : g.paidAt,
      };
    });
    donations.push(...rows);
    gifts.forEach((g, index) => {
      if (g.refund) refunds.push({ gift: g, outTradeNo: rows[index]!.outTradeNo });
    });
    // The ledger's totals of these gifts: paid minus refunded; donors and units of gifts not refunded in full.
    const kept = rows.filter((r) => r.status === 'paid');
    await manager.update(
      CampaignEntity,
      { id: campaign.id },
      {
        raisedFen: rows.reduce((total, r) => total + r.amountFen - r.refundedFen, 0),
        donorCount: new Set(kept.map((r) => r.alumnusId)).size,
        unitsRaised: kept.reduce((total, r) => total + r.units, 0),
        paidCount: rows.length,
        lastTreeNo: campaign.kind === 'sapling' ? unitsRaised : 0,
      },
    );
  }
  const ids = await insertDonations(manager, donations);
  const refundRows = refunds.map(({ gift, outTradeNo: no }) => {
    const at = refundedAt(gift);
    return {
      donationId: ids.get(no)!,
      outRefundNo: `${no}R1`,
      amountFen: gift.refund!.amountFen,
      reason: gift.refund!.reason,
      status: 'succeeded' as const,
      refundId: `50300${faker.string.numeric(24)}`,
      requestedBy: staff.id,
      settledAt: new Date(at.getTime() + MINUTE_MS),
      createdAt: at,
      updatedAt: new Date(at.getTime() + MINUTE_MS),
    };
  });
  const saved = await manager.insert(DonationRefundEntity, refundRows);
  await manager.save(
    AuditEntryEntity,
    refundRows.map((r, i) =>
      manager.create(AuditEntryEntity, {
        actorId: staff.id,
        action: 'donation.refund_requested',
        subjectType: 'donation',
        subjectId: r.donationId,
        after: { refundId: saved.identifiers[i]!.id, outRefundNo: r.outRefundNo, amountFen: r.amountFen, reason: r.reason },
        occurredAt: r.createdAt,
      }),
    ),
  );
  await manager.insert(
    GivingPreferenceEntity,
    [...donorsOnRoll].map((alumnusId) => ({ alumnusId, honourRoll: true })),
  );
}

type DonationRow = Pick<
  DonationEntity,
  | 'campaignId'
  | 'alumnusId'
  | 'outTradeNo'
  | 'amountFen'
  | 'refundedFen'
  | 'units'
  | 'message'
  | 'anonymous'
  | 'hideAmount'
  | 'status'
  | 'payerOpenid'
  | 'expiresAt'
  | 'transactionId'
  | 'paidAt'
  | 'certificateNo'
  | 'firstTreeNo'
  | 'createdAt'
  | 'updatedAt'
>;

/**
 * Every gift in one statement from one JSON parameter: several times faster than a
 * many-parameter insert on the embedded engine. Answers the ids by out_trade_no.
 */
async function insertDonations(manager: EntityManager, rows: DonationRow[]): Promise<Map<string, string>> {
  const inserted: { id: string; out_trade_no: string }[] = await manager.query(
    `INSERT INTO donations (campaign_id, alumnus_id, out_trade_no, amount_fen, refunded_fen, units, message, anonymous, hide_amount,
                            status, payer_openid, expires_at, transaction_id, paid_at, certificate_no, first_tree_no, created_at, updated_at)
     SELECT "campaignId", "alumnusId", "outTradeNo", "amountFen", "refundedFen", units, message, anonymous, "hideAmount",
            status, "payerOpenid", "expiresAt", "transactionId", "paidAt", "certificateNo", "firstTreeNo", "createdAt", "updatedAt"
       FROM jsonb_to_recordset($1::jsonb) AS r("campaignId" uuid, "alumnusId" uuid, "outTradeNo" text, "amountFen" bigint,
            "refundedFen" bigint, units int, message text, anonymous boolean, "hideAmount" boolean, status text, "payerOpenid" text,
            "expiresAt" timestamptz, "transactionId" text, "paidAt" timestamptz, "certificateNo" text, "firstTreeNo" int,
            "createdAt" timestamptz, "updatedAt" timestamptz)
     RETURNING id, out_trade_no`,
    [JSON.stringify(rows)],
  );
  return new Map(inserted.map((r) => [r.out_trade_no, r.id]));
}

/** Adds `diff` units (or takes them away) over the random gifts, latest drawn first, keeping each at one unit or more. */
function fitUnits(gifts: Gift[], diff: number, campaign: CampaignEntity): void {
  let left = diff;
  for (const g of [...gifts].reverse()) {
    if (left === 0) break;
    const units = Math.max(1, g.units + left);
    left -= units - g.units;
    g.units = units;
    g.amountFen = units * campaign.unitPriceFen!;
  }
}

/** One gift refunded in part, one in full (gifts of ¥50 or more). */
function refundTwo(gifts: Gift[]): void {
  const [partly, fully] = faker.helpers.arrayElements(
    gifts.filter((g) => g.amountFen >= 5000),
    2,
  ) as [Gift, Gift];
  partly.refund = { amountFen: partly.amountFen / 2, reason: '误多捐一份，按校友申请退回一半' };
  fully.refund = { amountFen: fully.amountFen, reason: '重复支付，按校友申请全额退款' };
}

const refundedAt = (g: Gift) => new Date(g.paidAt.getTime() + DAY_MS);

/** yyyymmdd in Beijing time, as WeChat Pay's transaction ids carry it. */
const beijingDate = (at: Date) => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10).replace(/-/g, '');
