import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** An alumnus's giving choices; without a row, nothing is opted in. */
@Entity({ name: 'giving_preferences' })
export class GivingPreferenceEntity {
  @PrimaryColumn({ type: 'uuid' })
  alumnusId: string;

  @Column({ type: 'boolean', default: false })
  honourRoll: boolean;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
