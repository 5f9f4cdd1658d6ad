import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  type AuthUserDto,
  type Page,
  percentOf,
  SURVEY_LIMITS,
  type SurveyCountsDto,
  type SurveyDto,
  type SurveyInput,
  type SurveyRulesInput,
  type SurveyStatus,
  type SurveySummaryDto,
} from '@alumni/shared';
import { AudienceInvitationsService } from '../audiences/audience-invitations.service.js';
import { AudiencesService } from '../audiences/audiences.service.js';
import { AuditService } from '../audit/audit.service.js';
import { AppError } from '../common/app-error.js';
import { decodeCursor, keysetPage, type PageQueryDto, toPage } from '../common/pagination.js';
import { numberQuestions } from './survey-questions.js';
import type { TabulatedResponse } from './survey-results.js';
import { SurveyEntity } from './survey.entity.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Where a survey is now: an open one past its closing time reads as closed (and refuses answers). */
export function statusOf(survey: Pick<SurveyEntity, 'status' | 'closesAt'>, now: Date = new Date()): SurveyStatus {
  return survey.status === 'open' && survey.closesAt <= now ? 'closed' : survey.status;
}

/** Valid in SQL (alias `r`, the survey's rules as `$2` require_complete and `$3` min_seconds). */
const VALID_SQL = `((NOT $2 OR r.complete) AND (r.duration_seconds IS NULL OR r.duration_seconds >= $3))`;

/**
 * Questionnaires as staff run them: a draft, sent to its audience (the issued figure counted
 * then, invitations queued), open until its closing time or until staff close it. The rules of
 * validity and the paper copies handed out may change at any time: validity is computed when
 * read, never stored, so a changed rule recounts every response at once.
 */
