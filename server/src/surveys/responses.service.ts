import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AuthUserDto, MySurveyDto, SurveyForRespondentDto, SurveyReceiptDto, SurveyResponseInput } from '@alumni/shared';
import { AlumniService } from '../alumni/alumni.service.js';
import type { AlumnusEntity } from '../alumni/alumnus.entity.js';
import { AudiencesService } from '../audiences/audiences.service.js';
import { AppError } from '../common/app-error.js';
import type { AppConfig } from '../config/configuration.js';
import { ConsentService } from '../identity/consent.service.js';
import { InteractionsService } from '../interactions/interactions.service.js';
import { SchoolService } from '../school/school.service.js';
import { VerificationService } from '../verification/verification.service.js';
import { signStartToken, startTokenKey, verifyStartToken } from './start-token.js';
import { checkAnswers } from './survey-questions.js';
import { SurveyEntity } from './survey.entity.js';
import { statusOf } from './surveys.service.js';

/** A phone's request may arrive a little before the clock that signed its token says it could. */
const CLOCK_SKEW_MS = 5_000;

/**
 * Alumni answering questionnaires: the page (with a signed start time), one response each —
 * the partial unique index refuses a second on any instance — stored with the respondent's
 * attributes as they are now (college, verified graduation year, city), so results stay the
 * figures of the day they were given.
 */
