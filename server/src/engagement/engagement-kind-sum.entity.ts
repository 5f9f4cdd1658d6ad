import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Σ 2^((t_i − T₀)/h) over one alumnus's interactions of one kind: the decayed count at the
 * reference time of its generation (one half-life). A score is Σ weight(kind) · decayedSum of the
 * settings' current generation, read with the current weights (docs/engagement.md).
 */
@Entity({ name: 'engagement_kind_sums' })
export class EngagementKindSumEntity {
  @PrimaryColumn({ type: 'uuid' })
  alumnusId: string;

  @PrimaryColumn({ type: 'integer' })
  generation: number;

  @PrimaryColumn({ type: 'text' })
  kind: string;

  @Column({ type: 'double precision' })
  decayedSum: number;
}
