import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PersonalDataContributor, type PersonalDataSection, type PersonalRecord } from '../../personal-data/personal-data.js';

const rowsOf = (sql: string) => (manager: EntityManager, alumnusId: string) => manager.query(sql, [alumnusId]) as Promise<PersonalRecord[]>;

/**
 * Resources the alumnus wrote, files they uploaded and what they keep. Erasure deletes their
 * resources with their files (an author's words go with the account, like posts) and their
 * bookmarks, taken off the counts.
 */
@Injectable()
@PersonalDataContributor()
export class ResourcesPersonalData implements PersonalDataContributor {
  readonly sections: PersonalDataSection[] = [
    {
      key: 'careerResources',
      table: 'career_resources',
      column: 'author_id',
      read: rowsOf(
        `SELECT id, kind, title, summary, body_html AS "bodyHtml", industry, topic, status, moderation_note AS "reviewNote",
                view_count AS "viewCount", download_count AS "downloadCount", bookmark_count AS "bookmarkCount",
                created_at AS "createdAt", submitted_at AS "submittedAt", published_at AS "publishedAt"
           FROM career_resources WHERE author_id = $1 ORDER BY created_at, id`,
      ),
    },
    {
      key: 'careerResourceFiles',
      table: 'career_resource_files',
      column: 'uploader_id',
      read: rowsOf(
        `SELECT id, resource_id AS "resourceId", name, content_type AS "contentType", size, download_count AS "downloadCount",
                created_at AS "uploadedAt"
           FROM career_resource_files WHERE uploader_id = $1 ORDER BY created_at, id`,
      ),
    },
    {
      key: 'careerResourceBookmarks',
      table: 'career_resource_bookmarks',
      column: 'alumnus_id',
      read: rowsOf(
        `SELECT b.resource_id AS "resourceId", r.title, b.created_at AS "bookmarkedAt"
           FROM career_resource_bookmarks b JOIN career_resources r ON r.id = b.resource_id
          WHERE b.alumnus_id = $1 ORDER BY b.created_at, b.resource_id`,
      ),
    },
  ];

  readonly notExported = { 'career_resources.moderated_by': 'staff work: who published, refused or took down a resource' };

  async erase(manager: EntityManager, alumnusId: string): Promise<string[]> {
    await manager.query(
      `WITH gone AS (DELETE FROM career_resource_bookmarks WHERE alumnus_id = $1 RETURNING resource_id)
       UPDATE career_resources r SET bookmark_count = r.bookmark_count - g.n
         FROM (SELECT resource_id, count(*)::int AS n FROM gone GROUP BY resource_id) g WHERE r.id = g.resource_id`,
      [alumnusId],
    );
    // Files go with their rows (uploaded, attached or not); the storage objects once the erasure commits.
    const [files]: [{ storage_key: string }[], number] = await manager.query(
      `DELETE FROM career_resource_files WHERE uploader_id = $1 RETURNING storage_key`,
      [alumnusId],
    );
    await manager.query(`DELETE FROM career_resources WHERE author_id = $1`, [alumnusId]);
    return files.map((f) => f.storage_key);
  }
}
