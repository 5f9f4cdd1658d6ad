import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { AudienceSpec, SurveyQuestionDto, SurveyStatus } from '@alumni/shared';

/** A questionnaire: its questions, audience and validity rules; a draft until sent, then open until closed. */
@Entity({ name: 'surveys' })
export class SurveyEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', default: '' })
  intro: string;

  @Column({ type: 'jsonb' })
  questions: SurveyQuestionDto[];

  @Column({ type: 'jsonb' })
  audience: AudienceSpec;

  @Column({ type: 'text' })
  status: SurveyStatus;

  @Column({ type: 'timestamptz', precision: 3 })
  closesAt: Date;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  openedAt: Date | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  closedAt: Date | null;

  /** The audience counted when it was sent. */
  @Column({ type: 'int', nullable: true })
  issuedOnline: number | null;

  @Column({ type: 'int', default: 0 })
  paperIssued: number;

  @Column({ type: 'boolean', default: true })
  requireComplete: boolean;

  @Column({ type: 'int', default: 0 })
  minSeconds: number;

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
