import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, In } from 'typeorm';
import {
  type AuthUserDto,
  CAMPUS_DAY_LIMITS,
  type CampusDayDto,
  type CampusDayKeepsakeDto,
  type ClassWallDto,
  type CollectStampResultDto,
  type EventDetailDto,
  shanghaiDay,
} from '@alumni/shared';
import { AlumniService } from '../alumni/alumni.service.js';
import { AppError } from '../common/app-error.js';
import type { AppConfig } from '../config/configuration.js';
import { EventsService } from '../events/events.service.js';
import { GroupsService } from '../groups/groups.service.js';
import { ConsentService } from '../identity/consent.service.js';
import { InteractionsService } from '../interactions/interactions.service.js';
import { SchoolService } from '../school/school.service.js';
import { CampusDayCompletionEntity } from './campus-day-completion.entity.js';
import { CampusDaySpotEntity } from './campus-day-spot.entity.js';
import { CampusDayStampEntity } from './campus-day-stamp.entity.js';
import { spotKey, verifySpotToken } from './spot-token.js';

const MINUTE_MS = 60_000;

/** The event of a campus day as the day's pages show it. */
export function dayEvent(event: EventDetailDto): CampusDayDto['event'] {
  return { id: event.id, title: event.title, status: event.status, startsAt: event.startsAt, endsAt: event.endsAt, venue: event.venue };
}

/** Whether spot codes are accepted at `now`: the day is published and on, give or take the grace. */
export function dayIsOpen(event: Pick<EventDetailDto, 'status' | 'startsAt' | 'endsAt'>, now = Date.now()): boolean {
  const grace = CAMPUS_DAY_LIMITS.graceMinutes * MINUTE_MS;
  return event.status === 'published' && now >= Date.parse(event.startsAt) - grace && now <= Date.parse(event.endsAt) + grace;
}

/**
 * Alumni on a campus day (docs/memories.md, Return-to-campus days): the stamp card, collecting a
 * stamp by scanning a spot's signed code, the keepsake once every spot is stamped, and the wall
 * of classes that came back together.
 */
