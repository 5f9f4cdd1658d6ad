import { Injectable } from '@nestjs/common';
import {
  DASHBOARD_LIST_LABELS,
  type DashboardDimension,
  type DashboardGroupDto,
  type DashboardList,
  type DashboardListItemDto,
  type DashboardMonthDto,
  type DashboardSummaryDto,
  type DashboardTrendsDto,
  ENGAGEMENT_SEGMENT_LABELS,
  ENGAGEMENT_SEGMENTS,
  ENGAGEMENT_THRESHOLDS,
  type EngagementSegment,
  formatFen,
  formatShanghaiDateTime,
  type HeadlineFigures,
  type Page,
  coverageFigures,
  type CoverageGroupDto,
  type RosterCoverageDto,
} from '@alumni/shared';
import { AlumniService } from '../alumni/alumni.service.js';
import { decodeCursor, toPage } from '../common/pagination.js';
import { buildSpreadsheet, type SpreadsheetFile, type SpreadsheetFormat } from '../common/spreadsheet.js';
import { RosterService } from '../roster/roster.service.js';
import { EngagementService, roundScore, shanghaiMonth, type StandingRow } from '../engagement/engagement.service.js';
import { SchoolService } from '../school/school.service.js';
import type { DashboardListQueryDto, DashboardTrendsQueryDto } from './dto/dashboard.dto.js';

/** The column a breakdown groups by, as text so every dimension's key has one type. */
const DIMENSION_SQL: Record<DashboardDimension, string> = {
  graduationYear: 'graduation_year::text',
  department: 'department_id::text',
  city: 'city',
};

/** An export holds at most this many rows (a spreadsheet beyond is no action list). */
const EXPORT_MAX_ROWS = 50_000;

const UNFILLED = '未填写';

type CountRow = { key: string | null; is_total: number | string } & Record<string, string | number | null>;

const toInt = (value: string | number | null | undefined) => Number(value ?? 0);

/** Figures, breakdowns, trends and action lists for staff, all read from summaries kept current (docs/engagement.md). */
@Injectable()
export class DashboardService {
  constructor(
    private readonly engagement: EngagementService,
    private readonly alumni: AlumniService,
    private readonly school: SchoolService,
    private readonly roster: RosterService,
  ) {}

  /**
   * Contact coverage against the rosters: graduates listed (never-signed-in included) and
   * those a verified account holds, in total, per department and per year, with the
   * month-end figures of the last `months` months (docs/reach.md).
   */
  async coverage(months: number): Promise<RosterCoverageDto> {
    const now = new Date();
    const [counts, history] = await Promise.all([this.roster.coverageCounts(), this.roster.coverageByMonth(lastMonths(now, months))]);
    const departments = await this.school.departmentNames(counts.flatMap((c) => (c.dimension === 'department' && c.key ? [c.key] : [])));
    const total = counts.find((c) => c.dimension === 'total');
    const groups = (dimension: 'department' | 'graduationYear', label: (key: string) => string): CoverageGroupDto[] =>
      counts
        .filter((c) => c.dimension === dimension && c.key !== null)
        .map((c) => ({ key: c.key!, label: label(c.key!), ...coverageFigures(c.graduates, c.reached) }));
    return {
      asOf: now.toISOString(),
      totals: coverageFigures(total?.graduates ?? 0, total?.reached ?? 0),
      byDepartment: groups('department', (id) => departments.get(id) ?? id).sort(
        (a, b) => b.graduates - a.graduates || a.label.localeCompare(b.label, 'zh-CN'),
      ),
      byYear: groups('graduationYear', (year) => `${year}届`).sort((a, b) => Number(b.key) - Number(a.key)),
      months: history.map((m) => ({ month: m.month, ...coverageFigures(m.graduates, m.reached) })),
    };
  }

