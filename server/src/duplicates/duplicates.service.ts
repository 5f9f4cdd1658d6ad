import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type {
  AuthUserDto,
  DuplicateCandidateDto,
  DuplicateComparisonDto,
  DuplicateKind,
  DuplicateQueueDto,
  DuplicateQueueQuery,
  DuplicateReason,
  DuplicateRecordDto,
  DuplicateRosterEntryDto,
  DuplicateScanResultDto,
  DuplicateStatus,
  MergeDuplicateResultDto,
} from '@alumni/shared';
import { AlumniService } from '../alumni/alumni.service.js';
import { AuditService } from '../audit/audit.service.js';
import { AppError } from '../common/app-error.js';
import { EngagementService } from '../engagement/engagement.service.js';
import { InteractionsService } from '../interactions/interactions.service.js';
import { JobsService } from '../jobs/jobs.service.js';
import { RosterService } from '../roster/roster.service.js';
import { SchoolService } from '../school/school.service.js';
import { VerificationService } from '../verification/verification.service.js';
import { runScan } from './duplicate-scan.js';
import { MergeRegistry } from './merge.registry.js';
import { decodeQueueCursor, encodeQueueCursor } from './queue-cursor.js';

/** Scans take turns: two at once would both insert the same new pairs. */
const SCAN_LOCK = `SELECT pg_advisory_xact_lock(hashtext('duplicates.scan'))`;
/** Nightly, 03:00 in China (UTC cron), when nobody is merging. */
const NIGHTLY = '0 19 * * *';

interface CandidateRow {
  id: string;
  score: number;
  reasons: DuplicateReason[];
  status: DuplicateStatus;
  found_at: Date;
  alumnus_id: string;
  /** Set for a pair of accounts; null for an account and a roster entry. */
  other_alumnus_id: string | null;
  /** Set for an account and an unclaimed roster entry. */
  roster_entry_id: string | null;
}

interface SideRow {
  id: string;
  display_name: string;
  graduation_year: number | null;
  department_name: string | null;
}

interface RecordRow {
  id: string;
  display_name: string;
  real_name: string | null;
  graduation_year: number | null;
  department_name: string | null;
  class_name: string | null;
  city: string | null;
  employer: string | null;
  phone_masked: string | null;
  has_wechat: boolean;
  verified: boolean;
  created_at: Date;
  deleted_at: Date | null;
  claim: DuplicateRecordDto['claim'];
  registrations: number;
  donation_count: number;
  donated_fen: string;
  memberships: number;
  posts: number;
  interactions: number;
}

const kindOf = (row: CandidateRow): DuplicateKind => (row.roster_entry_id === null ? 'accounts' : 'roster');

const SIDE_SQL = `SELECT a.id, a.display_name, a.graduation_year, d.name AS department_name
                    FROM alumni a LEFT JOIN departments d ON d.id = a.department_id WHERE a.id = ANY($1::uuid[])`;

/**
 * Duplicate records (docs/reach.md): the scan that fills the review queue, the side-by-side
 * comparison, and the merge that moves every module's rows (MergeRegistry) in one transaction.
 */
