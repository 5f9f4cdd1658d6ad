import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ContentCheckOutcome, SuggestionCategory, SuggestionStatus } from '@alumni/shared';

/** A suggestion to the school (建言献策): collects co-signatures, then staff take it up and answer in public. */
@Entity({ name: 'suggestions' })
export class SuggestionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Null once the author's account is erased. */
  @Column({ type: 'uuid', nullable: true })
  authorId: string | null;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  category: SuggestionCategory;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'text' })
  status: SuggestionStatus;

  @Column({ type: 'text' })
  checkOutcome: ContentCheckOutcome;

  @Column({ type: 'int', nullable: true })
  checkLabel: number | null;

  /** The co-signatures it needs, as the settings said when it was submitted. */
  @Column({ type: 'int' })
  threshold: number;

  @Column({ type: 'int', default: 0 })
  cosignCount: number;

  @Column({ type: 'timestamptz', precision: 3 })
  collectUntil: Date;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  receivedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  answer: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  answeredAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  answeredBy: string | null;

  @Column({ type: 'uuid', nullable: true })
  moderatedBy: string | null;

  @Column({ type: 'text', nullable: true })
  moderationNote: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
