import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { ReconciliationDifferenceDto } from '@alumni/shared';
import { fenTransformer } from '../common/fen.transformer.js';

/** The check of one day's WeChat Pay trade bill against our paid donations. */
@Entity({ name: 'giving_reconciliations' })
export class ReconciliationEntity {
  /** `YYYY-MM-DD`, Beijing time. */
  @PrimaryColumn({ type: 'date' })
  billDate: string;

  @Column({ type: 'text' })
  status: 'matched' | 'differences';

  @Column({ type: 'jsonb', default: [] })
  differences: ReconciliationDifferenceDto[];

  @Column({ type: 'int' })
  ourCount: number;

  @Column({ type: 'bigint', transformer: fenTransformer })
  ourFen: number;

  @Column({ type: 'int' })
  billCount: number;

  @Column({ type: 'bigint', transformer: fenTransformer })
  billFen: number;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  checkedAt: Date;
}
