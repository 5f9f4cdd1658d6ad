import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ContentReviewReason, HeldContentKind } from '@alumni/shared';

/**
 * A piece of content WeChat did not clear, waiting for staff: held text (kept back from
 * everyone but its author) or an image (shown, and taken down if staff reject it). At most
 * one waiting row per kind, subject and field: new content replaces what waits.
 */
@Entity({ name: 'content_reviews' })
export class ContentReviewEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  kind: HeldContentKind;

  @Column({ type: 'uuid' })
  subjectId: string;

  @Column({ type: 'text', default: '' })
  field: string;

  @Column({ type: 'uuid', nullable: true })
  authorId: string | null;

  @Column({ type: 'text', nullable: true })
  text: string | null;

  @Column({ type: 'text', nullable: true })
  imageKey: string | null;

  /** For an image: the media check whose unguessable token serves it to staff. */
  @Column({ type: 'uuid', nullable: true })
  mediaCheckId: string | null;

  @Column({ type: 'text' })
  reason: ContentReviewReason;

  @Column({ type: 'int', nullable: true })
  label: number | null;

  @Column({ type: 'text', nullable: true })
  detail: string | null;

  /** How many readers reported it (each once, as the owning feature records them); 0 when WeChat's check held it. */
  @Column({ type: 'int', default: 0 })
  reportCount: number;

  @Column({ type: 'timestamptz', precision: 3 })
  queuedAt: Date;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  decidedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  decidedBy: string | null;

  /** `withdrawn`: replaced or deleted by its author before anyone decided. */
  @Column({ type: 'text', nullable: true })
  decision: 'approved' | 'rejected' | 'withdrawn' | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;
}
