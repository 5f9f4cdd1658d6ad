import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The ballot box of one vote: how many ballots, and each option's count (index 0 is option 1).
 * No timestamp, no per-ballot row (docs/governance.md, Secret ballots).
 */
@Entity({ name: 'vote_tallies' })
export class VoteTallyEntity {
  @PrimaryColumn({ type: 'uuid' })
  voteId: string;

  @Column({ type: 'int', default: 0 })
  ballots: number;

  @Column({ type: 'int', array: true })
  counts: number[];
}
