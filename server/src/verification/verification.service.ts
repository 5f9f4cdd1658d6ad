import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { FastifyRequest } from 'fastify';
import { In, type DataSource, type EntityManager, type Repository } from 'typeorm';
import {
  type AuthUserDto,
  CLAIM_LIMITS,
  type ClaimDto,
  type ClaimStatsDto,
  type ClaimStatus,
  type Page,
  PROFILE_LIMITS,
  type StaffClaimDto,
} from '@alumni/shared';
import { AlumniService } from '../alumni/alumni.service.js';
import type { AlumnusEntity } from '../alumni/alumnus.entity.js';
import { AuditService } from '../audit/audit.service.js';
import { AppError } from '../common/app-error.js';
import { MediaChecksService } from '../content-security/media-checks.service.js';
import { verifiedClassesSql } from '../groups/group-access.js';
import { GroupsService } from '../groups/groups.service.js';
import { decodeCursor, keysetPage, type PageQueryDto, toPage } from '../common/pagination.js';
import { ConsentService } from '../identity/consent.service.js';
import { InteractionsService } from '../interactions/interactions.service.js';
import { OutboxService } from '../outbox/outbox.service.js';
import { normalizeText } from '../common/table-file.js';
import type { RosterEntryEntity } from '../roster/roster-entry.entity.js';
import { type RosterCriteria, RosterService, toRosterCandidate } from '../roster/roster.service.js';
import { SchoolService } from '../school/school.service.js';
import { OBJECT_STORAGE, type ObjectContent, type ObjectStorage } from '../storage/storage.port.js';
import { readImageUpload } from '../storage/upload.js';
import type { ApproveClaimDto, CreateClaimDto, RejectClaimDto } from './dto/claim-request.dto.js';
import { EntryVerifiedListener } from './entry-verified.js';
import { VerificationClaimEntity } from './verification-claim.entity.js';

const EVIDENCE_FOLDER = 'claim-evidence';

const criteriaOf = (
  claim: Pick<VerificationClaimEntity, 'name' | 'graduationYear' | 'departmentId' | 'studentNumber' | 'className'>,
): RosterCriteria => ({
  name: claim.name,
  graduationYear: claim.graduationYear,
  departmentId: claim.departmentId,
  studentNumber: claim.studentNumber,
  className: claim.className,
});

