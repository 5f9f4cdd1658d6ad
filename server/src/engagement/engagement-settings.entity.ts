import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The one row of engagement settings. `referenceAt` is the time scores are stored at
 * (docs/engagement.md); it moves only when scores are recomputed.
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
}
