import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** Where a numbered sapling stands, with photos; staff add it after planting. */
@Entity({ name: 'campaign_trees' })
export class CampaignTreeEntity {
  @PrimaryColumn({ type: 'uuid' })
  campaignId: string;

  @PrimaryColumn({ type: 'int' })
  treeNo: number;

  @Column({ type: 'text', default: '' })
  location: string;

  @Column({ type: 'double precision', nullable: true })
  latitude: number | null;

  @Column({ type: 'double precision', nullable: true })
  longitude: number | null;

  @Column({ type: 'jsonb', default: [] })
  photoUrls: string[];

  @Column({ type: 'uuid', nullable: true })
  updatedBy: string | null;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
