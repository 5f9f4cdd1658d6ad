import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { fenTransformer } from '../common/fen.transformer.js';

/** One entry of a campaign's fund-use ledger: money spent, on what, with evidence photos. */
@Entity({ name: 'campaign_disbursements' })
export class CampaignDisbursementEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  campaignId: string;

  /** `YYYY-MM-DD` */
  @Column({ type: 'date' })
  spentOn: string;

  @Column({ type: 'bigint', transformer: fenTransformer })
  amountFen: number;

  @Column({ type: 'text' })
  purpose: string;

  @Column({ type: 'jsonb', default: [] })
  photoUrls: string[];

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
