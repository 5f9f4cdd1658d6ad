import type pg from 'pg';
import type { GivingDayLiveDto } from '@alumni/shared';
import { type Check, invariant, type Scenario } from '../scenario.js';
import { prepareStorm, type StormSize, stormDeliveries } from '../storm.js';

/** Smaller than issue 7's storm: the day's checks read every paid row three ways. */
const SIZE: StormSize = { orders: 1200, unpaid: 100, copies: 4, wrongForPaid: 300, unknown: 100 };
const WARM_UP: StormSize = { orders: 60, unpaid: 5, copies: 2, wrongForPaid: 10, unknown: 5 };
const CONNECTIONS = 200;
/** 1:1 up to ¥2,000: the storm's gifts (a sapling drive, ¥350 on average) reach it within the first few gifts posted, so nearly the whole storm posts past the cap. */
const CAP_FEN = 200_000;
/** The donor-count challenge: unlocked well before the storm ends. */
const DONOR_TARGET = 300;
const BONUS_FEN = 5_000_000;
const CLASSES = 12;

/**
 * Issue 22's storm: the notification storm of issue 7 on a giving day. The drive has a
 * sponsor's 1:1 match with a cap and is the day's campaign, with a donor-count challenge and
 * a class competition; its donors are spread over twelve classes. Invariants, exact: the
 * storm's own (each paid once, totals), the match (≤ cap, reached, equal to the matched
 * amounts of the paid gifts and to the match rows), and the day's page as each instance
 * serves it (totals and every class line equal to the paid rows, the challenge unlocked and
 * its bonus counted once).
 */
export const givingDayStorm: Scenario = {
  name: 'giving-day-storm',
  summary: `${SIZE.orders.toLocaleString('en-US')} orders paid by ${stormDeliveries(SIZE).toLocaleString('en-US')} concurrent notifications on a giving day (1:1 match up to ¥${CAP_FEN / 100}, a ${DONOR_TARGET}-donor challenge, a class board)`,
  unit: 'notifications',
  shape: { connections: CONNECTIONS, amount: stormDeliveries(SIZE) },
  expectsRefusals: true,
  async prepare(context) {
    const warmUp = await prepareStorm(context, 'daywarmup', WARM_UP);
    const storm = await prepareStorm(context, 'day', SIZE);
    const setup = await setUpDay(context.db, storm.campaignId);
    return {
      request: storm.request(),
      async warmUp() {
        warmUp.signAhead();
        await context.drive(warmUp.request(), { connections: 50, amount: warmUp.deliveries.length });
        await warmUp.close();
      },
      beforeMeasure: () => storm.signAhead(),
      async verify() {
        await storm.close();
        return [
          ...storm.answerChecks(),
          storm.freshnessCheck(),
          ...(await storm.ledgerChecks()),
          ...(await matchChecks(context.db, storm.campaignId, setup.matchId)),
          ...(await dayChecks(context.db, context.urls ?? [], setup.dayId, storm.campaignId)),
        ];
      },
    };
  },
};

/** The match, the day and the donors' classes, written as staff and the roster would leave them. */
async function setUpDay(db: pg.Pool, campaignId: string): Promise<{ matchId: string; dayId: string }> {
  const hour = 3600_000;
  const {
    rows: [match],
  } = await db.query<{ id: string }>(
    `INSERT INTO campaign_matches (campaign_id, sponsor_kind, sponsor_name, ratio_percent, cap_fen, starts_at, ends_at)
     VALUES ($1, 'company', '压测配捐方', 100, $2, $3, $4) RETURNING id`,
    [campaignId, CAP_FEN, new Date(Date.now() - hour), new Date(Date.now() + 6 * hour)],
  );
  const {
    rows: [department],
  } = await db.query<{ id: string }>(`INSERT INTO departments (name) VALUES ('压测捐赠日学院') RETURNING id`);
  // Every donor of the drive into one of twelve classes (by a hash of the id, so a run is replayable).
  await db.query(
    `UPDATE alumni SET graduation_year = 2010 + abs(hashtext(id::text)) % 3, department_id = $2,
            class_name = '压测' || (abs(hashtext(id::text || 'c')) % ${CLASSES / 3}) || '班'
      WHERE id IN (SELECT alumnus_id FROM donations WHERE campaign_id = $1)`,
    [campaignId, department!.id],
  );
  const challenges = [
    {
      id: '00000000-0000-4000-8000-00000000d001',
      kind: 'donor_unlock',
      title: `${DONOR_TARGET} 位校友参与，解锁配捐`,
      metric: 'donors',
      donorTarget: DONOR_TARGET,
      bonusFen: BONUS_FEN,
      sponsorName: '压测基金会',
    },
    {
      id: '00000000-0000-4000-8000-00000000d002',
      kind: 'class_competition',
      title: '班级参与人数挑战',
      metric: 'donors',
      donorTarget: null,
      bonusFen: null,
      sponsorName: null,
    },
  ];
  const {
    rows: [day],
  } = await db.query<{ id: string }>(
    `INSERT INTO giving_days (title, status, starts_at, ends_at, goal_fen, campaign_ids, challenges)
     VALUES ('压测捐赠日', 'published', $1, $2, 100000000, $3::uuid[], $4::jsonb) RETURNING id`,
    [new Date(Date.now() - hour), new Date(Date.now() + 6 * hour), [campaignId], JSON.stringify(challenges)],
  );
  return { matchId: match!.id, dayId: day!.id };
}

