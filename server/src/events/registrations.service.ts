import { randomUUID } from 'node:crypto';
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
import { audienceFactsJoin } from '../alumni/alumni.service.js';
import { AppError } from '../common/app-error.js';
import {
  IdempotencyService,
  type IdempotentResponse,
  KEY_TAKEN,
  type PlainIdempotentWork,
  precededBy,
  type Statement,
} from '../common/idempotency/idempotency.service.js';
import { decodeCursor, toPage } from '../common/pagination.js';
import type { AppConfig } from '../config/configuration.js';
import { isMemberSql } from '../groups/groups.service.js';
import type { PlainTransaction } from '../database/plain-transaction.js';
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
        return await this.idempotency.runPlain(request, (tx, claim) => this.signUp(tx, claim, user, eventId, answers, lockFirst));
      } catch (error) {
        if (!(error instanceof SeatsChanged)) throw error;
      }
    }
  }

  /**
   * One try, in plain SQL on one connection (issue 17: TypeORM's query runner cost more CPU than
   * the statements in a burst): begin; the key's claim with the event, my registration and what
   * the audience check needs; my registration with its interaction and engagement sums; the
   * stored answer with the seat; commit. Five round trips.
   */
  private async signUp(
    tx: PlainTransaction,
    claim: Statement | undefined,
    user: AuthUserDto,
    eventId: string,
    answers: RegistrationAnswers,
    lockFirst: boolean,
  ): Promise<PlainIdempotentWork<RegistrationDto> | typeof KEY_TAKEN> {
    if (lockFirst) await tx.rows('SELECT 1 FROM events WHERE id = $1 FOR UPDATE', [eventId]);
    const { keyClaimed, startedAt, event, existing, audience } = await this.firstRead(tx, claim, eventId, user.id);
    if (!keyClaimed) return KEY_TAKEN;
    if (!event || event.status === 'draft') throw new AppError('EVENT_NOT_FOUND');
    if (existing && existing.status !== 'cancelled') return { status: 200, body: toRegistration(existing) };

    if (event.status !== 'published') throw new AppError('EVENT_NOT_OPEN', [{ issue: `the event is ${event.status}` }]);
    const now = new Date();
    if (event.signupOpensAt && now < event.signupOpensAt)
      throw new AppError('EVENT_SIGNUP_NOT_STARTED', [{ issue: `sign-up opens at ${event.signupOpensAt.toISOString()}` }]);
    if (now >= (event.signupClosesAt ?? event.startsAt)) throw new AppError('EVENT_SIGNUP_CLOSED');
    assertInAudience(user, event, audience);
    const kept = validateAnswers(event.questions, answers);

    const seatFree = event.confirmedCount < event.capacity;
    if (!seatFree && !event.waitlistEnabled) throw new AppError('EVENT_FULL');
    const status = seatFree ? 'confirmed' : 'waitlisted';
    const registration: MyRegistration = existing
      ? { ...existing, status, answers: kept }
      : { id: randomUUID(), eventId, status, answers: kept, checkedInAt: null, createdAt: startedAt };
    await this.interactions.recordPlain(
      tx,
      {
        alumnusId: user.id,
        kind: seatFree ? 'events.registered' : 'events.waitlisted',
        subjectType: 'event',
        subjectId: eventId,
        detail: { registrationId: registration.id },
      },
      registrationWrite(existing !== null, registration, user.id),
    );
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
   * The sign-up's first statement: the key's claim (when there is a key), the transaction's
   * time, the event and my registration for it, and what the audience check needs of me. No
   * lock is taken: the seat is claimed by the last statement (SeatsService).
   */
  private async firstRead(
    tx: PlainTransaction,
    claim: Statement | undefined,
    eventId: string,
    alumnusId: string,
  ): Promise<{
    keyClaimed: boolean;
    startedAt: Date;
    event: SignUpEvent | null;
    existing: MyRegistration | null;
    audience: AudienceFacts;
  }> {
    const { sql, params } = precededBy(claim, {
      // now() is the transaction's start, which the registration's created_at defaults to (at its precision).
      sql: `SELECT ${claim ? '(SELECT count(*) FROM preceding) > 0' : 'true'} AS key_claimed, now()::timestamptz(3) AS started_at,
              e.id, e.status, e.starts_at, e.capacity, e.confirmed_count, e.signup_opens_at, e.signup_closes_at,
              e.waitlist_enabled, e.audience, e.questions,
              r.id AS r_id, r.status AS r_status, r.answers AS r_answers, r.checked_in_at AS r_checked_in_at, r.created_at AS r_created_at,
              a.found AS a_found, a.verified AS a_verified, a.graduation_year AS a_graduation_year,
              CASE WHEN e.audience->>'kind' = 'group' THEN ${isMemberSql(`(e.audience->>'groupId')::uuid`, '$2')} END AS a_in_group
         FROM (SELECT 1) one
         LEFT JOIN events e ON e.id = $1
         LEFT JOIN event_registrations r ON r.event_id = e.id AND r.alumnus_id = $2
         ${audienceFactsJoin('$2', 'a')}`,
      params: [eventId, alumnusId],
    });
    const [row] = await tx.rows<SignUpRow>(sql, params);
    const audience: AudienceFacts = {
      found: row!.a_found === true,
      verified: row!.a_verified === true,
      graduationYear: row!.a_graduation_year,
      inGroup: row!.a_in_group === true,
    };
    const result = { keyClaimed: row!.key_claimed, startedAt: row!.started_at, audience };
    if (row!.id === null) return { ...result, event: null, existing: null };
    const event: SignUpEvent = {
      id: row!.id,
      status: row!.status!,
      startsAt: row!.starts_at!,
      capacity: row!.capacity!,
      confirmedCount: row!.confirmed_count!,
      signupOpensAt: row!.signup_opens_at,
      signupClosesAt: row!.signup_closes_at,
      waitlistEnabled: row!.waitlist_enabled!,
      audience: row!.audience!,
      questions: row!.questions!,
    };
    const existing: MyRegistration | null =
      row!.r_id === null
        ? null
        : {
            id: row!.r_id,
            eventId,
            status: row!.r_status!,
            answers: row!.r_answers!,
            checkedInAt: row!.r_checked_in_at,
            createdAt: row!.r_created_at!,
          };
    return { ...result, event, existing };
  }

  private async lockEvent(manager: EntityManager, id: string): Promise<EventEntity> {
    const event = await manager.findOne(EventEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!event) throw new AppError('EVENT_NOT_FOUND');
    return event;
  }
}

