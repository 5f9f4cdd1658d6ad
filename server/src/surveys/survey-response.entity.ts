import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { SurveyAnswer } from '@alumni/shared';

/** One returned questionnaire: answered online by an alumnus, or a row of an imported file. */
@Entity({ name: 'survey_responses' })
export class SurveyResponseEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  surveyId: string;

  /** Online responses until the account is erased; never for imported ones. */
  @Column({ type: 'uuid', nullable: true })
  alumnusId: string | null;

  @Column({ type: 'text' })
  source: 'online' | 'import';

  @Column({ type: 'uuid', nullable: true })
  importId: string | null;

  /** The row of the imported file. */
  @Column({ type: 'int', nullable: true })
  line: number | null;

  /** By question key; an unanswered question is absent. */
  @Column({ type: 'jsonb' })
  answers: Record<string, SurveyAnswer>;

  /** The respondent's attributes by name (院系, 毕业年份, 城市, or an imported column), as they were when answered. */
  @Column({ type: 'jsonb' })
  attributes: Record<string, string>;

  @Column({ type: 'boolean' })
  complete: boolean;

  @Column({ type: 'int', nullable: true })
  durationSeconds: number | null;

  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  submittedAt: Date;
}
