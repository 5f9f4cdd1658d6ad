import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * An alumnus who stamped every spot of a campus day, and when: the keepsake's "n-th to
 * complete" is their rank by this time, counted when read (no counter row to contend for).
 */
@Entity({ name: 'campus_day_completions' })
export class CampusDayCompletionEntity {
  @PrimaryColumn({ type: 'uuid' })
  eventId: string;

  @PrimaryColumn({ type: 'uuid' })
  alumnusId: string;

  @Column({ type: 'timestamptz', precision: 3 })
  completedAt: Date;
}
