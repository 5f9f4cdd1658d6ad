import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ContentCheckOutcome, ReunionStatus } from '@alumni/shared';

/** A class reunion a classmate proposes; staff turn it into an event with sign-up. */
@Entity({ name: 'reunion_proposals' })
export class ReunionProposalEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  classGroupId: string;

  /** Null once the proposer erased their account (the reunion may still take place). */
  @Column({ type: 'uuid', nullable: true })
  proposerId: string | null;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  message: string;

  @Column({ type: 'timestamptz', precision: 3 })
  startsAt: Date;

  @Column({ type: 'timestamptz', precision: 3 })
  endsAt: Date;

  @Column({ type: 'text', nullable: true })
  city: string | null;

  @Column({ type: 'text', nullable: true })
  venue: string | null;

  @Column({ type: 'text' })
  status: ReunionStatus;

  /** Classmates interested; changed only with an interest row, in its transaction. */
  @Column({ type: 'int', default: 0 })
  interestCount: number;

  /** The content check of the title and message: classmates see it once it passed or staff decided. */
  @Column({ type: 'text' })
  checkOutcome: Exclude<ContentCheckOutcome, 'risky'>;

  @Column({ type: 'int', nullable: true })
  checkLabel: number | null;

  @Column({ type: 'uuid', nullable: true })
  eventId: string | null;

  @Column({ type: 'uuid', nullable: true })
  decidedBy: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  decidedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  decisionNote: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
