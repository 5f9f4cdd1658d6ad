import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  type AuthUserDto,
  CAREER_INDUSTRIES,
  CAREER_STAGE_LABELS,
  CAREER_TOPIC_LABELS,
  formatShanghaiDateTime,
  type MentoringOverviewDto,
  MENTORSHIP_END_REASON_LABELS,
  MENTORSHIP_STATUS_LABELS,
  type Page,
  type StaffMentorshipDto,
  type StaffMentorshipView,
} from '@alumni/shared';
import { decodeCursor, keysetPage, type PageQueryDto, toPage } from '../../common/pagination.js';
import { buildSpreadsheet, type SpreadsheetFile, type SpreadsheetFormat } from '../../common/spreadsheet.js';
import { CareerAccessService } from '../career-access.service.js';
import { CareersSettingsService } from '../careers-settings.service.js';
import { presentForStaff } from './mentoring-presenter.js';
import { MentorshipEntity } from './mentorship.entity.js';

/** Each staff list: which pairings, in which order (each order has its partial index). */
const VIEWS: Record<StaffMentorshipView, { where: string; by: keyof MentorshipEntity; direction: 'ASC' | 'DESC' }> = {
  active: { where: `m.status = 'active'`, by: 'acceptedAt', direction: 'DESC' },
  quiet: { where: `m.status = 'active' AND m.lastActivityAt < :quietSince`, by: 'lastActivityAt', direction: 'ASC' },
  waiting: { where: `m.status = 'requested'`, by: 'requestedAt', direction: 'ASC' },
  ended: { where: `m.status = 'ended'`, by: 'endedAt', direction: 'DESC' },
};

const DAY_MS = 24 * 60 * 60 * 1000;
const industryOrder = (industry: string) => {
  const at = (CAREER_INDUSTRIES as readonly string[]).indexOf(industry);
  return at === -1 ? CAREER_INDUSTRIES.length : at;
};

/** The mentoring programme as staff see it: headline figures, supply and demand, the lists, the export. */
@Injectable()
export class MentoringProgrammeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CareerAccessService,
    private readonly settings: CareersSettingsService,
  ) {}

  async overview(now = new Date()): Promise<MentoringOverviewDto> {
    const settings = await this.settings.get();
    const quietSince = new Date(now.getTime() - settings.quietAfterDays * DAY_MS);
    const [[totals], industries] = await Promise.all([
      this.dataSource.query(
        `WITH offers AS (
           SELECT o.* FROM mentor_offers o JOIN alumni a ON a.id = o.alumnus_id AND a.deleted_at IS NULL WHERE o.status = 'open')
         SELECT (SELECT count(*)::int FROM offers) AS mentors,
                (SELECT coalesce(sum(greatest(capacity - active_count, 0)), 0)::int FROM offers) AS "openPlaces",
                count(*) FILTER (WHERE m.status = 'active')::int AS "activePairs",
                count(*) FILTER (WHERE m.status = 'requested')::int AS "waitingRequests",
                count(*) FILTER (WHERE m.status = 'active' AND m.last_activity_at < $1)::int AS "quietPairs",
                count(*) FILTER (WHERE m.status = 'ended' AND m.ended_at > $2)::int AS "endedLast90Days",
                round(((coalesce(sum(m.mentor_rating), 0) + coalesce(sum(m.mentee_rating), 0))::numeric
                       / nullif(count(m.mentor_rating) + count(m.mentee_rating), 0)), 1)::float AS "averageRating"
         FROM mentorships m`,
        [quietSince, new Date(now.getTime() - 90 * DAY_MS)],
      ) as Promise<[Omit<MentoringOverviewDto, 'industries' | 'settings'>]>,
      this.dataSource.query(
        `WITH supply AS (
           SELECT o.industry, count(*)::int AS mentors, sum(greatest(o.capacity - o.active_count, 0))::int AS "freePlaces"
           FROM mentor_offers o JOIN alumni a ON a.id = o.alumnus_id AND a.deleted_at IS NULL
           WHERE o.status = 'open' GROUP BY o.industry),
         demand AS (
           SELECT target_industry AS industry,
                  count(*) FILTER (WHERE status = 'requested')::int AS waiting,
                  count(*) FILTER (WHERE status = 'active')::int AS active
           FROM mentorships WHERE status IN ('requested', 'active') GROUP BY target_industry)
         SELECT coalesce(s.industry, d.industry) AS industry, coalesce(s.mentors, 0) AS mentors, coalesce(s."freePlaces", 0) AS "freePlaces",
                coalesce(d.waiting, 0) AS waiting, coalesce(d.active, 0) AS active
         FROM supply s FULL JOIN demand d ON d.industry = s.industry`,
      ) as Promise<MentoringOverviewDto['industries']>,
    ]);
    industries.sort((a, b) => industryOrder(a.industry) - industryOrder(b.industry) || a.industry.localeCompare(b.industry));
    return { ...totals, industries, settings };
  }

  async list(user: AuthUserDto, view: StaffMentorshipView, query: PageQueryDto, now = new Date()): Promise<Page<StaffMentorshipDto>> {
    const { quietAfterDays } = await this.settings.get();
    const { where, by, direction } = VIEWS[view];
    const builder = this.dataSource.manager
      .createQueryBuilder(MentorshipEntity, 'm')
      .where(where, { quietSince: new Date(now.getTime() - quietAfterDays * DAY_MS) });
    const rows = await keysetPage(builder, by, direction, decodeCursor(query.cursor), query.limit).getMany();
    const people = await this.access.people(
      rows.flatMap((r) => [r.mentorId, r.menteeId]),
      user,
    );
    return toPage(
      rows,
      query.limit,
      (r) => ({ at: r[by] as Date, id: r.id }),
      (r) => presentForStaff(r, people, now),
    );
  }

  /** Every request and pairing, newest first, as the file staff open in Excel or WPS. */
  async export(user: AuthUserDto, format: SpreadsheetFormat): Promise<SpreadsheetFile> {
    const rows = await this.dataSource.manager.find(MentorshipEntity, { order: { requestedAt: 'DESC', id: 'DESC' } });
    const people = await this.access.people(
      rows.flatMap((r) => [r.mentorId, r.menteeId]),
      user,
    );
    const at = (date: Date | null) => (date ? formatShanghaiDateTime(date.toISOString()) : '');
    return buildSpreadsheet({
      basename: '导师辅导名单',
      sheetName: '导师辅导',
      header: [
        '状态',
        '导师',
        '导师行业',
        '学员',
        '学员身份',
        '目标行业',
        '话题',
        '跨行业',
        '申请时间',
        '开始时间',
        '结束时间',
        '结束原因',
        '最近互动',
        '交流次数',
        '导师评分',
        '学员评分',
      ],
      rows: rows.map((r) => [
        MENTORSHIP_STATUS_LABELS[r.status],
        people.get(r.mentorId)?.name ?? '',
        r.mentorIndustry,
        people.get(r.menteeId)?.name ?? '',
        CAREER_STAGE_LABELS[r.menteeStage],
        r.targetIndustry,
        CAREER_TOPIC_LABELS[r.topic],
        r.crossIndustry ? '是' : '否',
        at(r.requestedAt),
        at(r.acceptedAt),
        at(r.endedAt),
        r.endReason ? MENTORSHIP_END_REASON_LABELS[r.endReason] : '',
        at(r.lastActivityAt),
        String(r.meetingCount),
        r.mentorRating === null ? '' : String(r.mentorRating),
        r.menteeRating === null ? '' : String(r.menteeRating),
      ]),
      format,
    });
  }
}