  async summary(by: DashboardDimension | undefined): Promise<DashboardSummaryDto> {
    const now = new Date();
    const key = by ? DIMENSION_SQL[by] : 'NULL::text';
    const grouping = by ? `GROUPING SETS ((), (${key}))` : '()';
    const isTotal = by ? `GROUPING(${key})` : '1';
    const people: CountRow[] = await this.engagement.report(
      `SELECT ${key} AS key, ${isTotal} AS is_total,
         count(*) AS alumni,
         count(*) FILTER (WHERE has_wechat) AS signed_in,
         count(*) FILTER (WHERE verified_at IS NOT NULL) AS verified,
         count(*) FILTER (WHERE phone_current OR wechat_current) AS with_current_contact,
         count(*) FILTER (WHERE engaged) AS engaged,
         ${ENGAGEMENT_SEGMENTS.map((s) => `count(*) FILTER (WHERE segment = '${s}') AS ${s}`).join(', ')}
       FROM (${this.engagement.standingQuery()}) st
       WHERE NOT erased
       GROUP BY ${grouping}`,
      [now],
    );
    // Gifts of erased accounts still count: the money was given (their key is 未填写).
    const giving: CountRow[] = await this.engagement.report(
      `SELECT ${key} AS key, ${isTotal} AS is_total,
         count(DISTINCT m.alumnus_id) FILTER (WHERE m.donations > 0) AS donors,
         coalesce(sum(m.donated_fen), 0) AS raised
       FROM engagement_months m${by ? ` JOIN (${this.alumni.reportingFacts().getQuery()}) f ON f.id = m.alumnus_id` : ''}
       WHERE m.month >= $1::date AND (m.donations > 0 OR m.donated_fen <> 0)
       GROUP BY ${grouping}`,
      [`${shanghaiMonth(now).slice(0, 4)}-01-01`],
    );
    const givingOf = (row: CountRow | undefined) =>
      giving.find((g) => Number(g.is_total) === Number(row?.is_total ?? 1) && g.key === (row?.key ?? null));
    const totalPeople = people.find((r) => Number(r.is_total) === 1);
    const groupRows = people.filter((r) => Number(r.is_total) === 0);
    // Groups with gifts but no one on record any more (erased donors only) still show their money.
    for (const g of giving) {
      if (Number(g.is_total) === 0 && !groupRows.some((r) => r.key === g.key)) groupRows.push({ key: g.key, is_total: 0 });
    }
    const labels = await this.labels(
      by,
      groupRows.map((r) => r.key),
    );
    const groups: DashboardGroupDto[] = groupRows
      .map((row) => ({ key: row.key, label: labels(row.key), figures: figures(row, givingOf(row)) }))
      .sort((a, b) => b.figures.alumni - a.figures.alumni || a.label.localeCompare(b.label, 'zh-CN'));
    return { asOf: now.toISOString(), totals: figures(totalPeople, givingOf(totalPeople)), by: by ?? null, groups };
  }

  /** Month by month, oldest first, for everyone or one graduation year, department or city. */
  async trends(query: DashboardTrendsQueryDto): Promise<DashboardTrendsDto> {
    const months = lastMonths(new Date(), query.months);
    const first = months[0]!;
    const filters: string[] = [];
    const params: unknown[] = [];
    const filter = (sql: string, value: unknown) => {
      params.push(value);
      filters.push(`${sql} = $${params.length + 1}`);
    };
    if (query.graduationYear !== undefined) filter('f.graduation_year', query.graduationYear);
    if (query.departmentId !== undefined) filter('f.department_id', query.departmentId);
    if (query.city !== undefined) filter('f.city', query.city);
    const where = filters.map((f) => ` AND ${f}`).join('');
    const facts = this.alumni.reportingFacts().getQuery();
    // Sign-ups and verifications by their month in Asia/Shanghai (UTC+8, no daylight saving).
    const monthOf = (column: string) => `to_char(f.${column} AT TIME ZONE 'UTC' + interval '8 hours', 'YYYY-MM')`;
    const firstInstant = new Date(`${first}-01T00:00:00+08:00`);
    const [activity, signedUp, verified] = (await Promise.all([
      this.engagement.report(
        `SELECT to_char(m.month, 'YYYY-MM') AS month,
           count(*) FILTER (WHERE m.participations > 0) AS engaged,
           count(*) FILTER (WHERE m.donations > 0) AS donors,
           coalesce(sum(m.donated_fen), 0) AS raised
         FROM engagement_months m${where ? ` JOIN (${facts}) f ON f.id = m.alumnus_id` : ''}
         WHERE m.month >= $1::date${where}
         GROUP BY m.month`,
        [`${first}-01`, ...params],
      ),
      this.engagement.report(
        `SELECT ${monthOf('created_at')} AS month, count(*) AS n FROM (${facts}) f
         WHERE f.has_wechat AND f.created_at >= $1${where} GROUP BY 1`,
        [firstInstant, ...params],
      ),
      this.engagement.report(
        `SELECT ${monthOf('verified_at')} AS month, count(*) AS n FROM (${facts}) f
         WHERE NOT f.erased AND f.verified_at >= $1${where} GROUP BY 1`,
        [firstInstant, ...params],
      ),
    ])) as [Record<string, string>[], Record<string, string>[], Record<string, string>[]];
    const byMonth = (rows: Record<string, string>[]) => new Map(rows.map((r) => [r['month'], r]));
    const [a, s, v] = [byMonth(activity), byMonth(signedUp), byMonth(verified)];
    return {
      months: months.map((month): DashboardMonthDto => ({
        month,
        signedUp: toInt(s.get(month)?.['n']),
        verified: toInt(v.get(month)?.['n']),
        engaged: toInt(a.get(month)?.['engaged']),
        donors: toInt(a.get(month)?.['donors']),
        raisedFen: toInt(a.get(month)?.['raised']),
      })),
    };
  }

