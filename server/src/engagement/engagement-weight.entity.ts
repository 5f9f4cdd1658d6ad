import { Column, Entity, PrimaryColumn } from 'typeorm';

/** How much one interaction of a kind adds to a score when it happens; kinds without a row weigh 0. */
@Entity({ name: 'engagement_weights' })
export class EngagementWeightEntity {
  @PrimaryColumn({ type: 'text' })
  kind: string;

  @Column({ type: 'double precision' })
  weight: number;
}
