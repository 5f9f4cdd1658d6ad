import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { MatchSponsorKind } from '@alumni/shared';
import { fenTransformer } from '../common/fen.transformer.js';

/** A sponsor's matching pledge (配捐) to one campaign; docs/giving.md, Matching gifts. Amounts are integer fen. */
@Entity({ name: 'campaign_matches' })
export class CampaignMatchEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  campaignId: string;

  @Column({ type: 'text' })
  sponsorKind: MatchSponsorKind;

  @Column({ type: 'text' })
  sponsorName: string;

  @Column({ type: 'uuid', nullable: true })
  sponsorAlumnusId: string | null;

  /** 100 = 1:1. */
  @Column({ type: 'int' })
  ratioPercent: number;

  @Column({ type: 'bigint', transformer: fenTransformer })
  capFen: number;

  /** Changed only by the posting pass and refunds, under the campaign row's lock. */
  @Column({ type: 'bigint', default: 0, transformer: fenTransformer })
  matchedFen: number;

  /** The sponsor's payments recorded so far (campaign_match_payments). */
  @Column({ type: 'bigint', default: 0, transformer: fenTransformer })
  paidFen: number;

  @Column({ type: 'timestamptz', precision: 3 })
  startsAt: Date;

  @Column({ type: 'timestamptz', precision: 3 })
  endsAt: Date;

  @Column({ type: 'boolean', default: false })
  firstTimeOnly: boolean;

  @Column({ type: 'int', nullable: true })
  classGraduationYear: number | null;

  @Column({ type: 'uuid', nullable: true })
  classDepartmentId: string | null;

  @Column({ type: 'text', nullable: true })
  className: string | null;

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