@Injectable()
export class DuplicatesService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registry: MergeRegistry,
    private readonly alumni: AlumniService,
    private readonly audit: AuditService,
    private readonly interactions: InteractionsService,
    private readonly engagement: EngagementService,
    private readonly jobs: JobsService,
    private readonly roster: RosterService,
    private readonly school: SchoolService,
    private readonly verification: VerificationService,
  ) {}

  onModuleInit(): void {
    this.jobs.schedule('duplicates.scan', NIGHTLY, async () => void (await this.scanNow()));
  }

  /** Staff start a scan: the queue is refreshed and its size answered. */
  async scan(user: AuthUserDto): Promise<DuplicateScanResultDto> {
    const result = await this.scanNow();
    await this.dataSource.transaction((manager) =>
      this.audit.record(manager, { actorId: user.id, action: 'duplicates.scanned', subjectType: 'duplicates', after: { ...result } }),
    );
    return result;
  }

  private async scanNow(): Promise<DuplicateScanResultDto> {
    const started = performance.now();
    const added = await this.dataSource.transaction(async (manager) => {
      await manager.query(SCAN_LOCK);
      return runScan((sql, parameters) => manager.query(sql, parameters));
    });
    return { added, open: await this.openCount(this.dataSource.manager), milliseconds: Math.round(performance.now() - started) };
  }

  private async openCount(manager: EntityManager): Promise<number> {
    const [row] = (await manager.query(`SELECT count(*)::int AS n FROM duplicate_candidates WHERE status = 'open'`)) as [{ n: number }];
    return row.n;
  }

  /**
   * One page of the open pairs (of one kind if asked). Two accounts of one person count twice
   * in every total; an account beside an unclaimed roster entry only waits to be reached. So
   * those come first, then the highest score, then the oldest found.
   */
  async queue(query: DuplicateQueueQuery & { limit: number }): Promise<DuplicateQueueDto> {
    const after = decodeQueueCursor(query.cursor);
    const rows = (await this.dataSource.query(
      `SELECT * FROM duplicate_candidates
        WHERE status = 'open' AND ($1::text IS NULL OR (roster_entry_id IS NOT NULL) = ($1::text = 'roster'))
          AND ($2::boolean IS NULL OR (roster_entry_id IS NOT NULL, -score, found_at, id) > ($2::boolean, $3::int, $4::timestamptz, $5::uuid))
        ORDER BY roster_entry_id IS NOT NULL, score DESC, found_at, id LIMIT $6`,
      after
        ? [query.kind ?? null, after.kind === 'roster', -after.score, after.foundAt, after.id, query.limit + 1]
        : [query.kind ?? null, null, null, null, null, query.limit + 1],
    )) as CandidateRow[];
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    const [counts] = (await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE roster_entry_id IS NULL)::int AS accounts, count(*) FILTER (WHERE roster_entry_id IS NOT NULL)::int AS roster
         FROM duplicate_candidates WHERE status = 'open'`,
    )) as [{ accounts: number; roster: number }];
    return {
      items: await this.present(page),
      nextCursor:
        rows.length > query.limit && last
          ? encodeQueueCursor({ kind: kindOf(last), score: last.score, foundAt: last.found_at, id: last.id })
          : null,
      open: counts.accounts + counts.roster,
      openByKind: counts,
    };
  }

  private async present(rows: CandidateRow[]): Promise<DuplicateCandidateDto[]> {
    const ids = rows.flatMap((row) => [row.alumnus_id, ...(row.other_alumnus_id === null ? [] : [row.other_alumnus_id])]);
    const sides = new Map(((await this.dataSource.query(SIDE_SQL, [ids])) as SideRow[]).map((side) => [side.id, side]));
    const entries = new Map((await this.rosterEntries(rows.flatMap((row) => row.roster_entry_id ?? []))).map((e) => [e.id, e]));
    const side = (id: string) => {
      const found = sides.get(id)!;
      return { id, displayName: found.display_name, graduationYear: found.graduation_year, departmentName: found.department_name };
    };
    const entrySide = (id: string) => {
      const entry = entries.get(id)!;
      return { id, displayName: entry.name, graduationYear: entry.graduationYear, departmentName: entry.departmentName };
    };
    return rows.map((row) => ({
      id: row.id,
      kind: kindOf(row),
      score: row.score,
      reasons: row.reasons,
      status: row.status,
      foundAt: row.found_at.toISOString(),
      a: side(row.alumnus_id),
      b: row.roster_entry_id === null ? side(row.other_alumnus_id!) : entrySide(row.roster_entry_id),
    }));
  }

  /** Roster entries as staff compare them, through the roster module. */
  private async rosterEntries(ids: string[]): Promise<DuplicateRosterEntryDto[]> {
    const entries = await this.roster.entriesByIds(ids);
    const departments = await this.school.departmentNames(entries.map((e) => e.departmentId));
    return entries.map((e) => ({
      id: e.id,
      name: e.name,
      studentNumber: e.studentNumber,
      graduationYear: e.graduationYear,
      departmentName: departments.get(e.departmentId) ?? null,
      major: e.major,
      className: e.className,
    }));
  }

  private async load(manager: EntityManager, id: string, lock = false): Promise<CandidateRow> {
    const [row] = (await manager.query(`SELECT * FROM duplicate_candidates WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [
      id,
    ])) as CandidateRow[];
    if (!row) throw new AppError('DUPLICATE_NOT_FOUND');
    return row;
  }

  /** Both records side by side: profile, claim, and what a merge would move. */
  async compare(id: string): Promise<DuplicateComparisonDto> {
    const row = await this.load(this.dataSource.manager, id);
    const [candidate] = await this.present([row]);
    if (row.roster_entry_id !== null) {
      const [record, [rosterEntry], claims] = await Promise.all([
        this.record(row.alumnus_id),
        this.rosterEntries([row.roster_entry_id]),
        this.verification.unmatchedClaims(row.alumnus_id),
      ]);
      return { candidate: candidate!, records: [record], rosterEntry: rosterEntry ?? null, claims };
    }
    const records = await Promise.all([this.record(row.alumnus_id), this.record(row.other_alumnus_id!)]);
    return { candidate: candidate!, records, rosterEntry: null, claims: [] };
  }

  /**
   * One record as staff compare it. A read-only report across modules' tables, as the
   * dashboard's: counting is all it does.
   */
  private async record(alumnusId: string): Promise<DuplicateRecordDto> {
    const [row] = (await this.dataSource.query(
      `SELECT a.id, a.display_name, a.real_name, a.graduation_year, d.name AS department_name, a.class_name, a.city, a.employer,
              a.phone_masked, a.openid IS NOT NULL AS has_wechat, a.verified_at IS NOT NULL AS verified, a.created_at, a.deleted_at,
              (SELECT json_build_object('name', r.name, 'graduationYear', r.graduation_year, 'className', r.class_name, 'studentNumber', r.student_number)
                 FROM roster_entries r WHERE r.claimed_by = a.id LIMIT 1) AS claim,
              (SELECT count(*)::int FROM event_registrations WHERE alumnus_id = a.id AND status <> 'cancelled') AS registrations,
              (SELECT count(*)::int FROM donations WHERE alumnus_id = a.id AND status IN ('paid', 'refunded')) AS donation_count,
              (SELECT coalesce(sum(amount_fen - refunded_fen), 0)::bigint FROM donations WHERE alumnus_id = a.id AND status IN ('paid', 'refunded')) AS donated_fen,
              (SELECT count(*)::int FROM group_memberships WHERE alumnus_id = a.id AND status = 'active') AS memberships,
              (SELECT count(*)::int FROM group_posts WHERE author_id = a.id) AS posts,
              (SELECT count(*)::int FROM interactions WHERE alumnus_id = a.id) AS interactions
         FROM alumni a LEFT JOIN departments d ON d.id = a.department_id WHERE a.id = $1`,
      [alumnusId],
    )) as RecordRow[];
    const r = row!;
    const score = r.deleted_at === null ? (await this.engagement.forAlumnus(alumnusId)).score : 0;
    return {
      id: r.id,
      displayName: r.display_name,
      realName: r.real_name,
      graduationYear: r.graduation_year,
      departmentName: r.department_name,
      className: r.class_name,
      city: r.city,
      employer: r.employer,
      phoneMasked: r.phone_masked,
      hasWechat: r.has_wechat,
      verified: r.verified,
      createdAt: r.created_at.toISOString(),
      claim: r.claim,
      registrations: r.registrations,
      donations: { count: r.donation_count, totalFen: Number(r.donated_fen) },
      memberships: r.memberships,
      posts: r.posts,
      interactions: r.interactions,
      engagementScore: score,
    };
  }

  /** "不是同一人": the pair leaves the queue and later scans leave it out. */
  async dismiss(user: AuthUserDto, id: string): Promise<DuplicateCandidateDto> {
    const row = await this.dataSource.transaction(async (manager) => {
      const candidate = await this.load(manager, id, true);
      if (candidate.status !== 'open') throw new AppError('DUPLICATE_DECIDED');
      await manager.query(`UPDATE duplicate_candidates SET status = 'dismissed', decided_at = now(), decided_by = $2 WHERE id = $1`, [
        id,
        user.id,
      ]);
      await this.audit.record(manager, {
        actorId: user.id,
        action: 'duplicates.dismissed',
        subjectType: 'duplicate_candidate',
        subjectId: id,
        after: { alumnusIds: [candidate.alumnus_id, candidate.other_alumnus_id], rosterEntryId: candidate.roster_entry_id },
      });
      return { ...candidate, status: 'dismissed' as const };
    });
    return (await this.present([row]))[0]!;
  }

  /**
   * Merges the other record of the pair into `survivorId`, in one transaction: every module's
   * rows (MergeRegistry), the alumni rows (AlumniService.mergeInto), the pair's decision, an
   * audit entry and an interaction row on the survivor.
   */
  async merge(user: AuthUserDto, id: string, survivorId: string): Promise<MergeDuplicateResultDto> {
    return this.dataSource.transaction(async (manager) => {
      const candidate = await this.load(manager, id, true);
      if (candidate.status !== 'open') throw new AppError('DUPLICATE_DECIDED');
      if (candidate.roster_entry_id !== null) return this.link(manager, user, candidate, candidate.roster_entry_id, survivorId);
      const pair = [candidate.alumnus_id, candidate.other_alumnus_id!];
      if (!pair.includes(survivorId)) throw new AppError('DUPLICATE_SURVIVOR_INVALID');
      const mergedId = pair.find((alumnusId) => alumnusId !== survivorId)!;
      // Locked in id order (the pair's order), as any two merges touching the same records would.
      const [first, second] = [await this.alumni.lockActive(manager, pair[0]!), await this.alumni.lockActive(manager, pair[1]!)];
      if (!first || !second) throw new AppError('DUPLICATE_RECORD_GONE');
      const [survivor, merged] = first.id === survivorId ? [first, second] : [second, first];
      await manager.query(`UPDATE duplicate_candidates SET status = 'merged', decided_at = now(), decided_by = $2 WHERE id = $1`, [
        id,
        user.id,
      ]);
      await this.registry.merge({ manager, mergedId, survivorId });
      await this.alumni.mergeInto(manager, merged, survivor);
      await this.audit.record(manager, {
        actorId: user.id,
        action: 'alumni.merged',
        subjectType: 'alumnus',
        subjectId: survivorId,
        before: { mergedId, mergedDisplayName: merged.displayName, survivorDisplayName: survivor.displayName },
        after: { survivorId, candidateId: id, score: candidate.score, reasons: candidate.reasons },
      });
      await this.interactions.record(manager, {
        alumnusId: survivorId,
        kind: 'identity.merged',
        subjectType: 'alumnus',
        subjectId: mergedId,
      });
      return { survivorId, mergedId, rosterEntryId: null };
    });
  }

  /**
   * "Merging" an account with a roster entry: the account claims the entry as a staff approval
   * would (VerificationService.approveWithEntry: verified, profile from the roster, class group,
   * interaction rows, the claim's audit entry, the message), the pair is decided, and the other
   * open pairs of this account or this entry go (the account is verified, the entry claimed),
   * in the caller's transaction.
   */
  private async link(
    manager: EntityManager,
    user: AuthUserDto,
    candidate: CandidateRow,
    entryId: string,
    survivorId: string,
  ): Promise<MergeDuplicateResultDto> {
    if (survivorId !== candidate.alumnus_id) throw new AppError('DUPLICATE_SURVIVOR_INVALID');
    const alumnus = await this.alumni.lockActive(manager, survivorId);
    if (!alumnus) throw new AppError('DUPLICATE_RECORD_GONE');
    if (alumnus.verifiedAt !== null) throw new AppError('DUPLICATE_ACCOUNT_VERIFIED');
    await manager.query(`UPDATE duplicate_candidates SET status = 'merged', decided_at = now(), decided_by = $2 WHERE id = $1`, [
      candidate.id,
      user.id,
    ]);
    const claimId = await this.verification.approveWithEntry(manager, user, survivorId, entryId);
    await manager.query(
      `DELETE FROM duplicate_candidates
        WHERE status = 'open' AND roster_entry_id IS NOT NULL AND (roster_entry_id = $1 OR alumnus_id = $2)`,
      [entryId, survivorId],
    );
    await this.audit.record(manager, {
      actorId: user.id,
      action: 'duplicates.linked',
      subjectType: 'duplicate_candidate',
      subjectId: candidate.id,
      after: { alumnusId: survivorId, rosterEntryId: entryId, claimId, score: candidate.score, reasons: candidate.reasons },
    });
    return { survivorId, mergedId: null, rosterEntryId: entryId };
  }
}
