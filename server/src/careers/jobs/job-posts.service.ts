import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import {
  type AuthUserDto,
  CAREERS_LIMITS,
  endOfShanghaiDay,
  formatSalary,
  formatShanghaiDateTime,
  JOB_POST_STATUS_LABELS,
  JOB_TYPE_LABELS,
  type JobPostDto,
  type JobPostStatus,
  type JobPostSummaryDto,
  type Page,
  shanghaiDay,
} from '@alumni/shared';
import { AuditService } from '../../audit/audit.service.js';
import { AppError } from '../../common/app-error.js';
import { escapeLike } from '../../common/escape-like.js';
import { decodeCursor, keysetPage, type PageQueryDto, toPage } from '../../common/pagination.js';
import { searchText, termGrams } from '../../common/search-grams.js';
import { buildSpreadsheet, type SpreadsheetFile, type SpreadsheetFormat } from '../../common/spreadsheet.js';
import { isStaffUser } from '../../groups/group-access.js';
import { InteractionsService } from '../../interactions/interactions.service.js';
import { JobsService } from '../../jobs/jobs.service.js';
import { OutboxService } from '../../outbox/outbox.service.js';
import { type CareerActor, CareerAccessService } from '../career-access.service.js';
import { CareersSettingsService } from '../careers-settings.service.js';
import { CareersTextsService } from '../careers-texts.service.js';
import { recordStaffReview, reviewedColumns, type StaffReviewDecision } from '../staff-review.js';
import type { JobBoardQueryDto, JobPostBodyDto } from './dto/job-request.dto.js';
import { JobApplicationEntity } from './job-application.entity.js';
import { JobPostEntity } from './job-post.entity.js';
import { filterGrams, searchable } from './job-search.js';
import { presentJob, presentJobSummary, presentMyApplication } from './job-presenter.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const EXPIRY_BATCH = 500;
/** Up to this many posts carrying a keyword's grams are sorted directly rather than met walking the board. */
const FEW_CANDIDATES = 2000;
/** Posts a poster can still change; closed, expired and removed ones are history. */
const EDITABLE: JobPostStatus[] = ['pending', 'published', 'rejected'];

/**
 * The jobs and internships board: verified graduates and staff post; the text is checked and,
 * when the settings say so (or the check asked for a person), waits for staff approval; the
 * public board lists published posts before their closing day, newest first, one index range
 * per page; the expiry job marks what has closed.
 */
