import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PersonalDataContributor, type PersonalDataSection, type PersonalRecord } from '../personal-data/personal-data.js';

const rowsOf = (sql: string) => (manager: EntityManager, alumnusId: string) => manager.query(sql, [alumnusId]) as Promise<PersonalRecord[]>;

/**
 * Stories the alumnus wrote, stories about them with their consent, their likes, comments,
 * reports of comments and reading days. Erasure deletes what they wrote that is not published
 * news by staff (an alumnus's words go with the account, like posts), takes a story about them
 * down unless it was published (the consent stands for what is out; staff take it down on
 * request), and forgets likes, comments, reports and reads, likes and comments taken off the counts.
 */
@Injectable()
@PersonalDataContributor()
export class StoriesPersonalData implements PersonalDataContributor {
  readonly sections: PersonalDataSection[] = [
    {
      key: 'stories',
      table: 'stories',
      column: 'author_id',
      read: rowsOf(
        `SELECT id, kind, status, title, summary, body, subject_name AS "subjectName", review_note AS "reviewNote",
                read_count AS "readCount", like_count AS "likeCount", comment_count AS "commentCount",
                created_at AS "createdAt", submitted_at AS "submittedAt", published_at AS "publishedAt"
           FROM stories WHERE author_id = $1 ORDER BY created_at, id`,
      ),
    },
    {
      key: 'storiesAboutMe',
      table: 'stories',
      column: 'subject_alumnus_id',
      read: rowsOf(
        `SELECT id, kind, status, title, consent_status AS "consentStatus", consent_method AS "consentMethod",
                consent_revision AS "consentRevision", revision, consent_at AS "consentAt", consent_note AS "consentNote"
           FROM stories WHERE subject_alumnus_id = $1 ORDER BY created_at, id`,
      ),
    },
    {
      key: 'storyLikes',
      table: 'story_likes',
      column: 'alumnus_id',
      read: rowsOf(
        `SELECT l.story_id AS "storyId", s.title, l.created_at AS "likedAt"
           FROM story_likes l JOIN stories s ON s.id = l.story_id WHERE l.alumnus_id = $1 ORDER BY l.created_at, l.story_id`,
      ),
    },
    {
      key: 'storyComments',
      table: 'story_comments',
      column: 'author_id',
      read: rowsOf(
        `SELECT id, story_id AS "storyId", text, status, created_at AS "createdAt"
           FROM story_comments WHERE author_id = $1 ORDER BY created_at, id`,
      ),
    },
    {
      key: 'storyCommentReports',
      table: 'story_comment_reports',
      column: 'reporter_id',
      read: rowsOf(
        `SELECT comment_id AS "commentId", reason, created_at AS "reportedAt"
           FROM story_comment_reports WHERE reporter_id = $1 ORDER BY created_at, comment_id`,
      ),
    },
    {
      key: 'storyReads',
      table: 'story_reads',
      column: 'alumnus_id',
      read: rowsOf(`SELECT story_id AS "storyId", day FROM story_reads WHERE alumnus_id = $1 ORDER BY day, story_id`),
    },
  ];

  readonly notExported = {
    'stories.reviewed_by': 'staff work: who published, returned or took down a story',
    'stories.consent_recorded_by': 'staff work: who recorded a consent given outside the app',
  };

  async erase(manager: EntityManager, alumnusId: string): Promise<string[]> {
    await manager.query(
      `WITH gone AS (DELETE FROM story_likes WHERE alumnus_id = $1 RETURNING story_id)
       UPDATE stories s SET like_count = s.like_count - g.n
         FROM (SELECT story_id, count(*)::int AS n FROM gone GROUP BY story_id) g WHERE s.id = g.story_id`,
      [alumnusId],
    );
    await manager.query(
      `WITH gone AS (DELETE FROM story_comments WHERE author_id = $1 RETURNING story_id, status)
       UPDATE stories s SET comment_count = s.comment_count - g.n
         FROM (SELECT story_id, count(*)::int AS n FROM gone WHERE status = 'published' GROUP BY story_id) g WHERE s.id = g.story_id`,
      [alumnusId],
    );
    await manager.query(`DELETE FROM story_reads WHERE alumnus_id = $1`, [alumnusId]);
    await manager.query(`DELETE FROM story_comment_reports WHERE reporter_id = $1`, [alumnusId]);
    await manager.query(
      `UPDATE stories SET status = 'withdrawn', subject_alumnus_id = NULL WHERE subject_alumnus_id = $1 AND status <> 'published'`,
      [alumnusId],
    );
    await manager.query(`UPDATE stories SET subject_alumnus_id = NULL WHERE subject_alumnus_id = $1`, [alumnusId]);
    const [gone]: [{ cover_key: string | null }[], number] = await manager.query(
      `DELETE FROM stories WHERE author_id = $1 AND NOT (kind = 'news' AND status = 'published') RETURNING cover_key`,
      [alumnusId],
    );
    return gone.map((g) => g.cover_key).filter((k): k is string => k !== null);
  }
}
