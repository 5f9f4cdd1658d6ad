import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { MonthlyContractState, MonthlyInstalmentStatus, MonthlyPledgeMode, MonthlyPledgeStatus } from '@alumni/shared';
import { fenTransformer } from '../../common/fen.transformer.js';

/** A donor's monthly gift to a campaign (月捐): docs/giving.md, Monthly giving. */
@Entity({ name: 'monthly_pledges' })
export class MonthlyPledgeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  alumnusId: string;

  @Column({ type: 'uuid' })
  campaignId: string;

  @Column({ type: 'bigint', transformer: fenTransformer })
  amountFen: number;

  /** 1–28, Beijing: the day each month's invitation goes out. */
  @Column({ type: 'int' })
  dayOfMonth: number;

  @Column({ type: 'text', default: 'active' })
  status: MonthlyPledgeStatus;

  @Column({ type: 'text', default: 'invite' })
  mode: MonthlyPledgeMode;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  cancelledAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}

/** One month of a pledge: unique per (pledge, month), so a month is never invited or paid twice. */
@Entity({ name: 'monthly_instalments' })
export class MonthlyInstalmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  pledgeId: string;

  /** `YYYY-MM`, Beijing. */
  @Column({ type: 'text' })
  month: string;

  @Column({ type: 'bigint', transformer: fenTransformer })
  amountFen: number;

  @Column({ type: 'text', default: 'invited' })
  status: MonthlyInstalmentStatus;

  /** The ordinary donation that pays it (the open order while unpaid). */
  @Column({ type: 'uuid', nullable: true, unique: true })
  donationId: string | null;

  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  invitedAt: Date;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  remindedAt: Date | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  paidAt: Date | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  missedAt: Date | null;

  /** 委托代扣 of this month: null (not deducted), applying, accepted, failed (retried at deductionNextAt), fallback (invited instead). */
  @Column({ type: 'text', nullable: true })
  deductionState: DeductionState | null;

  @Column({ type: 'int', default: 0 })
  deductionAttempts: number;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  deductionNextAt: Date | null;

  /** WeChat Pay's err_code of the last failed attempt. */
  @Column({ type: 'text', nullable: true })
  deductionError: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}

export type DeductionState = 'applying' | 'accepted' | 'failed' | 'fallback';

/** A pledge's 委托代扣 contract (docs/giving.md, Automatic deduction); at most one live per pledge. */
@Entity({ name: 'monthly_contracts' })
export class MonthlyContractEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  pledgeId: string;

  /** Ours, digits and letters, never reused (WeChat Pay refuses a code used before). */
  @Column({ type: 'text', unique: true })
  contractCode: string;

  @Column({ type: 'bigint' })
  requestSerial: string;

  @Column({ type: 'text' })
  planId: string;

  /** Whose WeChat signs: the donor's openid when the signing request was made. */
  @Column({ type: 'text' })
  openid: string;

  @Column({ type: 'text', default: 'signing' })
  state: MonthlyContractState;

  /** WeChat Pay's 委托代扣协议id, from the signing notification or query. */
  @Column({ type: 'text', nullable: true, unique: true })
  contractId: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  signedAt: Date | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  terminatedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
