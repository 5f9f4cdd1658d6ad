import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { HeldContentKind } from '@alumni/shared';

export type MediaCheckStatus = 'pending' | 'pass' | 'review' | 'risky' | 'unavailable';

/**
 * One image sent to WeChat's asynchronous media check (`mediaCheckAsync` v2): the trace id
 * its verdict comes back with, and the token of the URL WeChat fetches the image from.
 */
@Entity({ name: 'media_checks' })
export class MediaCheckEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text', nullable: true })
  traceId: string | null;

  @Column({ type: 'text' })
  kind: HeldContentKind;

  @Column({ type: 'uuid' })
  subjectId: string;

  @Column({ type: 'uuid', nullable: true })
  authorId: string | null;

  @Column({ type: 'text' })
  imageKey: string;

  /** Unguessable: the image's URL for WeChat (and staff) is `/api/v1/media-checks/<token>`. */
  @Column({ type: 'text' })
  fetchToken: string;

  @Column({ type: 'text' })
  status: MediaCheckStatus;

  @Column({ type: 'int', nullable: true })
  label: number | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  answeredAt: Date | null;
}
