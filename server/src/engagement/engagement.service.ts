import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  type AlumnusEngagementDto,
  type AuthUserDto,
  CONTACT_FIELDS,
  type ContactField,
  ENGAGEMENT_THRESHOLDS,
  type EngagementSegment,
  type EngagementSettingsDto,
  INTERACTION_KINDS,
  isInteractionKind,
} from '@alumni/shared';
import { AlumniService } from '../alumni/alumni.service.js';
import { AuditService } from '../audit/audit.service.js';
import { AppError } from '../common/app-error.js';
import { JobsService } from '../jobs/jobs.service.js';
import type { UpdateEngagementSettingsDto } from './dto/engagement-settings.dto.js';
import { EngagementSettingsEntity } from './engagement-settings.entity.js';
import { EngagementWeightEntity } from './engagement-weight.entity.js';

/** One interaction row as the summaries need it. */
export interface EngagementEvent {
  alumnusId: string;
  kind: string;
  detail: Record<string, unknown>;
  occurredAt: Date;
}

/**
 * Taken shared by every `record()` before its interaction row gets an id, and exclusively for
 * the moment a half-life change starts the next generation of sums: the change then knows that
 * every row up to the id it notes as the watermark is committed and summed at the current
 * generation only, and every later row is summed by its own transaction at both.
 */
const SETTINGS_LOCK = 804_2026;

/** The statement `record()` runs (as a CTE) before inserting its row; see SETTINGS_LOCK. */
export const ACCUMULATION_LOCK_SQL = `SELECT pg_advisory_xact_lock_shared(${SETTINGS_LOCK})`;

/** The background build of a new generation of sums (a half-life change). */
const REBUILD_QUEUE = 'engagement.rebuild';
/** Alumni per build step: one short transaction each (about 100,000 interactions). */
const REBUILD_BATCH = 2000;

const DAY_SECONDS = 86_400;
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

const T = ENGAGEMENT_THRESHOLDS;

/** The first day of the month in Asia/Shanghai (fixed UTC+8), as the `date` the month rows use. */
export function shanghaiMonth(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 7) + '-01';
}

/** The decay from the reference time to `$1` (now): one factor per query, not per alumnus. */
const DECAY = `power(2::float8, -extract(epoch FROM $1::timestamptz - reference_at)::float8 / (half_life_days * ${DAY_SECONDS}.0))`;

/** Σ weight · decayed sum over kind-sum rows, weighted when read: a weight change rewrites nothing. */
const WEIGHTED_SUM = 'sum(w.weight * k.decayed_sum)';
const WEIGHTED_ROWS = `engagement_kind_sums k JOIN engagement_weights w ON w.kind = k.kind
  AND k.generation = (SELECT generation FROM engagement_settings)`;

/**
 * Per-alumnus standing at `$1` (now): the reporting facts of the alumni module joined with
 * the summary. Columns: the facts, `score`, `segment`, `engaged`, `<field>_current`,
 * `contact_updated_at`, `last_participation_at`, `last_donation_at`, `donated_fen`.
 */
function standingSql(facts: string): string {
  const since = (months: number) => `$1::timestamptz - interval '${months} months'`;
  const current = (known: string, at: string) => `coalesce(f.${known} AND e.${at} >= s.contact_since, false)`;
  return `
    SELECT f.*,
      -- A subquery, not a grouped join: a page of 20 alumni reads their rows only (an index range
      -- each), and a figure without the score reads none. Ranking everyone uses scoresQuery().
      coalesce((SELECT ${WEIGHTED_SUM} FROM ${WEIGHTED_ROWS} WHERE k.alumnus_id = f.id), 0) * s.decay AS score,
      CASE
        WHEN e.recent_participations[${T.coreParticipations}] >= ${since(T.participatingMonths)}
          OR e.recent_donations[${T.coreDonations}] >= ${since(T.coreGivingMonths)} THEN 'core'
        WHEN e.recent_participations[1] >= ${since(T.participatingMonths)} THEN 'participating'
        WHEN f.has_phone OR f.has_wechat THEN 'contacted'
        ELSE 'uncontacted'
      END AS segment,
      coalesce(e.recent_participations[1] >= ${since(T.participatingMonths)}, false) AS engaged,
      ${current('has_phone', 'phone_confirmed_at')} AS phone_current,
      ${current('has_city', 'city_confirmed_at')} AS city_current,
      ${current('has_employer', 'employer_confirmed_at')} AS employer_current,
      ${current('has_wechat', 'wechat_active_at')} AS wechat_current,
      greatest(e.phone_confirmed_at, e.city_confirmed_at, e.employer_confirmed_at) AS contact_updated_at,
      e.recent_participations[1] AS last_participation_at,
      e.recent_donations[1] AS last_donation_at,
      coalesce(e.donated_fen, 0) AS donated_fen,
      e.phone_confirmed_at, e.city_confirmed_at, e.employer_confirmed_at, e.wechat_active_at
    FROM (${facts}) f
    -- Computed once, not per alumnus: the decay from the reference time to now, and the contact window.
    CROSS JOIN (
      SELECT ${DECAY} AS decay,
             $1::timestamptz - make_interval(months => contact_current_months) AS contact_since
      FROM engagement_settings) s
    LEFT JOIN engagement_summaries e ON e.alumnus_id = f.id`;
}

