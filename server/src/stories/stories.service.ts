import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyRequest } from 'fastify';
import { type DataSource, type EntityManager, In, type SelectQueryBuilder } from 'typeorm';
import {
  type AuthUserDto,
  type Page,
  shanghaiDay,
  STORY_LIMITS,
  type StoryCommentDto,
  type StoryDto,
  type StoryLikeDto,
  type StoryLinkDto,
  type StoryLinkInput,
  type StoryManageDto,
  type StoryPersonDto,
  type StoryStatus,
  type StorySummaryDto,
} from '@alumni/shared';
import { AlumniService } from '../alumni/alumni.service.js';
import type { AlumnusEntity } from '../alumni/alumnus.entity.js';
import { canSee } from '../alumni/alumnus-view.js';
import { AuditService } from '../audit/audit.service.js';
import { AppError } from '../common/app-error.js';
import { decodeCursor, keysetPage, type PageQueryDto, toPage } from '../common/pagination.js';
import { richTextWords } from '../common/rich-text.js';
import { CommentModerationService } from '../content-security/comment-moderation.service.js';
import { ContentGateService } from '../content-security/content-gate.service.js';
import { ContentReviewsService } from '../content-security/content-reviews.service.js';
import { MediaChecksService } from '../content-security/media-checks.service.js';
import { CampaignsService } from '../giving/campaigns.service.js';
import { isStaffUser } from '../groups/group-access.js';
import { ConsentService } from '../identity/consent.service.js';
import { InteractionsService } from '../interactions/interactions.service.js';
import { OutboxService } from '../outbox/outbox.service.js';
import { OBJECT_STORAGE, type ObjectStorage } from '../storage/storage.port.js';
import { readImageUploadWithThumbnail } from '../storage/upload.js';
import type { StoryBodyDto, StoriesQueryDto } from './dto/story.dto.js';
import { StoryCommentEntity } from './story-comment.entity.js';
import { StoryCommentReportEntity } from './story-comment-report.entity.js';
import { StoryLikeEntity } from './story-like.entity.js';
import { StoryEntity } from './story.entity.js';

export const COVER_FOLDER = 'story-covers';

/** Moves one of a story's counts; a count is not an edit, so `updated_at` stays. */
export function bump(manager: EntityManager, id: string, column: 'read_count' | 'like_count' | 'comment_count', delta: 1 | -1) {
  return manager.query(`UPDATE stories SET ${column} = ${column} + $2 WHERE id = $1`, [id, delta]);
}
const EDITABLE: StoryStatus[] = ['draft', 'returned'];
const SUBMITTABLE: StoryStatus[] = ['draft', 'returned'];
const MENTORING_PAGE = '/packages/careers/pages/mentors/index';

/**
 * Stories and news (docs/memories.md, Stories). Verified alumni and staff write drafts; the
 * author submits (the text is checked: risky is refused); staff publish, return with a note or
 * take down. A story about another alumnus needs that person's consent to the revision
 * published, asked in the app when it is submitted (or recorded by staff when given offline).
 * Readers like, comment (checked; held ones wait for staff) and are counted once a day.
 */
