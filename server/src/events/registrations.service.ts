import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type {
  AuthUserDto,
  CheckInTokenDto,
  MyRegistrationDto,
  Page,
  RegistrationAnswers,
  RegistrationDto,
  TicketDto,
} from '@alumni/shared';
import { AlumniService } from '../alumni/alumni.service.js';
import { AppError } from '../common/app-error.js';
import { IdempotencyService, type IdempotentResponse, type IdempotentWork } from '../common/idempotency/idempotency.service.js';
import { decodeCursor, toPage } from '../common/pagination.js';
import type { AppConfig } from '../config/configuration.js';
import { GroupsService } from '../groups/groups.service.js';
import { InteractionsService } from '../interactions/interactions.service.js';
import { CHECK_IN_STEP_MS, checkInKey, checkInShortCode, checkInStep, signCheckInToken } from './check-in-token.js';
import type { ListTicketsQueryDto } from './dto/registration-request.dto.js';
import { EventEntity } from './event.entity.js';
import { validateAnswers } from './event-rules.js';
import { toEventSummary } from './events.service.js';
import { RegistrationEntity } from './registration.entity.js';
import { SeatsChanged, SeatsService } from './seats.service.js';

export function toRegistration(
  r: Pick<RegistrationEntity, 'id' | 'eventId' | 'status' | 'answers' | 'checkedInAt' | 'createdAt'>,
): RegistrationDto {
  return {
    id: r.id,
    eventId: r.eventId,
    status: r.status,
    answers: r.answers,
    checkedInAt: r.checkedInAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
  };
}

/** What a sign-up reads of its event: the columns it checks, not the whole row. */
type SignUpEvent = Pick<
  EventEntity,
  | 'id'
  | 'status'
  | 'startsAt'
  | 'capacity'
  | 'confirmedCount'
  | 'signupOpensAt'
  | 'signupClosesAt'
  | 'waitlistEnabled'
  | 'audience'
  | 'questions'
>;

/** My registration as a sign-up reads it. */
type MyRegistration = Pick<RegistrationEntity, 'id' | 'eventId' | 'status' | 'answers' | 'checkedInAt' | 'createdAt'>;

/** Tries of one sign-up while the seats keep changing under it (each try sees the last one's outcome). */
const MAX_SIGN_UP_ATTEMPTS = 5;

const isStaff = (user: AuthUserDto) => user.roles.includes('staff') || user.roles.includes('admin');

