import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PersonalDataContributor, type PersonalDataSection, type PersonalRecord } from '../personal-data/personal-data.js';

const ERASED_TEXT = '（内容已随账号注销删除）';

const byAuthor = (sql: string) => (manager: EntityManager, alumnusId: string) =>
  manager.query(sql, [alumnusId]) as Promise<PersonalRecord[]>;

/**
 * Posts, their pictures, comments, likes and reports. Erasure takes the alumnus's words and
 * pictures out of every feed (posts and comments removed, their text and files deleted) and
 * their likes off the counts; reports stay with the moderation record, nameless.
 */
@Injectable()
@PersonalDataContributor()
export class GroupPostsPersonalData implements PersonalDataContributor {
  readonly sections: PersonalDataSection[] = [
    {
      key: 'posts',
      table: 'group_posts',
      column: 'author_id',
      read: byAuthor(
        `SELECT p.id, p.group_id AS "groupId", g.name AS "groupName", p.text, p.status, p.moderation_note AS "moderationNote",
                p.like_count AS "likeCount", p.comment_count AS "commentCount", p.created_at AS "createdAt", p.edited_at AS "editedAt"
           FROM group_posts p JOIN groups g ON g.id = p.group_id WHERE p.author_id = $1 ORDER BY p.created_at, p.id`,
      ),
    },
    {
      key: 'postImages',
      table: 'group_post_images',
      column: 'uploader_id',
      read: byAuthor(
        `SELECT id, post_id AS "postId", position, created_at AS "uploadedAt" FROM group_post_images WHERE uploader_id = $1 ORDER BY created_at, id`,
      ),
    },
    {
      key: 'comments',
      table: 'group_post_comments',
      column: 'author_id',
      read: byAuthor(
        `SELECT id, post_id AS "postId", text, status, moderation_note AS "moderationNote", created_at AS "createdAt"
           FROM group_post_comments WHERE author_id = $1 ORDER BY created_at, id`,
      ),
    },
    {
      key: 'likes',
      table: 'group_post_likes',
      column: 'alumnus_id',
      read: byAuthor(
        `SELECT post_id AS "postId", created_at AS "likedAt" FROM group_post_likes WHERE alumnus_id = $1 ORDER BY created_at, post_id`,
      ),
    },
    {
      key: 'postReports',
      table: 'group_post_reports',
      column: 'reporter_id',
      read: byAuthor(
        `SELECT post_id AS "postId", reason, resolution, created_at AS "reportedAt", resolved_at AS "resolvedAt"
           FROM group_post_reports WHERE reporter_id = $1 ORDER BY created_at, id`,
      ),
    },
    {
      key: 'commentReports',
      table: 'group_comment_reports',
      column: 'reporter_id',
      read: byAuthor(
        `SELECT comment_id AS "commentId", reason, resolution, created_at AS "reportedAt", resolved_at AS "resolvedAt"
           FROM group_comment_reports WHERE reporter_id = $1 ORDER BY created_at, id`,
      ),
    },
  ];

  readonly notExported = {
    'group_posts.moderated_by': 'moderators’ work: who decided on a post',
    'group_posts.pinned_by': 'group admins’ work: who pinned a post',
    'group_post_comments.moderated_by': 'moderators’ work: who decided on a comment',
    'group_post_reports.resolved_by': 'moderators’ work: who resolved a report',
    'group_comment_reports.resolved_by': 'moderators’ work: who resolved a report',
  };

  async erase(manager: EntityManager, alumnusId: string): Promise<string[]> {
    // Counts first, from the rows as they were: a published comment counted on its post, a like on its post.
    await manager.query(
      `UPDATE group_posts p SET comment_count = p.comment_count - c.n
         FROM (SELECT post_id, count(*)::int AS n FROM group_post_comments WHERE author_id = $1 AND status = 'published' GROUP BY post_id) c
        WHERE p.id = c.post_id`,
      [alumnusId],
    );
    await manager.query(
      `UPDATE group_posts p SET like_count = p.like_count - 1 FROM group_post_likes l WHERE l.alumnus_id = $1 AND p.id = l.post_id`,
      [alumnusId],
    );
    await manager.query(`DELETE FROM group_post_likes WHERE alumnus_id = $1`, [alumnusId]);
    // The text column may not be empty: it keeps a placeholder no feed shows (removed content is never listed).
    await manager.query(
      `UPDATE group_posts SET text = $2, status = 'removed', queued_at = NULL, pinned_at = NULL, pinned_by = NULL WHERE author_id = $1`,
      [alumnusId, ERASED_TEXT],
    );
    await manager.query(`UPDATE group_post_comments SET text = $2, status = 'removed', queued_at = NULL WHERE author_id = $1`, [
      alumnusId,
      ERASED_TEXT,
    ]);
    const images: { storage_key: string }[] = await manager.query(
      `DELETE FROM group_post_images WHERE uploader_id = $1 RETURNING storage_key`,
      [alumnusId],
    );
    return images.map((image) => image.storage_key);
  }
}
