import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One notice in an alumnus's message centre (消息), written with the outbox message that may
 * also carry it to WeChat, so nothing depends on a subscription alone. The text is rendered
 * when written: what the alumnus was told stays what they were told.
 */
@Entity({ name: 'inbox_messages' })
export class InboxMessageEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  alumnusId: string;

  /** The outbox message queued in the same transaction (null once that row is gone). */
  @Column({ type: 'uuid', nullable: true })
  outboxMessageId: string | null;

  @Column({ type: 'text' })
  kind: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'text', nullable: true })
  page: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  readAt: Date | null;
}
