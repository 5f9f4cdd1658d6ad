import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** One-time sends an alumnus granted for one template: each 允许 tap adds one, each send uses one. */
@Entity({ name: 'notification_subscriptions' })
export class SubscriptionEntity {
  @PrimaryColumn({ type: 'uuid' })
  alumnusId: string;

  @PrimaryColumn({ type: 'text' })
  templateKey: string;

  @Column({ type: 'int', default: 0 })
  credits: number;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
