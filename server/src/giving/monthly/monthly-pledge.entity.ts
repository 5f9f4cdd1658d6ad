import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { MonthlyInstalmentStatus, MonthlyPledgeMode, MonthlyPledgeStatus } from '@alumni/shared';
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

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
