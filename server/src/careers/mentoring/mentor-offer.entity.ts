import { Column, Entity } from 'typeorm';
import type { CareerTopic, ContentCheckOutcome, MentorOfferStatus, MentoringFormat } from '@alumni/shared';
import { ReviewedContentEntity } from '../reviewed-content.entity.js';

/**
 * An alumnus's offer to mentor: one per alumnus. `activeCount` and `waitingCount` change only
 * under this row's lock, in the transaction that changes a pairing, so capacity holds across
 * instances.
 */
@Entity({ name: 'mentor_offers' })
export class MentorOfferEntity extends ReviewedContentEntity {
  @Column({ type: 'uuid', unique: true })
  alumnusId: string;

  @Column({ type: 'text' })
  industry: string;

  @Column({ type: 'text', nullable: true })
  employer: string | null;

  @Column({ type: 'text' })
  city: string;

  @Column({ type: 'text', array: true })
  topics: CareerTopic[];

  @Column({ type: 'text', array: true })
  formats: MentoringFormat[];

  @Column({ type: 'smallint' })
  capacity: number;

  @Column({ type: 'smallint', default: 0 })
  activeCount: number;

  @Column({ type: 'smallint', default: 0 })
  waitingCount: number;

  @Column({ type: 'text' })
  intro: string;

  @Column({ type: 'text' })
  status: MentorOfferStatus;

  /** The content check's verdict on the intro. */
  @Column({ type: 'text' })
  checkOutcome: ContentCheckOutcome;
}
