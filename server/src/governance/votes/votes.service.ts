import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  type AuthUserDto,
  formatPercent,
  GOVERNANCE_LIMITS,
  type Page,
  type VoteDto,
  type VoteInput,
  type VoteOptionDto,
  type VoterDto,
  type VoteSummaryDto,
  VOTE_CHOICE_LABELS,
} from '@alumni/shared';
import { AlumniService } from '../../alumni/alumni.service.js';
import { AudienceInvitationsService } from '../../audiences/audience-invitations.service.js';
import { AudiencesService } from '../../audiences/audiences.service.js';
import { AuditService } from '../../audit/audit.service.js';
import { AppError } from '../../common/app-error.js';
import { decodeCursor, keysetPage, type PageQueryDto, toPage } from '../../common/pagination.js';
import { buildSpreadsheet, type SpreadsheetFile, type SpreadsheetFormat } from '../../common/spreadsheet.js';
import { isStaffUser } from '../../groups/group-access.js';
import { JobsService } from '../../jobs/jobs.service.js';
import { OutboxService } from '../../outbox/outbox.service.js';
import { ballotStanding, phaseOf, presentVote, presentVoteSummary, resultsFor } from './vote-presenter.js';
import { voteResults } from './vote-results.js';
import { VoteEntity } from './vote.entity.js';
import { VoteParticipationEntity } from './vote-participation.entity.js';
import { VoteTallyEntity } from './vote-tally.entity.js';

const DAY_MS = 24 * 60 * 60 * 1000;

const normalised = (label: string) => label.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

/**
 * Votes and polls, as staff run them: a draft, published to open between its times, closed
 * early or cancelled, then its result published with a note. Alumni read published votes;
 * what they may see of the figures follows the vote's visibility (vote-presenter.ts). Ballots
 * are BallotsService's.
 */
