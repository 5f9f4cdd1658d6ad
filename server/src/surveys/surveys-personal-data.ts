import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { SurveyAnswer, SurveyQuestionDto } from '@alumni/shared';
import { PersonalDataContributor, type PersonalDataSection, type PersonalRecord } from '../personal-data/personal-data.js';
import { shown } from './survey-imports.service.js';

/**
 * Surveys: the questionnaires the alumnus answered online, with their answers as the questions
 * read. Erasure unlinks the responses: the answers stay in the survey's figures, anonymous
 * (with the college, year and city they were given with), as imported paper responses are.
 */
@Injectable()
@PersonalDataContributor()
export class SurveysPersonalData implements PersonalDataContributor {
  readonly sections: PersonalDataSection[] = [
    {
      key: 'surveyResponses',
      table: 'survey_responses',
      column: 'alumnus_id',
      read: async (manager, alumnusId) => {
        const rows: {
          surveyId: string;
          title: string;
          questions: SurveyQuestionDto[];
          answers: Record<string, SurveyAnswer>;
          attributes: Record<string, string>;
          submittedAt: Date;
        }[] = await manager.query(
          `SELECT s.id AS "surveyId", s.title, s.questions, r.answers, r.attributes, r.submitted_at AS "submittedAt"
               FROM survey_responses r JOIN surveys s ON s.id = r.survey_id WHERE r.alumnus_id = $1 ORDER BY r.submitted_at, r.id`,
          [alumnusId],
        );
        return rows.map((r): PersonalRecord => ({
          surveyId: r.surveyId,
          title: r.title,
          submittedAt: new Date(r.submittedAt).toISOString(),
          attributes: r.attributes,
          answers: r.questions
            .filter((q) => r.answers[q.key] !== undefined)
            .map((q) => ({ question: q.title, answer: shown(r.questions, q.key, r.answers[q.key]!) })),
        }));
      },
    },
  ];

  readonly notExported = {
    'surveys.created_by': 'staff work: who drafted a questionnaire',
    'survey_imports.imported_by': 'staff work: who imported a file of paper questionnaires',
  };

  async erase(manager: EntityManager, alumnusId: string): Promise<void> {
    await manager.query(`UPDATE survey_responses SET alumnus_id = NULL WHERE alumnus_id = $1`, [alumnusId]);
  }
}
