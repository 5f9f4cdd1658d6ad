import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, In, type SelectQueryBuilder } from 'typeorm';
import {
  type AuthUserDto,
  type Page,
  PUBLIC_SUGGESTION_STATUSES,
  SUGGESTION_ANSWERS,
  SUGGESTION_STAGES,
  SUGGESTION_STATUS_LABELS,
  type SuggestionStage,
  type SuggestionDto,
  type SuggestionInput,
  type SuggestionStatus,
  type SuggestionStepInput,
  type SuggestionSummaryDto,
} from '@alumni/shared';
import { AlumniService } from '../../alumni/alumni.service.js';
import { AuditService } from '../../audit/audit.service.js';
import { AppError } from '../../common/app-error.js';
import { decodeCursor, keysetPage, type PageQueryDto, toPage } from '../../common/pagination.js';
import { ContentGateService } from '../../content-security/content-gate.service.js';
import { isStaffUser } from '../../groups/group-access.js';
import { ConsentService } from '../../identity/consent.service.js';
import { InteractionsService } from '../../interactions/interactions.service.js';
import { JobsService } from '../../jobs/jobs.service.js';
import { OutboxService } from '../../outbox/outbox.service.js';
import { GovernanceSettingsService } from '../governance-settings.service.js';
import { SuggestionEntity } from './suggestion.entity.js';
import { SuggestionCosignEntity } from './suggestion-cosign.entity.js';
import { SuggestionStepEntity } from './suggestion-step.entity.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const LAPSE_BATCH = 200;

/** Where a suggestion may still gather co-signatures: until it is answered. */
const COSIGNABLE: SuggestionStatus[] = ['collecting', 'received', 'under_review'];
/** What each staff step may follow. */
const STEP_FROM: Record<SuggestionStepInput['to'], SuggestionStatus[]> = {
  under_review: ['received'],
  answered: ['received', 'under_review'],
  adopted: ['received', 'under_review'],
  declined: ['received', 'under_review'],
};

/**
 * Suggestions to the school (建言献策, docs/governance.md): a verified alumnus submits one
 * (its text checked; held for staff when the check asks); others co-sign, once each; at the
 * threshold it reaches the staff queue (`received`), and staff move it through review to a
 * public answer. The author and every co-signer hear of each step. Left below the threshold
 * past its collecting window, it lapses.
 */
