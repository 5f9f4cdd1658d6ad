import { Column, Entity } from 'typeorm';
import type { ContentCheckOutcome, JobPostStatus, JobType, SalaryPeriod } from '@alumni/shared';
import { fenTransformer } from '../../common/fen.transformer.js';
import { ReviewedContentEntity } from '../reviewed-content.entity.js';

/**
 * A job, internship or referral posted by a verified graduate or staff. Public only while
 * `published` and before `closesAt`; the expiry job then marks it `expired`.
 */
@Entity({ name: 'job_posts' })
export class JobPostEntity extends ReviewedContentEntity {
  @Column({ type: 'uuid' })
  posterId: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  company: string;

  @Column({ type: 'text' })
  industry: string;

  @Column({ type: 'text' })
  city: string;

  @Column({ type: 'text' })
  type: JobType;

  @Column({ type: 'bigint', nullable: true, transformer: fenTransformer })
  salaryMinFen: number | null;

  @Column({ type: 'bigint', nullable: true, transformer: fenTransformer })
  salaryMaxFen: number | null;

  @Column({ type: 'text', nullable: true })
  salaryPeriod: SalaryPeriod | null;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'text' })
  howToApply: string;

  /** The end of the closing day in Beijing time. */
  @Column({ type: 'timestamptz', precision: 3 })
  closesAt: Date;

  @Column({ type: 'text' })
  status: JobPostStatus;

  /** The content check's verdict on the current text. */
  @Column({ type: 'text' })
  checkOutcome: ContentCheckOutcome;

  /** Set when first published, kept on later edits: the board's order never jumps. */
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  publishedAt: Date | null;

  @Column({ type: 'int', default: 0 })
  applicationCount: number;

  @Column({ type: 'int', default: 0 })
  viewCount: number;

  /** Title, company, industry, city and type, normalised (common/search-grams.ts). */
  @Column({ type: 'text' })
  searchText: string;

  @Column({ type: 'text', array: true })
  searchGrams: string[];
}
