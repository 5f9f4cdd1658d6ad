import { Column, Entity, PrimaryColumn } from 'typeorm';
import { fenTransformer } from '../common/fen.transformer.js';

/** Participations and gifts of one alumnus in one calendar month (Asia/Shanghai): the trends. */
@Entity({ name: 'engagement_months' })
export class EngagementMonthEntity {
  @PrimaryColumn({ type: 'uuid' })
  alumnusId: string;

  /** First day of the month. */
  @PrimaryColumn({ type: 'date' })
  month: string;

  @Column({ type: 'integer', default: 0 })
  participations: number;

  @Column({ type: 'integer', default: 0 })
  donations: number;

  @Column({ type: 'bigint', default: 0, transformer: fenTransformer })
  donatedFen: number;
}