@Injectable()
export class SuggestionsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly alumni: AlumniService,
    private readonly consent: ConsentService,
    private readonly gate: ContentGateService,
    private readonly settings: GovernanceSettingsService,
    private readonly interactions: InteractionsService,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly jobs: JobsService,
  ) {}

  onModuleInit(): void {
    this.jobs.schedule('governance.suggestions-lapse', '*/10 * * * *', async () => {
      await this.lapseDue(new Date());
    });
  }

  /** The public list, newest first: every public suggestion, or one stage of them. */
  async list(stage: SuggestionStage | undefined, query: PageQueryDto): Promise<Page<SuggestionSummaryDto>> {
    const statuses: readonly SuggestionStatus[] = stage ? SUGGESTION_STAGES[stage] : PUBLIC_SUGGESTION_STATUSES;
    const builder = this.dataSource.manager.createQueryBuilder(SuggestionEntity, 's').where('s.status IN (:...statuses)', { statuses });
    return this.page(builder, query);
  }

  /** My own suggestions, whatever their status. */
  async mine(user: AuthUserDto, query: PageQueryDto): Promise<Page<SuggestionSummaryDto>> {
    return this.page(this.dataSource.manager.createQueryBuilder(SuggestionEntity, 's').where('s.authorId = :me', { me: user.id }), query);
  }

  /** Staff: one status, newest first (`received`: the queue). */
  async listForStaff(status: SuggestionStatus, query: PageQueryDto): Promise<Page<SuggestionSummaryDto>> {
    return this.page(this.dataSource.manager.createQueryBuilder(SuggestionEntity, 's').where('s.status = :status', { status }), query);
  }

  /** One suggestion: public ones to anyone, the others to their author and staff. */
  async detail(user: AuthUserDto | undefined, id: string): Promise<SuggestionDto> {
    const suggestion = await this.dataSource.manager.findOneBy(SuggestionEntity, { id });
    if (!suggestion || !this.mayRead(suggestion, user)) throw new AppError('SUGGESTION_NOT_FOUND');
    return this.present(suggestion, user);
  }

  async create(user: AuthUserDto, input: SuggestionInput): Promise<SuggestionDto> {
    await this.participant(user);
    // Checked before the transaction: a slow WeChat holds no lock.
    const decision = await this.gate.decide(user.id, 'forum', `${input.title}\n${input.body}`);
    const suggestion = await this.dataSource.transaction(async (manager) => {
      const { cosignThreshold, collectingDays } = await this.settings.get(manager);
      const now = new Date();
      const status = decision.status === 'published' ? ('collecting' as const) : ('held' as const);
      const saved = await manager.save(SuggestionEntity, {
        authorId: user.id,
        title: input.title,
        category: input.category,
        body: input.body,
        status,
        checkOutcome: decision.checkOutcome,
        checkLabel: decision.checkLabel,
        threshold: cosignThreshold,
        collectUntil: new Date(now.getTime() + collectingDays * DAY_MS),
      });
      await this.step(manager, saved.id, status, null, user.id);
      await this.interactions.record(manager, {
        alumnusId: user.id,
        kind: 'governance.suggested',
        subjectType: 'suggestion',
        subjectId: saved.id,
        detail: { category: saved.category, status },
      });
      return saved;
    });
    return this.present(suggestion, user);
  }

  /**
   * Co-signs, once: the key refuses a second one on any instance. Counted under the
   * suggestion's row lock, so the co-signature that reaches the threshold is the one that
   * sends it to staff, exactly once.
   */
  async cosign(user: AuthUserDto, id: string): Promise<SuggestionDto> {
    const suggestion = await this.dataSource.manager.findOneBy(SuggestionEntity, { id });
    if (!suggestion || !this.mayRead(suggestion, user)) throw new AppError('SUGGESTION_NOT_FOUND');
    await this.participant(user);
    const updated = await this.dataSource.transaction(async (manager) => {
      const locked = await this.lock(manager, id);
      if (locked.authorId === user.id) throw new AppError('SUGGESTION_OWN');
      if (!COSIGNABLE.includes(locked.status)) throw new AppError('SUGGESTION_NOT_COSIGNABLE');
      const inserted: unknown[] = await manager.query(
        `INSERT INTO suggestion_cosigns (suggestion_id, alumnus_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING 1`,
        [id, user.id],
      );
      if (inserted.length === 0) throw new AppError('SUGGESTION_ALREADY_COSIGNED');
      const count = locked.cosignCount + 1;
      const reached = locked.status === 'collecting' && count >= locked.threshold;
      const changes = { cosignCount: count, ...(reached ? { status: 'received' as const, receivedAt: new Date() } : {}) };
      await manager.update(SuggestionEntity, { id }, changes);
      await this.interactions.record(manager, {
        alumnusId: user.id,
        kind: 'governance.cosigned',
        subjectType: 'suggestion',
        subjectId: id,
      });
      const changed = { ...locked, ...changes };
      if (reached) {
        await this.step(manager, id, 'received', `附议达到 ${locked.threshold} 人，已提交学校`, null);
        await this.notify(manager, changed, null);
      }
      return changed;
    });
    return this.present(updated, user);
  }

  /** The author withdraws a suggestion still waiting for review or collecting. */
  async withdraw(user: AuthUserDto, id: string): Promise<SuggestionDto> {
    const updated = await this.dataSource.transaction(async (manager) => {
      const suggestion = await this.lock(manager, id);
      if (!this.mayRead(suggestion, user)) throw new AppError('SUGGESTION_NOT_FOUND');
      if (suggestion.authorId !== user.id) throw new AppError('SUGGESTION_AUTHOR_ONLY');
      if (suggestion.status !== 'held' && suggestion.status !== 'collecting') throw new AppError('SUGGESTION_STATE_CONFLICT');
      await manager.update(SuggestionEntity, { id }, { status: 'withdrawn' });
      await this.step(manager, id, 'withdrawn', null, user.id);
      return { ...suggestion, status: 'withdrawn' as const };
    });
    return this.present(updated, user);
  }

  /** Staff let a held suggestion collect co-signatures (the check asked for a person; the person said yes). */
  async approve(staff: AuthUserDto, id: string): Promise<SuggestionDto> {
    return this.moderate(staff, id, 'collecting', null);
  }

  /** Staff refuse a held suggestion, with the reason its author sees. */
  async remove(staff: AuthUserDto, id: string, reason: string): Promise<SuggestionDto> {
    return this.moderate(staff, id, 'removed', reason);
  }

  /** Staff move a suggestion that reached them: under review, then answered, adopted or declined with a public answer. */
  async advance(staff: AuthUserDto, id: string, input: SuggestionStepInput): Promise<SuggestionDto> {
    const answer = input.answer ?? null;
    const final = SUGGESTION_ANSWERS.includes(input.to);
    if (final && answer === null)
      throw new AppError('SUGGESTION_ANSWER_REQUIRED', [{ field: 'answer', issue: 'an answer is published with it' }]);
    const updated = await this.dataSource.transaction(async (manager) => {
      const suggestion = await this.lock(manager, id);
      if (!STEP_FROM[input.to].includes(suggestion.status)) {
        throw new AppError('SUGGESTION_STATE_CONFLICT', [{ issue: `${input.to} follows ${STEP_FROM[input.to].join(' or ')}` }]);
      }
      const now = new Date();
      const changes = { status: input.to, ...(final ? { answer, answeredAt: now, answeredBy: staff.id } : {}) };
      await manager.update(SuggestionEntity, { id }, changes);
      await this.step(manager, id, input.to, answer, staff.id);
      await this.audit.record(manager, {
        actorId: staff.id,
        action: 'suggestion.advanced',
        subjectType: 'suggestion',
        subjectId: id,
        before: { status: suggestion.status },
        after: { status: input.to, answer },
      });
      const changed = { ...suggestion, ...changes };
      await this.notify(manager, changed, answer);
      return changed;
    });
    return this.present(updated, staff);
  }

  /** Marks the suggestions whose collecting window passed below the threshold (the scheduled job); answers how many. */
  async lapseDue(now: Date): Promise<number> {
    let total = 0;
    for (;;) {
      const lapsed = await this.dataSource.transaction(async (manager) => {
        const rows: SuggestionEntity[] = await manager
          .createQueryBuilder(SuggestionEntity, 's')
          .setLock('pessimistic_write')
          .setOnLocked('skip_locked')
          .where(`s.status = 'collecting' AND s.collectUntil <= :now`, { now })
          .orderBy('s.collectUntil')
          .limit(LAPSE_BATCH)
          .getMany();
        if (rows.length === 0) return 0;
        await manager.update(SuggestionEntity, { id: In(rows.map((r) => r.id)) }, { status: 'lapsed' });
        for (const row of rows) {
          await this.step(manager, row.id, 'lapsed', `征集期内附议 ${row.cosignCount} 人，未达到 ${row.threshold} 人`, null);
          await this.notify(manager, { ...row, status: 'lapsed' }, null, { authorOnly: true });
        }
        return rows.length;
      });
      total += lapsed;
      if (lapsed < LAPSE_BATCH) return total;
    }
  }

  private async moderate(staff: AuthUserDto, id: string, to: 'collecting' | 'removed', reason: string | null): Promise<SuggestionDto> {
    const updated = await this.dataSource.transaction(async (manager) => {
      const suggestion = await this.lock(manager, id);
      if (suggestion.status !== 'held') throw new AppError('SUGGESTION_STATE_CONFLICT', [{ issue: 'only a held suggestion is decided' }]);
      const { collectingDays } = await this.settings.get(manager);
      const changes = {
        status: to,
        moderatedBy: staff.id,
        moderationNote: reason,
        // The collecting window starts when the suggestion becomes public.
        ...(to === 'collecting' ? { collectUntil: new Date(Date.now() + collectingDays * DAY_MS) } : {}),
      };
      await manager.update(SuggestionEntity, { id }, changes);
      await this.step(manager, id, to, null, staff.id);
      await this.audit.record(manager, {
        actorId: staff.id,
        action: to === 'collecting' ? 'suggestion.approved' : 'suggestion.removed',
        subjectType: 'suggestion',
        subjectId: id,
        before: { status: 'held' },
        after: { status: to, reason },
      });
      const changed = { ...suggestion, ...changes };
      await this.notify(manager, changed, reason, { authorOnly: true });
      return changed;
    });
    return this.present(updated, staff);
  }

  /** Tells the author (and every co-signer, unless `authorOnly`) that the suggestion moved; once per status each. */
  private async notify(manager: EntityManager, suggestion: SuggestionEntity, note: string | null, options = { authorOnly: false }) {
    const cosigners: { alumnus_id: string }[] = options.authorOnly
      ? []
      : await manager.query(`SELECT alumnus_id FROM suggestion_cosigns WHERE suggestion_id = $1`, [suggestion.id]);
    const recipients = [...(suggestion.authorId ? [suggestion.authorId] : []), ...cosigners.map((c) => c.alumnus_id)];
    await this.outbox.enqueue(
      manager,
      recipients.map((alumnusId) => ({
        alumnusId,
        kind: 'governance.suggestion-updated',
        payload: {
          suggestionId: suggestion.id,
          title: suggestion.title,
          status: suggestion.status,
          statusLabel: SUGGESTION_STATUS_LABELS[suggestion.status],
          note,
          author: alumnusId === suggestion.authorId,
        },
        dedupeKey: `suggestion:${suggestion.id}:${suggestion.status}:${alumnusId}`,
      })),
    );
  }

  private step(manager: EntityManager, suggestionId: string, status: SuggestionStatus, note: string | null, actorId: string | null) {
    return manager.insert(SuggestionStepEntity, { suggestionId, status, note, actorId });
  }

  private async participant(user: AuthUserDto): Promise<void> {
    const alumnus = await this.alumni.findActive(user.id);
    if (!alumnus) throw new AppError('ALUMNUS_NOT_FOUND');
    if (alumnus.verifiedAt === null) throw new AppError('SUGGESTION_VERIFICATION_REQUIRED');
    await this.consent.assertConsented(user.id);
  }

  private mayRead(suggestion: SuggestionEntity, user: AuthUserDto | undefined): boolean {
    return (
      PUBLIC_SUGGESTION_STATUSES.includes(suggestion.status) ||
      (user !== undefined && (suggestion.authorId === user.id || isStaffUser(user)))
    );
  }

  private async lock(manager: EntityManager, id: string): Promise<SuggestionEntity> {
    const suggestion = await manager.findOne(SuggestionEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!suggestion) throw new AppError('SUGGESTION_NOT_FOUND');
    return suggestion;
  }

  private async page(builder: SelectQueryBuilder<SuggestionEntity>, query: PageQueryDto): Promise<Page<SuggestionSummaryDto>> {
    const rows = await keysetPage(builder, 'createdAt', 'DESC', decodeCursor(query.cursor), query.limit).getMany();
    const names = await this.authorNames(rows);
    return toPage(
      rows,
      query.limit,
      (r) => ({ at: r.createdAt, id: r.id }),
      (r) => summary(r, names),
    );
  }

  private async authorNames(rows: SuggestionEntity[]): Promise<Map<string, string>> {
    const ids = [...new Set(rows.map((r) => r.authorId).filter((id): id is string => id !== null))];
    return new Map((await this.alumni.findByIds(ids)).map((a) => [a.id, a.displayName]));
  }

  private async present(suggestion: SuggestionEntity, user: AuthUserDto | undefined): Promise<SuggestionDto> {
    const manager = this.dataSource.manager;
    const [names, history, cosigned, alumnus] = await Promise.all([
      this.authorNames([suggestion]),
      manager.find(SuggestionStepEntity, { where: { suggestionId: suggestion.id }, order: { at: 'ASC', id: 'ASC' } }),
      user ? manager.existsBy(SuggestionCosignEntity, { suggestionId: suggestion.id, alumnusId: user.id }) : false,
      user ? this.alumni.findActive(user.id) : null,
    ]);
    const author = user !== undefined && suggestion.authorId === user.id;
    const privileged = author || (user !== undefined && isStaffUser(user));
    const blockedReason = !user
      ? '登录并完成校友认证后可以附议'
      : author
        ? '这是你提交的建言'
        : cosigned
          ? '你已附议'
          : !COSIGNABLE.includes(suggestion.status)
            ? '这条建言已不再征集附议'
            : alumnus?.verifiedAt
              ? null
              : '完成校友认证后可以附议';
    return {
      ...summary(suggestion, names),
      body: suggestion.body,
      answer: suggestion.answer,
      answeredAt: suggestion.answeredAt?.toISOString() ?? null,
      moderationNote: privileged ? suggestion.moderationNote : null,
      history: history
        // The check's hold is between the author and staff.
        .filter((step) => privileged || PUBLIC_SUGGESTION_STATUSES.includes(step.status))
        .map((step) => ({ status: step.status, at: step.at.toISOString(), note: step.note })),
      me: user
        ? {
            author,
            cosigned,
            mayCosign: blockedReason === null,
            mayWithdraw: author && (suggestion.status === 'held' || suggestion.status === 'collecting'),
            blockedReason,
          }
        : null,
    };
  }
}

function summary(s: SuggestionEntity, names: Map<string, string>): SuggestionSummaryDto {
  return {
    id: s.id,
    title: s.title,
    category: s.category,
    status: s.status,
    cosignCount: s.cosignCount,
    threshold: s.threshold,
    authorName: s.authorId ? (names.get(s.authorId) ?? '校友') : '已注销校友',
    createdAt: s.createdAt.toISOString(),
    collectUntil: s.collectUntil.toISOString(),
  };
}