@Injectable()
export class RegistrationsService {
  private readonly key: Buffer;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly idempotency: IdempotencyService,
    private readonly alumni: AlumniService,
    private readonly groups: GroupsService,
    private readonly seats: SeatsService,
    private readonly interactions: InteractionsService,
    config: ConfigService<AppConfig, true>,
  ) {
    this.key = checkInKey(config.get('jwtSecret', { infer: true }));
  }

  /**
   * Signs the alumnus up: a free seat confirms, a full event waitlists (when it has a
   * waitlist) or refuses. No lock is held while the sign-up is written: the seat is claimed
   * by the transaction's last statement (SeatsService), so sign-ups do not queue on the event
   * row, on one server instance or several. When the seats changed meanwhile (the last one
   * went, or a cancellation freed one), the transaction is rolled back and made again.
   */
  async register(
    user: AuthUserDto,
    eventId: string,
    answers: RegistrationAnswers,
    idempotencyKey: string | undefined,
  ): Promise<IdempotentResponse<RegistrationDto>> {
    const request = { alumnusId: user.id, key: idempotencyKey, route: `POST /events/${eventId}/registrations`, body: answers };
    for (let attempt = 1; ; attempt++) {
      // Each retry reads the seats as the last one left them; should they keep changing, the last
      // try locks the event row first, as every sign-up once did, and cannot be told to retry.
      const lockFirst = attempt === MAX_SIGN_UP_ATTEMPTS;
      try {
        return await this.idempotency.run(request, (manager) => this.signUp(manager, user, eventId, answers, lockFirst));
      } catch (error) {
        if (!(error instanceof SeatsChanged)) throw error;
      }
    }
  }

  private async signUp(
    manager: EntityManager,
    user: AuthUserDto,
    eventId: string,
    answers: RegistrationAnswers,
    lockFirst: boolean,
  ): Promise<IdempotentWork<RegistrationDto>> {
    const { event, existing } = await this.eventAndMine(manager, eventId, user.id, lockFirst);
    if (!event || event.status === 'draft') throw new AppError('EVENT_NOT_FOUND');
    if (existing && existing.status !== 'cancelled') return { status: 200, body: toRegistration(existing) };

    if (event.status !== 'published') throw new AppError('EVENT_NOT_OPEN', [{ issue: `the event is ${event.status}` }]);
    const now = new Date();
    if (event.signupOpensAt && now < event.signupOpensAt)
      throw new AppError('EVENT_SIGNUP_NOT_STARTED', [{ issue: `sign-up opens at ${event.signupOpensAt.toISOString()}` }]);
    if (now >= (event.signupClosesAt ?? event.startsAt)) throw new AppError('EVENT_SIGNUP_CLOSED');
    await this.assertInAudience(manager, user, event);
    const kept = validateAnswers(event.questions, answers);

    const seatFree = event.confirmedCount < event.capacity;
    if (!seatFree && !event.waitlistEnabled) throw new AppError('EVENT_FULL');
    const status = seatFree ? 'confirmed' : 'waitlisted';
    const registration = await this.saveRegistration(manager, existing, { eventId, alumnusId: user.id, status, answers: kept });
    await this.interactions.record(manager, {
      alumnusId: user.id,
      kind: seatFree ? 'events.registered' : 'events.waitlisted',
      subjectType: 'event',
      subjectId: eventId,
      detail: { registrationId: registration.id },
    });
    return {
      status: 201,
      body: toRegistration(registration),
      lastStatement: (last, before) =>
        seatFree ? this.seats.claim(last, eventId, before) : this.seats.confirmWaitlisted(last, eventId, before),
    };
  }

  /** Cancels my registration; a confirmed seat goes to the first waitlisted alumnus in the same transaction. */
  async cancelMine(user: AuthUserDto, eventId: string): Promise<RegistrationDto> {
    const registration = await this.dataSource.transaction(async (manager) => {
      const event = await this.lockEvent(manager, eventId);
      const mine = await manager.findOneBy(RegistrationEntity, { eventId, alumnusId: user.id });
      if (!mine || mine.status === 'cancelled') throw new AppError('REGISTRATION_NOT_FOUND');
      if (event.status !== 'published') throw new AppError('EVENT_NOT_OPEN', [{ issue: `the event is ${event.status}` }]);
      if (mine.checkedInAt) throw new AppError('EVENT_STATE_CONFLICT', [{ issue: 'a checked-in registration cannot be cancelled' }]);
      const wasConfirmed = mine.status === 'confirmed';
      mine.status = 'cancelled';
      mine.cancelledAt = new Date();
      const saved = await manager.save(mine);
      await this.interactions.record(manager, {
        alumnusId: user.id,
        kind: 'events.cancelled',
        subjectType: 'event',
        subjectId: eventId,
        detail: { registrationId: mine.id },
      });
      if (wasConfirmed) {
        await this.seats.setConfirmedCount(manager, event, event.confirmedCount - 1);
        await this.seats.fill(manager, event);
      }
      return saved;
    });
    return toRegistration(registration);
  }

  /** Null rather than 404: not having signed up is the ordinary state of an event page. */
  async mine(user: AuthUserDto, eventId: string): Promise<MyRegistrationDto> {
    const registration = await this.dataSource.getRepository(RegistrationEntity).findOneBy({ eventId, alumnusId: user.id });
    return { registration: registration ? toRegistration(registration) : null };
  }

  /** My tickets: upcoming (not yet ended, soonest first) or past (latest first), every status. */
  async listMine(user: AuthUserDto, query: ListTicketsQueryDto, now: Date = new Date()): Promise<Page<TicketDto>> {
    const after = decodeCursor(query.cursor);
    const upcoming = query.when === 'upcoming';
    const direction = upcoming ? 'ASC' : 'DESC';
    const builder = this.dataSource
      .getRepository(RegistrationEntity)
      .createQueryBuilder('r')
      .innerJoinAndMapOne('r.event', EventEntity, 'e', 'e.id = r.eventId')
      .where('r.alumnusId = :me', { me: user.id })
      .andWhere(upcoming ? 'e.endsAt > :now' : 'e.endsAt <= :now', { now });
    if (after) {
      builder.andWhere(`(e.startsAt, r.id) ${upcoming ? '>' : '<'} (:at, :id)`, { at: after.at, id: after.id });
    }
    const rows = (await builder
      .orderBy('e.startsAt', direction)
      .addOrderBy('r.id', direction)
      .limit(query.limit + 1)
      .getMany()) as (RegistrationEntity & {
      event: EventEntity;
    })[];
    return toPage(
      rows,
      query.limit,
      (r) => ({ at: r.event.startsAt, id: r.id }),
      (r) => ({ ...toRegistration(r), event: toEventSummary(r.event) }),
    );
  }

  /** The rotating proof my ticket's QR code shows; only a confirmed registration of a published event has one. */
  async checkInToken(user: AuthUserDto, registrationId: string, now: number = Date.now()): Promise<CheckInTokenDto> {
    const registration = await this.dataSource.getRepository(RegistrationEntity).findOneBy({ id: registrationId, alumnusId: user.id });
    if (!registration) throw new AppError('REGISTRATION_NOT_FOUND');
    if (registration.status !== 'confirmed') throw new AppError('REGISTRATION_NOT_CONFIRMED');
    const event = await this.dataSource.getRepository(EventEntity).findOneByOrFail({ id: registration.eventId });
    if (event.status !== 'published') throw new AppError('EVENT_NOT_OPEN', [{ issue: `the event is ${event.status}` }]);
    const step = checkInStep(now);
    return {
      token: signCheckInToken(this.key, registration.id, step),
      shortCode: checkInShortCode(this.key, registration.id, step),
      refreshAt: new Date((step + 1) * CHECK_IN_STEP_MS).toISOString(),
    };
  }

  /**
   * The event and my registration for it, in one statement; with `lock`, the event row locked
   * for the transaction. Plain SQL of the columns the sign-up checks: this runs on every
   * sign-up of a burst, where TypeORM's query building and row mapping cost more than the query.
   */
  private async eventAndMine(
    manager: EntityManager,
    eventId: string,
    alumnusId: string,
    lock: boolean,
  ): Promise<{ event: SignUpEvent | null; existing: MyRegistration | null }> {
    const rows = (await manager.query(
      `SELECT e.id, e.status, e.starts_at, e.capacity, e.confirmed_count, e.signup_opens_at, e.signup_closes_at,
              e.waitlist_enabled, e.audience, e.questions,
              r.id AS r_id, r.status AS r_status, r.answers AS r_answers, r.checked_in_at AS r_checked_in_at, r.created_at AS r_created_at
         FROM events e LEFT JOIN event_registrations r ON r.event_id = e.id AND r.alumnus_id = $2
        WHERE e.id = $1${lock ? ' FOR UPDATE OF e' : ''}`,
      [eventId, alumnusId],
    )) as SignUpRow[];
    const row = rows[0];
    if (!row) return { event: null, existing: null };
    const event: SignUpEvent = {
      id: row.id,
      status: row.status,
      startsAt: row.starts_at,
      capacity: row.capacity,
      confirmedCount: row.confirmed_count,
      signupOpensAt: row.signup_opens_at,
      signupClosesAt: row.signup_closes_at,
      waitlistEnabled: row.waitlist_enabled,
      audience: row.audience,
      questions: row.questions,
    };
    const existing: MyRegistration | null =
      row.r_id === null
        ? null
        : {
            id: row.r_id,
            eventId,
            status: row.r_status!,
            answers: row.r_answers!,
            checkedInAt: row.r_checked_in_at,
            createdAt: row.r_created_at!,
          };
    return { event, existing };
  }

  private async lockEvent(manager: EntityManager, id: string): Promise<EventEntity> {
    const event = await manager.findOne(EventEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!event) throw new AppError('EVENT_NOT_FOUND');
    return event;
  }

  /** Staff may join any event; groups are checked through the groups module (see GroupsService.isMember). */
  private async assertInAudience(manager: EntityManager, user: AuthUserDto, event: SignUpEvent): Promise<void> {
    const { audience } = event;
    if (audience.kind === 'everyone' || isStaff(user)) return;
    const alumnus = await this.alumni.audienceFacts(user.id, manager);
    if (!alumnus) throw new AppError('ALUMNUS_NOT_FOUND');
    const admitted =
      audience.kind === 'verified'
        ? alumnus.verified
        : audience.kind === 'graduation_years'
          ? alumnus.graduationYear !== null && alumnus.graduationYear >= audience.yearFrom! && alumnus.graduationYear <= audience.yearTo!
          : await this.groups.isMember(audience.groupId!, user.id, manager);
    if (!admitted) throw new AppError('EVENT_AUDIENCE_EXCLUDED', [{ issue: `audience: ${audience.kind}` }]);
  }

  /** A new row, or the cancelled one brought back (one row per alumnus and event), at the end of the queue. */
  private async saveRegistration(
    manager: EntityManager,
    existing: MyRegistration | null,
    values: Pick<RegistrationEntity, 'eventId' | 'alumnusId' | 'status' | 'answers'>,
  ): Promise<MyRegistration> {
    const rows = (await (existing
      ? manager.query(
          `UPDATE event_registrations
              SET status = $2, answers = $3::jsonb, cancelled_at = NULL, updated_at = now(),
                  queue_position = nextval(pg_get_serial_sequence('event_registrations', 'queue_position'))
            WHERE id = $1
        RETURNING id, checked_in_at, created_at`,
          [existing.id, values.status, JSON.stringify(values.answers)],
        )
      : manager.query(
          `INSERT INTO event_registrations (event_id, alumnus_id, status, answers) VALUES ($1, $2, $3, $4::jsonb)
        RETURNING id, checked_in_at, created_at`,
          [values.eventId, values.alumnusId, values.status, JSON.stringify(values.answers)],
        ))) as [unknown, unknown] | { id: string; checked_in_at: Date | null; created_at: Date }[];
    // pg answers an UPDATE … RETURNING as [rows, count] through TypeORM, an INSERT as the rows.
    const [row] = (existing ? (rows as [unknown, unknown])[0] : rows) as { id: string; checked_in_at: Date | null; created_at: Date }[];
    return {
      id: row!.id,
      eventId: values.eventId,
      status: values.status,
      answers: values.answers,
      checkedInAt: row!.checked_in_at,
      createdAt: row!.created_at,
    };
  }
}

/** A row of eventAndMine's statement, as pg returns it. */
interface SignUpRow {
  id: string;
  status: EventEntity['status'];
  starts_at: Date;
  capacity: number;
  confirmed_count: number;
  signup_opens_at: Date | null;
  signup_closes_at: Date | null;
  waitlist_enabled: boolean;
  audience: EventEntity['audience'];
  questions: EventEntity['questions'];
  r_id: string | null;
  r_status: RegistrationEntity['status'] | null;
  r_answers: RegistrationEntity['answers'] | null;
  r_checked_in_at: Date | null;
  r_created_at: Date | null;
}
