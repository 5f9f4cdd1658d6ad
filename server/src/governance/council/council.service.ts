import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, In } from 'typeorm';
import {
  type AuthUserDto,
  type CouncilDto,
  type CouncilMemberDto,
  type CouncilMemberInput,
  councilTitleRank,
  GOVERNANCE_LIMITS,
  shanghaiDay,
} from '@alumni/shared';
import { AlumniService } from '../../alumni/alumni.service.js';
import type { AlumnusEntity } from '../../alumni/alumnus.entity.js';
import { canSee } from '../../alumni/alumnus-view.js';
import { AuditService } from '../../audit/audit.service.js';
import { AppError } from '../../common/app-error.js';
import { InteractionsService } from '../../interactions/interactions.service.js';
import { SchoolService } from '../../school/school.service.js';
import { OBJECT_STORAGE, type ObjectStorage } from '../../storage/storage.port.js';
import { phaseOf } from '../votes/vote-presenter.js';
import { VoteEntity } from '../votes/vote.entity.js';
import { CouncilMemberEntity } from './council-member.entity.js';

/** The term fields staff may change after adding a member. */
export type CouncilTermInput = Pick<CouncilMemberInput, 'title' | 'intro' | 'termStartsOn' | 'termEndsOn'>;

const isServing = (m: CouncilMemberEntity, today: string) => m.termStartsOn <= today && (m.endedOn ?? m.termEndsOn) >= today;

/**
 * The alumni council (校友理事会): members with terms, appointed by staff or elected — an
 * elected member names the election whose published result lists them as a candidate. The
 * public page shows who serves today, highest title first, and past terms.
 */
