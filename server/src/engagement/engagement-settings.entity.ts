import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The one row of engagement settings. `halfLifeDays` and `referenceAt` (the time sums are stored
 * at) belong to the current `generation` of per-kind sums; the `next*` columns describe the one
 * being built after a half-life change, until it takes over (docs/engagement.md).
 */
@Entity({ name: 'engagement_settings' })
export class EngagementSettingsEntity {
  @PrimaryColumn({ type: 'smallint', default: 1 })
  id: number;

  @Column({ type: 'integer' })
  halfLifeDays: number;

  @Column({ type: 'integer' })
  contactCurrentMonths: number;

  @Column({ type: 'timestamptz', precision: 3 })
  referenceAt: Date;

  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  updatedAt: Date;

  @Column({ type: 'integer' })
  generation: number;

  /** The highest generation ever started: a new one never reuses the number of an abandoned build. */
  @Column({ type: 'integer' })
  lastGeneration: number;

  @Column({ type: 'integer', nullable: true })
  nextGeneration: number | null;

  @Column({ type: 'integer', nullable: true })
  nextHalfLifeDays: number | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  nextReferenceAt: Date | null;

  /** The last interaction id the build reads from the log; later rows are added by `record()` itself. */
  @Column({ type: 'bigint', nullable: true })
  nextWatermark: string | null;

  /** The build's progress: every alumnus up to this id is done. */
  @Column({ type: 'uuid', nullable: true })
  nextBuiltThrough: string | null;
}
