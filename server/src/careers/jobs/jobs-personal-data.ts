import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PersonalDataContributor, type PersonalDataSection, type PersonalRecord } from '../../personal-data/personal-data.js';

const rowsOf = (sql: string) => (manager: EntityManager, alumnusId: string) => manager.query(sql, [alumnusId]) as Promise<PersonalRecord[]>;

/**
 * Job posts the alumnus published and applications they sent. Erasure takes their open posts
 * down and withdraws their open applications, forgetting the contact details and message given.
 */
@Injectable()
@PersonalDataContributor()
export class JobsPersonalData implements PersonalDataContributor {
  readonly sections: PersonalDataSection[] = [
    {
      key: 'jobPosts',
      table: 'job_posts',
      column: 'poster_id',
      read: rowsOf(
        `SELECT id, title, company, industry, city, type, salary_min_fen::float8 AS "salaryMinFen", salary_max_fen::float8 AS "salaryMaxFen",
                salary_period AS "salaryPeriod", description, how_to_apply AS "howToApply", closes_at AS "closesAt", status,
                application_count AS "applicationCount", created_at AS "createdAt", published_at AS "publishedAt"
           FROM job_posts WHERE poster_id = $1 ORDER BY created_at, id`,
      ),
    },
    {
      key: 'jobApplications',
      table: 'job_applications',
      column: 'applicant_id',
      read: rowsOf(
        `SELECT a.post_id AS "postId", p.title AS "jobTitle", p.company, a.applicant_name AS "applicantName", a.share_phone AS "sharePhone",
                a.email, a.wechat_id AS "wechatId", a.message, a.status, a.created_at AS "appliedAt", a.status_changed_at AS "statusChangedAt"
           FROM job_applications a JOIN job_posts p ON p.id = a.post_id WHERE a.applicant_id = $1 ORDER BY a.created_at, a.id`,
      ),
    },
  ];

  readonly notExported = { 'job_posts.moderated_by': 'staff work: who approved, held or removed a post' };

  async erase(manager: EntityManager, alumnusId: string): Promise<void> {
    await manager.query(
      `UPDATE job_posts SET status = 'removed', updated_at = now() WHERE poster_id = $1 AND status IN ('pending', 'published')`,
      [alumnusId],
    );
    // Applications not yet answered are withdrawn, and leave their post's count as a withdrawal does.
    await manager.query(
      `WITH withdrawn AS (
         UPDATE job_applications SET status = 'withdrawn', status_changed_at = now()
          WHERE applicant_id = $1 AND status = 'submitted' RETURNING post_id)
       UPDATE job_posts p SET application_count = p.application_count - w.n
         FROM (SELECT post_id, count(*)::int AS n FROM withdrawn GROUP BY post_id) w WHERE p.id = w.post_id`,
      [alumnusId],
    );
    await manager.query(
      `UPDATE job_applications SET applicant_name = '已注销校友', share_phone = false, email = NULL, wechat_id = NULL, message = NULL
        WHERE applicant_id = $1`,
      [alumnusId],
    );
  }
}
