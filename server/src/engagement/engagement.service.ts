import { Injectable } from '@nestjs/common';
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
 * Taken shared by every accumulation and exclusively by a recomputation, so no row is
 * added with the old settings to scores rebuilt with the new ones.
 */
const SETTINGS_LOCK = 804_2026;

const DAY_SECONDS = 86_400;
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

const T = ENGAGEMENT_THRESHOLDS;

/** The first day of the month in Asia/Shanghai (fixed UTC+8), as the `date` the month rows use. */
export function shanghaiMonth(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 7) + '-01';
}

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
      coalesce(e.score_base, 0) * s.decay AS score,
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
      SELECT power(2::float8, -extract(epoch FROM $1::timestamptz - reference_at)::float8 / (half_life_days * ${DAY_SECONDS}.0)) AS decay,
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
function confirmedContact(event: EngagementEvent): Record<ContactField, boolean> {
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
function giftOf(event: EngagementEvent): { donations: number; fen: number } {
  if (event.kind !== 'giving.donated' && event.kind !== 'giving.refunded') return { donations: 0, fen: 0 };
  const amount = event.detail['amountFen'];
  // A wrong shape is a bug in the recording module: fail its transaction rather than miscount money.
  if (typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount <= 0) {
    throw new Error(`${event.kind} needs detail.amountFen as a positive integer number of fen`);
  }
  return event.kind === 'giving.donated' ? { donations: 1, fen: amount } : { donations: 0, fen: -amount };
}

/**
 * Engagement: scores with time decay, segments and contact coverage, kept current by
 * `accumulate` in the transaction of every interaction row (docs/engagement.md).
 */
@Injectable()
export class EngagementService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly alumni: AlumniService,
    private readonly audit: AuditService,
  ) {}

  /** Adds one interaction to its alumnus's summary and month, in the caller's transaction. */
  async accumulate(manager: EntityManager, event: EngagementEvent): Promise<void> {
    const participation = isInteractionKind(event.kind) && INTERACTION_KINDS[event.kind].participation;
    const gift = giftOf(event);
    const contact = confirmedContact(event);
    const at = (confirmed: boolean) => (confirmed ? event.occurredAt : null);
    await manager.query(
      `WITH locked AS (SELECT pg_advisory_xact_lock_shared(${SETTINGS_LOCK})),
            s AS (SELECT half_life_days, reference_at FROM engagement_settings, locked)
       INSERT INTO engagement_summaries AS e (alumnus_id, score_base, last_interaction_at, recent_participations, recent_donations,
         donated_fen, phone_confirmed_at, city_confirmed_at, employer_confirmed_at, wechat_active_at)
       SELECT $1, coalesce((SELECT weight FROM engagement_weights WHERE kind = $2), 0)
                  * power(2::float8, extract(epoch FROM $3::timestamptz - s.reference_at)::float8 / (s.half_life_days * ${DAY_SECONDS}.0)),
              $3, CASE WHEN $4 THEN ARRAY[$3::timestamptz] ELSE '{}' END, CASE WHEN $5 THEN ARRAY[$3::timestamptz] ELSE '{}' END,
              $6, $7, $8, $9, $10
       FROM s
       ON CONFLICT (alumnus_id) DO UPDATE SET
         score_base = e.score_base + EXCLUDED.score_base,
         last_interaction_at = greatest(e.last_interaction_at, EXCLUDED.last_interaction_at),
         recent_participations = CASE WHEN $4 THEN engagement_recent(e.recent_participations, $3, ${T.coreParticipations}) ELSE e.recent_participations END,
         recent_donations = CASE WHEN $5 THEN engagement_recent(e.recent_donations, $3, ${T.coreDonations}) ELSE e.recent_donations END,
         donated_fen = e.donated_fen + EXCLUDED.donated_fen,
         phone_confirmed_at = greatest(e.phone_confirmed_at, EXCLUDED.phone_confirmed_at),
         city_confirmed_at = greatest(e.city_confirmed_at, EXCLUDED.city_confirmed_at),
         employer_confirmed_at = greatest(e.employer_confirmed_at, EXCLUDED.employer_confirmed_at),
         wechat_active_at = greatest(e.wechat_active_at, EXCLUDED.wechat_active_at)`,
      [
        event.alumnusId,
        event.kind,
        event.occurredAt,
        participation,
        gift.donations > 0,
        gift.fen,
        at(contact.phone),
        at(contact.city),
        at(contact.employer),
        at(contact.wechat),
      ],
    );
    if (!participation && gift.fen === 0) return;
    await manager.query(
      `INSERT INTO engagement_months AS m (alumnus_id, month, participations, donations, donated_fen) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (alumnus_id, month) DO UPDATE SET
         participations = m.participations + EXCLUDED.participations,
         donations = m.donations + EXCLUDED.donations,
         donated_fen = m.donated_fen + EXCLUDED.donated_fen`,
      [event.alumnusId, shanghaiMonth(event.occurredAt), participation ? 1 : 0, gift.donations, gift.fen],
    );
  }

  /**
   * Account erasure: the alumnus's score and contact history go; their month rows stay, so
   * past months' totals do not change (they count an erased, nameless record).
   */
  async forget(manager: EntityManager, alumnusId: string): Promise<void> {
    await manager.query('DELETE FROM engagement_summaries WHERE alumnus_id = $1', [alumnusId]);
  }

  async settings(): Promise<EngagementSettingsDto> {
    const [settings, weights] = await Promise.all([
      this.dataSource.getRepository(EngagementSettingsEntity).findOneByOrFail({ id: 1 }),
      this.dataSource.getRepository(EngagementWeightEntity).find({ order: { kind: 'ASC' } }),
    ]);
    return {
      halfLifeDays: settings.halfLifeDays,
      contactCurrentMonths: settings.contactCurrentMonths,
      weights: weights
        .filter((w) => isInteractionKind(w.kind))
        .map((w) => ({ kind: w.kind as keyof typeof INTERACTION_KINDS, weight: w.weight })),
      updatedAt: settings.updatedAt.toISOString(),
    };
  }

  /**
   * Replaces the weights and settings and rebuilds every score from the log in one
   * transaction: readers see the old scores until it commits, then the new ones.
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
    const before = await this.settings();
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(${SETTINGS_LOCK})`);
      await manager.query('DELETE FROM engagement_weights');
      const weights = dto.weights.filter((w) => w.weight !== 0);
      if (weights.length > 0) await manager.insert(EngagementWeightEntity, weights);
      // Scores are rebuilt at a new reference time, so stored values stay near their real size.
      const [{ now }] = (await manager.query(`SELECT date_trunc('milliseconds', now()) AS now`)) as { now: Date }[];
      await manager.update(
        EngagementSettingsEntity,
        { id: 1 },
        { halfLifeDays: dto.halfLifeDays, contactCurrentMonths: dto.contactCurrentMonths, referenceAt: now, updatedAt: now },
      );
      await this.rebuildScores(manager, now, dto.halfLifeDays);
      await this.audit.record(manager, {
        actorId: user.id,
        action: 'engagement.settings_updated',
        subjectType: 'engagement_settings',
        before: { halfLifeDays: before.halfLifeDays, contactCurrentMonths: before.contactCurrentMonths, weights: before.weights },
        after: { halfLifeDays: dto.halfLifeDays, contactCurrentMonths: dto.contactCurrentMonths, weights },
      });
    });
    return this.settings();
  }

  /** Every score from the log, at `referenceAt`: one pass over the weighted kinds' rows. */
  private async rebuildScores(manager: EntityManager, referenceAt: Date, halfLifeDays: number): Promise<void> {
    await manager.query('UPDATE engagement_summaries SET score_base = 0 WHERE score_base <> 0');
    await manager.query(
      `UPDATE engagement_summaries e SET score_base = x.base
       FROM (SELECT i.alumnus_id,
                    sum(w.weight * power(2::float8, extract(epoch FROM i.occurred_at - $1::timestamptz)::float8 / ($2 * ${DAY_SECONDS}.0))) AS base
             FROM interactions i JOIN engagement_weights w ON w.kind = i.kind
             WHERE i.alumnus_id IS NOT NULL
             GROUP BY i.alumnus_id) x
       WHERE e.alumnus_id = x.alumnus_id`,
      [referenceAt, halfLifeDays],
    );
  }

  /** The standing of every alumnus as a subquery taking `$1` = now; see `standingSql`. */
  standingQuery(): string {
    return standingSql(this.alumni.reportingFacts().getQuery());
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
