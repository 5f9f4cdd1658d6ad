import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PersonalDataContributor, type PersonalDataSection, type PersonalRecord } from '../personal-data/personal-data.js';

const rowsOf = (sql: string) => (manager: EntityManager, alumnusId: string) => manager.query(sql, [alumnusId]) as Promise<PersonalRecord[]>;

/**
 * Old photos shared, images uploaded and not used, tags of the person (and tags they made),
 * 我在这里, comments and reports. Erasure deletes the person's photos with their files (and
 * so the tags, 我在这里 and comments others left on them), their uploads, the tags of them,
 * their 我在这里 and comments (counts kept true) and reports; tags they made stay, nameless.
 */
@Injectable()
@PersonalDataContributor()
export class MemoriesPersonalData implements PersonalDataContributor {
  readonly sections: PersonalDataSection[] = [
    {
      key: 'memoryPhotos',
      table: 'memory_photos',
      column: 'uploader_id',
      read: rowsOf(
        `SELECT p.id, p.year, p.place, p.caption, g.name AS "className", p.status, p.presence_count AS "presenceCount",
                p.comment_count AS "commentCount", p.created_at AS "createdAt"
           FROM memory_photos p LEFT JOIN groups g ON g.id = p.class_group_id
          WHERE p.uploader_id = $1 ORDER BY p.created_at, p.id`,
      ),
    },
    {
      key: 'memoryImages',
      table: 'memory_images',
      column: 'uploader_id',
      read: rowsOf(`SELECT id, created_at AS "uploadedAt" FROM memory_images WHERE uploader_id = $1 ORDER BY created_at, id`),
    },
    {
      key: 'memoryTagsOfMe',
      table: 'memory_photo_tags',
      column: 'alumnus_id',
      read: rowsOf(
        `SELECT t.photo_id AS "photoId", p.caption, t.status, t.created_at AS "taggedAt", t.answered_at AS "answeredAt"
           FROM memory_photo_tags t JOIN memory_photos p ON p.id = t.photo_id
          WHERE t.alumnus_id = $1 ORDER BY t.created_at, t.id`,
      ),
    },
    {
      // Whom they tagged is the other person's record (and their answer): only the photo and the time.
      key: 'memoryTagsMade',
      table: 'memory_photo_tags',
      column: 'tagged_by',
      read: rowsOf(
        `SELECT photo_id AS "photoId", created_at AS "taggedAt" FROM memory_photo_tags WHERE tagged_by = $1 ORDER BY created_at, id`,
      ),
    },
    {
      key: 'memoryPresence',
      table: 'memory_photo_presence',
      column: 'alumnus_id',
      read: rowsOf(
        `SELECT r.photo_id AS "photoId", p.caption, r.created_at AS "at"
           FROM memory_photo_presence r JOIN memory_photos p ON p.id = r.photo_id WHERE r.alumnus_id = $1 ORDER BY r.created_at`,
      ),
    },
    {
      key: 'memoryComments',
      table: 'memory_photo_comments',
      column: 'author_id',
      read: rowsOf(
        `SELECT id, photo_id AS "photoId", text, status, created_at AS "createdAt"
           FROM memory_photo_comments WHERE author_id = $1 ORDER BY created_at, id`,
      ),
    },
    {
      key: 'memoryReports',
      table: 'memory_reports',
      column: 'reporter_id',
      read: rowsOf(
        `SELECT subject_kind AS "subjectKind", subject_id AS "subjectId", reason, created_at AS "reportedAt"
           FROM memory_reports WHERE reporter_id = $1 ORDER BY created_at, id`,
      ),
    },
  ];

  async erase(manager: EntityManager, alumnusId: string): Promise<string[]> {
    // Counts first, from the rows as they were.
    await manager.query(
      `UPDATE memory_photos p SET comment_count = p.comment_count - c.n
         FROM (SELECT photo_id, count(*)::int AS n FROM memory_photo_comments WHERE author_id = $1 AND status = 'published' GROUP BY photo_id) c
        WHERE p.id = c.photo_id`,
      [alumnusId],
    );
    await manager.query(
      `UPDATE memory_photos p SET presence_count = p.presence_count - 1
         FROM memory_photo_presence r WHERE r.alumnus_id = $1 AND p.id = r.photo_id`,
      [alumnusId],
    );
    await manager.query(`DELETE FROM memory_photo_presence WHERE alumnus_id = $1`, [alumnusId]);
    await manager.query(`DELETE FROM memory_photo_comments WHERE author_id = $1`, [alumnusId]);
    await manager.query(`DELETE FROM memory_photo_tags WHERE alumnus_id = $1`, [alumnusId]);
    await manager.query(`UPDATE memory_photo_tags SET tagged_by = NULL WHERE tagged_by = $1`, [alumnusId]);
    await manager.query(`DELETE FROM memory_reports WHERE reporter_id = $1`, [alumnusId]);
    const photos: { storage_key: string; status: string }[] = await manager.query(
      `SELECT storage_key, status FROM memory_photos WHERE uploader_id = $1`,
      [alumnusId],
    );
    await manager.query(`DELETE FROM memory_photos WHERE uploader_id = $1`, [alumnusId]);
    const images: { storage_key: string }[] = await manager.query(`SELECT storage_key FROM memory_images WHERE uploader_id = $1`, [
      alumnusId,
    ]);
    await manager.query(`DELETE FROM memory_images WHERE uploader_id = $1`, [alumnusId]);
    // A rejected or removed photo's file went when it was taken down.
    return [...photos.filter((p) => p.status !== 'rejected' && p.status !== 'removed'), ...images].map((row) => row.storage_key);
  }
}