@Injectable()
export class CampusDaysService {
  private readonly key: Buffer;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventsService,
    private readonly groups: GroupsService,
    private readonly alumni: AlumniService,
    private readonly consent: ConsentService,
    private readonly interactions: InteractionsService,
    private readonly school: SchoolService,
    config: ConfigService<AppConfig, true>,
  ) {
    this.key = spotKey(config.get('jwtSecret', { infer: true }));
  }

  /** The day and, for a signed-in alumnus, their stamp card. Drafts and other kinds of event are not campus days. */
  async day(user: AuthUserDto | undefined, eventId: string): Promise<CampusDayDto> {
    const event = await this.campusDay(eventId);
    return this.card(this.dataSource.manager, event, user?.id ?? null);
  }

  /**
   * Collects the stamp of the spot whose code was scanned. A second scan of the same spot
   * changes nothing and says so; the last stamp of the set records the completion, once.
   */
  async collect(user: AuthUserDto, token: string): Promise<CollectStampResultDto> {
    const signed = verifySpotToken(this.key, token);
    if (!signed) throw new AppError('CAMPUS_DAY_CODE_INVALID', [{ field: 'token', issue: 'not a spot code of this association' }]);
    const spot = await this.dataSource.getRepository(CampusDaySpotEntity).findOneBy({ code: signed.code });
    if (!spot || spot.status !== 'active' || spot.version !== signed.version) {
      throw new AppError('CAMPUS_DAY_CODE_INVALID', [{ field: 'token', issue: 'this code was replaced or its spot retired' }]);
    }
    const event = await this.campusDay(spot.eventId);
    if (!dayIsOpen(event)) throw new AppError('CAMPUS_DAY_NOT_OPEN');
    await this.consent.assertConsented(user.id);
    const collected = await this.dataSource.transaction(async (manager) => {
      // One alumnus's scans take turns, so the last two stamps scanned at once still complete the set.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('campus-day-card:' || $1 || ':' || $2))`, [event.id, user.id]);
      const inserted: unknown[] = await manager.query(
        `INSERT INTO campus_day_stamps (spot_id, event_id, alumnus_id, collected_at) VALUES ($1, $2, $3, now())
         ON CONFLICT (spot_id, alumnus_id) DO NOTHING RETURNING id`,
        [spot.id, event.id, user.id],
      );
      const fresh = inserted.length > 0;
      if (fresh) {
        await this.interactions.record(manager, {
          alumnusId: user.id,
          kind: 'campus_days.stamped',
          subjectType: 'event',
          subjectId: event.id,
          detail: { spotId: spot.id, spot: spot.name },
        });
        await this.completeIfDone(manager, event.id, user.id);
      }
      return fresh;
    });
    return { spot: { id: spot.id, name: spot.name }, collected, day: await this.card(this.dataSource.manager, event, user.id) };
  }

  /** Classes with at least CAMPUS_DAY_LIMITS.classWallMinimum alumni back today, most first. */
  async classWall(eventId: string): Promise<ClassWallDto> {
    const event = await this.campusDay(eventId);
    const visitors: { alumnus_id: string }[] = await this.dataSource.query(
      `SELECT DISTINCT s.alumnus_id FROM campus_day_stamps s JOIN alumni a ON a.id = s.alumnus_id
        WHERE s.event_id = $1 AND a.deleted_at IS NULL`,
      [event.id],
    );
    const ids = visitors.map((v) => v.alumnus_id);
    const memberships = await this.groups.verifiedClassGroups(ids);
    const names = new Map((await this.alumni.findByIds(ids)).map((a) => [a.id, a.displayName]));
    const classes = new Map<string, { groupId: string; name: string; members: string[] }>();
    for (const m of memberships) {
      const entry = classes.get(m.groupId) ?? { groupId: m.groupId, name: m.name, members: [] };
      entry.members.push(m.alumnusId);
      classes.set(m.groupId, entry);
    }
    return {
      eventId: event.id,
      alumniCount: ids.length,
      classes: [...classes.values()]
        .filter((c) => c.members.length >= CAMPUS_DAY_LIMITS.classWallMinimum)
        .sort((a, b) => b.members.length - a.members.length || a.name.localeCompare(b.name, 'zh-Hans-CN'))
        .map((c) => ({
          groupId: c.groupId,
          name: c.name,
          count: c.members.length,
          names: c.members
            .map((id) => names.get(id) ?? '')
            .filter(Boolean)
            .slice(0, CAMPUS_DAY_LIMITS.classWallNames),
        })),
    };
  }

  /** A published (or finished) event of kind `campus_day`, as alumni may see it. */
  private async campusDay(eventId: string): Promise<EventDetailDto> {
    const event = await this.events.detail(eventId).catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'EVENT_NOT_FOUND') throw new AppError('CAMPUS_DAY_NOT_FOUND');
      throw error;
    });
    if (event.kind !== 'campus_day') throw new AppError('CAMPUS_DAY_NOT_FOUND');
    return event;
  }

  /** Records the completion when every active spot of the day carries the alumnus's stamp. */
  private async completeIfDone(manager: EntityManager, eventId: string, alumnusId: string): Promise<void> {
    const [row]: [{ missing: number }] = await manager.query(
      `SELECT count(*)::int AS missing FROM campus_day_spots p
        WHERE p.event_id = $1 AND p.status = 'active'
          AND NOT EXISTS (SELECT 1 FROM campus_day_stamps s WHERE s.spot_id = p.id AND s.alumnus_id = $2)`,
      [eventId, alumnusId],
    );
    if (row.missing > 0) return;
    const inserted: unknown[] = await manager.query(
      `INSERT INTO campus_day_completions (event_id, alumnus_id, completed_at) VALUES ($1, $2, now())
       ON CONFLICT DO NOTHING RETURNING 1`,
      [eventId, alumnusId],
    );
    if (inserted.length > 0) {
      await this.interactions.record(manager, { alumnusId, kind: 'campus_days.completed', subjectType: 'event', subjectId: eventId });
    }
  }

  /** The school's name; before staff set it up, the keepsake says 母校. */
  private async schoolName(): Promise<string> {
    try {
      return await this.school.name();
    } catch (error) {
      if (error instanceof AppError && error.code === 'SCHOOL_NOT_CONFIGURED') return '母校';
      throw error;
    }
  }

  private async card(manager: EntityManager, event: EventDetailDto, alumnusId: string | null): Promise<CampusDayDto> {
    const spots = await manager.getRepository(CampusDaySpotEntity).find({
      where: { eventId: event.id, status: 'active' },
      order: { position: 'ASC', createdAt: 'ASC', id: 'ASC' },
    });
    const stamps =
      alumnusId === null || spots.length === 0
        ? []
        : await manager.getRepository(CampusDayStampEntity).findBy({ alumnusId, spotId: In(spots.map((s) => s.id)) });
    const collectedAt = new Map(stamps.map((s) => [s.spotId, s.collectedAt.toISOString()]));
    const completion =
      alumnusId === null ? null : await manager.getRepository(CampusDayCompletionEntity).findOneBy({ eventId: event.id, alumnusId });
    return {
      event: dayEvent(event),
      spots: spots.map((s) => ({
        id: s.id,
        name: s.name,
        description: s.description,
        position: s.position,
        collectedAt: collectedAt.get(s.id) ?? null,
      })),
      collectedCount: collectedAt.size,
      complete: completion !== null,
      keepsake: completion
        ? await this.keepsake(
            manager,
            event,
            completion,
            spots.map((s) => s.name),
          )
        : null,
      open: dayIsOpen(event),
    };
  }

  private async keepsake(
    manager: EntityManager,
    event: EventDetailDto,
    completion: CampusDayCompletionEntity,
    spotNames: string[],
  ): Promise<CampusDayKeepsakeDto> {
    const [rank]: [{ n: number }] = await manager.query(
      `SELECT count(*)::int AS n FROM campus_day_completions
        WHERE event_id = $1 AND (completed_at, alumnus_id) <= ($2, $3)`,
      [event.id, completion.completedAt, completion.alumnusId],
    );
    const alumnus = await this.alumni.findActive(completion.alumnusId, manager);
    const [verifiedClass] = await this.groups.verifiedClassGroups([completion.alumnusId], manager);
    return {
      name: alumnus?.realName ?? alumnus?.displayName ?? '',
      className: verifiedClass?.name ?? null,
      eventTitle: event.title,
      day: shanghaiDay(new Date(event.startsAt)),
      spotNames,
      completedAt: completion.completedAt.toISOString(),
      completionNumber: rank.n,
      schoolName: await this.schoolName(),
    };
  }
}