@Injectable()
export class VotesService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly alumni: AlumniService,
    private readonly audiences: AudiencesService,
    private readonly invitations: AudienceInvitationsService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly jobs: JobsService,
  ) {}

  onModuleInit(): void {
    // A vote published to open later is announced to its audience once it opens.
    this.jobs.schedule('governance.votes-announce', '* * * * *', async () => {
      await this.announceOpened(new Date());
    });
  }

  /** Published votes for alumni, latest opening first, with whether the reader voted. */
  async list(user: AuthUserDto, query: PageQueryDto): Promise<Page<VoteSummaryDto>> {
    const builder = this.dataSource.manager.createQueryBuilder(VoteEntity, 'v').where(`v.status = 'published'`);
    const rows = await keysetPage(builder, 'opensAt', 'DESC', decodeCursor(query.cursor), query.limit).getMany();
    const [tallies, voted] = await Promise.all([
      this.tallies(rows.map((r) => r.id)),
      this.votedIn(
        user.id,
        rows.map((r) => r.id),
      ),
    ]);
    const labels = await this.labels(rows);
    return toPage(
      rows,
      query.limit,
      (r) => ({ at: r.opensAt, id: r.id }),
      (r) => presentVoteSummary(r, labels.get(r.id)!, tallies.get(r.id)?.ballots ?? 0, voted.has(r.id)),
    );
  }

  /** Staff: every vote, drafts included, newest first. */
  async listForStaff(query: PageQueryDto): Promise<Page<VoteSummaryDto>> {
    const builder = this.dataSource.manager.createQueryBuilder(VoteEntity, 'v');
    const rows = await keysetPage(builder, 'createdAt', 'DESC', decodeCursor(query.cursor), query.limit).getMany();
    const tallies = await this.tallies(rows.map((r) => r.id));
    const labels = await this.labels(rows);
    return toPage(
      rows,
      query.limit,
      (r) => ({ at: r.createdAt, id: r.id }),
      (r) => presentVoteSummary(r, labels.get(r.id)!, tallies.get(r.id)?.ballots ?? 0, null),
    );
  }

  /** One vote as the reader may see it: drafts only to staff. */
  async detail(user: AuthUserDto, id: string): Promise<VoteDto> {
    const vote = await this.dataSource.manager.findOneBy(VoteEntity, { id });
    if (!vote || (vote.status === 'draft' && !isStaffUser(user))) throw new AppError('VOTE_NOT_FOUND');
    return this.present(vote, user);
  }

  async create(staff: AuthUserDto, input: VoteInput): Promise<VoteDto> {
    const fields = await this.checked(input);
    const vote = await this.dataSource.transaction(async (manager) => {
      const saved = await manager.save(VoteEntity, { ...fields, status: 'draft' as const, createdBy: staff.id });
      await this.audit.record(manager, {
        actorId: staff.id,
        action: 'vote.created',
        subjectType: 'vote',
        subjectId: saved.id,
        after: { title: saved.title, purpose: saved.purpose, secret: saved.secret },
      });
      return saved;
    });
    return this.present(vote, staff);
  }

  /** A draft's whole content; a published vote's ballots depend on it, so it is fixed once published. */
  async update(staff: AuthUserDto, id: string, input: VoteInput): Promise<VoteDto> {
    const fields = await this.checked(input);
    const vote = await this.dataSource.transaction(async (manager) => {
      const vote = await this.lock(manager, id);
      if (vote.status !== 'draft') throw new AppError('VOTE_STATE_CONFLICT', [{ issue: 'only a draft can be edited' }]);
      await manager.update(VoteEntity, { id }, fields);
      await this.audit.record(manager, {
        actorId: staff.id,
        action: 'vote.updated',
        subjectType: 'vote',
        subjectId: id,
        before: { title: vote.title },
        after: { title: fields.title },
      });
      return { ...vote, ...fields };
    });
    return this.present(vote, staff);
  }

  /**
   * Publishes a draft: it opens at its start (at once when that has come) with an empty ballot
   * box; its audience is told when it opens.
   */
  async publish(staff: AuthUserDto, id: string): Promise<VoteDto> {
    const vote = await this.dataSource.transaction(async (manager) => {
      const vote = await this.lock(manager, id);
      if (vote.status !== 'draft') throw new AppError('VOTE_STATE_CONFLICT', [{ issue: 'only a draft can be published' }]);
      const now = new Date();
      if (vote.closesAt <= now)
        throw new AppError('VOTE_TIME_INVALID', [{ field: 'closesAt', issue: 'the vote would close before it opens' }]);
      const opensAt = vote.opensAt < now ? now : vote.opensAt;
      const opened = opensAt <= now;
      const changes = { status: 'published' as const, publishedAt: now, opensAt, announcedAt: opened ? now : null };
      await manager.update(VoteEntity, { id }, changes);
      await manager.insert(VoteTallyEntity, { voteId: id, ballots: 0, counts: Array(vote.optionCount).fill(0) });
      const published = { ...vote, ...changes };
      if (opened) await this.announce(manager, published);
      await this.audit.record(manager, {
        actorId: staff.id,
        action: 'vote.published',
        subjectType: 'vote',
        subjectId: id,
        before: { status: 'draft' },
        after: { status: 'published', opensAt: opensAt.toISOString(), closesAt: vote.closesAt.toISOString() },
      });
      return published;
    });
    return this.present(vote, staff);
  }

  /** Ends an open vote now. Ballots already being cast finish first (they hold the vote's row in share mode). */
  async close(staff: AuthUserDto, id: string): Promise<VoteDto> {
    return this.transition(staff, id, 'vote.closed', (vote, now) => {
      if (phaseOf(vote, now) !== 'open') throw new AppError('VOTE_STATE_CONFLICT', [{ issue: 'only an open vote can be closed' }]);
      return { closesAt: now };
    });
  }

  /** Cancels a draft, or a published vote before it has closed; its figures are never shown. */
  async cancel(staff: AuthUserDto, id: string): Promise<VoteDto> {
    return this.transition(staff, id, 'vote.cancelled', (vote, now) => {
      const phase = phaseOf(vote, now);
      if (phase !== 'draft' && phase !== 'upcoming' && phase !== 'open') {
        throw new AppError('VOTE_STATE_CONFLICT', [{ issue: 'a closed or cancelled vote cannot be cancelled' }]);
      }
      return { status: 'cancelled' as const };
    });
  }

  /** Publishes a closed vote's result to its readers, with an optional note; every voter is told. */
  async publishResults(staff: AuthUserDto, id: string, note: string | null): Promise<VoteDto> {
    return this.transition(
      staff,
      id,
      'vote.results_published',
      (vote, now) => {
        if (phaseOf(vote, now) !== 'closed' || vote.resultsPublishedAt !== null) {
          throw new AppError('VOTE_STATE_CONFLICT', [{ issue: 'a result is published once, after the vote closed' }]);
        }
        return { resultsPublishedAt: now, resultNote: note };
      },
      async (manager, vote) => {
        const voters: { alumnus_id: string }[] = await manager.query(`SELECT alumnus_id FROM vote_participations WHERE vote_id = $1`, [
          vote.id,
        ]);
        await this.outbox.enqueue(
          manager,
          voters.map(({ alumnus_id }) => ({
            alumnusId: alumnus_id,
            kind: 'governance.vote-result',
            payload: { voteId: vote.id, title: vote.title },
            dedupeKey: `vote-result:${vote.id}:${alumnus_id}`,
          })),
        );
      },
    );
  }

  /** Staff: who voted, by account (never how, for a secret ballot). */
  async voters(id: string, query: PageQueryDto): Promise<Page<VoterDto>> {
    const vote = await this.dataSource.manager.findOneBy(VoteEntity, { id });
    if (!vote) throw new AppError('VOTE_NOT_FOUND');
    const after = decodeCursor(query.cursor);
    const rows = await this.dataSource.manager
      .createQueryBuilder(VoteParticipationEntity, 'p')
      .where('p.voteId = :id', { id })
      .andWhere(after ? 'p.alumnusId > :after' : 'TRUE', { after: after?.id })
      .orderBy('p.alumnusId', 'ASC')
      .limit(query.limit + 1)
      .getMany();
    const people = new Map((await this.alumni.findByIds(rows.map((r) => r.alumnusId))).map((a) => [a.id, a]));
    return toPage(
      rows,
      query.limit,
      (r) => ({ at: new Date(0), id: r.alumnusId }),
      (r) => {
        const person = people.get(r.alumnusId);
        return {
          alumnusId: r.alumnusId,
          name: person ? (person.realName ?? person.displayName) : '校友',
          graduationYear: person?.graduationYear ?? null,
          choices: r.choices,
        };
      },
    );
  }

  /** The result table (and who voted, with their choices for an open ballot), as CSV or XLSX. */
  async export(staff: AuthUserDto, id: string, format: SpreadsheetFormat): Promise<SpreadsheetFile> {
    const vote = await this.dataSource.manager.findOneBy(VoteEntity, { id });
    if (!vote) throw new AppError('VOTE_NOT_FOUND');
    const dto = await this.present(vote, staff);
    if (!dto.results) throw new AppError('VOTE_STATE_CONFLICT', [{ issue: dto.resultsHiddenReason ?? 'no figures to export yet' }]);
    const { results } = dto;
    return buildSpreadsheet({
      basename: `投票结果-${vote.title}`,
      sheetName: '投票结果',
      header: ['选项', '票数', '占投票人数', '占全部选择'],
      rows: [
        ...results.options.map((o) => [o.label, String(o.count), formatPercent(o.shareOfBallots), formatPercent(o.shareOfChoices)]),
        ['投票人数', String(results.ballots), '', ''],
        ['有投票资格', String(results.eligible), `投票率 ${formatPercent(results.turnout)}`, ''],
        ['方式', `${VOTE_CHOICE_LABELS[vote.choice]}${vote.secret ? '，无记名' : '，记名'}`, '', ''],
      ],
      format,
    });
  }

  /** Tells the audiences of votes that have opened since they were published; answers how many votes. */
  async announceOpened(now: Date): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const due = await manager
        .createQueryBuilder(VoteEntity, 'v')
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .where(`v.status = 'published' AND v.announcedAt IS NULL AND v.opensAt <= :now AND v.closesAt > :now`, { now })
        .getMany();
      for (const vote of due) {
        await manager.update(VoteEntity, { id: vote.id }, { announcedAt: now });
        await this.announce(manager, vote);
      }
      return due.length;
    });
  }

  async present(vote: VoteEntity, user: AuthUserDto, manager: EntityManager = this.dataSource.manager): Promise<VoteDto> {
    const now = new Date();
    const [tally, audience, participation] = await Promise.all([
      manager.findOneBy(VoteTallyEntity, { voteId: vote.id }),
      this.audiences.describe(vote.audience, manager),
      manager.findOneBy(VoteParticipationEntity, { voteId: vote.id, alumnusId: user.id }),
    ]);
    const shown = resultsFor(vote, user, now);
    const results = shown.visible && tally ? await this.resultsOf(vote, tally, now, manager) : null;
    const me = await ballotStanding(vote, participation, now, () => this.standingOf(user, vote, manager));
    return presentVote(vote, { audience, ballots: tally?.ballots ?? 0, results, hiddenReason: shown.visible ? null : shown.reason, me });
  }

  /** Whether an account may vote in this audience now: null when it may, else the reason in the page's words. */
  private async standingOf(user: AuthUserDto, vote: VoteEntity, manager: EntityManager): Promise<string | null> {
    const alumnus = await this.alumni.findActive(user.id, manager);
    if (!alumnus || alumnus.verifiedAt === null) return '完成校友认证后可以投票';
    return (await this.audiences.includes(vote.audience, user.id, manager)) ? null : '你不在本次投票的范围内';
  }

  private async resultsOf(vote: VoteEntity, tally: VoteTallyEntity, now: Date, manager: EntityManager) {
    const final = phaseOf(vote, now) === 'closed';
    return voteResults(vote, tally, await this.audiences.size(vote.audience, manager), final);
  }

  private async announce(manager: EntityManager, vote: VoteEntity): Promise<void> {
    await this.invitations.schedule(manager, {
      spec: vote.audience,
      kind: 'governance.vote-opened',
      payload: { voteId: vote.id, title: vote.title, closesAt: vote.closesAt.toISOString(), purpose: vote.purpose },
      dedupeKey: `vote-opened:${vote.id}`,
    });
  }

  private async transition(
    staff: AuthUserDto,
    id: string,
    action: string,
    change: (vote: VoteEntity, now: Date) => Partial<VoteEntity>,
    after?: (manager: EntityManager, vote: VoteEntity) => Promise<void>,
  ): Promise<VoteDto> {
    const vote = await this.dataSource.transaction(async (manager) => {
      const vote = await this.lock(manager, id);
      const now = new Date();
      const changes = change(vote, now);
      await manager.update(VoteEntity, { id }, changes);
      const changed = { ...vote, ...changes };
      await this.audit.record(manager, {
        actorId: staff.id,
        action,
        subjectType: 'vote',
        subjectId: id,
        before: { phase: phaseOf(vote, now) },
        after: { phase: phaseOf(changed, now), ...(changes.resultNote !== undefined ? { note: changes.resultNote } : {}) },
      });
      await after?.(manager, changed);
      return changed;
    });
    return this.present(vote, staff);
  }

  /** The input checked as a whole (options, candidates, times, secrecy, audience), as the row's fields. */
  private async checked(input: VoteInput) {
    const optionProblem = (issue: string) => new AppError('VOTE_OPTIONS_INVALID', [{ field: 'options', issue }]);
    const labels = input.options.map((o) => normalised(o.label));
    if (new Set(labels).size !== labels.length) throw optionProblem('two options have the same name');
    const optionCount = input.options.length;
    let maxChoices = 1;
    if (input.choice === 'multiple') {
      maxChoices = input.maxChoices ?? optionCount;
      if (maxChoices < 2 || maxChoices > optionCount) throw optionProblem(`maxChoices must lie between 2 and ${optionCount}`);
    }
    const candidates = input.options.map((o) => o.candidateId ?? null);
    if (input.purpose === 'election') {
      const ids = candidates.filter((c): c is string => c !== null);
      if (ids.length !== optionCount || new Set(ids).size !== ids.length) {
        throw new AppError('VOTE_CANDIDATE_INVALID', [
          { field: 'options', issue: 'every option of an election names a different candidate' },
        ]);
      }
      const verified = (await this.alumni.findByIds(ids)).filter((a) => a.verifiedAt !== null && a.deletedAt === null);
      if (verified.length !== ids.length) {
        throw new AppError('VOTE_CANDIDATE_INVALID', [{ field: 'options', issue: 'every candidate must be a verified alumnus' }]);
      }
    } else if (candidates.some((c) => c !== null)) {
      throw new AppError('VOTE_CANDIDATE_INVALID', [{ field: 'options', issue: 'only an election names candidates' }]);
    }
    const opensAt = new Date(input.opensAt);
    const closesAt = new Date(input.closesAt);
    if (closesAt <= opensAt) throw new AppError('VOTE_TIME_INVALID', [{ field: 'closesAt', issue: 'closesAt must be after opensAt' }]);
    if (closesAt.getTime() - opensAt.getTime() > GOVERNANCE_LIMITS.maxOpenDays * DAY_MS) {
      throw new AppError('VOTE_TIME_INVALID', [{ field: 'closesAt', issue: `a vote runs at most ${GOVERNANCE_LIMITS.maxOpenDays} days` }]);
    }
    if (closesAt.getTime() <= Date.now()) {
      throw new AppError('VOTE_TIME_INVALID', [{ field: 'closesAt', issue: 'closesAt must be in the future' }]);
    }
    if (input.secret && input.resultsVisibility === 'live') {
      throw new AppError('VOTE_SECRET_LIVE_RESULTS', [
        { field: 'resultsVisibility', issue: 'a secret ballot shows its result after it closes' },
      ]);
    }
    const options: VoteOptionDto[] = input.options.map((o, i) => ({
      number: i + 1,
      label: o.label,
      description: o.description ?? null,
      candidateId: o.candidateId ?? null,
    }));
    return {
      title: input.title,
      description: input.description,
      purpose: input.purpose,
      choice: input.choice,
      maxChoices,
      options,
      optionCount,
      audience: await this.audiences.normalise(input.audience),
      opensAt,
      closesAt,
      resultsVisibility: input.resultsVisibility,
      secret: input.secret,
    };
  }

  private async lock(manager: EntityManager, id: string): Promise<VoteEntity> {
    const vote = await manager.findOne(VoteEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!vote) throw new AppError('VOTE_NOT_FOUND');
    return vote;
  }

  private async tallies(ids: string[]): Promise<Map<string, VoteTallyEntity>> {
    if (ids.length === 0) return new Map();
    const rows = await this.dataSource.manager.createQueryBuilder(VoteTallyEntity, 't').where('t.voteId IN (:...ids)', { ids }).getMany();
    return new Map(rows.map((r) => [r.voteId, r]));
  }

  private async votedIn(alumnusId: string, ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.dataSource.manager
      .createQueryBuilder(VoteParticipationEntity, 'p')
      .where('p.alumnusId = :alumnusId AND p.voteId IN (:...ids)', { alumnusId, ids })
      .getMany();
    return new Set(rows.map((r) => r.voteId));
  }

  private async labels(rows: VoteEntity[]): Promise<Map<string, string>> {
    const entries = await Promise.all(rows.map(async (r) => [r.id, await this.audiences.label(r.audience)] as const));
    return new Map(entries);
  }
}