/** What the audience check reads of the alumnus signing up (firstRead). */
interface AudienceFacts {
  /** An active (not erased) alumnus has the id. */
  found: boolean;
  verified: boolean;
  graduationYear: number | null;
  /** An active member of the event's group, when its audience is one group. */
  inGroup: boolean;
}

/** Staff may join any event. */
function assertInAudience(user: AuthUserDto, event: SignUpEvent, alumnus: AudienceFacts): void {
  const { audience } = event;
  if (audience.kind === 'everyone' || isStaff(user)) return;
  if (!alumnus.found) throw new AppError('ALUMNUS_NOT_FOUND');
  const admitted =
    audience.kind === 'verified'
      ? alumnus.verified
      : audience.kind === 'graduation_years'
        ? alumnus.graduationYear !== null && alumnus.graduationYear >= audience.yearFrom! && alumnus.graduationYear <= audience.yearTo!
        : alumnus.inGroup;
  if (!admitted) throw new AppError('EVENT_AUDIENCE_EXCLUDED', [{ issue: `audience: ${audience.kind}` }]);
}

/**
 * My registration's write, to run before its interaction in one statement: a new row, or the
 * cancelled one brought back (one row per alumnus and event), at the end of the queue.
 */
function registrationWrite(exists: boolean, registration: MyRegistration, alumnusId: string): Statement {
  return exists
    ? {
        sql: `UPDATE event_registrations
                 SET status = $2, answers = $3::jsonb, cancelled_at = NULL, updated_at = now(),
                     queue_position = nextval(pg_get_serial_sequence('event_registrations', 'queue_position'))
               WHERE id = $1`,
        params: [registration.id, registration.status, JSON.stringify(registration.answers)],
      }
    : {
        sql: `INSERT INTO event_registrations (id, event_id, alumnus_id, status, answers) VALUES ($1, $2, $3, $4, $5::jsonb)`,
        params: [registration.id, registration.eventId, alumnusId, registration.status, JSON.stringify(registration.answers)],
      };
}

/** A row of firstRead's statement, as pg returns it: the event's columns are null when there is no such event. */
interface SignUpRow {
  key_claimed: boolean;
  started_at: Date;
  id: string | null;
  status: EventEntity['status'] | null;
  starts_at: Date | null;
  capacity: number | null;
  confirmed_count: number | null;
  signup_opens_at: Date | null;
  signup_closes_at: Date | null;
  waitlist_enabled: boolean | null;
  audience: EventEntity['audience'] | null;
  questions: EventEntity['questions'] | null;
  r_id: string | null;
  r_status: RegistrationEntity['status'] | null;
  r_answers: RegistrationEntity['answers'] | null;
  r_checked_in_at: Date | null;
  r_created_at: Date | null;
  a_found: boolean | null;
  a_verified: boolean | null;
  a_graduation_year: number | null;
  a_in_group: boolean | null;
}
