import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { AbnormalRefundBank, AbnormalRefundRoute, RefundStatusName } from '@alumni/shared';
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

  /** Where staff sent it once WeChat Pay reported it abnormal (发起异常退款); null until then. */
  @Column({ type: 'text', nullable: true })
  abnormalRoute: AbnormalRefundRoute | null;

  /** The donor's card: its bank and last four digits only (the number and name went to WeChat Pay encrypted, and nowhere else). */
  @Column({ type: 'text', nullable: true })
  abnormalBankType: AbnormalRefundBank | null;

  @Column({ type: 'text', nullable: true })
  abnormalCardLast4: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  abnormalAppliedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  abnormalAppliedBy: string | null;

  /** Checks with WeChat Pay so far without an outcome: the next waits longer (RefundsService.followDelay). */
  @Column({ type: 'integer', default: 0 })
  checkCount: number;

  /** When the sweep asks WeChat Pay again, while the refund is processing or abnormal. */
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  nextCheckAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