  /** One page of an action list; `top-engaged` is a single page: the best `perCity` of each city, up to `limit` rows. */
  async list(list: DashboardList, query: DashboardListQueryDto): Promise<Page<DashboardListItemDto>> {
    if (list === 'top-engaged') return { items: await this.items(await this.listRows(list, query, query.limit)), nextCursor: null };
    const rows = await this.listRows(list, query, query.limit + 1);
    const items = await this.items(rows.slice(0, query.limit));
    const byId = new Map(items.map((item) => [item.alumnusId, item]));
    return toPage(
      rows,
      query.limit,
      (r) => ({ at: keysetTime(list, r), id: r.id }),
      (r) => byId.get(r.id)!,
    );
  }

  async export(list: DashboardList, query: DashboardListQueryDto, format: SpreadsheetFormat): Promise<SpreadsheetFile> {
    const items = await this.items(await this.listRows(list, { ...query, cursor: undefined }, EXPORT_MAX_ROWS));
    const date = (iso: string | null) => (iso ? formatShanghaiDateTime(iso).slice(0, 10) : '');
    return buildSpreadsheet({
      basename: `${list}-${shanghaiMonth(new Date()).slice(0, 7)}`,
      sheetName: DASHBOARD_LIST_LABELS[list],
      header: ['姓名', '昵称', '毕业年份', '院系', '城市', '活跃度', '分层', '联系方式更新', '最近捐赠', '累计捐赠'],
      rows: items.map((i) => [
        i.realName ?? '',
        i.displayName,
        i.graduationYear === null ? '' : String(i.graduationYear),
        i.department ?? '',
        i.city ?? '',
        i.score.toFixed(2),
        ENGAGEMENT_SEGMENT_LABELS[i.segment],
        date(i.contactUpdatedAt),
        date(i.lastDonationAt),
        formatFen(i.donatedFen),
      ]),
      format,
    });
  }

