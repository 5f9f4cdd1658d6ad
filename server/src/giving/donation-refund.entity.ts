import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { RefundStatusName } from '@alumni/shared';
import { fenTransformer } from '../common/fen.transformer.js';

/** One refund of a paid donation: its own out_refund_no, so WeChat Pay refunds it at most once. */
@Entity({ name: 'donation_refunds' })
export class DonationRefundEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  donationId: string;

  @Column({ type: 'text', unique: true })
  outRefundNo: string;

  @Column({ type: 'bigint', transformer: fenTransformer })
  amountFen: number;

  @Column({ type: 'text' })
  reason: string;

  @Column({ type: 'text', default: 'processing' })
  status: RefundStatusName;

  @Column({ type: 'text', nullable: true })
  refundId: string | null;

  /** Why WeChat Pay refused it, when it did. */
  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  @Column({ type: 'uuid', nullable: true })
  requestedBy: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  settledAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
