import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { JobApplicationStatus } from '@alumni/shared';

/**
 * "I'm interested": the applicant's name and only the contact details they chose to share
 * with this poster (the phone is read from the identity module when the poster looks, never
 * copied here). Withdrawing clears what was shared.
 */
@Entity({ name: 'job_applications' })
export class JobApplicationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  postId: string;

  @Column({ type: 'uuid' })
  applicantId: string;

  /** The verified real name (else the display name) when they applied. */
  @Column({ type: 'text' })
  applicantName: string;

  @Column({ type: 'text' })
  applicantStage: 'student' | 'graduate';

  @Column({ type: 'boolean' })
  sharePhone: boolean;

  @Column({ type: 'text', nullable: true })
  email: string | null;

  @Column({ type: 'text', nullable: true })
  wechatId: string | null;

  @Column({ type: 'text', nullable: true })
  message: string | null;

  @Column({ type: 'text' })
  status: JobApplicationStatus;

  @Column({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @Column({ type: 'timestamptz', precision: 3 })
  statusChangedAt: Date;
}
