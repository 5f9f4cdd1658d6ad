import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, In } from 'typeorm';
import {
  ANONYMOUS_DONOR_NAME,
  type AuthUserDto,
  CLASS_LEADERBOARD_MIN_SIZE,
  GIVING_DAY_AMOUNT_MIN_DONORS,
  type GivingDayBoardDto,
  type GivingDayChallengeDto,
  type GivingDayChallengeProgressDto,
  type GivingDayDto,
  type GivingDayLiveDto,
  type GivingDayMetric,
  GIVING_DAY_PAGE_PATH,
  givingDayScene,
} from '@alumni/shared';
import { AlumniService } from '../alumni/alumni.service.js';
import { AuditService } from '../audit/audit.service.js';
import { AppError } from '../common/app-error.js';
import { MiniProgramCodesService } from '../mini-program-codes/mini-program-codes.service.js';
import type { ReadCache } from '../read-cache/read-cache.js';
import { ReadCaches } from '../read-cache/read-caches.service.js';
import { SchoolService } from '../school/school.service.js';
import type { ObjectContent } from '../storage/storage.port.js';
import { CampaignEntity } from './campaign.entity.js';
import { toCampaignSummary } from './campaigns.service.js';
import type { GivingDayChallengeBodyDto, GivingDayInputDto, UpdateGivingDayDto } from './dto/giving-day.dto.js';
import { GivingDayEntity } from './giving-day.entity.js';

/** Board lines shown per class or department. */
const BOARD_SIZE = 10;
const RECENT_DONORS = 8;

type Level = 'class' | 'department';

export function toGivingDay(day: GivingDayEntity): GivingDayDto {
  return {
    id: day.id,
    title: day.title,
    summary: day.summary,
    status: day.status,
    startsAt: day.startsAt.toISOString(),
    endsAt: day.endsAt.toISOString(),
    goalFen: day.goalFen,
    goalDonors: day.goalDonors,
    campaignIds: day.campaignIds,
    challenges: day.challenges,
  };
}

/** The live view without the clock: what the cache keeps between postings. */
type CachedLive = Omit<GivingDayLiveDto, 'now' | 'phase'>;

/**
 * Giving days (docs/giving.md, Giving days). A day's figures are read from the posted gifts
 * of its campaigns paid inside its window (less refunds): nothing is counted twice or kept in
 * step by hand. The live view is one cached read per day, dropped when a posting pass or a
 * refund changes a campaign (so at most once per posting batch, not per payment) or when staff
 * change the day; requests arriving together share one read.
 */
