import { Column, Entity, PrimaryColumn } from 'typeorm';
import { fenTransformer } from '../common/fen.transformer.js';

/**
 * One alumnus's engagement, kept current by every interaction row in the same transaction.
 * The score is not kept here but read from the per-kind sums (engagement_kind_sums).
 */
@Entity({ name: 'engagement_summaries' })
export class EngagementSummaryEntity {
  @PrimaryColumn({ type: 'uuid' })
  alumnusId: string;

  @Column({ type: 'timestamptz', precision: 3 })
  lastInteractionAt: Date;

  /** The six newest participations, newest first (millisecond times taken from interaction rows). */
  @Column({ type: 'timestamptz', array: true, default: () => "'{}'" })
  recentParticipations: Date[];

  /** The two newest donations, newest first. */
  @Column({ type: 'timestamptz', array: true, default: () => "'{}'" })
  recentDonations: Date[];

  /** Given in all, refunds deducted. */
  @Column({ type: 'bigint', default: 0, transformer: fenTransformer })
  donatedFen: number;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  phoneConfirmedAt: Date | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  cityConfirmedAt: Date | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  employerConfirmedAt: Date | null;

  /** Latest thing the alumnus did in the mini-program: their WeChat link is live. */
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  wechatActiveAt: Date | null;
}
