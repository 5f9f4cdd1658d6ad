import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** Governance's one settings row (id 1), changed by staff. */
@Entity({ name: 'governance_settings' })
export class GovernanceSettingsEntity {
  @PrimaryColumn({ type: 'smallint' })
  id: number;

  /** Co-signatures a suggestion needs to reach the staff queue (kept on each suggestion when submitted). */
  @Column({ type: 'int' })
  cosignThreshold: number;

  /** How many days a suggestion collects co-signatures. */
  @Column({ type: 'int' })
  collectingDays: number;

  @Column({ type: 'uuid', nullable: true })
  updatedBy: string | null;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
