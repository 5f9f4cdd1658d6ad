import { Column, CreateDateColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ContentCheckOutcome, GroupPostStatus } from '@alumni/shared';

/** What posts and comments share: their text, the content check's record, and moderation. */
export abstract class ModeratedContentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  authorId: string;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'text' })
  status: GroupPostStatus;

  /** The content check's verdict on the current text. */
  @Column({ type: 'text' })
  checkOutcome: ContentCheckOutcome;

  @Column({ type: 'int', nullable: true })
  checkLabel: number | null;

  @Column({ type: 'text', nullable: true })
  checkTraceId: string | null;

  /** Since when it waits in the staff moderation queue (held, or reported); null when it does not. */
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  queuedAt: Date | null;

  /** Who last decided on it (approved, rejected, removed) and why. */
  @Column({ type: 'uuid', nullable: true })
  moderatedBy: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  moderatedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  moderationNote: string | null;

  /** The sort key of feeds and comment lists: never changes, so keyset pages stay stable. */
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
