import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { CareerStage, CareerTopic, MentoringFormat, MentorshipEndReason, MentorshipStatus } from '@alumni/shared';

/**
 * A request for mentoring and, once accepted, the pairing it became: `requested` → `declined`
 * / `withdrawn`, or `active` → `ended` (closed by either side, or at the end of the term). The
 * mentor's industry, employer and city are kept as they were when asked, so the programme's
 * figures do not move when an offer changes or goes.
 */
@Entity({ name: 'mentorships' })
export class MentorshipEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  mentorId: string;

  @Column({ type: 'uuid' })
  menteeId: string;

  @Column({ type: 'uuid', nullable: true })
  offerId: string | null;

  @Column({ type: 'text' })
  mentorIndustry: string;

  @Column({ type: 'text', nullable: true })
  mentorEmployer: string | null;

  @Column({ type: 'text' })
  mentorCity: string;

  @Column({ type: 'text' })
  menteeStage: Exclude<CareerStage, 'unverified'>;

  /** The asker's own industry when they asked (profile industry, else the target). */
  @Column({ type: 'text', nullable: true })
  menteeIndustry: string | null;

  @Column({ type: 'boolean' })
  crossIndustry: boolean;

  @Column({ type: 'text' })
  status: MentorshipStatus;

  @Column({ type: 'text' })
  goals: string;

  @Column({ type: 'text' })
  targetIndustry: string;

  @Column({ type: 'text' })
  topic: CareerTopic;

  @Column({ type: 'text', nullable: true })
  format: MentoringFormat | null;

  @Column({ type: 'text', nullable: true })
  replyMessage: string | null;

  @Column({ type: 'boolean', default: false })
  declinedAsFull: boolean;

  @Column({ type: 'timestamptz', precision: 3 })
  requestedAt: Date;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  decidedAt: Date | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  acceptedAt: Date | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  endsAt: Date | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  endedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  endReason: MentorshipEndReason | null;

  @Column({ type: 'text', nullable: true })
  closingNote: string | null;

  /** The last step or meeting; staff see pairings quiet for too long. */
  @Column({ type: 'timestamptz', precision: 3 })
  lastActivityAt: Date;

  @Column({ type: 'int', default: 0 })
  meetingCount: number;

  @Column({ type: 'smallint', nullable: true })
  mentorRating: number | null;

  @Column({ type: 'text', nullable: true })
  mentorComment: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  mentorFeedbackAt: Date | null;

  @Column({ type: 'smallint', nullable: true })
  menteeRating: number | null;

  @Column({ type: 'text', nullable: true })
  menteeComment: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  menteeFeedbackAt: Date | null;
}
