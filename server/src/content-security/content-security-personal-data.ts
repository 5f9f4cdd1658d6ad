import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PersonalDataContributor, type PersonalDataSection, type PersonalRecord } from '../personal-data/personal-data.js';

const byAuthor = (sql: string) => (manager: EntityManager, alumnusId: string) =>
  manager.query(sql, [alumnusId]) as Promise<PersonalRecord[]>;

/**
 * What the content checks kept about an alumnus's words and pictures: held items and their
 * decisions, and the images sent to WeChat. Erasure forgets both (the content itself goes
 * with its own module's erasure).
 */
@Injectable()
@PersonalDataContributor()
export class ContentSecurityPersonalData implements PersonalDataContributor {
  readonly sections: PersonalDataSection[] = [
    {
      key: 'contentReviews',
      table: 'content_reviews',
      column: 'author_id',
      read: byAuthor(
        `SELECT kind, field, text, reason, label, decision, note, queued_at AS "queuedAt", decided_at AS "decidedAt"
           FROM content_reviews WHERE author_id = $1 ORDER BY queued_at, id`,
      ),
    },
    {
      key: 'imageChecks',
      table: 'media_checks',
      column: 'author_id',
      read: byAuthor(
        `SELECT kind, status, label, created_at AS "checkedAt", answered_at AS "answeredAt"
           FROM media_checks WHERE author_id = $1 ORDER BY created_at, id`,
      ),
    },
  ];

  readonly notExported = {
    'content_reviews.decided_by': 'moderators’ work: who decided on held content',
  };

  async erase(manager: EntityManager, alumnusId: string): Promise<void> {
    await manager.query(`DELETE FROM content_reviews WHERE author_id = $1`, [alumnusId]);
    await manager.query(`DELETE FROM media_checks WHERE author_id = $1`, [alumnusId]);
  }
}