@Injectable()
export class ResponsesService {
  private readonly key: Buffer;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly alumni: AlumniService,
    private readonly audiences: AudiencesService,
    private readonly consent: ConsentService,
    private readonly school: SchoolService,
    private readonly verification: VerificationService,
    private readonly interactions: InteractionsService,
    config: ConfigService<AppConfig, true>,
  ) {
    this.key = startTokenKey(config.get('jwtSecret', { infer: true }));
  }

  /** The questionnaire as I answer it; a draft is nobody's to see here. */
  async forRespondent(user: AuthUserDto, id: string): Promise<SurveyForRespondentDto> {
    const survey = await this.sent(id);
    const answered = await this.answered(survey.id, user.id);
    const blockedReason = answered ? '你已填写这份问卷，感谢参与' : await this.blockedReason(user, survey);
    return {
      id: survey.id,
      title: survey.title,
      intro: survey.intro,
      status: statusOf(survey),
      closesAt: survey.closesAt.toISOString(),
      questions: survey.questions,
      answered,
      blockedReason,
      startToken: blockedReason === null ? signStartToken(this.key, survey.id, user.id, Date.now()) : null,
    };
  }

  async submit(user: AuthUserDto, id: string, input: SurveyResponseInput): Promise<SurveyReceiptDto> {
    const survey = await this.sent(id);
    if (statusOf(survey) !== 'open') throw new AppError('SURVEY_NOT_OPEN');
    const alumnus = await this.participant(user);
    if (!(await this.audiences.includes(survey.audience, user.id))) throw new AppError('SURVEY_NOT_ELIGIBLE');
    const startedAt = verifyStartToken(this.key, input.startToken, survey.id, user.id);
    const now = Date.now();
    if (startedAt === null || startedAt > now + CLOCK_SKEW_MS) {
      throw new AppError('SURVEY_START_TOKEN_INVALID', [{ field: 'startToken', issue: 'use the startToken of GET /surveys/:id' }]);
    }
    const { answers, complete } = checkAnswers(survey.questions, input.answers);
    const attributes = await this.attributesOf(alumnus);
    const submittedAt = await this.dataSource.transaction(async (manager) => {
      // Held in share mode: closing waits for answers under way, and none lands after it.
      const [current]: { open: boolean }[] = await manager.query(
        `SELECT status = 'open' AND closes_at > now() AS open FROM surveys WHERE id = $1 FOR SHARE`,
        [id],
      );
      if (!current?.open) throw new AppError('SURVEY_NOT_OPEN');
      const inserted: { submitted_at: Date }[] = await manager.query(
        `INSERT INTO survey_responses (survey_id, alumnus_id, source, answers, attributes, complete, duration_seconds)
         VALUES ($1, $2, 'online', $3, $4, $5, $6)
         ON CONFLICT (survey_id, alumnus_id) WHERE alumnus_id IS NOT NULL DO NOTHING
         RETURNING submitted_at`,
        [id, user.id, JSON.stringify(answers), JSON.stringify(attributes), complete, Math.max(0, Math.floor((now - startedAt) / 1000))],
      );
      if (inserted.length === 0) throw new AppError('SURVEY_ALREADY_ANSWERED');
      // That they answered, never what: answers are the survey's, the log is everyone's history.
      await this.interactions.record(manager, { alumnusId: user.id, kind: 'surveys.answered', subjectType: 'survey', subjectId: id });
      return inserted[0]!.submitted_at;
    });
    return { surveyId: id, submittedAt: new Date(submittedAt).toISOString() };
  }

  /** Open questionnaires I may answer, and those I answered, newest first. */
  async mine(user: AuthUserDto): Promise<MySurveyDto[]> {
    const answered: { survey_id: string }[] = await this.dataSource.query(`SELECT survey_id FROM survey_responses WHERE alumnus_id = $1`, [
      user.id,
    ]);
    const answeredIds = new Set(answered.map((r) => r.survey_id));
    const builder = this.dataSource.manager.createQueryBuilder(SurveyEntity, 's').where(`s.status = 'open' AND s.closesAt > now()`);
    if (answeredIds.size > 0) builder.orWhere('s.id IN (:...ids)', { ids: [...answeredIds] });
    const rows = await builder.orderBy('s.openedAt', 'DESC').getMany();
    const shown: MySurveyDto[] = [];
    for (const s of rows) {
      const mine = answeredIds.has(s.id);
      if (!mine && !(await this.audiences.includes(s.audience, user.id))) continue;
      shown.push({
        id: s.id,
        title: s.title,
        status: statusOf(s),
        closesAt: s.closesAt.toISOString(),
        answered: mine,
        questionCount: s.questions.length,
      });
    }
    return shown;
  }

  private async blockedReason(user: AuthUserDto, survey: SurveyEntity): Promise<string | null> {
    if (statusOf(survey) !== 'open') return '问卷已结束回收，感谢关注';
    const alumnus = await this.alumni.findActive(user.id);
    if (!alumnus || alumnus.verifiedAt === null) return '完成校友认证后可以填写问卷';
    return (await this.audiences.includes(survey.audience, user.id)) ? null : '这份问卷只发给特定的校友，你不在发放范围内';
  }

  private async participant(user: AuthUserDto): Promise<AlumnusEntity> {
    const alumnus = await this.alumni.findActive(user.id);
    if (!alumnus) throw new AppError('ALUMNUS_NOT_FOUND');
    if (alumnus.verifiedAt === null) throw new AppError('SURVEY_VERIFICATION_REQUIRED');
    await this.consent.assertConsented(user.id);
    return alumnus;
  }

  /** 院系, 毕业年份 (the verified one, else the profile's) and 城市, as the results break them down. */
  private async attributesOf(alumnus: AlumnusEntity): Promise<Record<string, string>> {
    const [departments, year] = await Promise.all([
      this.school.departmentNames(alumnus.departmentId ? [alumnus.departmentId] : []),
      this.verification.verifiedGraduationYear(alumnus.id),
    ]);
    const attributes: Record<string, string> = {};
    const department = alumnus.departmentId ? departments.get(alumnus.departmentId) : undefined;
    if (department) attributes['院系'] = department;
    const graduationYear = year ?? alumnus.graduationYear;
    if (graduationYear !== null) attributes['毕业年份'] = String(graduationYear);
    if (alumnus.city) attributes['城市'] = alumnus.city;
    return attributes;
  }

  private async sent(id: string): Promise<SurveyEntity> {
    const survey = await this.dataSource.manager.findOneBy(SurveyEntity, { id });
    if (!survey || survey.status === 'draft') throw new AppError('SURVEY_NOT_FOUND');
    return survey;
  }

  private async answered(surveyId: string, alumnusId: string): Promise<boolean> {
    const [row]: [{ answered: boolean }] = await this.dataSource.query(
      `SELECT EXISTS (SELECT 1 FROM survey_responses WHERE survey_id = $1 AND alumnus_id = $2) AS answered`,
      [surveyId, alumnusId],
    );
    return row.answered;
  }
}
