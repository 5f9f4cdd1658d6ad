import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { DataSource, EntityManager, Repository } from 'typeorm';
import type { AuthUserDto, EventDetailDto, EventStatus, EventSummaryDto, Page } from '@alumni/shared';
import { AuditService } from '../audit/audit.service.js';
import { AppError } from '../common/app-error.js';
import { decodeCursor, keysetPage, type PageQueryDto, toPage } from '../common/pagination.js';
import { GroupsService } from '../groups/groups.service.js';
import { InteractionsService } from '../interactions/interactions.service.js';
import { OutboxService } from '../outbox/outbox.service.js';
import type { ReadCache } from '../read-cache/read-cache.js';
import { ReadCaches } from '../read-cache/read-caches.service.js';
import type { CreateEventDto, UpdateEventDto } from './dto/event-input.dto.js';
import type { ListEventsQueryDto } from './dto/list-events-query.dto.js';
import { eventMessagePayload } from './event-messages.js';
import { EventEntity } from './event.entity.js';
import { assertEventRules, normaliseAudience, normaliseQuestions } from './event-rules.js';
import { RegistrationEntity } from './registration.entity.js';
import { SeatsService } from './seats.service.js';

export function toEventSummary(event: EventEntity): EventSummaryDto {
  return {
    id: event.id,
    title: event.title,
    kind: event.kind,
    status: event.status,
    startsAt: event.startsAt.toISOString(),
    endsAt: event.endsAt.toISOString(),
    city: event.city,
    venue: event.online ? null : event.venue,
    online: event.online,
    capacity: event.capacity,
    confirmedCount: event.confirmedCount,
    coverUrl: event.coverUrl,
  };
}

export function toEventDetail(event: EventEntity): EventDetailDto {
  return {
    ...toEventSummary(event),
    description: event.description,
    address: event.online ? null : event.address,
    latitude: event.online ? null : event.latitude,
    longitude: event.online ? null : event.longitude,
    onlineUrl: event.online ? event.onlineUrl : null,
    signupOpensAt: event.signupOpensAt?.toISOString() ?? null,
    signupClosesAt: event.signupClosesAt?.toISOString() ?? null,
    waitlistEnabled: event.waitlistEnabled,
    audience: event.audience,
    questions: event.questions,
    contactName: event.contactName,
    contactPhone: event.contactPhone,
  };
}

/** What an audit entry keeps of an event. */
function snapshot(event: EventEntity): Record<string, unknown> {
  return { ...toEventDetail(event), description: undefined };
}

/** Fields whose change registrants are told about. */
const NOTIFIED_FIELDS = ['startsAt', 'endsAt', 'online', 'onlineUrl', 'venue', 'address'] as const;

function sameValue(a: unknown, b: unknown): boolean {
  return a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b;
}

/** Which statuses each staff transition starts from. */
const TRANSITIONS: Record<'publish' | 'cancel' | 'finish', { from: EventStatus[]; to: EventStatus }> = {
  publish: { from: ['draft'], to: 'published' },
  cancel: { from: ['draft', 'published'], to: 'cancelled' },
  finish: { from: ['published'], to: 'finished' },
};

const NULLABLE_FIELDS = [
  'coverUrl',
  'onlineUrl',
  'city',
  'venue',
  'address',
  'latitude',
  'longitude',
  'contactName',
  'contactPhone',
] as const;

