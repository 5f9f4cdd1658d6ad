import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { DataSource, EntityManager, Repository } from 'typeorm';
import { type AuthUserDto, INTERACTION_LIMITS, type InteractionDto, type Page } from '@alumni/shared';
import { AlumniService } from '../alumni/alumni.service.js';
import { AuditService } from '../audit/audit.service.js';
import { AppError } from '../common/app-error.js';
import type { Statement } from '../common/idempotency/idempotency.service.js';
import { BIGINT_ID, decodeCursor, keysetPage, type PageQueryDto, toPage } from '../common/pagination.js';
import type { PlainTransaction } from '../database/plain-transaction.js';
import { ACCUMULATION_LOCK_SQL, EngagementService } from '../engagement/engagement.service.js';
import type { LogInteractionDto } from './dto/interaction.dto.js';
import { InteractionEntity } from './interaction.entity.js';
import { InteractionSubjectNamer, type SubjectTitles } from './interaction-subjects.js';

export interface InteractionInput {
  alumnusId: string;
  /** Dotted lower-case kind, e.g. `identity.consented`, `events.registered`; labelled in shared's INTERACTION_KINDS. */
  kind: string;
  subjectType?: string;
  subjectId?: string;
  /** `giving.donated` / `giving.refunded` carry `{ amountFen, campaignId }` (GivingInteractionDetail). */
  detail?: Record<string, unknown>;
  /** When it happened, if not now (hand-logged interactions). */
  occurredAt?: Date;
}

/** A hand-logged time may be this far ahead of the server clock (a phone's clock drifts). */
const CLOCK_SKEW_MS = 60_000;

/**
 * The subject a timeline names: a row about something inside a group (a post, a comment,
 * a like) carries its group in `detail.groupId` and is named by the group.
 */
function namedSubject(row: InteractionEntity): { type: string; id: string } | null {
  if (typeof row.detail.groupId === 'string') return { type: 'group', id: row.detail.groupId };
  return row.subjectType && row.subjectId ? { type: row.subjectType, id: row.subjectId } : null;
}

function toDto(row: InteractionEntity, titles: Map<string, string>): InteractionDto {
  const subject = namedSubject(row);
  return {
    id: row.id,
    kind: row.kind,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    subjectTitle: (subject && titles.get(`${subject.type}:${subject.id}`)) ?? null,
    detail: row.detail,
    occurredAt: row.occurredAt.toISOString(),
  };
}

/**
 * Writes and reads the interaction log. Always written with the transaction's manager, so
 * the row, and the engagement summaries it updates, commit or roll back with the change it records.
 */
