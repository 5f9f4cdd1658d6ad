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

  @Column({ type: 'timestamptz', precision: 3 })
  startsAt: Date;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  endsAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
