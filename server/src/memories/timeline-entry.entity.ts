import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A moment of the campus's history, curated by staff, with old photos alumni shared. */
@Entity({ name: 'campus_timeline_entries' })
export class TimelineEntryEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'smallint' })
  year: number;

  @Column({ type: 'smallint', nullable: true })
  month: number | null;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', nullable: true })
  place: string | null;

  @Column({ type: 'text', default: '' })
  body: string;

  /** Published old photos, in the order shown. */
  @Column({ type: 'uuid', array: true, default: () => `'{}'` })
  photoIds: string[];

  @Column({ type: 'text' })
  status: 'draft' | 'published';

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
