import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Σ 2^((t_i − T₀)/h) over one alumnus's interactions of one kind: the decayed count at the
 * settings' reference time. A score is Σ weight(kind) · decayedSum, read with the current weights
 * (docs/engagement.md).
 */
@Entity({ name: 'engagement_kind_sums' })
export class EngagementKindSumEntity {
  @PrimaryColumn({ type: 'uuid' })
  alumnusId: string;

  @PrimaryColumn({ type: 'text' })
  kind: string;

  @Column({ type: 'double precision' })
  decayedSum: number;
}
