import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { MentoringFormat } from '@alumni/shared';

/** A meeting either side of a pairing logged. */
@Entity({ name: 'mentoring_meetings' })
export class MentoringMeetingEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  mentorshipId: string;

  @Column({ type: 'uuid' })
  loggedBy: string;

  @Column({ type: 'text' })
  loggedAs: 'mentor' | 'mentee';

  /** Beijing calendar day, `YYYY-MM-DD`. */
  @Column({ type: 'date' })
  occurredOn: string;

  @Column({ type: 'text' })
  format: MentoringFormat;

  @Column({ type: 'smallint', nullable: true })
  durationMinutes: number | null;

  @Column({ type: 'text' })
  notes: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
