import { CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A classmate who would come to a proposed reunion. */
@Entity({ name: 'reunion_interests' })
export class ReunionInterestEntity {
  @PrimaryColumn({ type: 'uuid' })
  proposalId: string;

  @PrimaryColumn({ type: 'uuid' })
  alumnusId: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