@Injectable()
export class EventsService {
  // What every visitor sees, reused for a few seconds and dropped when any event changes.
  private readonly listCache: ReadCache<Page<EventSummaryDto>>;
  private readonly detailCache: ReadCache<EventDetailDto>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(EventEntity) private readonly events: Repository<EventEntity>,
    private readonly groups: GroupsService,
    private readonly seats: SeatsService,
    private readonly interactions: InteractionsService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    caches: ReadCaches,
  ) {
    this.listCache = caches.create(['events']);
    this.detailCache = caches.create(['events']);
  }

  /** Published events alumni can see: upcoming soonest first, or past latest first; optionally of one kind or city. */
  list(query: ListEventsQueryDto): Promise<Page<EventSummaryDto>> {
    return this.listCache.get(JSON.stringify(query), () => this.readList(query));
  }

  private async readList(query: ListEventsQueryDto): Promise<Page<EventSummaryDto>> {
    const now = new Date();
    const after = decodeCursor(query.cursor);
    const upcoming = query.when === 'upcoming';
    const builder = this.events
      .createQueryBuilder('event')
      .where('event.status IN (:...statuses)', { statuses: upcoming ? ['published'] : ['published', 'finished'] })
      .andWhere(upcoming ? 'event.endsAt > :now' : 'event.endsAt <= :now', { now });
    if (query.kind) builder.andWhere('event.kind = :kind', { kind: query.kind });
    if (query.city) builder.andWhere('event.city = :city', { city: query.city });
    const rows = await keysetPage(builder, 'startsAt', upcoming ? 'ASC' : 'DESC', after, query.limit).getMany();
    return toPage(rows, query.limit, (e) => ({ at: e.startsAt, id: e.id }), toEventSummary);
  }

  /** One event as alumni see it: published, finished or cancelled; drafts do not exist for them. */
  detail(id: string): Promise<EventDetailDto> {
    return this.detailCache.get(id, async () => {
      const event = await this.events.findOneBy({ id });
      if (!event || event.status === 'draft') throw new AppError('EVENT_NOT_FOUND');
      return toEventDetail(event);
    });
  }

  /** Every event, drafts included, latest start first (the staff list). */
  async listForStaff(query: PageQueryDto & { status?: EventStatus }): Promise<Page<EventDetailDto>> {
    const after = decodeCursor(query.cursor);
    const builder = this.events.createQueryBuilder('event');
    if (query.status) builder.where('event.status = :status', { status: query.status });
    const rows = await keysetPage(builder, 'startsAt', 'DESC', after, query.limit).getMany();
    return toPage(rows, query.limit, (e) => ({ at: e.startsAt, id: e.id }), toEventDetail);
  }

  async detailForStaff(id: string): Promise<EventDetailDto> {
    return toEventDetail(await this.findOrFail(this.events.manager, id));
  }

  async create(actor: AuthUserDto, dto: CreateEventDto): Promise<EventDetailDto> {
    const event = this.draftOf(actor, dto);
    await this.assertValid(event);
    const saved = await this.dataSource.transaction((manager) => this.insert(manager, actor, event));
    return toEventDetail(saved);
  }

  /**
   * Creates an event and opens its sign-up at once, in the caller's transaction: what another
   * module's decision makes (a class reunion staff approved). Same rules and audit entries as
   * creating and publishing it by hand.
   */
  async createPublished(manager: EntityManager, actor: AuthUserDto, dto: CreateEventDto): Promise<EventDetailDto> {
    const event = this.draftOf(actor, dto);
    await this.assertValid(event, manager);
    const created = await this.insert(manager, actor, event);
    const before = snapshot(created);
    created.status = 'published';
    const published = await manager.save(created);
    await this.audit.record(manager, {
      actorId: actor.id,
      action: 'event.published',
      subjectType: 'event',
      subjectId: published.id,
      before,
      after: snapshot(published),
    });
    return toEventDetail(published);
  }

  /** These events as alumni list them, soonest first: drafts and events already over are left out. */
  async upcomingOf(ids: string[]): Promise<EventSummaryDto[]> {
    if (ids.length === 0) return [];
    const rows = await this.events
      .createQueryBuilder('event')
      .where('event.id IN (:...ids)', { ids })
      .andWhere(`event.status = 'published' AND event.endsAt > now()`)
      .orderBy('event.startsAt', 'ASC')
      .addOrderBy('event.id', 'ASC')
      .getMany();
    return rows.map(toEventSummary);
  }

  /**
   * Figures of these events for a report: held (published or finished, and over), upcoming
   * (published, not over), and the people checked in at those held.
   */
  async figuresOf(ids: string[]): Promise<{ held: number; upcoming: number; attendees: number }> {
    if (ids.length === 0) return { held: 0, upcoming: 0, attendees: 0 };
    const [row]: [{ held: number; upcoming: number; attendees: number }] = await this.events.query(
      `SELECT count(*) FILTER (WHERE e.status IN ('published', 'finished') AND e.ends_at <= now())::int AS held,
              count(*) FILTER (WHERE e.status = 'published' AND e.ends_at > now())::int AS upcoming,
              coalesce(sum(r.checked_in) FILTER (WHERE e.status IN ('published', 'finished') AND e.ends_at <= now()), 0)::int AS attendees
         FROM events e
         LEFT JOIN LATERAL (SELECT count(*) AS checked_in FROM event_registrations r
                             WHERE r.event_id = e.id AND r.checked_in_at IS NOT NULL) r ON true
        WHERE e.id = ANY($1::uuid[])`,
      [ids],
    );
    return row;
  }

  /** Creates a draft in the caller's transaction (another module's event waiting for staff): same rules and audit entry as create. */
  async createDraftIn(manager: EntityManager, actor: AuthUserDto, dto: CreateEventDto): Promise<EventDetailDto> {
    const event = this.draftOf(actor, dto);
    await this.assertValid(event, manager);
    return toEventDetail(await this.insert(manager, actor, event));
  }

  private draftOf(actor: AuthUserDto, dto: CreateEventDto): EventEntity {
    return this.events.create({
      title: dto.title,
      kind: dto.kind,
      status: 'draft',
      description: dto.description ?? '',
      online: dto.online,
      startsAt: new Date(dto.startsAt),
      endsAt: new Date(dto.endsAt),
      signupOpensAt: dto.signupOpensAt ? new Date(dto.signupOpensAt) : null,
      signupClosesAt: dto.signupClosesAt ? new Date(dto.signupClosesAt) : null,
      capacity: dto.capacity,
      confirmedCount: 0,
      waitlistEnabled: dto.waitlistEnabled,
      audience: normaliseAudience(dto.audience ?? { kind: 'everyone' }),
      questions: normaliseQuestions(dto.questions ?? []),
      createdBy: actor.id,
      ...Object.fromEntries(NULLABLE_FIELDS.map((field) => [field, dto[field] ?? null])),
    });
  }

  private async insert(manager: EntityManager, actor: AuthUserDto, event: EventEntity): Promise<EventEntity> {
    const created = await manager.save(event);
    await this.audit.record(manager, {
      actorId: actor.id,
      action: 'event.created',
      subjectType: 'event',
      subjectId: created.id,
      after: snapshot(created),
    });
    return created;
  }

  /**
   * Edits a draft or published event. The result must satisfy every rule; capacity may not
   * drop below the confirmed seats, and added seats go to the waitlist at once. Confirmed
   * registrants are told about a change of time or place.
   */
  async update(actor: AuthUserDto, id: string, dto: UpdateEventDto): Promise<EventDetailDto> {
    const event = await this.dataSource.transaction(async (manager) => {
      const current = await this.findOrFail(manager, id, true);
      if (current.status !== 'draft' && current.status !== 'published') {
        throw new AppError('EVENT_STATE_CONFLICT', [{ issue: `a ${current.status} event cannot be edited` }]);
      }
      const before = snapshot(current);
      const next = manager.create(EventEntity, { ...current });
      if (dto.title != null) next.title = dto.title;
      if (dto.kind != null) next.kind = dto.kind;
      if (dto.description != null) next.description = dto.description;
      if (dto.online != null) next.online = dto.online;
      if (dto.startsAt != null) next.startsAt = new Date(dto.startsAt);
      if (dto.endsAt != null) next.endsAt = new Date(dto.endsAt);
      if (dto.signupOpensAt !== undefined) next.signupOpensAt = dto.signupOpensAt ? new Date(dto.signupOpensAt) : null;
      if (dto.signupClosesAt !== undefined) next.signupClosesAt = dto.signupClosesAt ? new Date(dto.signupClosesAt) : null;
      if (dto.capacity != null) next.capacity = dto.capacity;
      if (dto.waitlistEnabled != null) next.waitlistEnabled = dto.waitlistEnabled;
      if (dto.audience != null) next.audience = normaliseAudience(dto.audience);
      if (dto.questions != null) next.questions = normaliseQuestions(dto.questions);
      for (const field of NULLABLE_FIELDS) if (dto[field] !== undefined) Object.assign(next, { [field]: dto[field] ?? null });
      await this.assertValid(next, manager);
      if (next.capacity < current.confirmedCount) {
        throw new AppError('EVENT_CAPACITY_BELOW_CONFIRMED', [
          { field: 'capacity', issue: `${current.confirmedCount} registrations are confirmed; capacity cannot be lower` },
        ]);
      }
      const saved = await manager.save(next);
      if (saved.status === 'published') {
        await this.seats.fill(manager, saved);
        const changed = NOTIFIED_FIELDS.filter((f) => !sameValue(current[f], saved[f]));
        if (changed.length > 0) await this.notifyRegistrants(manager, saved, ['confirmed'], 'events.changed', { changed });
      }
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'event.updated',
        subjectType: 'event',
        subjectId: id,
        before,
        after: snapshot(saved),
      });
      return saved;
    });
    return toEventDetail(event);
  }

  /**
   * publish: sign-up opens (at the window's start). cancel: sign-up closes and every
   * registrant is notified. finish: confirmed registrants not checked in are recorded as
   * no-shows.
   */
  async transition(actor: AuthUserDto, id: string, action: keyof typeof TRANSITIONS): Promise<EventDetailDto> {
    const { from, to } = TRANSITIONS[action];
    const event = await this.dataSource.transaction(async (manager) => {
      const current = await this.findOrFail(manager, id, true);
      if (!from.includes(current.status)) {
        throw new AppError('EVENT_STATE_CONFLICT', [{ issue: `cannot ${action} a ${current.status} event` }]);
      }
      const before = snapshot(current);
      current.status = to;
      const saved = await manager.save(current);
      if (action === 'cancel') await this.notifyRegistrants(manager, saved, ['confirmed', 'waitlisted'], 'events.cancelled', {});
      if (action === 'finish') await this.recordNoShows(manager, saved);
      await this.audit.record(manager, {
        actorId: actor.id,
        action: `event.${to}`,
        subjectType: 'event',
        subjectId: id,
        before,
        after: snapshot(saved),
      });
      return saved;
    });
    return toEventDetail(event);
  }

  private async findOrFail(manager: EntityManager, id: string, lock = false): Promise<EventEntity> {
    const event = await manager.findOne(EventEntity, { where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!event) throw new AppError('EVENT_NOT_FOUND');
    return event;
  }

  private async assertValid(event: EventEntity, manager?: EntityManager): Promise<void> {
    assertEventRules(event);
    if (event.audience.kind === 'group' && !(await this.groups.exists(event.audience.groupId!, manager))) {
      throw new AppError('EVENT_AUDIENCE_INVALID', [{ field: 'audience.groupId', issue: 'no such group' }]);
    }
  }

  private async notifyRegistrants(
    manager: EntityManager,
    event: EventEntity,
    statuses: RegistrationEntity['status'][],
    kind: string,
    extra: Record<string, unknown>,
  ): Promise<void> {
    const registrations = await manager
      .createQueryBuilder(RegistrationEntity, 'r')
      .where('r.eventId = :id AND r.status IN (:...statuses)', { id: event.id, statuses })
      .getMany();
    await this.outbox.enqueue(
      manager,
      registrations.map((r) => ({
        alumnusId: r.alumnusId,
        kind,
        payload: { ...eventMessagePayload(event, r.id), ...extra },
      })),
    );
  }

  private async recordNoShows(manager: EntityManager, event: EventEntity): Promise<void> {
    const absent = await manager
      .createQueryBuilder(RegistrationEntity, 'r')
      .where("r.eventId = :id AND r.status = 'confirmed' AND r.checkedInAt IS NULL", { id: event.id })
      .getMany();
    for (const r of absent) {
      await this.interactions.record(manager, {
        alumnusId: r.alumnusId,
        kind: 'events.no_show',
        subjectType: 'event',
        subjectId: event.id,
        detail: { registrationId: r.id },
      });
    }
  }
}
