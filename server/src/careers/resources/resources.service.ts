import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, In, type SelectQueryBuilder } from 'typeorm';
import { type AuthUserDto, type Page, type ResourceDto, type ResourceStatus, type ResourceSummaryDto } from '@alumni/shared';
import { AuditService } from '../../audit/audit.service.js';
import { AppError } from '../../common/app-error.js';
import { escapeLike } from '../../common/escape-like.js';
import { decodeCursor, keysetPage, type PageQueryDto, toPage } from '../../common/pagination.js';
import { richTextWords } from '../../common/rich-text.js';
import { searchText, termGrams } from '../../common/search-grams.js';
import { isStaffUser } from '../../groups/group-access.js';
import { InteractionsService } from '../../interactions/interactions.service.js';
import { OutboxService } from '../../outbox/outbox.service.js';
import { type CareerActor, CareerAccessService } from '../career-access.service.js';
import { CareersTextsService, type TextVerdict } from '../careers-texts.service.js';
import { recordStaffReview, reviewedColumns, type StaffReviewDecision } from '../staff-review.js';
import { CareerResourceBookmarkEntity } from './career-resource-bookmark.entity.js';
import { CareerResourceEntity } from './career-resource.entity.js';
import type { ResourceBodyDto, ResourceLibraryQueryDto } from './dto/resource-request.dto.js';
import { ResourceFilesService } from './resource-files.service.js';
import { resourceFilterGrams, searchableResource } from './resource-search.js';
import { EDITABLE, presentResource, presentResourceSummary, SUBMITTABLE } from './resource-presenter.js';

/**
 * The career resource library (docs/careers.md, Resource library): verified graduates and
 * staff write drafts with files; an alumnus's submission is checked and waits for staff, a
 * staff member's own is published at once when the check passed; the public library lists
 * published resources newest first by kind, industry, topic and keyword; views, downloads
 * and bookmarks are counted on the resource.
 */
