import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CLASS_LEADERBOARD_MIN_SIZE, type ClassLeaderboardDto } from '@alumni/shared';
import { AlumniService } from '../alumni/alumni.service.js';
import { AppError } from '../common/app-error.js';
import { SchoolService } from '../school/school.service.js';
import { CampaignEntity } from './campaign.entity.js';

export interface ClassLeaderboardQuery {
  /** Gifts paid in this Beijing calendar year; null: any time. */
  year: number | null;
  campaignId: string | null;
  limit: number;
}

interface ClassRow {
  graduation_year: number;
  department_id: string;
  class_name: string;
  alumni: number;
  donors: number;
}

/**
 * Class leaderboards: per class, the share of its alumni with a paid gift (the ledger's donor
 * rule: a gift refunded in full no longer counts). Only counts leave this service — no names,
 * no amounts — and classes below the minimum size are left off, so an anonymous gift adds to
 * its class's share without pointing at its giver.
 */
@Injectable()
export class ClassLeaderboardService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly alumni: AlumniService,
    private readonly school: SchoolService,
  ) {}

  async leaderboard({ year, campaignId, limit }: ClassLeaderboardQuery): Promise<ClassLeaderboardDto> {
    if (campaignId !== null) {
      const campaign = await this.dataSource.getRepository(CampaignEntity).findOneBy({ id: campaignId });
      if (!campaign || campaign.status === 'draft') throw new AppError('CAMPAIGN_NOT_FOUND');
    }
    const from = year === null ? null : new Date(`${year}-01-01T00:00:00+08:00`);
    const until = year === null ? null : new Date(`${year + 1}-01-01T00:00:00+08:00`);
    const rows: ClassRow[] = await this.dataSource.query(
      `WITH givers AS (
         SELECT DISTINCT alumnus_id FROM donations
          WHERE status = 'paid' AND alumnus_id IS NOT NULL
            AND ($1::uuid IS NULL OR campaign_id = $1)
            AND ($2::timestamptz IS NULL OR (paid_at >= $2 AND paid_at < $3)))
       SELECT f.graduation_year, f.department_id, f.class_name,
              count(*)::int AS alumni, count(g.alumnus_id)::int AS donors
         FROM (${this.alumni.classFacts().getQuery()}) f
         LEFT JOIN givers g ON g.alumnus_id = f.id
        GROUP BY f.graduation_year, f.department_id, f.class_name
       HAVING count(*) >= $4 AND count(g.alumnus_id) > 0
        ORDER BY count(g.alumnus_id)::numeric / count(*) DESC, count(g.alumnus_id) DESC,
                 f.graduation_year DESC, f.department_id, f.class_name
        LIMIT $5`,
      [campaignId, from, until, CLASS_LEADERBOARD_MIN_SIZE, limit],
    );
    const departments = await this.school.departmentNames(rows.map((r) => r.department_id));
    return {
      year,
      campaignId,
      minClassSize: CLASS_LEADERBOARD_MIN_SIZE,
      entries: rows.map((r, i) => ({
        rank: i + 1,
        graduationYear: r.graduation_year,
        departmentId: r.department_id,
        departmentName: departments.get(r.department_id) ?? null,
        className: r.class_name,
        alumni: r.alumni,
        donors: r.donors,
        sharePercent: Math.round((r.donors * 1000) / r.alumni) / 10,
      })),
    };
  }
}
