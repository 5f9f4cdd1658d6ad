import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  type AuthUserDto,
  CAMPUS_DAY_LIMITS,
  CAMPUS_DAY_STAMP_PAGE_PATH,
  type EventDetailDto,
  type StaffCampusDayDto,
  type StaffCampusDaySpotDto,
} from '@alumni/shared';
import { AuditService } from '../audit/audit.service.js';
import { AppError } from '../common/app-error.js';
import type { AppConfig } from '../config/configuration.js';
import { EventsService } from '../events/events.service.js';
import { MiniProgramCodesService } from '../mini-program-codes/mini-program-codes.service.js';
import type { ObjectContent } from '../storage/storage.port.js';
import { CampusDaySpotEntity } from './campus-day-spot.entity.js';
import { dayEvent } from './campus-days.service.js';
import type { SpotBodyDto, SpotPatchDto } from './dto/campus-days-request.dto.js';
import { newSpotCode, signSpotToken, spotKey, spotScene } from './spot-token.js';

/**
 * Staff set up a campus day's spots (docs/memories.md): add, rename, reorder, replace a
 * printed code (a new version; older prints stop working), retire; each spot's mini-program
 * code to print. Every change is audited.
 */
@Injectable()
export class CampusDaySpotsService {
  private readonly key: Buffer;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventsService,
    private readonly audit: AuditService,
    private readonly codes: MiniProgramCodesService,
    config: ConfigService<AppConfig, true>,
  ) {
    this.key = spotKey(config.get('jwtSecret', { infer: true }));
  }

  /** The day's spots (retired ones too) with their codes and counts, and how many came and completed. */
  async overview(eventId: string): Promise<StaffCampusDayDto> {
    const event = await this.campusDay(eventId);
    const spots = await this.dataSource.getRepository(CampusDaySpotEntity).find({
      where: { eventId },
      order: { status: 'ASC', position: 'ASC', createdAt: 'ASC', id: 'ASC' },
    });
    const counts: { spot_id: string; n: number }[] = await this.dataSource.query(
      `SELECT spot_id, count(*)::int AS n FROM campus_day_stamps WHERE event_id = $1 GROUP BY spot_id`,
      [eventId],
    );
    const [figures]: [{ visitors: number; completed: number }] = await this.dataSource.query(
      `SELECT (SELECT count(DISTINCT alumnus_id)::int FROM campus_day_stamps WHERE event_id = $1) AS visitors,
              (SELECT count(*)::int FROM campus_day_completions WHERE event_id = $1) AS completed`,
      [eventId],
    );
    const stamped = new Map(counts.map((c) => [c.spot_id, c.n]));
    return { event: dayEvent(event), spots: spots.map((s) => this.present(s, stamped.get(s.id) ?? 0)), ...figures };
  }

  async create(staff: AuthUserDto, eventId: string, dto: SpotBodyDto): Promise<StaffCampusDaySpotDto> {
    await this.campusDay(eventId);
    const spot = await this.dataSource.transaction(async (manager) => {
      // Spots of one day are added one at a time, so the limit and the default position hold.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('campus-day-spots:' || $1))`, [eventId]);
      const [row]: [{ active: number; last: number | null }] = await manager.query(
        `SELECT count(*) FILTER (WHERE status = 'active')::int AS active, max(position)::int AS last FROM campus_day_spots WHERE event_id = $1`,
        [eventId],
      );
      if (row.active >= CAMPUS_DAY_LIMITS.spots) throw new AppError('CAMPUS_DAY_SPOT_LIMIT');
      const created = await this.insertWithFreshCode(manager, {
        eventId,
        name: dto.name,
        description: dto.description ?? null,
        position: dto.position ?? (row.last === null ? 0 : Math.min(row.last + 1, 99)),
        status: 'active',
        version: 1,
      });
      await this.audit.record(manager, {
        actorId: staff.id,
        action: 'campus-day-spot.created',
        subjectType: 'campus_day_spot',
        subjectId: created.id,
        after: { eventId, name: created.name, position: created.position },
      });
      return created;
    });
    return this.present(spot, 0);
  }

  async update(staff: AuthUserDto, spotId: string, dto: SpotPatchDto): Promise<StaffCampusDaySpotDto> {
    return this.change(staff, spotId, 'campus-day-spot.updated', (spot) => {
      if (spot.status !== 'active') throw new AppError('CAMPUS_DAY_SPOT_NOT_FOUND', [{ issue: 'the spot is retired' }]);
      if (dto.name !== undefined) spot.name = dto.name;
      if (dto.description !== undefined) spot.description = dto.description;
      if (dto.position !== undefined) spot.position = dto.position;
    });
  }

  /** A new version of the spot's code: what was printed before stops working at once. */
  rotate(staff: AuthUserDto, spotId: string): Promise<StaffCampusDaySpotDto> {
    return this.change(staff, spotId, 'campus-day-spot.code-replaced', (spot) => {
      if (spot.status !== 'active') throw new AppError('CAMPUS_DAY_SPOT_NOT_FOUND', [{ issue: 'the spot is retired' }]);
      spot.version += 1;
    });
  }

  /** The spot leaves the stamp card; stamps already collected there stay with their owners. */
  retire(staff: AuthUserDto, spotId: string): Promise<StaffCampusDaySpotDto> {
    return this.change(staff, spotId, 'campus-day-spot.retired', (spot) => {
      spot.status = 'retired';
    });
  }

  /** The spot's mini-program code, opening the stamp page with its signed token. */
  async code(spotId: string): Promise<ObjectContent> {
    const spot = await this.dataSource.getRepository(CampusDaySpotEntity).findOneBy({ id: spotId, status: 'active' });
    if (!spot) throw new AppError('CAMPUS_DAY_SPOT_NOT_FOUND');
    return this.codes.image(CAMPUS_DAY_STAMP_PAGE_PATH, spotScene(signSpotToken(this.key, spot.code, spot.version)));
  }

  private async change(
    staff: AuthUserDto,
    spotId: string,
    action: string,
    apply: (spot: CampusDaySpotEntity) => void,
  ): Promise<StaffCampusDaySpotDto> {
    const { spot, stamps } = await this.dataSource.transaction(async (manager) => {
      const current = await manager.findOne(CampusDaySpotEntity, { where: { id: spotId }, lock: { mode: 'pessimistic_write' } });
      if (!current) throw new AppError('CAMPUS_DAY_SPOT_NOT_FOUND');
      const before = { name: current.name, description: current.description, position: current.position, version: current.version };
      apply(current);
      const saved = await manager.save(current);
      await this.audit.record(manager, {
        actorId: staff.id,
        action,
        subjectType: 'campus_day_spot',
        subjectId: saved.id,
        before,
        after: { name: saved.name, description: saved.description, position: saved.position, version: saved.version, status: saved.status },
      });
      const [row]: [{ n: number }] = await manager.query(`SELECT count(*)::int AS n FROM campus_day_stamps WHERE spot_id = $1`, [saved.id]);
      return { spot: saved, stamps: row.n };
    });
    return this.present(spot, stamps);
  }

  /** A new random code is unique by constraint; a clash (1 in 2^40 per spot) just draws again. */
  private async insertWithFreshCode(manager: EntityManager, values: Omit<CampusDaySpotEntity, 'id' | 'code' | 'createdAt' | 'updatedAt'>) {
    for (;;) {
      const code = newSpotCode();
      if (await manager.existsBy(CampusDaySpotEntity, { code })) continue;
      return manager.save(manager.create(CampusDaySpotEntity, { ...values, code }));
    }
  }

  private async campusDay(eventId: string): Promise<EventDetailDto> {
    const event = await this.events.detailForStaff(eventId).catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'EVENT_NOT_FOUND') throw new AppError('CAMPUS_DAY_NOT_FOUND');
      throw error;
    });
    if (event.kind !== 'campus_day')
      throw new AppError('CAMPUS_DAY_NOT_FOUND', [{ issue: `the event is a ${event.kind}, not a campus day` }]);
    return event;
  }

  private present(spot: CampusDaySpotEntity, stampCount: number): StaffCampusDaySpotDto {
    return {
      id: spot.id,
      eventId: spot.eventId,
      name: spot.name,
      description: spot.description,
      position: spot.position,
      status: spot.status,
      token: signSpotToken(this.key, spot.code, spot.version),
      stampCount,
      createdAt: spot.createdAt.toISOString(),
    };
  }
}