@Injectable()
export class SurveysService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audiences: AudiencesService,
    private readonly invitations: AudienceInvitationsService,
    private readonly audit: AuditService,
  ) {}

  async list(query: PageQueryDto): Promise<Page<SurveySummaryDto>> {
    const builder = this.dataSource.manager.createQueryBuilder(SurveyEntity, 's');
    const rows = await keysetPage(builder, 'createdAt', 'DESC', decodeCursor(query.cursor), query.limit).getMany();
    const page = toPage(
      rows,
      query.limit,
      (r) => ({ at: r.createdAt, id: r.id }),
      (r) => r,
    );
    return { items: await Promise.all(page.items.map((r) => this.summary(r))), nextCursor: page.nextCursor };
  }

  async detail(id: string): Promise<SurveyDto> {
    return this.present(await this.find(id));
  }

  async find(id: string, manager: EntityManager = this.dataSource.manager): Promise<SurveyEntity> {
    const survey = await manager.findOneBy(SurveyEntity, { id });
    if (!survey) throw new AppError('SURVEY_NOT_FOUND');
    return survey;
  }

  async create(staff: AuthUserDto, input: SurveyInput): Promise<SurveyDto> {
    const fields = await this.checked(input);
    const survey = await this.dataSource.transaction(async (manager) => {
      const saved = await manager.save(SurveyEntity, { ...fields, status: 'draft' as const, createdBy: staff.id });
      await this.audit.record(manager, {
        actorId: staff.id,
        action: 'survey.created',
        subjectType: 'survey',
        subjectId: saved.id,
        after: { title: saved.title },
      });
      return saved;
    });
    return this.present(survey);
  }

  /** A draft's questionnaire; once sent, answers depend on it, so only the rules change. */
  async update(staff: AuthUserDto, id: string, input: SurveyInput): Promise<SurveyDto> {
    const fields = await this.checked(input);
    const survey = await this.dataSource.transaction(async (manager) => {
      const survey = await this.lock(manager, id);
      if (survey.status !== 'draft') throw new AppError('SURVEY_STATE_CONFLICT', [{ issue: 'only a draft’s questions change' }]);
      await manager.update(SurveyEntity, { id }, fields);
      await this.audit.record(manager, {
        actorId: staff.id,
        action: 'survey.updated',
        subjectType: 'survey',
        subjectId: id,
        after: { title: fields.title },
      });
      return { ...survey, ...fields };
    });
    return this.present(survey);
  }

  /** Sends a draft: the audience is counted as issued, and told (message centre, and WeChat for those who allowed it). */
  async send(staff: AuthUserDto, id: string): Promise<SurveyDto> {
    const survey = await this.dataSource.transaction(async (manager) => {
      const survey = await this.lock(manager, id);
      if (survey.status !== 'draft') throw new AppError('SURVEY_STATE_CONFLICT', [{ issue: 'only a draft is sent' }]);
      const now = new Date();
      if (survey.closesAt <= now)
        throw new AppError('SURVEY_CLOSING_TIME_INVALID', [{ field: 'closesAt', issue: 'the survey would close before it opens' }]);
      const issuedOnline = await this.audiences.size(survey.audience, manager);
      const changes = { status: 'open' as const, openedAt: now, issuedOnline };
      await manager.update(SurveyEntity, { id }, changes);
      await this.invitations.schedule(manager, {
        spec: survey.audience,
        kind: 'surveys.invited',
        payload: { surveyId: id, title: survey.title, closesAt: survey.closesAt.toISOString() },
        dedupeKey: `survey-invited:${id}`,
      });
      await this.audit.record(manager, {
        actorId: staff.id,
        action: 'survey.sent',
        subjectType: 'survey',
        subjectId: id,
        before: { status: 'draft' },
        after: { status: 'open', issuedOnline },
      });
      return { ...survey, ...changes };
    });
    return this.present(survey);
  }

  /** Ends collection now; imports of paper responses stay possible. */
  async close(staff: AuthUserDto, id: string): Promise<SurveyDto> {
    const survey = await this.dataSource.transaction(async (manager) => {
      const survey = await this.lock(manager, id);
      if (statusOf(survey) !== 'open') throw new AppError('SURVEY_STATE_CONFLICT', [{ issue: 'only an open survey is closed' }]);
      const now = new Date();
      const changes = { status: 'closed' as const, closedAt: now, closesAt: now };
      await manager.update(SurveyEntity, { id }, changes);
      await this.audit.record(manager, {
        actorId: staff.id,
        action: 'survey.closed',
        subjectType: 'survey',
        subjectId: id,
        before: { status: 'open' },
        after: { status: 'closed' },
      });
      return { ...survey, ...changes };
    });
    return this.present(survey);
  }

  /** The validity rules and the paper copies handed out, at any time (audited); every response is recounted. */
  async setRules(staff: AuthUserDto, id: string, input: SurveyRulesInput): Promise<SurveyDto> {
    const survey = await this.dataSource.transaction(async (manager) => {
      const survey = await this.lock(manager, id);
      const changes = { requireComplete: input.requireComplete, minSeconds: input.minSeconds, paperIssued: input.paperIssued };
      await manager.update(SurveyEntity, { id }, changes);
      await this.audit.record(manager, {
        actorId: staff.id,
        action: 'survey.rules_changed',
        subjectType: 'survey',
        subjectId: id,
        before: { requireComplete: survey.requireComplete, minSeconds: survey.minSeconds, paperIssued: survey.paperIssued },
        after: changes,
      });
      return { ...survey, ...changes };
    });
    return this.present(survey);
  }

  /** Issued, returned and valid, with the rates, counted now under the survey's rules. */
  async counts(survey: SurveyEntity, manager: EntityManager = this.dataSource.manager): Promise<SurveyCountsDto> {
    const [row]: [Record<string, number>] = await manager.query(
      `SELECT count(*)::int AS returned,
              count(*) FILTER (WHERE r.source = 'online')::int AS online,
              count(*) FILTER (WHERE ${VALID_SQL})::int AS valid,
              count(*) FILTER (WHERE $2 AND NOT r.complete)::int AS incomplete,
              count(*) FILTER (WHERE r.duration_seconds < $3)::int AS too_fast
         FROM survey_responses r WHERE r.survey_id = $1`,
      [survey.id, survey.requireComplete, survey.minSeconds],
    );
    const issuedOnline = survey.issuedOnline ?? 0;
    const issued = issuedOnline + survey.paperIssued;
    return {
      issued,
      issuedOnline,
      paperIssued: survey.paperIssued,
      returned: row.returned!,
      returnedOnline: row.online!,
      returnedImported: row.returned! - row.online!,
      valid: row.valid!,
      returnRate: percentOf(row.returned!, issued),
      validityRate: percentOf(row.valid!, row.returned!),
      incomplete: row.incomplete!,
      tooFast: row.too_fast!,
    };
  }

  /** The valid responses' answers and attributes (the results' input). */
  async validResponses(survey: SurveyEntity): Promise<TabulatedResponse[]> {
    return this.dataSource.query(
      `SELECT r.answers, r.attributes FROM survey_responses r WHERE r.survey_id = $1 AND ${VALID_SQL} ORDER BY r.submitted_at, r.id`,
      [survey.id, survey.requireComplete, survey.minSeconds],
    );
  }

  async summary(survey: SurveyEntity): Promise<SurveySummaryDto> {
    return {
      id: survey.id,
      title: survey.title,
      status: statusOf(survey),
      closesAt: survey.closesAt.toISOString(),
      openedAt: survey.openedAt?.toISOString() ?? null,
      audienceLabel: await this.audiences.label(survey.audience),
      counts: await this.counts(survey),
    };
  }

  private async present(survey: SurveyEntity): Promise<SurveyDto> {
    return {
      ...(await this.summary(survey)),
      intro: survey.intro,
      questions: survey.questions,
      audience: await this.audiences.describe(survey.audience),
      rules: { requireComplete: survey.requireComplete, minSeconds: survey.minSeconds },
      paperIssued: survey.paperIssued,
      createdAt: survey.createdAt.toISOString(),
    };
  }

  private async checked(input: SurveyInput) {
    const closesAt = new Date(input.closesAt);
    if (closesAt.getTime() <= Date.now() || closesAt.getTime() > Date.now() + SURVEY_LIMITS.maxOpenDays * DAY_MS) {
      throw new AppError('SURVEY_CLOSING_TIME_INVALID', [
        { field: 'closesAt', issue: `closesAt lies within ${SURVEY_LIMITS.maxOpenDays} days from now` },
      ]);
    }
    return {
      title: input.title,
      intro: input.intro,
      questions: numberQuestions(input.questions),
      audience: await this.audiences.normalise(input.audience),
      closesAt,
      requireComplete: input.rules.requireComplete,
      minSeconds: input.rules.minSeconds,
      paperIssued: input.paperIssued,
    };
  }

  private async lock(manager: EntityManager, id: string): Promise<SurveyEntity> {
    const survey = await manager.findOne(SurveyEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!survey) throw new AppError('SURVEY_NOT_FOUND');
    return survey;
  }
}
