import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { StoryConsentMethod, StoryConsentStatus, StoryKind, StoryLinkInput, StoryStatus } from '@alumni/shared';

/**
 * A story: association news, an alumnus's story or a profile of an outstanding alumnus. Its
 * author writes a draft and submits it; staff publish it (docs/memories.md, Stories). A story
 * about someone else carries that person's consent to the version published (`revision`).
 */
@Entity({ name: 'stories' })
export class StoryEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  kind: StoryKind;

  @Column({ type: 'text' })
  status: StoryStatus;

  /** Null once the author erased their account (staff news keeps its words). */
  @Column({ type: 'uuid', nullable: true })
  authorId: string | null;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', default: '' })
  summary: string;

  /** Sanitised on the way in (common/rich-text.ts). */
  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'text', nullable: true })
  coverKey: string | null;

  @Column({ type: 'uuid', nullable: true })
  subjectAlumnusId: string | null;

  /** How the person profiled is named (`张伟 · 1998届机械`), with or without an account. */
  @Column({ type: 'text', nullable: true })
  subjectName: string | null;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  links: StoryLinkInput[];

  /** Bumped by every edit of the words; a consent is to one revision. */
  @Column({ type: 'int', default: 1 })
  revision: number;

  @Column({ type: 'text' })
  consentStatus: StoryConsentStatus;

  @Column({ type: 'text', nullable: true })
  consentMethod: StoryConsentMethod | null;

  @Column({ type: 'int', nullable: true })
  consentRevision: number | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  consentAt: Date | null;

  @Column({ type: 'text', nullable: true })
  consentNote: string | null;

  /** The staff member who recorded an offline consent. */
  @Column({ type: 'uuid', nullable: true })
  consentRecordedBy: string | null;

  @Column({ type: 'text', nullable: true })
  checkOutcome: string | null;

  @Column({ type: 'int', nullable: true })
  checkLabel: number | null;

  @Column({ type: 'text', nullable: true })
  reviewNote: string | null;

  @Column({ type: 'uuid', nullable: true })
  reviewedBy: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  submittedAt: Date | null;

  /** Set when first published and kept: the list's order never jumps. */
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  publishedAt: Date | null;

  @Column({ type: 'int', default: 0 })
  readCount: number;

  @Column({ type: 'int', default: 0 })
  likeCount: number;

  @Column({ type: 'int', default: 0 })
  commentCount: number;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
