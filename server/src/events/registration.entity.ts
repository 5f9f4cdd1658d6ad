import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { RegistrationAnswers, RegistrationStatus } from '@alumni/shared';

/** One alumnus's place at one event: confirmed, on the waitlist, or cancelled. */
@Entity({ name: 'event_registrations' })
export class RegistrationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  eventId: string;

  @Column({ type: 'uuid' })
  alumnusId: string;

  @Column({ type: 'text' })
  status: RegistrationStatus;

  @Column({ type: 'jsonb', default: {} })
  answers: RegistrationAnswers;

  /** Waitlist order: a sequence value (a string, as bigint), drawn again when a cancelled registration rejoins. */
  @Column({ type: 'bigint', generated: 'increment', update: false })
  queuePosition: string;

  @Column({ type: 'boolean', default: false })
  walkIn: boolean;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  checkedInAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  checkedInBy: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  cancelledAt: Date | null;

  /** When it last became confirmed; kept by a database trigger for every path that confirms. */
  @Column({ type: 'timestamptz', precision: 3, nullable: true, insert: false, update: false })
  confirmedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