/** A row of the standing query; timestamps and booleans as `pg` returns them. */
export interface StandingRow {
  id: string;
  display_name: string;
  real_name: string | null;
  graduation_year: number | null;
  department_id: string | null;
  city: string | null;
  verified_at: Date | null;
  erased: boolean;
  has_wechat: boolean;
  has_phone: boolean;
  has_city: boolean;
  has_employer: boolean;
  score: number;
  segment: EngagementSegment;
  engaged: boolean;
  phone_current: boolean;
  city_current: boolean;
  employer_current: boolean;
  wechat_current: boolean;
  contact_updated_at: Date | null;
  last_participation_at: Date | null;
  last_donation_at: Date | null;
  donated_fen: string;
  phone_confirmed_at: Date | null;
  city_confirmed_at: Date | null;
  employer_confirmed_at: Date | null;
  wechat_active_at: Date | null;
}

/** Which contact fields an interaction confirms as current. */
function confirmedContact(event: Pick<EngagementEvent, 'kind' | 'detail'>): Record<ContactField, boolean> {
  const fields = Array.isArray(event.detail['fields']) ? (event.detail['fields'] as unknown[]) : [];
  const profileChanged = (field: string) => event.kind === 'identity.profile_updated' && fields.includes(field);
  return {
    phone: event.kind === 'identity.phone_bound' || event.kind === 'offline.phone_call',
    city: profileChanged('city'),
    employer: profileChanged('employer'),
    wechat: isInteractionKind(event.kind) && INTERACTION_KINDS[event.kind].byAlumnus,
  };
}

/** A gift (+1 donation, +amount) or a refund (−amount) read from the giving rows' detail. */
function giftOf(event: Pick<EngagementEvent, 'kind' | 'detail'>): { donations: number; fen: number } {
  if (event.kind !== 'giving.donated' && event.kind !== 'giving.refunded') return { donations: 0, fen: 0 };
  const amount = event.detail['amountFen'];
  // A wrong shape is a bug in the recording module: fail its transaction rather than miscount money.
  if (typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount <= 0) {
    throw new Error(`${event.kind} needs detail.amountFen as a positive integer number of fen`);
  }
  return event.kind === 'giving.donated' ? { donations: 1, fen: amount } : { donations: 0, fen: -amount };
}

/** The arguments of `engagement_accumulate` other than the row's time, for one interaction (their types: ACCUMULATE_TYPES). */
function accumulateArguments(event: Omit<EngagementEvent, 'occurredAt'>): unknown[] {
  const participation = isInteractionKind(event.kind) && INTERACTION_KINDS[event.kind].participation;
  const gift = giftOf(event);
  const contact = confirmedContact(event);
  return [
    event.alumnusId,
    event.kind,
    participation,
    gift.donations,
    gift.fen,
    contact.phone,
    contact.city,
    contact.employer,
    contact.wechat,
    T.coreParticipations,
    T.coreDonations,
  ];
}
const ACCUMULATE_TYPES = ['uuid', 'text', 'boolean', 'int', 'bigint', 'boolean', 'boolean', 'boolean', 'boolean', 'int', 'int'];

/** The call, each argument's SQL from `argument(i)`, the row's time (`occurredAt`) third as the function takes it. */
function accumulateCall(argument: (i: number) => string, occurredAt: string): string {
  const a = ACCUMULATE_TYPES.map((_, i) => argument(i));
  return `engagement_accumulate(${a[0]}, ${a[1]}, ${occurredAt}, ${a.slice(2).join(', ')})`;
}

/**
 * Engagement: scores with time decay, segments and contact coverage, kept current by
 * `accumulate` in the transaction of every interaction row (docs/engagement.md).
 */
