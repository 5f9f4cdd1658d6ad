import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ReceiptPayerKind, ReceiptStatus } from '@alumni/shared';
import { fenTransformer } from '../common/fen.transformer.js';

/** A donor's request for a 公益事业捐赠票据 and, once staff issued it, its number and file (docs/giving.md, Receipts). */
@Entity({ name: 'donation_receipts' })
export class DonationReceiptEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  alumnusId: string;

  @Column({ type: 'text', default: 'requested' })
  status: ReceiptStatus;

  @Column({ type: 'text' })
  payerKind: ReceiptPayerKind;

  @Column({ type: 'text' })
  payerName: string;

  /** FieldCipher, field `donation_receipts.tax_id`. */
  @Column({ type: 'text' })
  taxIdCipher: string;

  @Column({ type: 'text' })
  taxIdMasked: string;

  @Column({ type: 'bigint', transformer: fenTransformer })
  amountFen: number;

  @Column({ type: 'text', nullable: true, unique: true })
  receiptNo: string | null;

  /** The e-receipt in the private `donation-receipts` folder. */
  @Column({ type: 'text', nullable: true })
  fileKey: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  issuedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  issuedBy: string | null;

  /** Issued, and one of its gifts refunded since: to be voided (待作废). */
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  voidDueAt: Date | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  voidedAt: Date | null;

  /** Null when the request was withdrawn by a refund rather than voided by staff. */
  @Column({ type: 'uuid', nullable: true })
  voidedBy: string | null;

  @Column({ type: 'text', nullable: true })
  voidReason: string | null;

  /** The red-letter receipt's number (红冲), when there is one. */
  @Column({ type: 'text', nullable: true })
  reversalNo: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