@Injectable()
export class VerificationService implements OnModuleInit {
  private readonly logger = new Logger(VerificationService.name);
  private listeners: EntryVerifiedListener[] = [];

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(VerificationClaimEntity) private readonly claims: Repository<VerificationClaimEntity>,
    private readonly roster: RosterService,
    private readonly alumni: AlumniService,
    private readonly school: SchoolService,
    private readonly interactions: InteractionsService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly consent: ConsentService,
    private readonly groups: GroupsService,
    private readonly mediaChecks: MediaChecksService,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
    private readonly discovery: DiscoveryService,
  ) {}

  onModuleInit(): void {
    const found = this.discovery
      .getProviders({ metadataKey: EntryVerifiedListener.KEY })
      .map((wrapper) => wrapper.instance as EntryVerifiedListener | undefined)
      .filter((instance): instance is EntryVerifiedListener => instance != null);
    this.listeners = [...new Set(found)];
  }

  /**
   * The graduation year the verification established (the roster entry claimed, or an
   * approved claim's class), never the editable profile; the latest when there are several
   * (a graduate back for a master's degree is a student again). Null when not verified, or
   * verified without a class on record.
   */
  async verifiedGraduationYear(alumnusId: string): Promise<number | null> {
    const [row]: [{ year: number | null }] = await this.dataSource.query(
      `SELECT max(v.graduation_year)::int AS year FROM (${verifiedClassesSql('$1')}) v`,
      [alumnusId],
    );
    return row.year;
  }

  /**
   * SEAM for class liaisons: the names of pending claims for this class (same year and
   * department, and the class or none given), already in normalizeText form like the roster's.
   */
  async pendingNamesInClass(key: { graduationYear: number; departmentId: string; className: string }): Promise<Set<string>> {
    const rows: { name: string }[] = await this.claims.query(
      `SELECT DISTINCT name FROM verification_claims
        WHERE status = 'pending' AND graduation_year = $1 AND department_id = $2 AND (class_name IS NULL OR class_name = $3)`,
      [key.graduationYear, key.departmentId, key.className],
    );
    return new Set(rows.map((r) => r.name));
  }

  /**
   * SEAM for duplicate records: what the alumnus's claims that matched no roster entry said
   * (waiting, rejected or replaced), newest first, for staff comparing the account with an entry.
   */
  async unmatchedClaims(alumnusId: string, limit = 3): Promise<ClaimDto[]> {
    const rows = await this.claims.find({
      where: { alumnusId, status: In(['pending', 'rejected', 'withdrawn']) },
      order: { createdAt: 'DESC', id: 'DESC' },
      take: limit,
    });
    return this.present(rows);
  }

  /**
   * An alumnus says who they are. A unique exact match with an unclaimed roster entry
   * verifies them at once; anything else waits for staff. Unmatched claims count against
   * a daily limit, checked before matching so a limited account learns nothing more.
   */
  async createClaim(user: AuthUserDto, dto: CreateClaimDto): Promise<ClaimDto> {
    const criteria: RosterCriteria = {
      name: normalizeText(dto.name),
      graduationYear: dto.graduationYear,
      departmentId: dto.departmentId,
      studentNumber: dto.studentNumber ? normalizeText(dto.studentNumber) : null,
      className: dto.className ? normalizeText(dto.className) : null,
    };
    // A claim stores who the alumnus says they are: personal data, so only after consent (PIPL).
    await this.consent.assertConsented(user.id);
    if (criteria.studentNumber === null && criteria.className === null) {
      throw new AppError('CLAIM_IDENTIFIER_REQUIRED', [{ field: 'studentNumber', issue: 'give studentNumber or className' }]);
    }
    const latestYear = new Date().getFullYear() + PROFILE_LIMITS.yearsAhead;
    if (criteria.graduationYear > latestYear) {
      throw new AppError('VALIDATION_FAILED', [
        { field: 'graduationYear', issue: `graduationYear must not be greater than ${latestYear}` },
      ]);
    }
    if (!(await this.school.departmentNames([criteria.departmentId])).has(criteria.departmentId)) {
      throw new AppError('DEPARTMENT_NOT_FOUND', [{ field: 'departmentId', issue: 'no department has this id' }]);
    }

    const claim = await this.dataSource.transaction(async (manager) => {
      // The lock serialises one alumnus's claims, so the daily count holds under concurrency and across instances.
      const alumnus = await this.lockAlumnus(manager, user.id);
      if (alumnus.verifiedAt !== null) throw new AppError('CLAIM_ALREADY_VERIFIED');
      await this.assertGuessesLeft(manager, alumnus.id);
      await this.withdrawPending(manager, alumnus.id);

      const matches = await this.roster.findMatches(manager, criteria);
      const entry =
        matches.length === 1 && matches[0]!.claimedBy === null ? await this.roster.claimEntry(manager, matches[0]!.id, alumnus.id) : null;
      const now = new Date();
      const saved = await manager.save(VerificationClaimEntity, {
        alumnusId: alumnus.id,
        status: entry ? ('matched' as const) : ('pending' as const),
        ...criteria,
        evidenceKey: null,
        rosterEntryId: entry?.id ?? null,
        rejectReason: null,
        decidedBy: null,
        decidedAt: entry ? now : null,
        createdAt: now,
      });
      if (entry) {
        await this.verify(manager, alumnus.id, saved, entry, 'roster_match');
      } else {
        await this.interactions.record(manager, {
          alumnusId: alumnus.id,
          kind: 'identity.claim_submitted',
          subjectType: 'verification_claim',
          subjectId: saved.id,
          detail: { matches: matches.length },
        });
      }
      return saved;
    });
    return (await this.present([claim]))[0]!;
  }

  /** Adds (or replaces) the diploma or student-card photo of the caller's pending claim. */
  async attachEvidence(user: AuthUserDto, claimId: string, request: FastifyRequest): Promise<ClaimDto> {
    await this.consent.assertConsented(user.id);
    const upload = await readImageUpload(request, CLAIM_LIMITS.evidenceMaxBytes);
    const stored = await this.storage.put({ folder: EVIDENCE_FOLDER, body: upload.body, contentType: upload.contentType });
    let previousKey: string | null = null;
    try {
      const claim = await this.dataSource.transaction(async (manager) => {
        const found = await this.lockClaim(manager, claimId);
        if (found.alumnusId !== user.id) throw new AppError('CLAIM_NOT_FOUND');
        if (found.status !== 'pending') throw new AppError('CLAIM_NOT_PENDING');
        previousKey = found.evidenceKey;
        found.evidenceKey = stored.key;
        return manager.save(found);
      });
      if (previousKey !== null) await this.removeFile(previousKey);
      await this.mediaChecks.submit({ kind: 'claim-evidence', subjectId: claim.id, authorId: user.id, imageKey: stored.key });
      return (await this.present([claim]))[0]!;
    } catch (error) {
      await this.removeFile(stored.key);
      throw error;
    }
  }

  /** The caller's own claims, newest first. */
  async listMine(user: AuthUserDto, query: PageQueryDto): Promise<Page<ClaimDto>> {
    const rows = await keysetPage(
      this.claims.createQueryBuilder('c').where('c.alumnusId = :alumnusId', { alumnusId: user.id }),
      'createdAt',
      'DESC',
      decodeCursor(query.cursor),
      query.limit,
    ).getMany();
    const page = toPage(
      rows,
      query.limit,
      (c) => ({ at: c.createdAt, id: c.id }),
      (c) => c,
    );
    return { items: await this.present(page.items), nextCursor: page.nextCursor };
  }

  /** The staff queue: claims of one status, oldest first, with waiting time and candidate entries. */
  async listForStaff(status: ClaimStatus, query: PageQueryDto, now = new Date()): Promise<Page<StaffClaimDto>> {
    const rows = await keysetPage(
      this.claims.createQueryBuilder('c').where('c.status = :status', { status }),
      'createdAt',
      'ASC',
      decodeCursor(query.cursor),
      query.limit,
    ).getMany();
    const page = toPage(
      rows,
      query.limit,
      (c) => ({ at: c.createdAt, id: c.id }),
      (c) => c,
    );
    const [claims, candidates, alumni] = await Promise.all([
      this.present(page.items),
      this.roster.candidatesFor(page.items.map(criteriaOf)),
      Promise.all(page.items.map((c) => this.alumni.findActive(c.alumnusId))),
    ]);
    const departments = await this.school.departmentNames(candidates.map((e) => e.departmentId));
    const items = page.items.map((row, i) => ({
      ...claims[i]!,
      alumnus: { id: row.alumnusId, displayName: alumni[i]?.displayName ?? '已注销校友' },
      waitingSeconds: Math.max(0, Math.round(((row.decidedAt ?? now).getTime() - row.createdAt.getTime()) / 1000)),
      candidates: candidates
        .filter(
          (e) =>
            (e.graduationYear === row.graduationYear && e.departmentId === row.departmentId && e.name === row.name) ||
            (row.studentNumber !== null && e.studentNumber === row.studentNumber),
        )
        .map((e) => toRosterCandidate(e, departments)),
    }));
    return { items, nextCursor: page.nextCursor };
  }

  /**
   * Staff verify the claimant, with the roster entry they chose (its record becomes the
   * profile's) or without one (the claim's own details do). Audited.
   */
  async approve(staff: AuthUserDto, claimId: string, dto: ApproveClaimDto): Promise<ClaimDto> {
    const claim = await this.dataSource.transaction(async (manager) => {
      const found = await this.lockPending(manager, claimId);
      const alumnus = await this.lockAlumnus(manager, found.alumnusId);
      if (alumnus.verifiedAt !== null) throw new AppError('CLAIM_ALREADY_VERIFIED');
      const entry = dto.rosterEntryId === undefined ? null : await this.takeEntry(manager, dto.rosterEntryId, alumnus.id);
      return this.approveClaim(manager, staff, found, entry, 'pending');
    });
    return (await this.present([claim]))[0]!;
  }

  /**
   * SEAM for duplicate records (docs/reach.md): staff link an unverified account to an unclaimed
   * roster entry the duplicate scan paired it with, as an approval with that entry would: the
   * account's pending claim is approved with the entry, or, when none waits (its claims were
   * rejected or it never made one), a claim in the entry's own words is recorded approved. The
   * alumnus is verified (profile from the entry, class group, interaction rows, listeners), the
   * decision audited and told, all in the caller's transaction. Answers the approved claim's id.
   */
  async approveWithEntry(manager: EntityManager, staff: AuthUserDto, alumnusId: string, entryId: string): Promise<string> {
    const alumnus = await this.lockAlumnus(manager, alumnusId);
    if (alumnus.verifiedAt !== null) throw new AppError('CLAIM_ALREADY_VERIFIED');
    const entry = await this.takeEntry(manager, entryId, alumnus.id);
    const pending = await manager
      .getRepository(VerificationClaimEntity)
      .findOne({ where: { alumnusId, status: 'pending' }, lock: { mode: 'pessimistic_write' } });
    const claim =
      pending ??
      manager.create(VerificationClaimEntity, {
        alumnusId,
        status: 'pending',
        name: entry.name,
        graduationYear: entry.graduationYear,
        departmentId: entry.departmentId,
        studentNumber: entry.studentNumber,
        className: entry.className,
        evidenceKey: null,
        rejectReason: null,
        createdAt: new Date(),
      });
    return (await this.approveClaim(manager, staff, claim, entry, pending ? 'pending' : null)).id;
  }

  /** The roster entry staff chose, given to the alumnus; refused when another account holds it. */
  private async takeEntry(manager: EntityManager, entryId: string, alumnusId: string): Promise<RosterEntryEntity> {
    const entry = await this.roster.claimEntry(manager, entryId, alumnusId);
    if (entry) return entry;
    const exists = await this.roster.findEntry(entryId, manager);
    throw new AppError(exists ? 'ROSTER_ENTRY_ALREADY_CLAIMED' : 'ROSTER_ENTRY_NOT_FOUND');
  }

  /** Staff's approval: the claim decided, the alumnus verified, the decision audited and told. */
  private async approveClaim(
    manager: EntityManager,
    staff: AuthUserDto,
    claim: VerificationClaimEntity,
    entry: RosterEntryEntity | null,
    before: ClaimStatus | null,
  ): Promise<VerificationClaimEntity> {
    Object.assign(claim, { status: 'approved', rosterEntryId: entry?.id ?? null, decidedBy: staff.id, decidedAt: new Date() });
    const saved = await manager.save(claim);
    await this.verify(manager, saved.alumnusId, saved, entry, 'staff_review');
    await this.audit.record(manager, {
      actorId: staff.id,
      action: 'claim.approved',
      subjectType: 'verification_claim',
      subjectId: saved.id,
      before: { status: before },
      after: { status: 'approved', alumnusId: saved.alumnusId, rosterEntryId: entry?.id ?? null },
    });
    await this.notifyOutcome(manager, saved);
    return saved;
  }

  /** Staff refuse the claim with a reason the alumnus sees. Audited. */
  async reject(staff: AuthUserDto, claimId: string, dto: RejectClaimDto): Promise<ClaimDto> {
    const claim = await this.dataSource.transaction(async (manager) => {
      const found = await this.lockPending(manager, claimId);
      Object.assign(found, { status: 'rejected', rejectReason: dto.reason, decidedBy: staff.id, decidedAt: new Date() });
      const saved = await manager.save(found);
      await this.interactions.record(manager, {
        alumnusId: found.alumnusId,
        kind: 'identity.claim_rejected',
        subjectType: 'verification_claim',
        subjectId: saved.id,
      });
      await this.audit.record(manager, {
        actorId: staff.id,
        action: 'claim.rejected',
        subjectType: 'verification_claim',
        subjectId: saved.id,
        before: { status: 'pending' },
        after: { status: 'rejected', reason: dto.reason },
      });
      await this.notifyOutcome(manager, saved);
      return saved;
    });
    return (await this.present([claim]))[0]!;
  }

  /** The alumnus is told the decision by subscription message; the outbox worker delivers it. */
  private async notifyOutcome(manager: EntityManager, claim: VerificationClaimEntity): Promise<void> {
    await this.outbox.enqueue(manager, [
      {
        alumnusId: claim.alumnusId,
        kind: 'verification.decided',
        payload: { claimId: claim.id, status: claim.status, reason: claim.rejectReason, decidedAt: claim.decidedAt?.toISOString() ?? null },
      },
    ]);
  }

  /** The evidence photo of a claim, for staff only. */
  async evidence(claimId: string): Promise<ObjectContent> {
    const claim = await this.claims.findOneBy({ id: claimId });
    if (!claim) throw new AppError('CLAIM_NOT_FOUND');
    const object = claim.evidenceKey === null ? null : await this.storage.get(claim.evidenceKey);
    if (!object) throw new AppError('CLAIM_EVIDENCE_NOT_FOUND');
    return object;
  }

  /** Pending count, and the median time from claim to verified over the last 30 days (roster matches count 0). */
  async stats(): Promise<ClaimStatsDto> {
    const [row]: [{ pending: number; median: number | null; verified: number }] = await this.claims.query(`
      SELECT (SELECT count(*)::int FROM verification_claims WHERE status = 'pending') AS pending,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM decided_at - created_at))::float8 AS median,
             count(*)::int AS verified
        FROM verification_claims
       WHERE status IN ('matched', 'approved') AND decided_at > now() - interval '30 days'`);
    return {
      pendingCount: row.pending,
      medianSecondsToVerified: row.median === null ? null : Math.round(row.median),
      verifiedLast30Days: row.verified,
    };
  }

  /** The alumnus becomes verified: profile from the roster entry (or the claim), and the interaction rows. */
  private async verify(
    manager: EntityManager,
    alumnusId: string,
    claim: VerificationClaimEntity,
    entry: RosterEntryEntity | null,
    method: 'roster_match' | 'staff_review',
  ): Promise<void> {
    const record = entry
      ? { realName: entry.name, graduationYear: entry.graduationYear, departmentId: entry.departmentId, className: entry.className }
      : { realName: claim.name, graduationYear: claim.graduationYear, departmentId: claim.departmentId, className: claim.className };
    const extras = entry ? { major: entry.major, degree: entry.degree } : {};
    await this.alumni.recordVerification(manager, alumnusId, record, extras, claim.decidedAt!);
    // The first alumnus verified in a class the roster never listed opens its class group.
    if (record.className) {
      await this.groups.ensureClassGroup(manager, {
        graduationYear: record.graduationYear,
        departmentId: record.departmentId,
        className: record.className,
      });
    }
    if (entry) {
      await this.interactions.record(manager, { alumnusId, kind: 'identity.claimed', subjectType: 'roster_entry', subjectId: entry.id });
      const event = { alumnusId, rosterEntryId: entry.id, name: entry.name, verifiedAt: claim.decidedAt! };
      for (const listener of this.listeners) await listener.entryVerified(manager, event);
    }
    await this.interactions.record(manager, {
      alumnusId,
      kind: 'identity.verified',
      subjectType: 'verification_claim',
      subjectId: claim.id,
      detail: { method },
    });
  }

  private async assertGuessesLeft(manager: EntityManager, alumnusId: string): Promise<void> {
    const [{ count }]: [{ count: number }] = await manager.query(
      `SELECT count(*)::int AS count FROM verification_claims
        WHERE alumnus_id = $1 AND status <> 'matched' AND created_at > now() - interval '24 hours'`,
      [alumnusId],
    );
    if (count >= CLAIM_LIMITS.unmatchedPerDay) {
      throw new AppError('CLAIM_RATE_LIMITED', [
        { issue: `at most ${CLAIM_LIMITS.unmatchedPerDay} claims without a roster match per 24 hours` },
      ]);
    }
  }

  /** A new claim replaces the one still waiting: the queue holds one claim per alumnus. */
  private async withdrawPending(manager: EntityManager, alumnusId: string): Promise<void> {
    await manager.update(VerificationClaimEntity, { alumnusId, status: 'pending' }, { status: 'withdrawn' });
  }

  private async lockAlumnus(manager: EntityManager, id: string): Promise<AlumnusEntity> {
    const alumnus = await this.alumni.lockActive(manager, id);
    if (!alumnus) throw new AppError('ALUMNUS_NOT_FOUND');
    return alumnus;
  }

  private async lockClaim(manager: EntityManager, id: string): Promise<VerificationClaimEntity> {
    const claim = await manager.getRepository(VerificationClaimEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!claim) throw new AppError('CLAIM_NOT_FOUND');
    return claim;
  }

  private async lockPending(manager: EntityManager, id: string): Promise<VerificationClaimEntity> {
    const claim = await this.lockClaim(manager, id);
    if (claim.status !== 'pending') throw new AppError('CLAIM_NOT_PENDING');
    return claim;
  }

  private async present(rows: VerificationClaimEntity[]): Promise<ClaimDto[]> {
    const departments = await this.school.departmentNames(rows.map((r) => r.departmentId));
    return rows.map((row) => ({
      id: row.id,
      status: row.status,
      name: row.name,
      graduationYear: row.graduationYear,
      department: { id: row.departmentId, name: departments.get(row.departmentId) ?? '' },
      studentNumber: row.studentNumber,
      className: row.className,
      hasEvidence: row.evidenceKey !== null,
      rejectReason: row.rejectReason,
      createdAt: row.createdAt.toISOString(),
      decidedAt: row.decidedAt?.toISOString() ?? null,
    }));
  }

  /** A file no row points to any more; failing to remove it only leaves an orphan behind. */
  private async removeFile(key: string): Promise<void> {
    try {
      await this.storage.delete(key);
    } catch (error) {
      this.logger.warn({ err: error, key }, 'could not remove an unused upload');
    }
  }
}
