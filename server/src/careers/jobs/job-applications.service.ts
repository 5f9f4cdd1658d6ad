import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, In } from 'typeorm';
import {
  type AuthUserDto,
  JOB_APPLICATION_STATUS_LABELS,
  type JobApplicationDto,
  type MyJobApplicationDto,
  type Page,
} from '@alumni/shared';
import { AppError } from '../../common/app-error.js';
import { decodeCursor, keysetPage, type PageQueryDto, toPage } from '../../common/pagination.js';
import { PhoneService } from '../../identity/phone.service.js';
import { InteractionsService } from '../../interactions/interactions.service.js';
import { OutboxService } from '../../outbox/outbox.service.js';
import { CareerAccessService } from '../career-access.service.js';
import { CareersTextsService } from '../careers-texts.service.js';
import type { JobApplicationBodyDto, JobApplicationMarkBodyDto } from './dto/job-request.dto.js';
import { JobApplicationEntity } from './job-application.entity.js';
import { JobPostEntity } from './job-post.entity.js';
import { presentApplication, presentMyApplication } from './job-presenter.js';
import { JobPostsService } from './job-posts.service.js';

/** What an application shares once withdrawn: nothing beyond the name. */
const NOTHING_SHARED = { sharePhone: false, email: null, wechatId: null, message: null };

/**
 * "I'm interested": a verified student or graduate sends a poster their name and only the
 * contact details they pick for this application; the poster reads them, marks each one, and
 * the applicant sees the status. The post's count changes in the application's transaction.
 */
