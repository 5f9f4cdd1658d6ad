import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One alumnus's report of a photo or a comment; the item waits in the content-review queue. */
@Entity({ name: 'memory_reports' })
export class MemoryReportEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  subjectKind: 'photo' | 'comment';

  @Column({ type: 'uuid' })
  subjectId: string;

  @Column({ type: 'uuid' })
  reporterId: string;

  @Column({ type: 'text' })
  reason: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
