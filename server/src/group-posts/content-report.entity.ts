import { Column, CreateDateColumn, PrimaryGeneratedColumn } from 'typeorm';

export type ReportResolution = 'kept' | 'removed';

/** What reports of posts and of comments share: who reported, why, and how staff closed it. */
export abstract class ContentReportEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  reporterId: string;

  @Column({ type: 'text' })
  reason: string;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  resolvedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  resolvedBy: string | null;

  @Column({ type: 'text', nullable: true })
  resolution: ReportResolution | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