@Injectable()
export class EngagementService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly alumni: AlumniService,
    private readonly audit: AuditService,
    private readonly jobs: JobsService,
  ) {}

  onModuleInit(): void {
    // A build interrupted by a crash resumes from its last step when the job is retried.
    this.jobs.work(REBUILD_QUEUE, () => this.buildNextGeneration(), { retryLimit: 20, expireInSeconds: 15 * 60 });
  }

  /**
   * The call that adds one interaction row to its alumnus's sums, summary and month
   * (`engagement_accumulate`, migration 1796950000000), for the statement that inserts the row
   * to select with it: `occurredAt` is that statement's SQL for the row's time, `$first…` its
   * placeholders for `params`. The statement must hold ACCUMULATION_LOCK_SQL before it calls it;
   * the function's own query then takes its snapshot after the lock, so it sees a next generation
   * a half-life change started before the row got its id, and sums the row at both. Every kind is
   * summed, weighted or not: a weight given later counts the past rows too.
   */
  accumulation(event: Omit<EngagementEvent, 'occurredAt'>, occurredAt: string, first: number): { sql: string; params: unknown[] } {
    const p = (i: number) => `$${first + i}`;
    return { sql: accumulateCall((i) => `${p(i)}::${ACCUMULATE_TYPES[i]}`, occurredAt), params: accumulateArguments(event) };
  }

  /**
   * As `accumulation`, for the rows of one set-based insert (a batch of sign-ups): `from` unnests
   * `params` (an array per argument, an entry per event, from `$first`) into rows `alias` numbered
   * `n` from 1 in the order of `events`, and `sql` calls the function on the columns of one such row.
   */
  accumulationOfEach(
    events: Omit<EngagementEvent, 'occurredAt'>[],
    occurredAt: string,
    first: number,
    alias: string,
  ): { from: string; sql: string; params: unknown[] } {
    const rows = events.map(accumulateArguments);
    const arrays = ACCUMULATE_TYPES.map((type, i) => `$${first + i}::${type}[]`);
    const columns = ACCUMULATE_TYPES.map((_, i) => `a${i}`);
    return {
      from: `unnest(${arrays.join(', ')}) WITH ORDINALITY AS ${alias} (${columns.join(', ')}, n)`,
      sql: accumulateCall((i) => `${alias}.${columns[i]}`, occurredAt),
      params: ACCUMULATE_TYPES.map((_, i) => rows.map((row) => row[i])),
    };
  }

  /**
   * Account erasure: the alumnus's score and contact history go; their month rows stay, so
   * past months' totals do not change (they count an erased, nameless record).
   */
  async forget(manager: EntityManager, alumnusId: string): Promise<void> {
    await manager.query('DELETE FROM engagement_kind_sums WHERE alumnus_id = $1', [alumnusId]);
    await manager.query('DELETE FROM engagement_summaries WHERE alumnus_id = $1', [alumnusId]);
  }

  async settings(manager: EntityManager = this.dataSource.manager): Promise<EngagementSettingsDto> {
    const [settings, weights] = await Promise.all([
      manager.findOneByOrFail(EngagementSettingsEntity, { id: 1 }),
      manager.find(EngagementWeightEntity, { order: { kind: 'ASC' } }),
    ]);
    return {
      halfLifeDays: settings.halfLifeDays,
      pendingHalfLifeDays: settings.nextHalfLifeDays,
      contactCurrentMonths: settings.contactCurrentMonths,
      weights: weights
        .filter((w) => isInteractionKind(w.kind))
        .map((w) => ({ kind: w.kind as keyof typeof INTERACTION_KINDS, weight: w.weight })),
      updatedAt: settings.updatedAt.toISOString(),
    };
  }

  /**
   * Replaces the weights and settings in one transaction: readers see the old scores until it
   * commits, then the new ones.
   */
  async updateSettings(user: AuthUserDto, dto: UpdateEngagementSettingsDto): Promise<EngagementSettingsDto> {
    const unknown = dto.weights.filter((w) => !isInteractionKind(w.kind));
    if (unknown.length > 0) {
      throw new AppError(
        'ENGAGEMENT_KIND_UNKNOWN',
        unknown.map((w) => ({ field: 'weights', issue: `${w.kind} is not an interaction kind` })),
      );
    }
    const kinds = dto.weights.map((w) => w.kind);
    const repeated = kinds.filter((kind, i) => kinds.indexOf(kind) !== i);
    if (repeated.length > 0) {
      throw new AppError(
        'ENGAGEMENT_WEIGHT_DUPLICATE',
        [...new Set(repeated)].map((kind) => ({ field: 'weights', issue: `${kind} is listed more than once` })),
      );
    }
    await this.dataSource.transaction((manager) => this.applySettings(manager, user, dto));
    return this.settings();
  }

  /**
   * The writes of `updateSettings`, in the caller's transaction. Weights are applied when scores
   * are read, so a weight or contact-window change writes only the settings: it neither waits for
   * nor holds up `record()`. A half-life change starts the next generation of sums, built in the
   * background; scores switch to it when it is complete.
   */
  async applySettings(manager: EntityManager, user: AuthUserDto, dto: UpdateEngagementSettingsDto): Promise<void> {
    // Serialises concurrent changes (both would replace the same weight rows); `record()` only
    // reads this row, so it does not wait for the lock.
    await manager.query('SELECT 1 FROM engagement_settings WHERE id = 1 FOR UPDATE');
    const before = await this.settings(manager);
    const row = await manager.findOneByOrFail(EngagementSettingsEntity, { id: 1 });
    await manager.query('DELETE FROM engagement_weights');
    const weights = dto.weights.filter((w) => w.weight !== 0);
    if (weights.length > 0) await manager.insert(EngagementWeightEntity, weights);
    const [{ now }] = (await manager.query(`SELECT date_trunc('milliseconds', now()) AS now`)) as { now: Date }[];
    await manager.update(
      EngagementSettingsEntity,
      { id: 1 },
      {
        contactCurrentMonths: dto.contactCurrentMonths,
        updatedAt: now,
        ...(await this.nextGenerationFor(manager, row, dto.halfLifeDays, now)),
      },
    );
    await this.audit.record(manager, {
      actorId: user.id,
      action: 'engagement.settings_updated',
      subjectType: 'engagement_settings',
      before: {
        halfLifeDays: before.pendingHalfLifeDays ?? before.halfLifeDays,
        contactCurrentMonths: before.contactCurrentMonths,
        weights: before.weights,
      },
      after: { halfLifeDays: dto.halfLifeDays, contactCurrentMonths: dto.contactCurrentMonths, weights },
    });
  }

  /**
   * The settings columns for a requested half-life: unchanged when it is the one in force or
   * being built; back to none when it returns to the one in force; otherwise a new generation
   * (replacing any unfinished one), with its build queued in the caller's transaction.
   */
  private async nextGenerationFor(
    manager: EntityManager,
    row: EngagementSettingsEntity,
    halfLifeDays: number,
    now: Date,
  ): Promise<Partial<EngagementSettingsEntity>> {
    if (halfLifeDays === (row.nextHalfLifeDays ?? row.halfLifeDays)) return {};
    const none = { nextGeneration: null, nextHalfLifeDays: null, nextReferenceAt: null, nextWatermark: null, nextBuiltThrough: null };
    // The build also clears away the rows of an abandoned generation.
    await this.jobs.send(REBUILD_QUEUE, {}, { manager });
    if (halfLifeDays === row.halfLifeDays) return none;
    // Waits only for the `record()` transactions in flight (milliseconds) and holds new ones for
    // the rest of this transaction: the watermark then splits the log exactly (SETTINGS_LOCK).
    await manager.query(`SELECT pg_advisory_xact_lock(${SETTINGS_LOCK})`);
    const [{ watermark }] = (await manager.query(
      `SELECT coalesce(pg_sequence_last_value(pg_get_serial_sequence('interactions', 'id')::regclass), 0) AS watermark`,
    )) as { watermark: string }[];
    const generation = row.lastGeneration + 1;
    return {
      ...none,
      lastGeneration: generation,
      nextGeneration: generation,
      nextHalfLifeDays: halfLifeDays,
      // The new sums are stored at a new reference time, so they stay near their real size.
      nextReferenceAt: now,
      nextWatermark: watermark,
    };
  }

  /**
   * Builds the next generation of sums from the log up to its watermark, a batch of alumni per
   * short transaction (writers wait for a batch at most, and only for the alumni in it), then
   * makes it current and deletes the rows of older or abandoned generations.
   */
  async buildNextGeneration(): Promise<void> {
    while (await this.dataSource.transaction((manager) => this.buildStep(manager))) {
      // Each step commits on its own; a new half-life requested meanwhile restarts from the first alumnus.
    }
    await this.dataSource.query(
      `DELETE FROM engagement_kind_sums k USING engagement_settings s
       WHERE k.generation <> s.generation AND k.generation <= s.last_generation AND k.generation IS DISTINCT FROM s.next_generation`,
    );
  }

  /** One batch of the build; false when there is nothing left to build. */
  private async buildStep(manager: EntityManager): Promise<boolean> {
    const row = await manager
      .createQueryBuilder(EngagementSettingsEntity, 's')
      .setLock('pessimistic_write')
      .where('s.id = 1')
      .getOneOrFail();
    if (row.nextGeneration === null) return false;
    const from = row.nextBuiltThrough ?? '00000000-0000-0000-0000-000000000000';
    const [bound] = (await manager.query(
      'SELECT alumnus_id FROM engagement_summaries WHERE alumnus_id > $1 ORDER BY alumnus_id OFFSET $2 LIMIT 1',
      [from, REBUILD_BATCH - 1],
    )) as { alumnus_id: string }[];
    const through = bound?.alumnus_id ?? 'ffffffff-ffff-ffff-ffff-ffffffffffff';
    await manager.query(
      `INSERT INTO engagement_kind_sums AS k (alumnus_id, generation, kind, decayed_sum)
       SELECT i.alumnus_id, $3, i.kind,
              sum(power(2::float8, extract(epoch FROM i.occurred_at - $4::timestamptz)::float8 / ($5 * ${DAY_SECONDS}.0)))
       FROM interactions i
       WHERE i.alumnus_id > $1 AND i.alumnus_id <= $2 AND i.id <= $6
       GROUP BY i.alumnus_id, i.kind
       ON CONFLICT (alumnus_id, generation, kind) DO UPDATE SET decayed_sum = k.decayed_sum + EXCLUDED.decayed_sum`,
      [from, through, row.nextGeneration, row.nextReferenceAt, row.nextHalfLifeDays, row.nextWatermark],
    );
    const done = bound === undefined;
    await manager.update(
      EngagementSettingsEntity,
      { id: 1 },
      done
        ? {
            generation: row.nextGeneration,
            halfLifeDays: row.nextHalfLifeDays!,
            referenceAt: row.nextReferenceAt!,
            nextGeneration: null,
            nextHalfLifeDays: null,
            nextReferenceAt: null,
            nextWatermark: null,
            nextBuiltThrough: null,
          }
        : { nextBuiltThrough: through },
    );
    return !done;
  }

  /** The standing of every alumnus as a subquery taking `$1` = now; see `standingSql`. */
  standingQuery(): string {
    return standingSql(this.alumni.reportingFacts().getQuery());
  }

  /**
   * `(alumnus_id, score)` at `$1` (now) of every alumnus with a score, in one grouped pass over
   * the kind sums: for ranking everyone, where a subquery per alumnus would cost more.
   */
  scoresQuery(): string {
    return `SELECT x.alumnus_id, x.base * s.decay AS score
            FROM (SELECT k.alumnus_id, ${WEIGHTED_SUM} AS base FROM ${WEIGHTED_ROWS} GROUP BY k.alumnus_id) x
            CROSS JOIN (SELECT ${DECAY} AS decay FROM engagement_settings) s`;
  }

  /**
   * Runs a report over the standing in a transaction of its own with JIT compilation off:
   * on these whole-table scans compiling cost more (≈ 1.2 s measured) than running the query.
   */
  report<T>(sql: string, params: unknown[]): Promise<T[]> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SET LOCAL jit = off');
      return (await manager.query(sql, params)) as T[];
    });
  }

  /** Score, segment and contact coverage of one non-erased alumnus. */
  async forAlumnus(alumnusId: string): Promise<AlumnusEngagementDto> {
    const rows: StandingRow[] = await this.dataSource.query(
      `SELECT * FROM (${this.standingQuery()}) st WHERE st.id = $2 AND NOT st.erased`,
      [new Date(), alumnusId],
    );
    const row = rows[0];
    if (!row) throw new AppError('ALUMNUS_NOT_FOUND');
    const known: Record<ContactField, boolean> = {
      phone: row.has_phone,
      city: row.has_city,
      employer: row.has_employer,
      wechat: row.has_wechat,
    };
    const current: Record<ContactField, boolean> = {
      phone: row.phone_current,
      city: row.city_current,
      employer: row.employer_current,
      wechat: row.wechat_current,
    };
    const confirmedAt: Record<ContactField, Date | null> = {
      phone: row.phone_confirmed_at,
      city: row.city_confirmed_at,
      employer: row.employer_confirmed_at,
      wechat: row.wechat_active_at,
    };
    return {
      alumnusId: row.id,
      score: roundScore(row.score),
      segment: row.segment,
      lastParticipationAt: row.last_participation_at?.toISOString() ?? null,
      lastDonationAt: row.last_donation_at?.toISOString() ?? null,
      contact: Object.fromEntries(
        CONTACT_FIELDS.map((field) => [
          field,
          { known: known[field], current: current[field], confirmedAt: confirmedAt[field]?.toISOString() ?? null },
        ]),
      ) as AlumnusEngagementDto['contact'],
    };
  }
}

export function roundScore(score: number): number {
  return Math.round(score * 100) / 100;
}
