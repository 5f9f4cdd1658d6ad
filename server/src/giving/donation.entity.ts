import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { DonationStatus } from '@alumni/shared';
import { fenTransformer } from '../common/fen.transformer.js';

/** One gift: a WeChat Pay order with its own out_trade_no, paid at most once. Amounts are integer fen. */
@Entity({ name: 'donations' })
export class DonationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  campaignId: string;

  @Column({ type: 'uuid', nullable: true })
  alumnusId: string | null;

  @Column({ type: 'text', unique: true })
  outTradeNo: string;

  @Column({ type: 'bigint', transformer: fenTransformer })
  amountFen: number;

  /** What succeeded refunds gave back; the whole amount makes the status `refunded`. */
  @Column({ type: 'bigint', default: 0, transformer: fenTransformer })
  refundedFen: number;

  /** What sponsors matched of this gift (the sum of its donation_matches rows), set by the posting pass. */
  @Column({ type: 'bigint', default: 0, transformer: fenTransformer })
  matchedFen: number;

  /** Whole units of the campaign this gift buys (0 when the campaign has none). */
  @Column({ type: 'int', default: 0 })
  units: number;

  @Column({ type: 'text', default: '' })
  message: string;

  /** The message waits for staff (WeChat's check asked for a person, or could not answer): it is not on the wall. */
  @Column({ type: 'boolean', default: false })
  messageHeld: boolean;

  @Column({ type: 'boolean', default: false })
  anonymous: boolean;

  @Column({ type: 'boolean', default: false })
  hideAmount: boolean;

  @Column({ type: 'text', default: 'pending' })
  status: DonationStatus;

  @Column({ type: 'text' })
  payerOpenid: string;

  @Column({ type: 'text', nullable: true })
  prepayId: string | null;

  /** The time_expire sent to WeChat Pay: after it the order cannot be paid and is closed. */
  @Column({ type: 'timestamptz', precision: 3 })
  expiresAt: Date;

  @Column({ type: 'text', nullable: true, unique: true })
  transactionId: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  paidAt: Date | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  closedAt: Date | null;

  /** Given by the posting pass (docs/giving.md, Posting), with the tree numbers; null while a paid gift waits for it. */
  @Column({ type: 'text', nullable: true, unique: true })
  certificateNo: string | null;

  /** Sapling drives: the first of this gift's tree numbers (the rest follow, one per unit). */
  @Column({ type: 'int', nullable: true })
  firstTreeNo: number | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