@Injectable()
export class ResourcesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CareerAccessService,
    private readonly texts: CareersTextsService,
    private readonly files: ResourceFilesService,
    private readonly interactions: InteractionsService,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
  ) {}

  /** Published resources, newest first, by kind, industry, topic and keyword. */
  async library(user: AuthUserDto | undefined, query: ResourceLibraryQueryDto): Promise<Page<ResourceSummaryDto>> {
    const builder = this.dataSource.manager.createQueryBuilder(CareerResourceEntity, 'r').where(`r.status = 'published'`);
    if (query.kind !== undefined) builder.andWhere('r.kind = :kind', { kind: query.kind });
    if (query.industry !== undefined) builder.andWhere('r.industry = :industry', { industry: query.industry });
    if (query.topic !== undefined) builder.andWhere('r.topic = :topic', { topic: query.topic });
    const term = searchText([query.q]);
    if (term !== '') {
      // The grams find the candidates through their index; the text decides (a term of punctuation alone has no grams).
      const grams = termGrams(term);
      if (grams.length > 0) builder.andWhere('r.searchGrams @> :grams', { grams: [...grams, ...resourceFilterGrams(query)] });
      builder.andWhere('r.searchText LIKE :like', { like: `%${escapeLike(term)}%` });
    }
    return this.summaries(builder, 'publishedAt', query, user);
  }

  /**
   * One resource. Published ones are public; others only for their author and staff. Every
   * view by someone other than the author counts.
   */
  async detail(user: AuthUserDto | undefined, id: string): Promise<ResourceDto> {
    const row = await this.dataSource.manager.findOneBy(CareerResourceEntity, { id });
    const privileged = row !== null && user !== undefined && (row.authorId === user.id || isStaffUser(user));
    if (!row || (row.status !== 'published' && !privileged)) throw new AppError('RESOURCE_NOT_FOUND');
    if (row.status === 'published' && row.authorId !== user?.id) {
      await this.dataSource.query(`UPDATE career_resources SET view_count = view_count + 1 WHERE id = $1`, [id]);
      row.viewCount += 1;
    }
    return this.present(row, user);
  }

  /** A verified graduate or staff starts a draft: only its author sees it until it is submitted. */
  async create(user: AuthUserDto, dto: ResourceBodyDto): Promise<ResourceDto> {
    const actor = await this.access.contributor(user);
    const row = await this.dataSource.transaction(async (manager) => {
      const saved = await manager.save(CareerResourceEntity, { ...this.fields(dto), authorId: actor.user.id, status: 'draft' as const });
      await this.files.attach(manager, actor.user.id, saved.id, dto.fileIds);
      return manager.findOneByOrFail(CareerResourceEntity, { id: saved.id });
    });
    return this.present(row, user);
  }

  /**
   * The author changes a draft or a refused resource (it stays, or becomes, a draft), or a
   * published one: that is checked and reviewed again like a submission (a staff author's
   * stays public when the check passes). Files it no longer lists are deleted.
   */
  async update(user: AuthUserDto, id: string, dto: ResourceBodyDto): Promise<ResourceDto> {
    const actor = await this.access.contributor(user);
    const before = await this.assertAuthor(user, id);
    if (!EDITABLE.includes(before.status)) throw new AppError('RESOURCE_STATE_CONFLICT');
    const verdict = before.status === 'published' ? await this.check(actor, dto, dto.fileIds.length) : null;
    let dropped: string[] = [];
    const row = await this.dataSource.transaction(async (manager) => {
      const row = await this.lockOwn(manager, user, id);
      if (row.status !== before.status) throw new AppError('RESOURCE_STATE_CONFLICT');
      const review = verdict ? this.decide(actor, verdict, row) : { status: 'draft' as const };
      await manager.update(CareerResourceEntity, { id }, { ...this.fields(dto), ...review });
      dropped = await this.files.attach(manager, user.id, id, dto.fileIds);
      if (verdict) await this.recordSubmission(manager, row, review.status);
      return manager.findOneByOrFail(CareerResourceEntity, { id });
    });
    await this.files.forget(dropped);
    return this.present(row, user);
  }

  /** The author sends a draft (or a refused resource) to review: checked, then waiting for staff or, for staff, published. */
  async submit(user: AuthUserDto, id: string): Promise<ResourceDto> {
    const actor = await this.access.contributor(user);
    const before = await this.assertAuthor(user, id);
    if (!SUBMITTABLE.includes(before.status)) throw new AppError('RESOURCE_STATE_CONFLICT');
    const verdict = await this.check(actor, before, before.fileCount);
    const row = await this.dataSource.transaction(async (manager) => {
      const row = await this.lockOwn(manager, user, id);
      // Changed since it was checked: the verdict was about other words.
      if (row.status !== before.status || row.updatedAt.getTime() !== before.updatedAt.getTime()) {
        throw new AppError('RESOURCE_STATE_CONFLICT');
      }
      const review = this.decide(actor, verdict, row);
      await manager.update(CareerResourceEntity, { id }, review);
      await this.recordSubmission(manager, row, review.status);
      return manager.findOneByOrFail(CareerResourceEntity, { id });
    });
    return this.present(row, user);
  }

  /** My resources in every state, newest first, with their counts and the staff's notes. */
  mine(user: AuthUserDto, query: PageQueryDto): Promise<Page<ResourceSummaryDto>> {
    const builder = this.dataSource.manager.createQueryBuilder(CareerResourceEntity, 'r').where('r.authorId = :me', { me: user.id });
    return this.summaries(builder, 'createdAt', query, user);
  }

  /** The published resources I keep, newest first. */
  bookmarks(user: AuthUserDto, query: PageQueryDto): Promise<Page<ResourceSummaryDto>> {
    const builder = this.dataSource.manager
      .createQueryBuilder(CareerResourceEntity, 'r')
      .innerJoin(CareerResourceBookmarkEntity, 'b', 'b.resourceId = r.id AND b.alumnusId = :me', { me: user.id })
      .where(`r.status = 'published'`);
    return this.summaries(builder, 'publishedAt', query, user);
  }

  /** Keep a published resource (any account that accepted the privacy notice); keeping it twice changes nothing. */
  async bookmark(user: AuthUserDto, id: string): Promise<ResourceSummaryDto> {
    await this.access.reader(user);
    await this.dataSource.transaction(async (manager) => {
      const row = await manager.findOne(CareerResourceEntity, { where: { id }, lock: { mode: 'pessimistic_read' } });
      if (!row || row.status !== 'published') throw new AppError('RESOURCE_NOT_FOUND');
      const [inserted]: { resource_id: string }[] = await manager.query(
        `INSERT INTO career_resource_bookmarks (alumnus_id, resource_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING resource_id`,
        [user.id, id],
      );
      if (!inserted) return;
      await manager.query(`UPDATE career_resources SET bookmark_count = bookmark_count + 1 WHERE id = $1`, [id]);
      await this.interactions.record(manager, {
        alumnusId: user.id,
        kind: 'careers.resource_bookmarked',
        subjectType: 'career_resource',
        subjectId: id,
      });
    });
    return this.summaryOf(user, id);
  }

  /** Stop keeping it; removing a bookmark that is not there changes nothing. */
  async unbookmark(user: AuthUserDto, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const [, removed]: [unknown, number] = await manager.query(
        `DELETE FROM career_resource_bookmarks WHERE alumnus_id = $1 AND resource_id = $2`,
        [user.id, id],
      );
      if (removed > 0) await manager.query(`UPDATE career_resources SET bookmark_count = bookmark_count - 1 WHERE id = $1`, [id]);
    });
  }

  /** Staff: resources of one status, newest first (`submitted`: the review queue). */
  listForStaff(user: AuthUserDto, status: ResourceStatus, query: PageQueryDto): Promise<Page<ResourceSummaryDto>> {
    const builder = this.dataSource.manager.createQueryBuilder(CareerResourceEntity, 'r').where('r.status = :status', { status });
    return this.summaries(builder, 'createdAt', query, user);
  }

  approve(staff: AuthUserDto, id: string): Promise<ResourceDto> {
    return this.moderate(staff, id, {
      from: ['submitted'],
      to: 'published',
      action: 'career-resource.approved',
      outcome: '已发布',
      reason: null,
    });
  }

  reject(staff: AuthUserDto, id: string, reason: string): Promise<ResourceDto> {
    return this.moderate(staff, id, { from: ['submitted'], to: 'rejected', action: 'career-resource.rejected', outcome: '未通过', reason });
  }

  /** Staff take a published (or waiting) resource out of the library, telling the author why. */
  archive(staff: AuthUserDto, id: string, reason: string): Promise<ResourceDto> {
    return this.moderate(staff, id, {
      from: ['published', 'submitted'],
      to: 'archived',
      action: 'career-resource.archived',
      outcome: '已下线',
      reason,
    });
  }

  private async moderate(staff: AuthUserDto, id: string, decision: StaffReviewDecision<ResourceStatus>): Promise<ResourceDto> {
    const row = await this.dataSource.transaction(async (manager) => {
      const row = await manager.findOne(CareerResourceEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw new AppError('RESOURCE_NOT_FOUND');
      if (!decision.from.includes(row.status)) throw new AppError('RESOURCE_STATE_CONFLICT');
      await manager.update(CareerResourceEntity, { id }, reviewedColumns(staff, decision, row.publishedAt));
      if (decision.to === 'published') {
        await this.interactions.record(manager, {
          alumnusId: row.authorId,
          kind: 'careers.resource_published',
          subjectType: 'career_resource',
          subjectId: id,
          detail: { kind: row.kind, approvedBy: staff.id },
        });
      }
      await recordStaffReview(
        manager,
        { audit: this.audit, outbox: this.outbox },
        {
          staff,
          decision,
          previous: row.status,
          subjectType: 'career_resource',
          subject: 'resource',
          id,
          title: row.title,
          authorId: row.authorId,
          page: `packages/careers/pages/resource/index?id=${id}`,
        },
      );
      return manager.findOneByOrFail(CareerResourceEntity, { id });
    });
    return this.present(row, staff);
  }

  /** The content check of what would be published; a resource of files needs at least one. */
  private async check(actor: CareerActor, text: Pick<CareerResourceEntity, 'kind' | 'title' | 'summary' | 'bodyHtml'>, files: number) {
    if (text.kind === 'file' && files === 0) throw new AppError('RESOURCE_FILE_REQUIRED', [{ field: 'fileIds', issue: 'attach a file' }]);
    return this.texts.checkPublic(actor.user.id, 'forum', [text.title, text.summary, richTextWords(text.bodyHtml)]);
  }

  /** Where a checked submission goes: public at once for staff whose text passed; otherwise to the staff's queue. */
  private decide(actor: CareerActor, verdict: TextVerdict, row: CareerResourceEntity) {
    const now = new Date();
    const published = actor.staff && verdict.passed;
    return {
      status: published ? ('published' as const) : ('submitted' as const),
      checkOutcome: verdict.checkOutcome,
      checkLabel: verdict.checkLabel,
      submittedAt: now,
      publishedAt: published ? (row.publishedAt ?? now) : row.publishedAt,
      moderatedBy: null,
      moderatedAt: null,
      moderationNote: null,
    };
  }

  private async recordSubmission(manager: EntityManager, row: CareerResourceEntity, status: ResourceStatus): Promise<void> {
    const base = { alumnusId: row.authorId, subjectType: 'career_resource', subjectId: row.id, detail: { kind: row.kind } };
    await this.interactions.record(manager, { ...base, kind: 'careers.resource_submitted' });
    if (status === 'published') await this.interactions.record(manager, { ...base, kind: 'careers.resource_published' });
  }

  private fields(dto: ResourceBodyDto) {
    const fields = {
      kind: dto.kind,
      title: dto.title,
      summary: dto.summary,
      bodyHtml: dto.bodyHtml,
      industry: dto.industry ?? null,
      topic: dto.topic,
    };
    return { ...fields, ...searchableResource(fields) };
  }

  /** 404 when it does not exist, or is not published and not the caller's; 403 RESOURCE_FORBIDDEN for anyone else but its author. */
  private async assertAuthor(user: AuthUserDto, id: string): Promise<CareerResourceEntity> {
    const row = await this.dataSource.manager.findOneBy(CareerResourceEntity, { id });
    if (!row || (row.authorId !== user.id && row.status !== 'published' && !isStaffUser(user))) throw new AppError('RESOURCE_NOT_FOUND');
    if (row.authorId !== user.id) throw new AppError('RESOURCE_FORBIDDEN');
    return row;
  }

  private async lockOwn(manager: EntityManager, user: AuthUserDto, id: string): Promise<CareerResourceEntity> {
    const row = await manager.findOne(CareerResourceEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!row) throw new AppError('RESOURCE_NOT_FOUND');
    if (row.authorId !== user.id) throw new AppError('RESOURCE_FORBIDDEN');
    return row;
  }

  private async summaries(
    builder: SelectQueryBuilder<CareerResourceEntity>,
    order: 'publishedAt' | 'createdAt',
    query: PageQueryDto,
    user: AuthUserDto | undefined,
  ): Promise<Page<ResourceSummaryDto>> {
    const rows = await keysetPage(builder, order, 'DESC', decodeCursor(query.cursor), query.limit).getMany();
    const [names, kept] = await Promise.all([this.authorNames(rows, user), this.bookmarkedOf(user, rows)]);
    return toPage(
      rows,
      query.limit,
      (r) => ({ at: r[order]!, id: r.id }),
      (r) => presentResourceSummary(r, names.get(r.authorId)!, kept.has(r.id)),
    );
  }

  private async summaryOf(user: AuthUserDto, id: string): Promise<ResourceSummaryDto> {
    const row = await this.dataSource.manager.findOneByOrFail(CareerResourceEntity, { id });
    const [names, kept] = await Promise.all([this.authorNames([row], user), this.bookmarkedOf(user, [row])]);
    return presentResourceSummary(row, names.get(row.authorId)!, kept.has(id));
  }

  private async bookmarkedOf(user: AuthUserDto | undefined, rows: CareerResourceEntity[]): Promise<Set<string>> {
    if (!user || rows.length === 0) return new Set();
    const kept = await this.dataSource.manager.find(CareerResourceBookmarkEntity, {
      where: { alumnusId: user.id, resourceId: In(rows.map((r) => r.id)) },
    });
    return new Set(kept.map((b) => b.resourceId));
  }

  private async authorNames(rows: CareerResourceEntity[], viewer: AuthUserDto | undefined): Promise<Map<string, string>> {
    const people = await this.access.people(
      rows.map((r) => r.authorId),
      viewer ?? null,
    );
    return new Map(rows.map((r) => [r.authorId, people.get(r.authorId)?.displayName ?? '校友']));
  }

  private async present(row: CareerResourceEntity, user: AuthUserDto | undefined): Promise<ResourceDto> {
    const [names, kept, files] = await Promise.all([
      this.authorNames([row], user),
      this.bookmarkedOf(user, [row]),
      this.files.filesOf(row.id),
    ]);
    const own = user !== undefined && row.authorId === user.id;
    return presentResource(row, files, {
      authorName: names.get(row.authorId)!,
      bookmarked: kept.has(row.id),
      privileged: own || (user !== undefined && isStaffUser(user)),
      own,
    });
  }
}