@Injectable()
export class JobPostsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CareerAccessService,
    private readonly texts: CareersTextsService,
    private readonly settings: CareersSettingsService,
    private readonly interactions: InteractionsService,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly jobs: JobsService,
  ) {}

  onModuleInit(): void {
    this.jobs.schedule('careers.jobs-expiry', '*/5 * * * *', async () => {
      await this.expireDue(new Date());
    });
  }

  /** Published posts still open, newest first, by industry, city, type and keyword. */
  async board(query: JobBoardQueryDto, now = new Date()): Promise<Page<JobPostSummaryDto>> {
    const builder = this.dataSource.manager
      .createQueryBuilder(JobPostEntity, 'p')
      .where(`p.status = 'published'`)
      .andWhere('p.closesAt > :now', { now });
    if (query.industry !== undefined) builder.andWhere('p.industry = :industry', { industry: query.industry });
    if (query.city !== undefined && query.city !== '') builder.andWhere('p.city = :city', { city: query.city });
    if (query.type !== undefined) builder.andWhere('p.type = :type', { type: query.type });
    const term = searchText([query.q]);
    let few = false;
    if (term !== '') {
      // The grams find the candidates through their index; the text decides (a term of punctuation alone has no grams).
      const grams = [...termGrams(term), ...filterGrams(query)];
      if (grams.length > 0) {
        builder.andWhere('p.searchGrams @> :grams', { grams });
        few = await this.fewCandidates(grams);
      }
      builder.andWhere('p.searchText LIKE :like', { like: `%${escapeLike(term)}%` });
    }
    const page = keysetPage(builder, 'publishedAt', 'DESC', decodeCursor(query.cursor), query.limit);
    // Few posts carry the grams: sort just those (an order the board's index cannot give, so the
    // planner reads them through the grams' index). Walking the board in order instead, hoping to
    // meet matches soon, read every public post when the term was common in the table's
    // statistics but rare among open posts: 263 ms at 100,000 posts against 3 ms (docs/careers.md).
    if (few) page.orderBy(`p.published_at + interval '0'`, 'DESC').addOrderBy('p.id', 'DESC');
    const rows = await page.getMany();
    const names = await this.posterNames(rows, null);
    return toPage(
      rows,
      query.limit,
      (r) => ({ at: r.publishedAt!, id: r.id }),
      (r) => presentJobSummary(r, names.get(r.posterId)!),
    );
  }

  /**
   * One post. Published, closed and expired posts are public (the page says whether one may
   * still apply); pending, rejected and removed ones only to their poster and staff. Every view
   * by someone other than the poster counts.
   */
  async detail(user: AuthUserDto | undefined, id: string): Promise<JobPostDto> {
    const post = await this.dataSource.manager.findOneBy(JobPostEntity, { id });
    const privileged = post !== null && user !== undefined && (post.posterId === user.id || isStaffUser(user));
    if (!post || (!privileged && !['published', 'closed', 'expired'].includes(post.status))) throw new AppError('JOB_NOT_FOUND');
    if (post.posterId !== user?.id) {
      await this.dataSource.query(`UPDATE job_posts SET view_count = view_count + 1 WHERE id = $1`, [id]);
      post.viewCount += 1;
    }
    return this.present(post, user);
  }

  /** A verified graduate or staff posts; public at once only when the check passed and no approval is required. */
  async create(user: AuthUserDto, dto: JobPostBodyDto): Promise<JobPostDto> {
    const actor = await this.access.contributor(user);
    const closesAt = this.checkInput(dto);
    const verdict = await this.texts.checkPublic(user.id, 'forum', [dto.title, dto.company, dto.description, dto.howToApply]);
    const post = await this.dataSource.transaction(async (manager) => {
      const { jobApprovalRequired } = await this.settings.get(manager);
      const now = new Date();
      const published = verdict.passed && !jobApprovalRequired;
      const saved = await manager.save(JobPostEntity, {
        ...this.fields(dto, closesAt),
        posterId: actor.user.id,
        status: published ? ('published' as const) : ('pending' as const),
        checkOutcome: verdict.checkOutcome,
        checkLabel: verdict.checkLabel,
        publishedAt: published ? now : null,
      });
      await this.interactions.record(manager, {
        alumnusId: user.id,
        kind: 'careers.job_posted',
        subjectType: 'job_post',
        subjectId: saved.id,
        detail: { type: saved.type, industry: saved.industry, status: saved.status },
      });
      return saved;
    });
    return this.present(post, user);
  }

  /** The poster edits a post that is waiting, public or refused; the text is checked again and may wait for staff again. */
  async update(user: AuthUserDto, id: string, dto: JobPostBodyDto): Promise<JobPostDto> {
    const closesAt = this.checkInput(dto);
    await this.assertPoster(user, id);
    const verdict = await this.texts.checkPublic(user.id, 'forum', [dto.title, dto.company, dto.description, dto.howToApply]);
    const post = await this.dataSource.transaction(async (manager) => {
      const post = await this.lockOwn(manager, user, id);
      if (!EDITABLE.includes(post.status)) throw new AppError('JOB_STATE_CONFLICT');
      const { jobApprovalRequired } = await this.settings.get(manager);
      const published = verdict.passed && !jobApprovalRequired;
      const changes = {
        ...this.fields(dto, closesAt),
        status: published ? ('published' as const) : ('pending' as const),
        checkOutcome: verdict.checkOutcome,
        checkLabel: verdict.checkLabel,
        publishedAt: published ? (post.publishedAt ?? new Date()) : post.publishedAt,
        moderatedBy: null,
        moderatedAt: null,
        moderationNote: null,
      };
      await manager.update(JobPostEntity, { id }, changes);
      return { ...post, ...changes };
    });
    return this.present(post, user);
  }

  /** The poster closes a post: it leaves the board; applications stay for them to answer. */
  async close(user: AuthUserDto, id: string): Promise<JobPostDto> {
    await this.assertPoster(user, id);
    const post = await this.dataSource.transaction(async (manager) => {
      const post = await this.lockOwn(manager, user, id);
      if (post.status !== 'published' && post.status !== 'pending') throw new AppError('JOB_STATE_CONFLICT');
      await manager.update(JobPostEntity, { id }, { status: 'closed' });
      await this.interactions.record(manager, { alumnusId: user.id, kind: 'careers.job_closed', subjectType: 'job_post', subjectId: id });
      return { ...post, status: 'closed' as const };
    });
    return this.present(post, user);
  }

  /** My posts, newest first, with their counts and the staff's notes. */
  async mine(user: AuthUserDto, query: PageQueryDto): Promise<Page<JobPostDto>> {
    const builder = this.dataSource.manager.createQueryBuilder(JobPostEntity, 'p').where('p.posterId = :me', { me: user.id });
    return this.page(builder, query, user);
  }

  /** Staff: posts of one status, newest first (`pending`: the approval queue). */
  async listForStaff(user: AuthUserDto, status: JobPostStatus, query: PageQueryDto): Promise<Page<JobPostDto>> {
    const builder = this.dataSource.manager.createQueryBuilder(JobPostEntity, 'p').where('p.status = :status', { status });
    return this.page(builder, query, user);
  }

  approve(staff: AuthUserDto, id: string): Promise<JobPostDto> {
    return this.moderate(staff, id, { from: ['pending'], to: 'published', action: 'job-post.approved', outcome: '已通过', reason: null });
  }

  reject(staff: AuthUserDto, id: string, reason: string): Promise<JobPostDto> {
    return this.moderate(staff, id, { from: ['pending'], to: 'rejected', action: 'job-post.rejected', outcome: '未通过', reason });
  }

  /** Staff take down a public (or waiting) post, telling the poster why. */
  takeDown(staff: AuthUserDto, id: string, reason: string): Promise<JobPostDto> {
    return this.moderate(staff, id, {
      from: ['published', 'pending'],
      to: 'removed',
      action: 'job-post.removed',
      outcome: '已下架',
      reason,
    });
  }

  /**
   * Marks every post whose closing day has passed (the scheduled job); answers how many. In
   * batches walked in closing order: the planner reads the few due rows from the partial
   * index, where a single unbounded UPDATE misjudged them and read the whole table.
   */
  async expireDue(now: Date): Promise<number> {
    let total = 0;
    for (;;) {
      const [, count]: [unknown, number] = await this.dataSource.query(
        `UPDATE job_posts SET status = 'expired', updated_at = now()
         WHERE id IN (SELECT id FROM job_posts WHERE status IN ('published', 'pending') AND closes_at <= $1 ORDER BY closes_at LIMIT $2)`,
        [now, EXPIRY_BATCH],
      );
      total += count;
      if (count < EXPIRY_BATCH) return total;
    }
  }

  /** Whether at most FEW_CANDIDATES public posts carry all of `grams` (one bounded read of their index). */
  private async fewCandidates(grams: string[]): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM job_posts WHERE status = 'published' AND search_grams @> $1 LIMIT $2`,
      [grams, FEW_CANDIDATES + 1],
    );
    return rows.length <= FEW_CANDIDATES;
  }

  /** Every post with its counts, newest first, as the file staff open in Excel or WPS. */
  async export(user: AuthUserDto, format: SpreadsheetFormat): Promise<SpreadsheetFile> {
    const rows = await this.dataSource.manager.find(JobPostEntity, { order: { createdAt: 'DESC', id: 'DESC' } });
    const names = await this.posterNames(rows, user);
    return buildSpreadsheet({
      basename: '招聘信息',
      sheetName: '招聘信息',
      header: ['职位', '单位', '类型', '行业', '城市', '薪资', '截止日期', '状态', '发布人', '发布时间', '浏览', '投递'],
      rows: rows.map((r) => [
        r.title,
        r.company,
        JOB_TYPE_LABELS[r.type],
        r.industry,
        r.city,
        formatSalary(r.salaryMinFen, r.salaryMaxFen, r.salaryPeriod),
        shanghaiDay(r.closesAt),
        JOB_POST_STATUS_LABELS[r.status],
        names.get(r.posterId) ?? '',
        r.publishedAt ? formatShanghaiDateTime(r.publishedAt.toISOString()) : '',
        String(r.viewCount),
        String(r.applicationCount),
      ]),
      format,
    });
  }

  /** Who answers for a post: 404 when it does not exist, 403 JOB_POSTER_ONLY for anyone but its poster. */
  async assertPoster(user: AuthUserDto, id: string, manager: EntityManager = this.dataSource.manager): Promise<JobPostEntity> {
    const post = await manager.findOneBy(JobPostEntity, { id });
    if (!post) throw new AppError('JOB_NOT_FOUND');
    if (post.posterId !== user.id) throw new AppError('JOB_POSTER_ONLY');
    return post;
  }

  private async moderate(staff: AuthUserDto, id: string, decision: StaffReviewDecision<JobPostStatus>): Promise<JobPostDto> {
    const post = await this.dataSource.transaction(async (manager) => {
      const post = await manager.findOne(JobPostEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!post) throw new AppError('JOB_NOT_FOUND');
      if (!decision.from.includes(post.status)) throw new AppError('JOB_STATE_CONFLICT');
      const changes = reviewedColumns(staff, decision, post.publishedAt);
      await manager.update(JobPostEntity, { id }, changes);
      await recordStaffReview(
        manager,
        { audit: this.audit, outbox: this.outbox },
        {
          staff,
          decision,
          previous: post.status,
          subjectType: 'job_post',
          subject: 'job',
          id,
          title: post.title,
          authorId: post.posterId,
          page: `packages/careers/pages/job/index?id=${id}`,
        },
      );
      return { ...post, ...changes };
    });
    return this.present(post, staff);
  }

  /** Salary and closing date rules the DTO cannot state; answers when the post closes. */
  private checkInput(dto: JobPostBodyDto): Date {
    const parts = [dto.salaryMinFen, dto.salaryMaxFen, dto.salaryPeriod].filter((v) => v !== undefined && v !== null).length;
    if (parts !== 0 && (parts !== 3 || dto.salaryMaxFen! < dto.salaryMinFen!)) {
      throw new AppError('JOB_SALARY_INVALID', [
        { field: 'salaryMinFen', issue: 'give salaryMinFen ≤ salaryMaxFen and salaryPeriod, or none' },
      ]);
    }
    const today = shanghaiDay(new Date());
    const latest = shanghaiDay(new Date(Date.now() + CAREERS_LIMITS.jobOpenDays * DAY_MS));
    if (dto.closesOn < today || dto.closesOn > latest) {
      throw new AppError('JOB_CLOSING_DATE_INVALID', [{ field: 'closesOn', issue: `closesOn must lie between ${today} and ${latest}` }]);
    }
    return endOfShanghaiDay(dto.closesOn);
  }

  private fields(dto: JobPostBodyDto, closesAt: Date) {
    const fields = {
      title: dto.title,
      company: dto.company,
      industry: dto.industry,
      city: dto.city,
      type: dto.type,
      salaryMinFen: dto.salaryMinFen ?? null,
      salaryMaxFen: dto.salaryMaxFen ?? null,
      salaryPeriod: dto.salaryPeriod ?? null,
      description: dto.description,
      howToApply: dto.howToApply,
      closesAt,
    };
    return { ...fields, ...searchable(fields) };
  }

  private async lockOwn(manager: EntityManager, user: AuthUserDto, id: string): Promise<JobPostEntity> {
    const post = await manager.findOne(JobPostEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!post) throw new AppError('JOB_NOT_FOUND');
    if (post.posterId !== user.id) throw new AppError('JOB_POSTER_ONLY');
    return post;
  }

  private async page(builder: SelectQueryBuilder<JobPostEntity>, query: PageQueryDto, user: AuthUserDto): Promise<Page<JobPostDto>> {
    const rows = await keysetPage(builder, 'createdAt', 'DESC', decodeCursor(query.cursor), query.limit).getMany();
    const names = await this.posterNames(rows, user);
    return toPage(
      rows,
      query.limit,
      (r) => ({ at: r.createdAt, id: r.id }),
      (r) =>
        presentJob(r, names.get(r.posterId)!, {
          privileged: true,
          myApplication: null,
          mayEdit: r.posterId === user.id && EDITABLE.includes(r.status),
          applyBlockedReason: r.posterId === user.id ? '这是你发布的职位' : null,
        }),
    );
  }

  private async posterNames(rows: JobPostEntity[], viewer: AuthUserDto | null): Promise<Map<string, string>> {
    const people = await this.access.people(
      rows.map((r) => r.posterId),
      viewer,
    );
    return new Map(rows.map((r) => [r.posterId, people.get(r.posterId)?.displayName ?? '校友']));
  }

  private async present(post: JobPostEntity, user: AuthUserDto | undefined): Promise<JobPostDto> {
    const [names, mine, actor] = await Promise.all([
      this.posterNames([post], user ?? null),
      user ? this.dataSource.manager.findOneBy(JobApplicationEntity, { postId: post.id, applicantId: user.id }) : null,
      user ? this.access.actor(user).catch(() => null) : null,
    ]);
    const own = user !== undefined && post.posterId === user.id;
    return presentJob(post, names.get(post.posterId)!, {
      privileged: own || (user !== undefined && isStaffUser(user)),
      myApplication: mine && presentMyApplication(mine, post),
      mayEdit: own && EDITABLE.includes(post.status),
      applyBlockedReason: applyBlockedReason(post, actor, mine),
    });
  }
}

/** Why this caller cannot apply now, in the words the page shows; null when they can. */
function applyBlockedReason(post: JobPostEntity, actor: CareerActor | null, mine: JobApplicationEntity | null): string | null {
  if (post.status !== 'published' || post.closesAt <= new Date()) return '该职位已截止';
  if (actor === null) return '登录并完成校友认证后可以投递';
  if (post.posterId === actor.user.id) return '这是你发布的职位';
  if (!actor.staff && actor.stage === 'unverified') return '完成校友认证后可以投递';
  if (mine && mine.status !== 'withdrawn') return '你已投递该职位';
  return null;
}