@Injectable()
export class CouncilService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly alumni: AlumniService,
    private readonly school: SchoolService,
    private readonly interactions: InteractionsService,
    private readonly audit: AuditService,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
  ) {}

  /** The public page: serving members and past ones (terms that ended); future terms are staff's. */
  async council(viewer: AuthUserDto | undefined): Promise<CouncilDto> {
    const today = shanghaiDay(new Date());
    const all = await this.present(await this.rows(), viewer ?? null);
    return {
      current: all.filter((m) => m.current),
      past: all.filter((m) => !m.current && (m.endedOn ?? m.termEndsOn) < today),
    };
  }

  /** Staff: every term, serving, past and future. */
  async listForStaff(staff: AuthUserDto): Promise<CouncilMemberDto[]> {
    return this.present(await this.rows(), staff);
  }

  async add(staff: AuthUserDto, input: CouncilMemberInput): Promise<CouncilMemberDto> {
    checkTerm(input.termStartsOn, input.termEndsOn);
    const voteId = input.source === 'elected' ? (input.voteId ?? null) : null;
    if (input.source === 'elected') await this.checkElection(voteId, input.alumnusId);
    const member = await this.dataSource.transaction(async (manager) => {
      // The alumnus's row lock makes two overlapping terms added at once take turns.
      const alumnus = await this.alumni.lockActive(manager, input.alumnusId);
      if (!alumnus || alumnus.verifiedAt === null) throw new AppError('COUNCIL_MEMBER_INELIGIBLE');
      await this.assertNoOverlap(manager, input.alumnusId, input.termStartsOn, input.termEndsOn, null);
      const saved = await manager.save(CouncilMemberEntity, {
        alumnusId: input.alumnusId,
        title: input.title,
        intro: input.intro ?? '',
        termStartsOn: input.termStartsOn,
        termEndsOn: input.termEndsOn,
        source: input.source,
        voteId,
        createdBy: staff.id,
      });
      await this.interactions.record(manager, {
        alumnusId: input.alumnusId,
        kind: 'governance.council_joined',
        subjectType: 'council_member',
        subjectId: saved.id,
        detail: { title: input.title, source: input.source, termStartsOn: input.termStartsOn, termEndsOn: input.termEndsOn },
      });
      await this.audit.record(manager, {
        actorId: staff.id,
        action: 'council.member_added',
        subjectType: 'council_member',
        subjectId: saved.id,
        after: {
          alumnusId: input.alumnusId,
          title: input.title,
          source: input.source,
          voteId,
          term: [input.termStartsOn, input.termEndsOn],
        },
      });
      return saved;
    });
    return (await this.present([member], staff))[0]!;
  }

  /** Staff correct a term's title, introduction or dates. */
  async update(staff: AuthUserDto, id: string, input: CouncilTermInput): Promise<CouncilMemberDto> {
    checkTerm(input.termStartsOn, input.termEndsOn);
    const member = await this.dataSource.transaction(async (manager) => {
      const found = await manager.findOneBy(CouncilMemberEntity, { id });
      if (!found) throw new AppError('COUNCIL_MEMBER_NOT_FOUND');
      await this.alumni.lockActive(manager, found.alumnusId);
      const member = await this.lock(manager, id);
      if (member.endedOn !== null && member.endedOn > input.termEndsOn) throw new AppError('COUNCIL_TERM_INVALID');
      await this.assertNoOverlap(manager, member.alumnusId, input.termStartsOn, input.termEndsOn, id);
      const changes = { title: input.title, intro: input.intro ?? '', termStartsOn: input.termStartsOn, termEndsOn: input.termEndsOn };
      await manager.update(CouncilMemberEntity, { id }, changes);
      await this.audit.record(manager, {
        actorId: staff.id,
        action: 'council.member_updated',
        subjectType: 'council_member',
        subjectId: id,
        before: { title: member.title, term: [member.termStartsOn, member.termEndsOn] },
        after: { title: input.title, term: [input.termStartsOn, input.termEndsOn] },
      });
      return { ...member, ...changes };
    });
    return (await this.present([member], staff))[0]!;
  }

  /** Ends a membership today (resigned, removed); a term not yet begun ends before it starts. */
  async end(staff: AuthUserDto, id: string, reason: string | null): Promise<CouncilMemberDto> {
    const member = await this.dataSource.transaction(async (manager) => {
      const member = await this.lock(manager, id);
      const today = shanghaiDay(new Date());
      if (member.endedOn !== null || member.termEndsOn < today)
        throw new AppError('COUNCIL_MEMBER_NOT_FOUND', [{ issue: 'this term has already ended' }]);
      const endedOn = member.termStartsOn > today ? dayBefore(member.termStartsOn) : today;
      await manager.update(CouncilMemberEntity, { id }, { endedOn, endReason: reason });
      await this.interactions.record(manager, {
        alumnusId: member.alumnusId,
        kind: 'governance.council_left',
        subjectType: 'council_member',
        subjectId: id,
        detail: { title: member.title },
      });
      await this.audit.record(manager, {
        actorId: staff.id,
        action: 'council.member_ended',
        subjectType: 'council_member',
        subjectId: id,
        before: { termEndsOn: member.termEndsOn },
        after: { endedOn, reason },
      });
      return { ...member, endedOn, endReason: reason };
    });
    return (await this.present([member], staff))[0]!;
  }

  /** An elected member: the election exists, closed with its result published, and lists them as a candidate. */
  private async checkElection(voteId: string | null, alumnusId: string): Promise<void> {
    const problem = (issue: string) => new AppError('COUNCIL_ELECTION_INVALID', [{ field: 'voteId', issue }]);
    if (voteId === null) throw problem('an elected member names the election (voteId)');
    const vote = await this.dataSource.manager.findOneBy(VoteEntity, { id: voteId });
    if (!vote || vote.purpose !== 'election') throw problem('no election has this id');
    if (phaseOf(vote) !== 'closed' || vote.resultsPublishedAt === null) throw problem('the election’s result is not published yet');
    if (!vote.options.some((o) => o.candidateId === alumnusId)) throw problem('the alumnus was not a candidate in this election');
  }

  private async assertNoOverlap(manager: EntityManager, alumnusId: string, from: string, to: string, except: string | null) {
    const [row]: [{ overlapping: boolean }] = await manager.query(
      `SELECT EXISTS (
         SELECT 1 FROM council_members
          WHERE alumnus_id = $1 AND ($4::uuid IS NULL OR id <> $4)
            AND term_starts_on <= $3 AND coalesce(ended_on, term_ends_on) >= $2
       ) AS overlapping`,
      [alumnusId, from, to, except],
    );
    if (row.overlapping) throw new AppError('COUNCIL_MEMBER_OVERLAP');
  }

  private async lock(manager: EntityManager, id: string): Promise<CouncilMemberEntity> {
    const member = await manager.findOne(CouncilMemberEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!member) throw new AppError('COUNCIL_MEMBER_NOT_FOUND');
    return member;
  }

  private rows(): Promise<CouncilMemberEntity[]> {
    return this.dataSource.manager.find(CouncilMemberEntity, { order: { termStartsOn: 'DESC', createdAt: 'ASC' } });
  }

  /** Members as the viewer may see them (avatar, year and department as each one's visibility allows), highest title first. */
  private async present(rows: CouncilMemberEntity[], viewer: AuthUserDto | null): Promise<CouncilMemberDto[]> {
    const today = shanghaiDay(new Date());
    const people = new Map((await this.alumni.findByIds([...new Set(rows.map((r) => r.alumnusId))])).map((a) => [a.id, a]));
    const departments = await this.school.departmentNames(
      [...people.values()].map((a) => a.departmentId).filter((id): id is string => id !== null),
    );
    const voteIds = [...new Set(rows.map((r) => r.voteId).filter((id): id is string => id !== null))];
    const votes = voteIds.length === 0 ? [] : await this.dataSource.manager.findBy(VoteEntity, { id: In(voteIds) });
    const voteTitles = new Map(votes.map((v) => [v.id, v.title]));
    const context = { viewer: viewer && { id: viewer.id, roles: viewer.roles }, groupPeers: new Set<string>() };
    const shown = (a: AlumnusEntity | undefined, field: 'avatar' | 'graduationYear' | 'department') =>
      a !== undefined && a.deletedAt === null && canSee(a, field, context);
    return rows
      .map((r) => {
        const a = people.get(r.alumnusId);
        return {
          id: r.id,
          alumnusId: r.alumnusId,
          name: a && a.deletedAt === null ? a.displayName : '已注销校友',
          avatarUrl: shown(a, 'avatar') && a!.avatarKey ? this.storage.urlFor(a!.avatarKey) : null,
          graduationYear: shown(a, 'graduationYear') ? a!.graduationYear : null,
          department: shown(a, 'department') && a!.departmentId ? (departments.get(a!.departmentId) ?? null) : null,
          title: r.title,
          intro: r.intro,
          termStartsOn: r.termStartsOn,
          termEndsOn: r.termEndsOn,
          endedOn: r.endedOn,
          source: r.source,
          voteId: r.voteId,
          voteTitle: r.voteId ? (voteTitles.get(r.voteId) ?? null) : null,
          current: isServing(r, today),
        };
      })
      .sort((x, y) => councilTitleRank(x.title) - councilTitleRank(y.title) || y.termStartsOn.localeCompare(x.termStartsOn));
  }
}

function checkTerm(from: string, to: string): void {
  const years = Number(to.slice(0, 4)) - Number(from.slice(0, 4));
  if (to < from || years > GOVERNANCE_LIMITS.maxTermYears || (years === GOVERNANCE_LIMITS.maxTermYears && to.slice(5) > from.slice(5))) {
    throw new AppError('COUNCIL_TERM_INVALID', [
      { field: 'termEndsOn', issue: `termEndsOn must lie between termStartsOn and ${GOVERNANCE_LIMITS.maxTermYears} years after it` },
    ]);
  }
}

function dayBefore(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}