async function matchChecks(db: pg.Pool, campaignId: string, matchId: string): Promise<Check[]> {
  const {
    rows: [m],
  } = await db.query<{ matched: number; cap: number; gifts: number; rows: number; campaign: number; matchedGifts: number }>(
    `SELECT m.matched_fen::int AS matched, m.cap_fen::int AS cap,
            (SELECT coalesce(sum(matched_fen), 0)::int FROM donations WHERE campaign_id = $1 AND status = 'paid') AS gifts,
            (SELECT coalesce(sum(matched_fen), 0)::int FROM donation_matches WHERE match_id = $2) AS rows,
            (SELECT matched_fen::int FROM campaigns WHERE id = $1) AS campaign,
            (SELECT count(*)::int FROM donations WHERE campaign_id = $1 AND matched_fen > 0) AS "matchedGifts"
       FROM campaign_matches m WHERE m.id = $2`,
    [campaignId, matchId],
  );
  const figures = `matched ¥${m!.matched / 100} of ¥${m!.cap / 100}; paid gifts' matched ¥${m!.gifts / 100}, match rows ¥${m!.rows / 100}, campaign ¥${m!.campaign / 100}; ${m!.matchedGifts} gifts matched`;
  return [
    invariant('the 1:1 match stops exactly at its cap (reached, never passed)', m!.matched === m!.cap, figures),
    invariant(
      "matched total = the paid gifts' matched amounts = the match rows = the campaign's",
      m!.matched === m!.gifts && m!.gifts === m!.rows && m!.rows === m!.campaign,
      figures,
    ),
  ];
}

/** The day's page as every instance serves it, against the paid rows (its cache may trail the last posting by a moment). */
async function dayChecks(db: pg.Pool, urls: readonly string[], dayId: string, campaignId: string): Promise<Check[]> {
  const {
    rows: [paid],
  } = await db.query<{ raised: number; matched: number; donors: number; gifts: number }>(
    `SELECT coalesce(sum(amount_fen - refunded_fen), 0)::int AS raised, coalesce(sum(matched_fen), 0)::int AS matched,
            count(DISTINCT alumnus_id)::int AS donors, count(*)::int AS gifts
       FROM donations WHERE campaign_id = $1 AND status = 'paid' AND certificate_no IS NOT NULL`,
    [campaignId],
  );
  const { rows: classes } = await db.query<{ name: string; donors: number }>(
    `SELECT a.graduation_year || ' 届 ' || a.class_name AS name, count(DISTINCT d.alumnus_id)::int AS donors
       FROM donations d JOIN alumni a ON a.id = d.alumnus_id
      WHERE d.campaign_id = $1 AND d.status = 'paid' AND d.certificate_no IS NOT NULL
      GROUP BY 1`,
    [campaignId],
  );
  const expected = new Map(classes.map((c) => [c.name, c.donors]));
  const checks: Check[] = [];
  if (urls.length === 0) return [invariant("the giving day's page read from each instance", false, 'no instance URLs')];
  for (const [i, url] of urls.entries()) {
    const view = await settled(`${url}/api/v1/giving-days/${dayId}`, paid!.gifts);
    const at = `instance ${i + 1}`;
    if (!view) {
      checks.push(invariant(`${at}: the day's page answers`, false, 'no answer with every gift within 15 s'));
      continue;
    }
    const t = view.totals;
    checks.push(
      invariant(
        `${at}: the day's totals = the paid rows (¥${paid!.raised / 100} raised, ¥${paid!.matched / 100} matched, ${paid!.donors} donors, ${paid!.gifts} gifts)`,
        t.raisedFen === paid!.raised && t.matchedFen === paid!.matched && t.donors === paid!.donors && t.gifts === paid!.gifts,
        `¥${t.raisedFen / 100} raised, ¥${t.matchedFen / 100} matched, ${t.donors} donors, ${t.gifts} gifts`,
      ),
    );
    const wrong = view.classBoard.entries.filter((e) => expected.get(e.name) !== e.donors);
    checks.push(
      invariant(
        `${at}: every class line = its paid rows' donors`,
        view.classBoard.entries.length > 0 && wrong.length === 0,
        `${view.classBoard.entries.length} lines, ${wrong.length} wrong${wrong.length ? ` (${wrong.map((e) => `${e.name} ${e.donors}≠${expected.get(e.name)}`).join(', ')})` : ''}`,
      ),
    );
    const unlocks = view.challenges.filter((c) => c.kind === 'donor_unlock');
    checks.push(
      invariant(
        `${at}: the ${DONOR_TARGET}-donor challenge unlocked once: its bonus counted once`,
        unlocks.length === 1 && unlocks[0]!.unlocked && unlocks[0]!.progress === paid!.donors && t.bonusFen === BONUS_FEN,
        `${unlocks.length} unlock challenge(s), unlocked ${String(unlocks[0]?.unlocked)}, progress ${unlocks[0]?.progress}, bonus ¥${t.bonusFen / 100}`,
      ),
    );
  }
  return checks;
}

/** The page once it counts every posted gift (the cache is dropped by the last posting; a moment's lag is allowed). */
async function settled(url: string, gifts: number): Promise<GivingDayLiveDto | null> {
  let last: GivingDayLiveDto | null = null;
  for (let i = 0; i < 30; i++) {
    const res = await fetch(url);
    if (res.ok) {
      last = (await res.json()) as GivingDayLiveDto;
      if (last.totals.gifts === gifts) return last;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return last;
}
