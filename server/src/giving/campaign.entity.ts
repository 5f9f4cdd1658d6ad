import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { CampaignKind, CampaignStatus } from '@alumni/shared';
import { fenTransformer } from '../common/fen.transformer.js';

/** A donation drive: saplings, student aid, a scholarship. Amounts are integer fen. */
@Entity({ name: 'campaigns' })
export class CampaignEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  kind: CampaignKind;

  @Column({ type: 'text' })
  status: CampaignStatus;

  @Column({ type: 'text' })
  summary: string;

  @Column({ type: 'text' })
  story: string;

  @Column({ type: 'text', nullable: true })
  coverUrl: string | null;

  @Column({ type: 'bigint', transformer: fenTransformer })
  goalFen: number;

  @Column({ type: 'bigint', default: 0, transformer: fenTransformer })
  raisedFen: number;

  @Column({ type: 'int', default: 0 })
  donorCount: number;

  @Column({ type: 'text', nullable: true })
  unitName: string | null;

  @Column({ type: 'bigint', nullable: true, transformer: fenTransformer })
  unitPriceFen: number | null;

  /** Units given so far ("棵树苗"), less fully refunded gifts'. */
  @Column({ type: 'int', default: 0 })
  unitsRaised: number;

  /** Paid gifts posted so far (docs/giving.md, Posting): the counter certificate numbers are drawn from. */
  @Column({ type: 'int', default: 0 })
  paidCount: number;

  /** Sapling drives: the last tree number given (refunded gifts keep theirs, so it never goes down). */
  @Column({ type: 'int', default: 0 })
  lastTreeNo: number;

  /** What sponsors matched of the posted gifts (配捐), less what refunds gave back: the sum of campaign_matches.matched_fen. */
  @Column({ type: 'bigint', default: 0, transformer: fenTransformer })
  matchedFen: number;

  /** Sum of the fund-use ledger's entries. */
  @Column({ type: 'bigint', default: 0, transformer: fenTransformer })
  spentFen: number;

  @Column({ type: 'text', default: '' })
  beneficiary: string;

  /** The amount chips the donate sheet offers, in fen. */
  @Column({ type: 'jsonb', default: [] })
  suggestedAmountsFen: number[];

  @Column({ type: 'bigint', default: 100, transformer: fenTransformer })
  minAmountFen: number;

  @Column({ type: 'bigint', nullable: true, transformer: fenTransformer })
  maxAmountFen: number | null;

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @Column({ type: 'timestamptz', precision: 3 })
  startsAt: Date;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  endsAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
