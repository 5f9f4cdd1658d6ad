import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type OutboxStatus = 'pending' | 'sent' | 'failed' | 'skipped';

/**
 * A notification to deliver (a WeChat subscription message, later maybe SMS), written in the
 * transaction of the change it announces so it is sent if and only if the change committed.
 * Each row has a job on the queue (written in the same transaction) that delivers it.
 */
@Entity({ name: 'outbox_messages' })
export class OutboxMessageEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', nullable: true })
  alumnusId: string | null;

  /** Template kind, e.g. `events.promoted`, `events.cancelled`. */
  @Column({ type: 'text' })
  kind: string;

  @Column({ type: 'jsonb', default: {} })
  payload: Record<string, unknown>;

  /** Set for messages that must be queued at most once (e.g. `events.reminder:24h:<registration>:<start>`). */
  @Column({ type: 'text', nullable: true, unique: true })
  dedupeKey: string | null;

  /** The subscription-message template it went out with (or would have). */
  @Column({ type: 'text', nullable: true })
  templateKey: string | null;

  @Column({ type: 'text', default: 'pending' })
  status: OutboxStatus;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  sentAt: Date | null;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