@Injectable()
export class StoriesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly alumni: AlumniService,
    private readonly consent: ConsentService,
    private readonly gate: ContentGateService,
    private readonly reviews: ContentReviewsService,
    private readonly mediaChecks: MediaChecksService,
    private readonly campaigns: CampaignsService,
    private readonly interactions: InteractionsService,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly moderation: CommentModerationService,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
  ) {}

  /** Published stories, newest first, of one kind or all. */
  list(query: StoriesQueryDto): Promise<Page<StorySummaryDto>> {
    const builder = this.dataSource.manager.createQueryBuilder(StoryEntity, 's').where(`s.status = 'published'`);
    if (query.kind !== undefined) builder.andWhere('s.kind = :kind', { kind: query.kind });
    return this.summaries(builder, 'publishedAt', query);
  }

  /** The stories I wrote, and those about me that wait for my consent, newest first. */
  mine(user: AuthUserDto, query: PageQueryDto): Promise<Page<StorySummaryDto>> {
    const builder = this.dataSource.manager
      .createQueryBuilder(StoryEntity, 's')
      .where(`(s.authorId = :me OR (s.subjectAlumnusId = :me AND s.consentStatus IN ('requested', 'given', 'refused')))`, { me: user.id });
    return this.summaries(builder, 'createdAt', query);
  }

  /** Staff: stories of one status (`submitted`: the review queue). */
  listForStaff(status: StoryStatus, query: PageQueryDto): Promise<Page<StorySummaryDto>> {
    const builder = this.dataSource.manager.createQueryBuilder(StoryEntity, 's').where('s.status = :status', { status });
    return this.summaries(builder, 'createdAt', query);
  }

  /**
   * One story. Published ones are public; others for their author, staff and the person they
   * are about once asked. A signed-in reader other than the author counts once per Shanghai day.
   */
  async detail(user: AuthUserDto | undefined, id: string): Promise<StoryDto | StoryManageDto> {
    const row = await this.readable(user, id);
    if (row.status === 'published' && user !== undefined && row.authorId !== user.id) {
      await this.countRead(row, user.id);
    }
    return this.present(row, user);
  }

  /** A verified alumnus or staff starts a draft (news: staff only). */
  async create(user: AuthUserDto, dto: StoryBodyDto): Promise<StoryManageDto> {
    await this.writer(user);
    const fields = await this.fields(user, dto);
    const row = await this.dataSource.manager.save(StoryEntity, {
      ...fields,
      authorId: user.id,
      status: 'draft' as const,
      consentStatus: this.consentNeeded(user.id, fields) ? ('pending' as const) : ('not_needed' as const),
    });
    return this.present(await this.dataSource.manager.findOneByOrFail(StoryEntity, { id: row.id }), user) as Promise<StoryManageDto>;
  }

  /** The author changes a draft or a returned story: a new revision, whose consent is asked again. */
  async update(user: AuthUserDto, id: string, dto: StoryBodyDto): Promise<StoryManageDto> {
    await this.writer(user);
    await this.own(user, id);
    const fields = await this.fields(user, dto);
    await this.dataSource.transaction(async (manager) => {
      const row = await this.lockOwn(manager, user, id);
      if (!EDITABLE.includes(row.status)) throw new AppError('STORY_STATE_CONFLICT');
      const needed = this.consentNeeded(user.id, fields);
      await manager.update(
        StoryEntity,
        { id },
        {
          ...fields,
          revision: row.revision + 1,
          // A consent was to the words as they were; the person is asked again on submission.
          consentStatus: needed ? 'pending' : 'not_needed',
          consentMethod: null,
          consentRevision: null,
          consentAt: null,
          consentNote: null,
          consentRecordedBy: null,
        },
      );
    });
    return this.manageView(user, id);
  }

  /** The author replaces the cover (a JPEG, PNG or WebP of at most 2 MB), checked by WeChat's media check. */
  async uploadCover(user: AuthUserDto, id: string, request: FastifyRequest): Promise<StoryManageDto> {
    await this.own(user, id);
    const upload = await readImageUploadWithThumbnail(request, STORY_LIMITS.coverMaxBytes);
    const stored = await this.storage.put({
      folder: COVER_FOLDER,
      body: upload.body,
      contentType: upload.contentType,
      thumbnail: upload.thumbnail,
    });
    let previous: string | null = null;
    try {
      await this.dataSource.transaction(async (manager) => {
        const row = await this.lockOwn(manager, user, id);
        if (row.status === 'withdrawn') throw new AppError('STORY_STATE_CONFLICT');
        previous = row.coverKey;
        await manager.update(StoryEntity, { id }, { coverKey: stored.key });
      });
    } catch (error) {
      await this.reviews.removeFiles([stored.key]);
      throw error;
    }
    if (previous !== null) await this.reviews.removeFiles([previous]);
    await this.mediaChecks.submit({ kind: 'story-cover', subjectId: id, authorId: user.id, imageKey: stored.key });
    return this.manageView(user, id);
  }

  /**
   * The author sends a draft to review: the text goes through WeChat's check (risky is
   * refused, naming the field), the person it is about is asked for consent, staff are next.
   */
  async submit(user: AuthUserDto, id: string): Promise<StoryManageDto> {
    await this.writer(user);
    const before = await this.own(user, id);
    if (!SUBMITTABLE.includes(before.status)) throw new AppError('STORY_STATE_CONFLICT');
    const verdict = await this.gate.decide(user.id, 'forum', [before.title, before.summary, richTextWords(before.body)].join('\n'), 'body');
    await this.dataSource.transaction(async (manager) => {
      const row = await this.lockOwn(manager, user, id);
      if (row.status !== before.status || row.revision !== before.revision) throw new AppError('STORY_STATE_CONFLICT');
      const ask = row.consentStatus === 'pending' || (row.consentStatus === 'refused' && row.consentRevision !== row.revision);
      await manager.update(
        StoryEntity,
        { id },
        {
          status: 'submitted',
          submittedAt: new Date(),
          checkOutcome: verdict.checkOutcome,
          checkLabel: verdict.checkLabel,
          reviewNote: null,
          ...(ask ? { consentStatus: 'requested' as const } : {}),
        },
      );
      await this.interactions.record(manager, {
        alumnusId: user.id,
        kind: 'stories.submitted',
        subjectType: 'story',
        subjectId: id,
        detail: { kind: row.kind, checkOutcome: verdict.checkOutcome },
      });
      if (ask && row.subjectAlumnusId !== null) {
        await this.outbox.enqueue(manager, [
          { alumnusId: row.subjectAlumnusId, kind: 'stories.consent-requested', payload: { storyId: id, title: row.title } },
        ]);
      }
    });
    return this.manageView(user, id);
  }

  /** The person a story is about agrees to (or refuses) the revision they were asked about. */
  async answerConsent(user: AuthUserDto, id: string, given: boolean, note: string | null): Promise<StoryManageDto> {
    await this.dataSource.transaction(async (manager) => {
      const row = await manager.findOne(StoryEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!row || !this.mayRead(row, user)) throw new AppError('STORY_NOT_FOUND');
      if (row.subjectAlumnusId !== user.id) throw new AppError('STORY_CONSENT_FORBIDDEN');
      if (row.consentStatus !== 'requested') throw new AppError('STORY_STATE_CONFLICT');
      await manager.update(
        StoryEntity,
        { id },
        {
          consentStatus: given ? 'given' : 'refused',
          consentMethod: 'in_app',
          consentRevision: row.revision,
          consentAt: new Date(),
          consentNote: note,
          consentRecordedBy: null,
        },
      );
      if (given) {
        await this.interactions.record(manager, {
          alumnusId: user.id,
          kind: 'stories.consented',
          subjectType: 'story',
          subjectId: id,
          detail: { revision: row.revision },
        });
      }
    });
    return this.manageView(user, id);
  }

  /** Staff record a consent given outside the app (a signed form, a call), naming how. */
  async recordOfflineConsent(staff: AuthUserDto, id: string, note: string): Promise<StoryManageDto> {
    await this.dataSource.transaction(async (manager) => {
      const row = await this.lockAny(manager, id);
      if (row.consentStatus === 'not_needed' || row.status === 'withdrawn') throw new AppError('STORY_STATE_CONFLICT');
      const consent = {
        consentStatus: 'given' as const,
        consentMethod: 'offline' as const,
        consentRevision: row.revision,
        consentAt: new Date(),
        consentNote: note,
        consentRecordedBy: staff.id,
      };
      await manager.update(StoryEntity, { id }, consent);
      await this.audit.record(manager, {
        actorId: staff.id,
        action: 'story.consent-recorded',
        subjectType: 'story',
        subjectId: id,
        before: { consentStatus: row.consentStatus },
        after: { consentStatus: 'given', method: 'offline', revision: row.revision, note },
      });
    });
    return this.manageView(staff, id);
  }

  /**
   * Staff publish a submitted story, or a staff draft (checked here, as on submission). A story
   * about someone needs their consent to this revision.
   */
  async publish(staff: AuthUserDto, id: string): Promise<StoryManageDto> {
    const before = await this.lockless(id);
    let verdict: { checkOutcome: string; checkLabel: number | null } | null = null;
    if (before.status === 'draft') {
      if (before.authorId !== staff.id) throw new AppError('STORY_STATE_CONFLICT');
      verdict = await this.gate.decide(staff.id, 'forum', [before.title, before.summary, richTextWords(before.body)].join('\n'), 'body');
    }
    await this.dataSource.transaction(async (manager) => {
      const row = await this.lockAny(manager, id);
      if (row.status !== before.status || row.revision !== before.revision || !['submitted', 'draft'].includes(row.status)) {
        throw new AppError('STORY_STATE_CONFLICT');
      }
      if (row.consentStatus !== 'not_needed' && !(row.consentStatus === 'given' && row.consentRevision === row.revision)) {
        throw new AppError('STORY_CONSENT_REQUIRED');
      }
      const now = new Date();
      await manager.update(
        StoryEntity,
        { id },
        {
          status: 'published',
          publishedAt: row.publishedAt ?? now,
          reviewedBy: staff.id,
          reviewNote: null,
          ...(verdict ? { checkOutcome: verdict.checkOutcome, checkLabel: verdict.checkLabel, submittedAt: now } : {}),
        },
      );
      const people = new Set([row.authorId, row.subjectAlumnusId].filter((p): p is string => p !== null));
      for (const alumnusId of people) {
        await this.interactions.record(manager, {
          alumnusId,
          kind: 'stories.published',
          subjectType: 'story',
          subjectId: id,
          detail: { kind: row.kind, role: alumnusId === row.authorId ? 'author' : 'subject', publishedBy: staff.id },
        });
      }
      await this.audit.record(manager, {
        actorId: staff.id,
        action: 'story.published',
        subjectType: 'story',
        subjectId: id,
        before: { status: row.status },
        after: { status: 'published', revision: row.revision },
      });
      if (row.authorId !== null && row.authorId !== staff.id) {
        await this.outbox.enqueue(manager, [
          { alumnusId: row.authorId, kind: 'stories.reviewed', payload: { storyId: id, title: row.title, outcome: '已发布', note: null } },
        ]);
      }
    });
    return this.manageView(staff, id);
  }

  /** Staff send a submitted story back to its author with what to change. */
  returnToAuthor(staff: AuthUserDto, id: string, note: string): Promise<StoryManageDto> {
    return this.moderate(staff, id, note, ['submitted'], 'returned', '已退回修改');
  }

  /** Staff take a published (or waiting) story down, telling its author why. */
  withdraw(staff: AuthUserDto, id: string, note: string): Promise<StoryManageDto> {
    return this.moderate(staff, id, note, ['submitted', 'published'], 'withdrawn', '已撤下');
  }

  /** Like a published story (verified alumni); liking twice changes nothing. */
  async like(user: AuthUserDto, id: string): Promise<StoryLikeDto> {
    await this.reader(user);
    return this.dataSource.transaction(async (manager) => {
      const row = await this.lockPublished(manager, id);
      const inserted: unknown[] = await manager.query(
        `INSERT INTO story_likes (story_id, alumnus_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING 1`,
        [id, user.id],
      );
      if (inserted.length === 0) return { liked: true, likeCount: row.likeCount };
      await bump(manager, id, 'like_count', 1);
      await this.interactions.record(manager, { alumnusId: user.id, kind: 'stories.liked', subjectType: 'story', subjectId: id });
      return { liked: true, likeCount: row.likeCount + 1 };
    });
  }

  async unlike(user: AuthUserDto, id: string): Promise<StoryLikeDto> {
    return this.dataSource.transaction(async (manager) => {
      const row = await this.lockPublished(manager, id);
      const [, removed]: [unknown, number] = await manager.query(`DELETE FROM story_likes WHERE story_id = $1 AND alumnus_id = $2`, [
        id,
        user.id,
      ]);
      if (removed === 0) return { liked: false, likeCount: row.likeCount };
      await bump(manager, id, 'like_count', -1);
      return { liked: false, likeCount: row.likeCount - 1 };
    });
  }

  /** Comments of a published story, newest first: published ones, and the caller's own held ones. */
  async comments(user: AuthUserDto | undefined, id: string, query: PageQueryDto): Promise<Page<StoryCommentDto>> {
    const story = await this.readable(user, id);
    if (story.status !== 'published') throw new AppError('STORY_NOT_FOUND');
    const builder = this.dataSource.manager
      .createQueryBuilder(StoryCommentEntity, 'c')
      .where('c.storyId = :id', { id })
      .andWhere(`(c.status = 'published' OR (c.status = 'held' AND c.authorId = :me))`, { me: user?.id ?? null });
    const rows = await keysetPage(builder, 'createdAt', 'DESC', decodeCursor(query.cursor), query.limit).getMany();
    const people = await this.people(
      rows.map((r) => r.authorId),
      user,
    );
    const reported = await this.reportedBy(
      user,
      rows.map((r) => r.id),
    );
    return toPage(
      rows,
      query.limit,
      (r) => ({ at: r.createdAt, id: r.id }),
      (r) => this.presentComment(r, people, user, reported),
    );
  }

  /**
   * A verified alumnus comments on a published story. WeChat's check decides: risky is refused,
   * a comment it wants a person to see (or could not check) waits for staff, shown only to its
   * writer meanwhile.
   */
  async comment(user: AuthUserDto, id: string, text: string): Promise<StoryCommentDto> {
    await this.reader(user);
    await this.lockless(id).then((s) => {
      if (s.status !== 'published') throw new AppError('STORY_NOT_FOUND');
    });
    const verdict = await this.moderation.check(user.id, text);
    const saved = await this.dataSource.transaction(async (manager) => {
      await this.lockPublished(manager, id);
      const row = await manager.save(StoryCommentEntity, {
        storyId: id,
        authorId: user.id,
        text,
        status: verdict.status === 'published' ? ('published' as const) : ('held' as const),
        checkOutcome: verdict.checkOutcome,
      });
      if (row.status === 'published') await bump(manager, id, 'comment_count', 1);
      await this.moderation.queueIfHeld(manager, 'story-comment', row, verdict);
      await this.interactions.record(manager, {
        alumnusId: user.id,
        kind: 'memories.commented',
        subjectType: 'story',
        subjectId: id,
        detail: { commentId: row.id, status: row.status },
      });
      return manager.findOneByOrFail(StoryCommentEntity, { id: row.id });
    });
    return this.presentComment(saved, await this.people([user.id], user), user);
  }

  /** Its writer or staff delete a comment. */
  async deleteComment(user: AuthUserDto, commentId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const row = await manager.findOne(StoryCommentEntity, { where: { id: commentId }, lock: { mode: 'pessimistic_write' } });
      if (!row || row.status === 'removed' || (row.status === 'held' && row.authorId !== user.id && !isStaffUser(user))) {
        throw new AppError('STORY_COMMENT_NOT_FOUND');
      }
      if (row.authorId !== user.id && !isStaffUser(user)) throw new AppError('STORY_FORBIDDEN');
      await manager.update(StoryCommentEntity, { id: commentId }, { status: 'removed' });
      if (row.status === 'published') await bump(manager, row.storyId, 'comment_count', -1);
      // Held text or an open report: either way it leaves the queue.
      await this.moderation.withdraw(manager, 'story-comment', row.id);
      if (row.authorId !== user.id) {
        await this.audit.record(manager, {
          actorId: user.id,
          action: 'story-comment.removed',
          subjectType: 'story_comment',
          subjectId: commentId,
          before: { status: row.status, text: row.text },
          after: { status: 'removed' },
        });
      }
    });
  }

  /** A reader reports a shown comment of a published story: it waits for staff, still shown. */
  async reportComment(user: AuthUserDto, commentId: string, reason: string): Promise<void> {
    await this.reader(user);
    const row = await this.dataSource.manager.findOneBy(StoryCommentEntity, { id: commentId });
    if (!row || row.status !== 'published') throw new AppError('STORY_COMMENT_NOT_FOUND');
    if ((await this.lockless(row.storyId).catch(() => null))?.status !== 'published') throw new AppError('STORY_COMMENT_NOT_FOUND');
    if (row.authorId === user.id) throw new AppError('STORY_REPORT_OWN_CONTENT');
    await this.dataSource.transaction(async (manager) => {
      // One report per reader and comment: a repeat changes nothing, and the queue counts readers.
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(StoryCommentReportEntity)
        .values({ commentId, reporterId: user.id, reason })
        .orIgnore()
        .execute();
      if ((inserted.raw as unknown[]).length === 0) return;
      await this.moderation.report(manager, 'story-comment', row, user.id, reason, 'STORY_REPORT_OWN_CONTENT');
    });
  }

  /** A published story's id, for its poster's mini-program code. */
  async publishedId(id: string): Promise<string> {
    const row = await this.lockless(id);
    if (row.status !== 'published') throw new AppError('STORY_NOT_FOUND');
    return row.id;
  }

  // ---- helpers

  private async moderate(
    staff: AuthUserDto,
    id: string,
    note: string,
    from: StoryStatus[],
    to: StoryStatus,
    outcome: string,
  ): Promise<StoryManageDto> {
    await this.dataSource.transaction(async (manager) => {
      const row = await this.lockAny(manager, id);
      if (!from.includes(row.status)) throw new AppError('STORY_STATE_CONFLICT');
      await manager.update(StoryEntity, { id }, { status: to, reviewNote: note, reviewedBy: staff.id });
      await this.audit.record(manager, {
        actorId: staff.id,
        action: to === 'returned' ? 'story.returned' : 'story.withdrawn',
        subjectType: 'story',
        subjectId: id,
        before: { status: row.status },
        after: { status: to, note },
      });
      if (row.authorId !== null && row.authorId !== staff.id) {
        await this.outbox.enqueue(manager, [
          { alumnusId: row.authorId, kind: 'stories.reviewed', payload: { storyId: id, title: row.title, outcome, note } },
        ]);
      }
    });
    return this.manageView(staff, id);
  }

  /** Counts the reader once per story and Shanghai day; the first read ever is an interaction row. */
  private async countRead(row: StoryEntity, alumnusId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const day = shanghaiDay(new Date());
      const inserted: unknown[] = await manager.query(
        `INSERT INTO story_reads (story_id, alumnus_id, day) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING 1`,
        [row.id, alumnusId, day],
      );
      if (inserted.length === 0) return;
      await bump(manager, row.id, 'read_count', 1);
      row.readCount += 1;
      const [earlier]: unknown[] = await manager.query(
        `SELECT 1 FROM story_reads WHERE story_id = $1 AND alumnus_id = $2 AND day <> $3 LIMIT 1`,
        [row.id, alumnusId, day],
      );
      if (earlier === undefined) {
        await this.interactions.record(manager, {
          alumnusId,
          kind: 'stories.read',
          subjectType: 'story',
          subjectId: row.id,
          detail: { kind: row.kind },
        });
      }
    });
  }

  /** Writing and submitting: staff, or a verified alumnus who accepted the privacy notice. */
  private async writer(user: AuthUserDto): Promise<AlumnusEntity> {
    return this.reader(user);
  }

  /** Liking and commenting: a verified alumnus (or staff) who accepted the privacy notice. */
  private async reader(user: AuthUserDto): Promise<AlumnusEntity> {
    const alumnus = await this.alumni.findActive(user.id);
    if (!alumnus) throw new AppError('ALUMNUS_NOT_FOUND');
    if (alumnus.verifiedAt === null && !isStaffUser(user)) throw new AppError('STORY_VERIFICATION_REQUIRED');
    await this.consent.assertConsented(user.id);
    return alumnus;
  }

  /** The fields a body sets, its links resolved; news is for staff, a profile of an outstanding alumnus names them. */
  private async fields(user: AuthUserDto, dto: StoryBodyDto) {
    if (dto.kind === 'news' && !isStaffUser(user)) throw new AppError('STORY_KIND_NOT_ALLOWED');
    let subjectName = dto.subjectName ?? null;
    const subjectAlumnusId = dto.subjectAlumnusId ?? null;
    if (subjectAlumnusId !== null) {
      const subject = await this.alumni.findActive(subjectAlumnusId);
      if (!subject) throw new AppError('STORY_SUBJECT_REQUIRED', [{ field: 'subjectAlumnusId', issue: 'no such alumnus' }]);
      subjectName ??= subject.realName ?? subject.displayName;
    }
    if (dto.kind === 'outstanding_alumnus' && subjectAlumnusId === null && subjectName === null) {
      throw new AppError('STORY_SUBJECT_REQUIRED', [{ field: 'subjectAlumnusId', issue: 'name the alumnus profiled' }]);
    }
    return {
      kind: dto.kind,
      title: dto.title,
      summary: dto.summary,
      body: dto.body,
      subjectAlumnusId,
      subjectName,
      links: await this.resolveLinks(dto.links ?? []),
    };
  }

  private async resolveLinks(links: StoryLinkInput[]): Promise<(StoryLinkInput & { title: string })[]> {
    const out: (StoryLinkInput & { title: string })[] = [];
    for (const [i, link] of links.entries()) {
      if (link.kind === 'mentoring') {
        out.push({ kind: 'mentoring', id: null, title: '校友导师计划' });
        continue;
      }
      if (!link.id) throw new AppError('STORY_LINK_INVALID', [{ field: `links.${i}.id`, issue: 'a campaign link needs the campaign id' }]);
      try {
        const campaign = await this.campaigns.detail(link.id);
        out.push({ kind: 'campaign', id: link.id, title: campaign.title });
      } catch (error) {
        if (error instanceof AppError && error.code === 'CAMPAIGN_NOT_FOUND') {
          throw new AppError('STORY_LINK_INVALID', [{ field: `links.${i}.id`, issue: 'no published campaign has this id' }]);
        }
        throw error;
      }
    }
    return out;
  }

  /** A story about someone else than its author (an account, or a person named) needs their consent. */
  private consentNeeded(authorId: string, fields: { kind: string; subjectAlumnusId: string | null; subjectName: string | null }): boolean {
    if (fields.subjectAlumnusId !== null) return fields.subjectAlumnusId !== authorId;
    return fields.kind === 'outstanding_alumnus' && fields.subjectName !== null;
  }

  private mayRead(row: StoryEntity, user: AuthUserDto | undefined): boolean {
    if (row.status === 'published') return true;
    if (user === undefined) return false;
    return (
      row.authorId === user.id ||
      isStaffUser(user) ||
      (row.subjectAlumnusId === user.id && ['requested', 'given', 'refused'].includes(row.consentStatus))
    );
  }

  private async readable(user: AuthUserDto | undefined, id: string): Promise<StoryEntity> {
    const row = await this.dataSource.manager.findOneBy(StoryEntity, { id });
    if (!row || !this.mayRead(row, user)) throw new AppError('STORY_NOT_FOUND');
    return row;
  }

  private async lockless(id: string): Promise<StoryEntity> {
    const row = await this.dataSource.manager.findOneBy(StoryEntity, { id });
    if (!row) throw new AppError('STORY_NOT_FOUND');
    return row;
  }

  /** 404 when it does not exist or the caller may not read it; 403 for a reader who is not its author. */
  private async own(user: AuthUserDto, id: string): Promise<StoryEntity> {
    const row = await this.readable(user, id);
    if (row.authorId !== user.id) throw new AppError('STORY_FORBIDDEN');
    return row;
  }

  private async lockOwn(manager: EntityManager, user: AuthUserDto, id: string): Promise<StoryEntity> {
    const row = await this.lockAny(manager, id);
    if (row.authorId !== user.id) throw new AppError('STORY_FORBIDDEN');
    return row;
  }

  private async lockAny(manager: EntityManager, id: string): Promise<StoryEntity> {
    const row = await manager.findOne(StoryEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!row) throw new AppError('STORY_NOT_FOUND');
    return row;
  }

  /** The story, share-locked (counts change under it), published or 404. */
  private async lockPublished(manager: EntityManager, id: string): Promise<StoryEntity> {
    const row = await manager.findOne(StoryEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!row || row.status !== 'published') throw new AppError('STORY_NOT_FOUND');
    return row;
  }

  private async summaries(builder: SelectQueryBuilder<StoryEntity>, order: 'publishedAt' | 'createdAt', query: PageQueryDto) {
    const rows = await keysetPage(builder, order, 'DESC', decodeCursor(query.cursor), query.limit).getMany();
    return toPage(
      rows,
      query.limit,
      (r) => ({ at: r[order]!, id: r.id }),
      (r) => this.summaryOf(r),
    );
  }

  private summaryOf(row: StoryEntity): StorySummaryDto {
    return {
      id: row.id,
      kind: row.kind,
      status: row.status,
      title: row.title,
      summary: row.summary,
      coverUrl: row.coverKey ? this.storage.urlFor(row.coverKey) : null,
      subjectName: row.subjectName,
      publishedAt: row.publishedAt?.toISOString() ?? null,
      readCount: row.readCount,
      likeCount: row.likeCount,
      commentCount: row.commentCount,
      consentStatus: row.consentStatus,
    };
  }

  private async manageView(user: AuthUserDto, id: string): Promise<StoryManageDto> {
    const row = await this.dataSource.manager.findOneByOrFail(StoryEntity, { id });
    return (await this.present(row, user)) as StoryManageDto;
  }

  /** The story as the viewer sees it; its author, staff and the person it is about also get the managing fields. */
  private async present(row: StoryEntity, user: AuthUserDto | undefined): Promise<StoryDto | StoryManageDto> {
    const ids = [row.authorId, row.subjectAlumnusId].filter((p): p is string => p !== null);
    const [people, liked] = await Promise.all([
      this.people(ids, user),
      user ? this.dataSource.manager.existsBy(StoryLikeEntity, { storyId: row.id, alumnusId: user.id }) : Promise.resolve(false),
    ]);
    const staff = user !== undefined && isStaffUser(user);
    const own = user !== undefined && row.authorId === user.id;
    const subject = user !== undefined && row.subjectAlumnusId === user.id;
    const published = row.status === 'published';
    const base: StoryDto = {
      ...this.summaryOf(row),
      body: row.body,
      author: row.authorId ? (people.get(row.authorId) ?? null) : null,
      subject: row.subjectAlumnusId ? (people.get(row.subjectAlumnusId) ?? null) : null,
      links: row.links.map((l) => this.linkOf(l as StoryLinkInput & { title: string })),
      likedByMe: liked,
      mayLike: published && user !== undefined,
      mayComment: published && user !== undefined,
      mayEdit: own && EDITABLE.includes(row.status),
      mayConsent: subject && row.consentStatus === 'requested',
      posterCodeUrl: published ? `/api/v1/stories/${row.id}/poster-code` : null,
      reviewNote: own || staff ? row.reviewNote : null,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    };
    if (!own && !staff && !subject) return base;
    return {
      ...base,
      subjectAlumnusId: row.subjectAlumnusId,
      linkInputs: row.links.map((l) => ({ kind: l.kind, id: l.id ?? null })),
      revision: row.revision,
      consent: {
        status: row.consentStatus,
        method: row.consentMethod,
        at: row.consentAt?.toISOString() ?? null,
        revision: row.consentRevision,
        note: row.consentNote,
      },
      checkLabel: row.checkLabel,
      submittedAt: row.submittedAt?.toISOString() ?? null,
    };
  }

  private linkOf(link: StoryLinkInput & { title: string }): StoryLinkDto {
    return link.kind === 'campaign'
      ? { kind: 'campaign', id: link.id ?? null, title: link.title, page: `/packages/giving/pages/campaign/index?id=${link.id}` }
      : { kind: 'mentoring', id: null, title: link.title, page: MENTORING_PAGE };
  }

  /** Which of these comments the reader reported already (they are not offered 举报 again). */
  private async reportedBy(user: AuthUserDto | undefined, commentIds: string[]): Promise<Set<string>> {
    if (user === undefined || commentIds.length === 0) return new Set();
    const rows = await this.dataSource.manager.findBy(StoryCommentReportEntity, { reporterId: user.id, commentId: In(commentIds) });
    return new Set(rows.map((r) => r.commentId));
  }

  private presentComment(
    row: StoryCommentEntity,
    people: Map<string, StoryPersonDto>,
    user: AuthUserDto | undefined,
    reported: Set<string> = new Set(),
  ): StoryCommentDto {
    return {
      id: row.id,
      author: people.get(row.authorId) ?? { id: row.authorId, displayName: '校友', avatarUrl: null },
      text: row.text,
      status: row.status === 'held' ? 'held' : 'published',
      createdAt: row.createdAt.toISOString(),
      mayDelete: user !== undefined && (row.authorId === user.id || isStaffUser(user)),
      mayReport: user !== undefined && row.status === 'published' && row.authorId !== user.id && !reported.has(row.id),
    };
  }

  /** Display names and avatars as each person's visibility allows the viewer. */
  private async people(ids: string[], viewer: AuthUserDto | undefined): Promise<Map<string, StoryPersonDto>> {
    if (ids.length === 0) return new Map();
    const rows = await this.alumni.findByIds([...new Set(ids)]);
    const context = { viewer: viewer ? { id: viewer.id, roles: viewer.roles } : null, groupPeers: new Set<string>() };
    return new Map(
      rows.map((a) => [
        a.id,
        {
          id: a.id,
          displayName: a.deletedAt ? '已注销用户' : a.displayName,
          avatarUrl: a.avatarKey !== null && canSee(a, 'avatar', context) ? this.storage.urlFor(a.avatarKey) : null,
        },
      ]),
    );
  }
}