@Injectable()
export class GivingDaysService {
  private readonly liveCache: ReadCache<CachedLive>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly alumni: AlumniService,
    private readonly school: SchoolService,
    private readonly codes: MiniProgramCodesService,
    caches: ReadCaches,
  ) {
    this.liveCache = caches.create(['campaigns', 'giving_days', 'alumni']);
  }

  /** Published days, the latest start first. */
  async list(): Promise<GivingDayDto[]> {
    const days = await this.dataSource
      .getRepository(GivingDayEntity)
      .find({ where: { status: 'published' }, order: { startsAt: 'DESC', id: 'DESC' }, take: 50 });
    return days.map(toGivingDay);
  }

  async live(id: string): Promise<GivingDayLiveDto> {
    const cached = await this.liveCache.get(id, () => this.readLive(id));
    const now = Date.now();
    const phase = now < Date.parse(cached.day.startsAt) ? 'upcoming' : now >= Date.parse(cached.day.endsAt) ? 'ended' : 'live';
    return { ...cached, now: new Date(now).toISOString(), phase };
  }

  /**
   * A published day's poster code (page GIVING_DAY_PAGE_PATH, scene `gd=<id>`), asked of
   * WeChat once and kept in storage; a draft has none, as it has no public page.
   */
  async posterCode(id: string): Promise<ObjectContent> {
    const day = await this.dataSource.getRepository(GivingDayEntity).findOneBy({ id, status: 'published' });
    if (!day) throw new AppError('GIVING_DAY_NOT_FOUND');
    return this.codes.image(GIVING_DAY_PAGE_PATH, givingDayScene(id));
  }

  async listForStaff(): Promise<GivingDayDto[]> {
    const days = await this.dataSource.getRepository(GivingDayEntity).find({ order: { startsAt: 'DESC', id: 'DESC' }, take: 100 });
    return days.map(toGivingDay);
  }

  async getForStaff(id: string): Promise<GivingDayDto> {
    const day = await this.dataSource.getRepository(GivingDayEntity).findOneBy({ id });
    if (!day) throw new AppError('GIVING_DAY_NOT_FOUND');
    return toGivingDay(day);
  }

  async create(user: AuthUserDto, dto: GivingDayInputDto): Promise<GivingDayDto> {
    const values = await this.checked({
      title: dto.title,
      summary: dto.summary ?? '',
      status: dto.status ?? 'draft',
      startsAt: new Date(dto.startsAt),
      endsAt: new Date(dto.endsAt),
      goalFen: dto.goalFen,
      goalDonors: dto.goalDonors ?? null,
      campaignIds: dto.campaignIds,
      challenges: (dto.challenges ?? []).map(toChallenge),
    });
    const day = await this.dataSource.transaction(async (manager) => {
      const saved = await manager.save(manager.create(GivingDayEntity, { ...values, createdBy: user.id }));
      await this.audit.record(manager, {
        actorId: user.id,
        action: 'giving_day.created',
        subjectType: 'giving_day',
        subjectId: saved.id,
        after: { ...toGivingDay(saved) },
      });
      return saved;
    });
    return toGivingDay(day);
  }

  async update(user: AuthUserDto, id: string, dto: UpdateGivingDayDto): Promise<GivingDayDto> {
    const day = await this.dataSource.transaction(async (manager) => {
      const current = await manager.findOne(GivingDayEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!current) throw new AppError('GIVING_DAY_NOT_FOUND');
      const before = toGivingDay(current);
      const next = {
        title: dto.title ?? current.title,
        summary: dto.summary ?? current.summary,
        status: dto.status ?? current.status,
        startsAt: dto.startsAt ? new Date(dto.startsAt) : current.startsAt,
        endsAt: dto.endsAt ? new Date(dto.endsAt) : current.endsAt,
        goalFen: dto.goalFen ?? current.goalFen,
        goalDonors: dto.goalDonors === undefined ? current.goalDonors : dto.goalDonors,
        campaignIds: dto.campaignIds ?? current.campaignIds,
        // Challenges keep their ids when sent back with them, so progress links stay.
        challenges: dto.challenges ? dto.challenges.map(toChallenge) : current.challenges,
      };
      await this.checkRunningEdit(manager, current, next);
      const values = await this.checked(next, manager);
      Object.assign(current, values);
      const saved = await manager.save(current);
      await this.audit.record(manager, {
        actorId: user.id,
        action: 'giving_day.updated',
        subjectType: 'giving_day',
        subjectId: id,
        before: { ...before },
        after: { ...toGivingDay(saved) },
      });
      return saved;
    });
    return toGivingDay(day);
  }

  /**
   * Once a day has started, alumni have seen its clock, totals and challenges, and gifts were
   * counted in its window, so an edit may extend it but not rewrite what happened
   * (GIVING_DAY_EDIT_CONFLICT, naming the field): the start cannot move into the future, the end
   * cannot move into the past, a published day cannot go back to draft, a campaign with gifts in
   * the day cannot be removed, and a donor_unlock challenge already unlocked cannot be removed or
   * changed (its sponsor's bonus was announced). Goals, titles, other challenges and new
   * campaigns are free: a stretch goal mid-day is common.
   */
  private async checkRunningEdit(
    manager: EntityManager,
    current: GivingDayEntity,
    next: Pick<GivingDayEntity, 'status' | 'startsAt' | 'endsAt' | 'campaignIds' | 'challenges'>,
  ): Promise<void> {
    const now = Date.now();
    if (current.startsAt.getTime() > now) return;
    const refuse = (field: string, issue: string) => {
      throw new AppError('GIVING_DAY_EDIT_CONFLICT', [{ field, issue }]);
    };
    if (next.startsAt.getTime() > now) refuse('startsAt', 'the day has started: its start cannot move into the future');
    if (next.endsAt.getTime() !== current.endsAt.getTime() && next.endsAt.getTime() < now)
      refuse('endsAt', 'the day has started: its end cannot move into the past');
    if (current.status === 'published' && next.status === 'draft') refuse('status', 'a day that has started cannot go back to draft');
    const removed = current.campaignIds.filter((id) => !next.campaignIds.includes(id));
    if (removed.length > 0) {
      const given = (await manager.query(
        `SELECT DISTINCT campaign_id FROM donations
          WHERE campaign_id = ANY($1::uuid[]) AND status IN ('paid', 'refunded') AND paid_at >= $2 AND paid_at < $3`,
        [removed, current.startsAt, current.endsAt],
      )) as { campaign_id: string }[];
      if (given.length > 0)
        refuse('campaignIds', `gifts were made in the day to ${given.map((g) => g.campaign_id).join(', ')}: it cannot be removed`);
    }
    const unlocks = current.challenges.filter((c) => c.kind === 'donor_unlock');
    if (unlocks.length === 0) return;
    const [sums] = (await manager.query(`SELECT count(DISTINCT alumnus_id)::int AS donors FROM donations ${DAY_GIFTS}`, [
      current.campaignIds,
      current.startsAt,
      current.endsAt,
    ])) as { donors: number }[];
    for (const challenge of unlocks) {
      if (sums!.donors < challenge.donorTarget!) continue;
      const kept = next.challenges.find((c) => c.id === challenge.id);
      if (
        !kept ||
        kept.kind !== challenge.kind ||
        kept.donorTarget !== challenge.donorTarget ||
        kept.bonusFen !== challenge.bonusFen ||
        kept.sponsorName !== challenge.sponsorName
      )
        refuse('challenges', `the challenge ${challenge.id} is unlocked: send it back unchanged, with its id`);
    }
  }

  /**
   * The rules across fields, each refusal naming its field. Inside an edit's transaction it reads
   * through that transaction's `manager`: another pool connection would wait for the transaction
   * on the embedded engine (docs/database-engines.md) and the edit would time out.
   */
  private async checked<T extends Omit<GivingDayEntity, 'id' | 'createdBy' | 'createdAt' | 'updatedAt'>>(
    values: T,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<T> {
    if (values.endsAt <= values.startsAt) throw new AppError('GIVING_DAY_INVALID', [{ field: 'endsAt', issue: 'must be after startsAt' }]);
    const ids = [...new Set(values.campaignIds)];
    if (ids.length !== values.campaignIds.length)
      throw new AppError('GIVING_DAY_INVALID', [{ field: 'campaignIds', issue: 'a campaign is listed twice' }]);
    const found = await manager.getRepository(CampaignEntity).find({ select: { id: true, status: true }, where: { id: In(ids) } });
    const missing = ids.filter((id) => !found.some((c) => c.id === id && c.status !== 'draft'));
    if (missing.length > 0)
      throw new AppError('GIVING_DAY_INVALID', [{ field: 'campaignIds', issue: `no open or closed campaign ${missing.join(', ')}` }]);
    if (values.status === 'published' && ids.length === 0)
      throw new AppError('GIVING_DAY_INVALID', [{ field: 'campaignIds', issue: 'a published day needs at least one campaign' }]);
    values.challenges.forEach((challenge, i) => {
      if (challenge.kind !== 'donor_unlock') return;
      if (!challenge.donorTarget || !challenge.bonusFen || !challenge.sponsorName)
        throw new AppError('GIVING_DAY_INVALID', [
          { field: `challenges.${i}`, issue: 'a donor_unlock challenge needs donorTarget, bonusFen and sponsorName' },
        ]);
    });
    return values;
  }

  private async readLive(id: string): Promise<CachedLive> {
    const day = await this.dataSource.getRepository(GivingDayEntity).findOneBy({ id });
    if (!day || day.status !== 'published') throw new AppError('GIVING_DAY_NOT_FOUND');
    const span = [day.campaignIds, day.startsAt, day.endsAt];
    const [sums] = (await this.dataSource.query(
      `SELECT coalesce(sum(amount_fen - refunded_fen), 0)::bigint AS raised, coalesce(sum(matched_fen), 0)::bigint AS matched,
              count(DISTINCT alumnus_id)::int AS donors, count(*)::int AS gifts
         FROM donations ${DAY_GIFTS}`,
      span,
    )) as { raised: string; matched: string; donors: number; gifts: number }[];
    const campaigns = await this.dataSource.getRepository(CampaignEntity).findBy({ id: In(day.campaignIds) });
    const titles = new Map(campaigns.map((c) => [c.id, c.title]));

    const boards = new Map<string, Promise<GivingDayBoardDto>>();
    const board = (level: Level, metric: GivingDayMetric) => {
      const key = `${level}:${metric}`;
      if (!boards.has(key)) boards.set(key, this.board(day, level, metric));
      return boards.get(key)!;
    };
    const metricOf = (kind: GivingDayChallengeDto['kind']) => day.challenges.find((c) => c.kind === kind)?.metric ?? 'donors';
    const donors = sums!.donors;
    const challenges: GivingDayChallengeProgressDto[] = [];
    for (const challenge of day.challenges) {
      if (challenge.kind === 'donor_unlock') {
        challenges.push({ ...challenge, progress: donors, unlocked: donors >= challenge.donorTarget!, board: null });
        continue;
      }
      const found = await board(challenge.kind === 'class_competition' ? 'class' : 'department', challenge.metric);
      const leader = found.entries[0];
      challenges.push({
        ...challenge,
        progress: leader ? (challenge.metric === 'amount' ? leader.amountFen! : leader.donors) : 0,
        unlocked: false,
        board: found,
      });
    }
    return {
      day: toGivingDay(day),
      totals: {
        raisedFen: Number(sums!.raised),
        matchedFen: Number(sums!.matched),
        bonusFen: challenges.filter((c) => c.unlocked).reduce((sum, c) => sum + (c.bonusFen ?? 0), 0),
        donors,
        gifts: sums!.gifts,
      },
      campaigns: day.campaignIds.flatMap((cid) => {
        const campaign = campaigns.find((c) => c.id === cid);
        return campaign && campaign.status !== 'draft' ? [toCampaignSummary(campaign)] : [];
      }),
      recentDonors: await this.recentDonors(span, titles),
      classBoard: await board('class', metricOf('class_competition')),
      departmentBoard: await board('department', metricOf('department_competition')),
      challenges,
      posterCodeUrl: `/api/v1/giving-days/${day.id}/poster-code`,
    };
  }

  /**
   * Classes (year, department, class name) or departments ranked by the day's donors or amount.
   * As the class leaderboard: classes under its minimum size are left off; an amount board also
   * needs a few donors per line and leaves out gifts whose donor hid the amount, so no line
   * gives away what one person gave.
   */
  private async board(day: GivingDayEntity, level: Level, metric: GivingDayMetric): Promise<GivingDayBoardDto> {
    const keys = level === 'class' ? 'f.graduation_year, f.department_id, f.class_name' : 'f.department_id';
    const minDonors = metric === 'amount' ? GIVING_DAY_AMOUNT_MIN_DONORS : 1;
    const order = metric === 'amount' ? 'fen DESC, donors DESC' : 'donors DESC, fen DESC';
    const rows = (await this.dataSource.query(
      `WITH per_donor AS (
         SELECT alumnus_id, sum(amount_fen - refunded_fen) FILTER (WHERE NOT hide_amount) AS fen
           FROM donations ${DAY_GIFTS} AND alumnus_id IS NOT NULL GROUP BY alumnus_id)
       SELECT ${level === 'class' ? keys : 'NULL::int AS graduation_year, f.department_id, NULL::text AS class_name'},
              count(p.alumnus_id)::int AS donors, coalesce(sum(p.fen), 0)::bigint AS fen
         FROM (${this.alumni.classFacts().getQuery()}) f
         LEFT JOIN per_donor p ON p.alumnus_id = f.id
        GROUP BY ${keys}
       HAVING count(*) >= $4 AND count(p.alumnus_id) >= $5
        ORDER BY ${order}, ${keys}
        LIMIT ${BOARD_SIZE}`,
      [day.campaignIds, day.startsAt, day.endsAt, CLASS_LEADERBOARD_MIN_SIZE, minDonors],
    )) as { graduation_year: number | null; department_id: string; class_name: string | null; donors: number; fen: string }[];
    const departments = await this.school.departmentNames(rows.map((r) => r.department_id));
    return {
      metric,
      entries: rows.map((r, i) => ({
        rank: i + 1,
        name: level === 'class' ? `${r.graduation_year} 届 ${r.class_name}` : (departments.get(r.department_id) ?? '未知院系'),
        donors: r.donors,
        amountFen: metric === 'amount' ? Number(r.fen) : null,
      })),
    };
  }

  /** The day's latest gifts, as the donor wall shows them (anonymity and hidden amounts respected). */
  private async recentDonors(span: unknown[], titles: Map<string, string>): Promise<GivingDayLiveDto['recentDonors']> {
    const rows = (await this.dataSource.query(
      `SELECT id, campaign_id, alumnus_id, anonymous, hide_amount, amount_fen, units, message, message_held, paid_at
         FROM donations ${DAY_GIFTS} ORDER BY paid_at DESC, created_at DESC, id DESC LIMIT ${RECENT_DONORS}`,
      span,
    )) as {
      id: string;
      campaign_id: string;
      alumnus_id: string | null;
      anonymous: boolean;
      hide_amount: boolean;
      amount_fen: string;
      units: number;
      message: string;
      message_held: boolean;
      paid_at: Date;
    }[];
    const named = rows.filter((d) => !d.anonymous && d.alumnus_id !== null).map((d) => d.alumnus_id!);
    const names = new Map((await this.alumni.findByIds([...new Set(named)])).map((a) => [a.id, a.displayName]));
    return rows.map((d) => ({
      donationId: d.id,
      campaignTitle: titles.get(d.campaign_id) ?? '',
      name: (!d.anonymous && d.alumnus_id !== null && names.get(d.alumnus_id)) || ANONYMOUS_DONOR_NAME,
      anonymous: d.anonymous,
      amountFen: d.hide_amount ? null : Number(d.amount_fen),
      units: d.hide_amount ? null : d.units,
      message: d.message_held ? '' : d.message,
      paidAt: new Date(d.paid_at).toISOString(),
    }));
  }
}

/** The day's gifts: posted (so they agree with the campaign totals), paid inside the window to one of its campaigns. $1 ids, $2–$3 the window. */
const DAY_GIFTS = `WHERE status = 'paid' AND certificate_no IS NOT NULL AND campaign_id = ANY($1::uuid[]) AND paid_at >= $2 AND paid_at < $3`;

function toChallenge(body: GivingDayChallengeBodyDto): GivingDayChallengeDto {
  const unlock = body.kind === 'donor_unlock';
  return {
    id: body.id ?? randomUUID(),
    kind: body.kind,
    title: body.title,
    metric: unlock ? 'donors' : (body.metric ?? 'donors'),
    donorTarget: unlock ? (body.donorTarget ?? null) : null,
    bonusFen: unlock ? (body.bonusFen ?? null) : null,
    sponsorName: body.sponsorName ?? null,
  };
}
