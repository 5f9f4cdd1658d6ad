import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * That an alumnus voted (one row per vote and voter: a second ballot is refused by the key).
 * An open ballot keeps the choices; a secret ballot's row has none — a trigger refuses them.
 */
@Entity({ name: 'vote_participations' })
export class VoteParticipationEntity {
  @PrimaryColumn({ type: 'uuid' })
  voteId: string;

  @PrimaryColumn({ type: 'uuid' })
  alumnusId: string;

  @Column({ type: 'smallint', array: true, nullable: true })
  choices: number[] | null;
}
