import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { GivingDayChallengeDto, GivingDayStatus } from '@alumni/shared';
import { fenTransformer } from '../common/fen.transformer.js';

/** A giving day (docs/giving.md, Giving days); its totals are read from the donations, never stored. */
@Entity({ name: 'giving_days' })
export class GivingDayEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', default: '' })
  summary: string;

  @Column({ type: 'text', default: 'draft' })
  status: GivingDayStatus;

  @Column({ type: 'timestamptz', precision: 3 })
  startsAt: Date;

  @Column({ type: 'timestamptz', precision: 3 })
  endsAt: Date;

  @Column({ type: 'bigint', transformer: fenTransformer })
  goalFen: number;

  @Column({ type: 'int', nullable: true })
  goalDonors: number | null;

  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  campaignIds: string[];

  @Column({ type: 'jsonb', default: [] })
  challenges: GivingDayChallengeDto[];

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
