import { Column, Entity } from 'typeorm';
import type { CareerTopic, ContentCheckOutcome, ResourceKind, ResourceStatus } from '@alumni/shared';
import { ReviewedContentEntity } from '../reviewed-content.entity.js';

/**
 * A guide, interview experience, industry overview or set of files in the career resource
 * library, written by a verified graduate or staff. A draft until its author submits it; staff
 * review what alumni submit; public only while `published`.
 */
@Entity({ name: 'career_resources' })
export class CareerResourceEntity extends ReviewedContentEntity {
  @Column({ type: 'uuid' })
  authorId: string;

  @Column({ type: 'text' })
  kind: ResourceKind;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  summary: string;

  /** Sanitised on the way in (common/rich-text.ts): only the safe subset is ever stored. */
  @Column({ type: 'text' })
  bodyHtml: string;

  @Column({ type: 'text', nullable: true })
  industry: string | null;

  @Column({ type: 'text' })
  topic: CareerTopic;

  @Column({ type: 'text' })
  status: ResourceStatus;

  /** The content check's verdict on the text last submitted; null for a draft never submitted. */
  @Column({ type: 'text', nullable: true })
  checkOutcome: ContentCheckOutcome | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  submittedAt: Date | null;

  /** Set when first published, kept on later edits: the library's order never jumps. */
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  publishedAt: Date | null;

  @Column({ type: 'int', default: 0 })
  viewCount: number;

  /** Downloads of all its files. */
  @Column({ type: 'int', default: 0 })
  downloadCount: number;

  @Column({ type: 'int', default: 0 })
  bookmarkCount: number;

  @Column({ type: 'smallint', default: 0 })
  fileCount: number;

  /** Title, summary, kind, industry and topic, normalised (common/search-grams.ts). */
  @Column({ type: 'text' })
  searchText: string;

  @Column({ type: 'text', array: true })
  searchGrams: string[];
}