  private listRows(list: DashboardList, query: DashboardListQueryDto, limit: number): Promise<StandingRow[]> {
    const standing = this.engagement.standingQuery();
    const now = new Date();
    if (list === 'top-engaged') {
      // Ranked on (id, city, score) alone, every score in one grouped pass; only the winners are read in full.
      return this.engagement.report(
        `SELECT st.* FROM (${standing}) st
         JOIN (SELECT id, rank FROM (
                 SELECT f.id, row_number() OVER (PARTITION BY f.city ORDER BY sc.score DESC, f.id) AS rank
                 FROM (${this.alumni.reportingFacts().getQuery()}) f JOIN (${this.engagement.scoresQuery()}) sc ON sc.alumnus_id = f.id
                 WHERE NOT f.erased AND f.city IS NOT NULL AND sc.score > 0) r
               WHERE rank <= $2) top ON top.id = st.id
         ORDER BY st.city, top.rank LIMIT $3`,
        [now, query.perCity, limit],
      );
    }
    const after = decodeCursor(query.cursor);
    const keyset = (column: string, id: string) => (after ? ` AND (${column}, ${id}) < ($3, $4)` : '');
    const [column, condition] =
      list === 'stale-contacts'
        ? [
            'verified_at',
            `verified_at IS NOT NULL AND (contact_updated_at IS NULL OR contact_updated_at < $1::timestamptz - interval '${ENGAGEMENT_THRESHOLDS.staleContactMonths} months')${keyset('verified_at', 'id')}`,
          ]
        : [
            'last_donation_at',
            // The page's ids come from the index on the latest gift first; only they are joined to their standing.
            `id IN (SELECT alumnus_id FROM engagement_summaries
                    WHERE recent_donations[1] < $1::timestamptz - interval '${ENGAGEMENT_THRESHOLDS.lapsedDonorMonths} months'${keyset('recent_donations[1]', 'alumnus_id')}
                    ORDER BY recent_donations[1] DESC, alumnus_id DESC LIMIT $2)`,
          ];
    return this.engagement.report(
      `SELECT * FROM (${standing}) st
       WHERE NOT erased AND ${condition}
       ORDER BY ${column} DESC, id DESC LIMIT $2`,
      after ? [now, limit, after.at, after.id] : [now, limit],
    );
  }

  private async items(rows: StandingRow[]): Promise<DashboardListItemDto[]> {
    const departments = await this.school.departmentNames(rows.flatMap((r) => (r.department_id ? [r.department_id] : [])));
    return rows.map((r) => ({
      alumnusId: r.id,
      displayName: r.display_name,
      realName: r.real_name,
      graduationYear: r.graduation_year,
      department: r.department_id ? (departments.get(r.department_id) ?? null) : null,
      city: r.city,
      score: roundScore(r.score),
      segment: r.segment,
      contactUpdatedAt: r.contact_updated_at?.toISOString() ?? null,
      lastDonationAt: r.last_donation_at?.toISOString() ?? null,
      donatedFen: toInt(r.donated_fen),
    }));
  }

  private async labels(by: DashboardDimension | undefined, keys: (string | null)[]): Promise<(key: string | null) => string> {
    const departments = by === 'department' ? await this.school.departmentNames(keys.filter((k): k is string => k !== null)) : new Map();
    return (key) => {
      if (key === null) return UNFILLED;
      if (by === 'graduationYear') return `${key}届`;
      return by === 'department' ? (departments.get(key) ?? key) : key;
    };
  }
}

function figures(people: CountRow | undefined, giving: CountRow | undefined): HeadlineFigures {
  const alumni = toInt(people?.['alumni']);
  const withCurrentContact = toInt(people?.['with_current_contact']);
  return {
    alumni,
    signedIn: toInt(people?.['signed_in']),
    verified: toInt(people?.['verified']),
    withCurrentContact,
    contactCoveragePercent: alumni === 0 ? 0 : Math.round((withCurrentContact / alumni) * 1000) / 10,
    engaged12Months: toInt(people?.['engaged']),
    donorsThisYear: toInt(giving?.['donors']),
    raisedThisYearFen: toInt(giving?.['raised']),
    segments: Object.fromEntries(ENGAGEMENT_SEGMENTS.map((s) => [s, toInt(people?.[s])])) as Record<EngagementSegment, number>,
  };
}

/** `count` calendar months in Asia/Shanghai ending with the current one, oldest first, as `YYYY-MM`. */
function lastMonths(now: Date, count: number): string[] {
  const [year, month] = shanghaiMonth(now).split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => {
    const d = new Date(Date.UTC(year, month - 1 - (count - 1 - i), 1));
    return d.toISOString().slice(0, 7);
  });
}

function keysetTime(list: DashboardList, row: StandingRow): Date {
  return (list === 'stale-contacts' ? row.verified_at : row.last_donation_at) ?? new Date(0);
}