@Injectable()
export class JobApplicationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CareerAccessService,
    private readonly posts: JobPostsService,
    private readonly texts: CareersTextsService,
    private readonly phones: PhoneService,
    private readonly interactions: InteractionsService,
    private readonly outbox: OutboxService,
  ) {}

  async apply(user: AuthUserDto, postId: string, dto: JobApplicationBodyDto): Promise<MyJobApplicationDto> {
    const actor = await this.access.participant(user, { writes: true });
    if (!dto.sharePhone && !dto.email && !dto.wechatId) {
      throw new AppError('JOB_CONTACT_REQUIRED', [{ field: 'sharePhone', issue: 'share the phone, an e-mail address or a WeChat ID' }]);
    }
    if (dto.sharePhone && actor.alumnus.phoneEncrypted === null) throw new AppError('JOB_PHONE_NOT_BOUND');
    await this.texts.checkPrivate(user.id, [dto.message]);
    const { row, post } = await this.dataSource.transaction(async (manager) => {
      const post = await manager.findOne(JobPostEntity, { where: { id: postId }, lock: { mode: 'pessimistic_write' } });
      if (!post || !['published', 'closed', 'expired'].includes(post.status)) throw new AppError('JOB_NOT_FOUND');
      if (post.posterId === user.id) throw new AppError('JOB_OWN_POST');
      const now = new Date();
      if (post.status !== 'published' || post.closesAt <= now) throw new AppError('JOB_NOT_OPEN');
      const existing = await manager.findOneBy(JobApplicationEntity, { postId, applicantId: user.id });
      if (existing && existing.status !== 'withdrawn') throw new AppError('JOB_ALREADY_APPLIED');
      const row = await manager.save(JobApplicationEntity, {
        ...existing,
        postId,
        applicantId: user.id,
        applicantName: actor.alumnus.realName ?? actor.alumnus.displayName,
        applicantStage: actor.stage === 'student' ? ('student' as const) : ('graduate' as const),
        sharePhone: dto.sharePhone,
        email: dto.email ?? null,
        wechatId: dto.wechatId ?? null,
        message: dto.message ?? null,
        status: 'submitted' as const,
        createdAt: now,
        statusChangedAt: now,
      });
      await manager.update(JobPostEntity, { id: postId }, { applicationCount: post.applicationCount + 1 });
      await this.interactions.record(manager, {
        alumnusId: user.id,
        kind: 'careers.job_applied',
        subjectType: 'job_post',
        subjectId: postId,
        detail: { applicationId: row.id, shared: shared(row) },
      });
      await this.outbox.enqueue(manager, [
        {
          alumnusId: post.posterId,
          kind: 'careers.job-applied',
          payload: { jobId: postId, jobTitle: post.title, applicantName: row.applicantName, appliedAt: now.toISOString() },
        },
      ]);
      return { row, post };
    });
    return presentMyApplication(row, post);
  }

  /** The applications to one of my posts, newest first, each with only what its applicant shared. */
  async listForPost(user: AuthUserDto, postId: string, query: PageQueryDto): Promise<Page<JobApplicationDto>> {
    await this.posts.assertPoster(user, postId);
    const builder = this.dataSource.manager.createQueryBuilder(JobApplicationEntity, 'a').where('a.postId = :postId', { postId });
    const rows = await keysetPage(builder, 'createdAt', 'DESC', decodeCursor(query.cursor), query.limit).getMany();
    const phones = new Map<string, string | null>();
    for (const row of rows.filter((r) => r.sharePhone)) {
      phones.set(row.applicantId, (await this.phones.mine(row.applicantId))?.phoneNumber ?? null);
    }
    return toPage(
      rows,
      query.limit,
      (r) => ({ at: r.createdAt, id: r.id }),
      (r) => presentApplication(r, phones.get(r.applicantId) ?? null),
    );
  }

  /** The poster marks an application (contacted, hired, not a fit); the applicant is told. */
  async mark(user: AuthUserDto, id: string, dto: JobApplicationMarkBodyDto): Promise<JobApplicationDto> {
    const row = await this.dataSource.transaction(async (manager) => {
      const { row, post } = await this.lockFor(manager, id, (_row, post) => post.posterId === user.id);
      if (row.status === 'withdrawn') throw new AppError('JOB_APPLICATION_STATE_CONFLICT');
      if (row.status === dto.status) return row;
      const changes = { status: dto.status, statusChangedAt: new Date() };
      await manager.update(JobApplicationEntity, { id }, changes);
      await this.interactions.record(manager, {
        alumnusId: user.id,
        kind: 'careers.job_applicant_marked',
        subjectType: 'job_post',
        subjectId: post.id,
        detail: { applicationId: id, status: dto.status },
      });
      await this.outbox.enqueue(manager, [
        {
          alumnusId: row.applicantId,
          kind: 'careers.job-application-updated',
          payload: { jobId: post.id, jobTitle: post.title, status: dto.status, statusLabel: JOB_APPLICATION_STATUS_LABELS[dto.status] },
        },
      ]);
      return { ...row, ...changes };
    });
    const phone = row.sharePhone ? ((await this.phones.mine(row.applicantId))?.phoneNumber ?? null) : null;
    return presentApplication(row, phone);
  }

  /** The applicant takes an application back: nothing stays shared but the name. */
  async withdraw(user: AuthUserDto, id: string): Promise<MyJobApplicationDto> {
    const { row, post } = await this.dataSource.transaction(async (manager) => {
      const { row, post } = await this.lockFor(manager, id, (r) => r.applicantId === user.id);
      if (row.status === 'withdrawn') throw new AppError('JOB_APPLICATION_STATE_CONFLICT');
      const changes = { ...NOTHING_SHARED, status: 'withdrawn' as const, statusChangedAt: new Date() };
      await manager.update(JobApplicationEntity, { id }, changes);
      await manager.update(JobPostEntity, { id: post.id }, { applicationCount: post.applicationCount - 1 });
      return { row: { ...row, ...changes }, post };
    });
    return presentMyApplication(row, post);
  }

  /** My applications, newest first, with their status. */
  async mine(user: AuthUserDto, query: PageQueryDto): Promise<Page<MyJobApplicationDto>> {
    const builder = this.dataSource.manager.createQueryBuilder(JobApplicationEntity, 'a').where('a.applicantId = :me', { me: user.id });
    const rows = await keysetPage(builder, 'createdAt', 'DESC', decodeCursor(query.cursor), query.limit).getMany();
    const posts = new Map(
      (rows.length === 0 ? [] : await this.dataSource.manager.findBy(JobPostEntity, { id: In(rows.map((r) => r.postId)) })).map((p) => [
        p.id,
        p,
      ]),
    );
    return toPage(
      rows,
      query.limit,
      (r) => ({ at: r.createdAt, id: r.id }),
      (r) => presentMyApplication(r, posts.get(r.postId)!),
    );
  }

  /** The application and its post (post first, then the application, both locked); 404 to anyone `allowed` refuses. */
  private async lockFor(
    manager: EntityManager,
    id: string,
    allowed: (row: JobApplicationEntity, post: JobPostEntity) => boolean,
  ): Promise<{ row: JobApplicationEntity; post: JobPostEntity }> {
    const peek = await manager.findOneBy(JobApplicationEntity, { id });
    if (!peek) throw new AppError('JOB_APPLICATION_NOT_FOUND');
    const post = await manager.findOneOrFail(JobPostEntity, { where: { id: peek.postId }, lock: { mode: 'pessimistic_write' } });
    const row = await manager.findOneOrFail(JobApplicationEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!allowed(row, post)) throw new AppError('JOB_APPLICATION_NOT_FOUND');
    return { row, post };
  }
}

/** Which contact fields an application shares, for the log (never the values). */
function shared(row: JobApplicationEntity): string[] {
  return [row.sharePhone && 'phone', row.email && 'email', row.wechatId && 'wechatId'].filter((f): f is string => typeof f === 'string');
}