@Injectable()
export class InteractionsService implements OnModuleInit {
  private subjectTitles = new Map<string, SubjectTitles>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(InteractionEntity) private readonly interactions: Repository<InteractionEntity>,
    private readonly engagement: EngagementService,
    private readonly alumni: AlumniService,
    private readonly audit: AuditService,
    private readonly discovery: DiscoveryService,
  ) {}

  onModuleInit(): void {
    const namers = this.discovery
      .getProviders({ metadataKey: InteractionSubjectNamer.KEY })
      .map((wrapper) => wrapper.instance as InteractionSubjectNamer | undefined)
      .filter((instance): instance is InteractionSubjectNamer => instance != null);
    for (const namer of new Set(namers)) {
      for (const [type, titles] of Object.entries(namer.subjects)) {
        if (this.subjectTitles.has(type)) throw new Error(`interaction subject type ${type} named twice`);
        this.subjectTitles.set(type, titles);
      }
    }
  }

  /** `type:id` → title for the subjects of a page of rows: one query per subject type. */
  private async titlesOf(rows: InteractionEntity[]): Promise<Map<string, string>> {
    const idsByType = new Map<string, Set<string>>();
    for (const subject of rows.map(namedSubject)) {
      if (subject && this.subjectTitles.has(subject.type))
        idsByType.set(subject.type, (idsByType.get(subject.type) ?? new Set()).add(subject.id));
    }
    const titles = new Map<string, string>();
    for (const [type, ids] of idsByType) {
      for (const [id, title] of await this.subjectTitles.get(type)!([...ids])) titles.set(`${type}:${id}`, title);
    }
    return titles;
  }

  async record(manager: EntityManager, input: InteractionInput): Promise<void> {
    await this.insert(manager, input);
  }

  /** As `record`, in a plain transaction, after `before` (a one-row write, e.g. the row it is about) in the same statement. */
  async recordPlain(tx: PlainTransaction, input: InteractionInput, before?: Statement): Promise<void> {
    const { sql, params } = this.statement(input, before);
    await tx.rows(sql, params);
  }

  /**
   * As `recordPlain`, for many interactions in one statement (a batch of sign-ups written
   * together, events/registrations.service.ts), after `before` (a write returning a row per
   * record it wrote). Each row gets its id from the table's identity only once the engagement
   * settings lock is held, as one row does (`statement`), and is added to its alumnus's sums.
   * Answers how many rows `before` returned, for the caller to check it wrote what it meant to.
   */
  async recordEachPlain(tx: PlainTransaction, inputs: InteractionInput[], before: Statement): Promise<number> {
    const shift = before.params.length;
    const p = (n: number) => `$${shift + n}`;
    const accumulation = this.engagement.accumulationOfEach(
      inputs.map((input) => ({ alumnusId: input.alumnusId, kind: input.kind, detail: input.detail ?? {} })),
      'r.occurred_at',
      shift + 7,
      'a',
    );
    const [row] = await tx.rows<{ written: number }>(
      `WITH preceding AS (${before.sql}), settings_lock AS (${ACCUMULATION_LOCK_SQL}),
       numbered AS (
         SELECT nextval(pg_get_serial_sequence('interactions', 'id')) AS id, coalesce(i.occurred_at, now()) AS occurred_at,
                i.alumnus_id, i.kind, i.subject_type, i.subject_id, i.detail, i.n
           FROM unnest(${p(1)}::uuid[], ${p(2)}::text[], ${p(3)}::text[], ${p(4)}::text[], ${p(5)}::jsonb[], ${p(6)}::timestamptz[])
                WITH ORDINALITY AS i (alumnus_id, kind, subject_type, subject_id, detail, occurred_at, n)
           CROSS JOIN settings_lock),
       inserted AS (
         INSERT INTO interactions (id, alumnus_id, kind, subject_type, subject_id, detail, occurred_at) OVERRIDING SYSTEM VALUE
         SELECT id, alumnus_id, kind, subject_type, subject_id, detail, occurred_at FROM numbered)
       SELECT (SELECT count(*) FROM preceding)::int AS written, count(${accumulation.sql})::int AS summed
         FROM numbered r JOIN ${accumulation.from} ON a.n = r.n`,
      [
        ...before.params,
        inputs.map((input) => input.alumnusId),
        inputs.map((input) => input.kind),
        inputs.map((input) => input.subjectType ?? null),
        inputs.map((input) => input.subjectId ?? null),
        inputs.map((input) => JSON.stringify(input.detail ?? {})),
        inputs.map((input) => input.occurredAt ?? null),
        ...accumulation.params,
      ],
    );
    return row!.written;
  }

  /**
   * Records the interaction in one statement with `change`, a data-modifying query that yields
   * at most one row (an `UPDATE … RETURNING` of one row by its key, say), and only when it
   * yields it: the settings lock and the insert are gated on that row. One round trip where a
   * transaction took four: run on its own, the statement is its own transaction, so the change
   * and its interaction commit (or roll back) together. Returns whether the change yielded its row.
   */
  async recordWithChange(rows: PlainTransaction['rows'], change: Statement, input: InteractionInput): Promise<boolean> {
    const { sql, params } = this.statement(input, change, true);
    return (await rows(sql, params)).length > 0;
  }

  private async insert(manager: EntityManager, input: InteractionInput): Promise<InteractionEntity> {
    const { sql, params } = this.statement(input);
    const rows = (await manager.query(sql, params)) as { id: string; occurred_at: Date }[];
    return manager.create(InteractionEntity, {
      id: rows[0]!.id,
      alumnusId: input.alumnusId,
      kind: input.kind,
      subjectType: input.subjectType ?? null,
      subjectId: input.subjectId ?? null,
      detail: input.detail ?? {},
      occurredAt: rows[0]!.occurred_at,
    });
  }

  /**
   * One round trip: the row gets its id only once the engagement settings lock is held (see
   * ACCUMULATION_LOCK_SQL), and is then added to the engagement sums, whose function reads the
   * settings with a snapshot of its own, taken after the lock. `before` runs first as a CTE
   * (data-modifying CTEs may not nest, so not through `precededBy`); with `onlyAfterRow`, the
   * lock and the insert happen only when it returns a row.
   */
  private statement(input: InteractionInput, before?: Statement, onlyAfterRow = false): Statement {
    const shift = before?.params.length ?? 0;
    const p = (n: number) => `$${shift + n}`;
    const detail = input.detail ?? {};
    const accumulation = this.engagement.accumulation({ alumnusId: input.alumnusId, kind: input.kind, detail }, 'occurred_at', shift + 7);
    return {
      sql: `WITH ${before ? `preceding AS (${before.sql}), ` : ''}settings_lock AS (${ACCUMULATION_LOCK_SQL}${onlyAfterRow ? ' WHERE EXISTS (SELECT 1 FROM preceding)' : ''}),
       inserted AS (
         INSERT INTO interactions (alumnus_id, kind, subject_type, subject_id, detail, occurred_at)
         SELECT ${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, ${p(5)}, coalesce(${p(6)}::timestamptz, now()) FROM settings_lock
         RETURNING id, occurred_at)
       SELECT id, occurred_at, ${accumulation.sql} AS accumulated FROM inserted`,
      params: [
        ...(before?.params ?? []),
        input.alumnusId,
        input.kind,
        input.subjectType ?? null,
        input.subjectId ?? null,
        detail,
        input.occurredAt ?? null,
        ...accumulation.params,
      ],
    };
  }

  /**
   * How much happened about these subjects since `since`: rows naming one of the groups (as
   * subject, or in detail.groupId: a post, comment or like in it), events or campaigns as their
   * subject, and how many distinct alumni wrote them. Figures only (branch reports).
   */
  async activityAbout(
    subjects: { groupIds: string[]; eventIds: string[]; campaignIds: string[] },
    since: Date,
  ): Promise<{ interactions: number; activeAlumni: number }> {
    const [row]: [{ interactions: number; active: number }] = await this.dataSource.query(
      `SELECT count(*)::int AS interactions, count(DISTINCT alumnus_id)::int AS active
         FROM (SELECT id, alumnus_id FROM interactions
                WHERE subject_type = 'group' AND subject_id = ANY($1::text[]) AND occurred_at >= $4
               UNION
               SELECT id, alumnus_id FROM interactions
                WHERE detail ? 'groupId' AND detail->>'groupId' = ANY($1::text[]) AND occurred_at >= $4
               UNION
               SELECT id, alumnus_id FROM interactions
                WHERE subject_type = 'event' AND subject_id = ANY($2::text[]) AND occurred_at >= $4
               UNION
               SELECT id, alumnus_id FROM interactions
                WHERE subject_type = 'campaign' AND subject_id = ANY($3::text[]) AND occurred_at >= $4) rows`,
      [subjects.groupIds, subjects.eventIds, subjects.campaignIds, since],
    );
    return { interactions: row.interactions, activeAlumni: row.active };
  }

  /** Account erasure: the rows stay (they are the school's history), the actor is forgotten, and so is their score. */
  async anonymise(manager: EntityManager, alumnusId: string): Promise<void> {
    await manager.update(InteractionEntity, { alumnusId }, { alumnusId: null });
    await this.engagement.forget(manager, alumnusId);
  }

  /** Every interaction of one alumnus, oldest first (their data export). */
  listFor(alumnusId: string): Promise<InteractionEntity[]> {
    return this.interactions.find({ where: { alumnusId }, order: { occurredAt: 'ASC', id: 'ASC' } });
  }

  /** One alumnus's history with the school, newest first: one index range scan per page. */
  async timeline(alumnusId: string, query: PageQueryDto): Promise<Page<InteractionDto>> {
    const builder = this.interactions.createQueryBuilder('i').where('i.alumnusId = :alumnusId', { alumnusId });
    const rows = await keysetPage(builder, 'occurredAt', 'DESC', decodeCursor(query.cursor, BIGINT_ID), query.limit).getMany();
    const titles = await this.titlesOf(rows);
    return toPage(
      rows,
      query.limit,
      (r) => ({ at: r.occurredAt, id: r.id }),
      (row) => toDto(row, titles),
    );
  }

  /** Staff read anyone's timeline; erased accounts have none. */
  async timelineForStaff(alumnusId: string, query: PageQueryDto): Promise<Page<InteractionDto>> {
    if (!(await this.alumni.findActive(alumnusId))) throw new AppError('ALUMNUS_NOT_FOUND');
    return this.timeline(alumnusId, query);
  }

  /** Staff log a visit, call, lecture, job or mentoring session that happened outside the app. */
  async logOffline(user: AuthUserDto, alumnusId: string, dto: LogInteractionDto): Promise<InteractionDto> {
    const occurredAt = dto.occurredAt === undefined ? undefined : new Date(dto.occurredAt);
    if (occurredAt !== undefined) {
      const now = Date.now();
      const earliest = new Date(now);
      earliest.setFullYear(earliest.getFullYear() - INTERACTION_LIMITS.maxAgeYears);
      if (occurredAt.getTime() > now + CLOCK_SKEW_MS || occurredAt < earliest) {
        throw new AppError('INTERACTION_TIME_INVALID', [
          { field: 'occurredAt', issue: `occurredAt must lie between ${earliest.toISOString()} and now` },
        ]);
      }
    }
    const notes = dto.notes?.trim();
    const row = await this.dataSource.transaction(async (manager) => {
      if (!(await this.alumni.findActive(alumnusId, manager))) throw new AppError('ALUMNUS_NOT_FOUND');
      const recorded = await this.insert(manager, {
        alumnusId,
        kind: `offline.${dto.kind}`,
        detail: notes ? { notes, loggedBy: user.id } : { loggedBy: user.id },
        occurredAt,
      });
      await this.audit.record(manager, {
        actorId: user.id,
        action: 'interaction.logged',
        subjectType: 'alumnus',
        subjectId: alumnusId,
        after: { interactionId: recorded.id, kind: recorded.kind, occurredAt: recorded.occurredAt.toISOString() },
      });
      return recorded;
    });
    // An offline contact has no subject to name.
    return toDto(row, new Map());
  }
}
