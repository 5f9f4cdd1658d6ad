import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A response as staged between preview and commit: what the commit inserts, one statement for all. */
export interface StagedSurveyResponse {
  line: number;
  answers: Record<string, number | number[] | string>;
  attributes: Record<string, string>;
  complete: boolean;
}

/** An uploaded file of paper or outside questionnaires: previewed, then committed whole. */
@Entity({ name: 'survey_imports' })
export class SurveyImportEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  surveyId: string;

  @Column({ type: 'text' })
  status: 'previewed' | 'committed';

  @Column({ type: 'text' })
  fileName: string;

  @Column({ type: 'int' })
  totalRows: number;

  @Column({ type: 'int' })
  problemRows: number;

  @Column({ type: 'jsonb', nullable: true, select: false })
  stagedRows: StagedSurveyResponse[] | null;

  @Column({ type: 'int', nullable: true })
  insertedRows: number | null;

  @Column({ type: 'uuid', nullable: true })
  importedBy: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  committedAt: Date | null;
}
