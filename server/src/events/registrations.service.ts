import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
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
  checkedKey,
  claimsOf,
  IdempotencyService,
  type IdempotentRequest,
  type IdempotentResponse,
  KEY_TAKEN,
  type PlainIdempotentWork,
  precededBy,
  releasesOf,
  type Statement,
  storesOf,
} from '../common/idempotency/idempotency.service.js';
import { decodeCursor, toPage } from '../common/pagination.js';
import type { AppConfig } from '../config/configuration.js';
import { isMemberSql } from '../groups/groups.service.js';
import { plainTransaction, type PlainTransaction } from '../database/plain-transaction.js';
import { type InteractionInput, InteractionsService } from '../interactions/interactions.service.js';
import { CHECK_IN_STEP_MS, checkInKey, checkInShortCode, checkInStep, signCheckInToken } from './check-in-token.js';
import type { ListTicketsQueryDto } from './dto/registration-request.dto.js';
import { EventEntity } from './event.entity.js';
import { validateAnswers } from './event-rules.js';
import { toEventSummary } from './events.service.js';
import { RegistrationEntity } from './registration.entity.js';
import { SeatsChanged, SeatsService } from './seats.service.js';
import { SignUpQueue } from './sign-up-queue.js';

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

/** A sign-up waiting in the queue (SignUpQueue): the request, and how to answer it. */
interface SignUp {
  alumnusId: string;
  user: AuthUserDto;
  eventId: string;
  answers: RegistrationAnswers;
  request: IdempotentRequest;
  resolve: (response: IdempotentResponse<RegistrationDto>) => void;
  reject: (error: unknown) => void;
}

/** A batched sign-up whose key was used before: answered alone after the batch (a replay, or the key's conflict). */
const ALONE = Symbol('answered alone');

/** What a batch made of one of its sign-ups. */
type Outcome = { response: IdempotentResponse<RegistrationDto> } | { error: AppError } | typeof ALONE;

const isStaff = (user: AuthUserDto) => user.roles.includes('staff') || user.roles.includes('admin');

@Injectable()
export class RegistrationsService {
  private readonly logger = new Logger(RegistrationsService.name);
  private readonly key: Buffer;
  private readonly queue = new SignUpQueue<SignUp>((eventId, signUps) => this.write(eventId, signUps));

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
   * row, on one server instance or several. Sign-ups for one event that arrive while one is
   * being written are then written together, in one transaction (SignUpQueue, signUpTogether).
   */
  async register(
    user: AuthUserDto,
    eventId: string,
    answers: RegistrationAnswers,
    idempotencyKey: string | undefined,
  ): Promise<IdempotentResponse<RegistrationDto>> {
    const request = { alumnusId: user.id, key: idempotencyKey, route: `POST /events/${eventId}/registrations`, body: answers };
    checkedKey(request);
    return new Promise((resolve, reject) =>
      this.queue.add(eventId, { alumnusId: user.id, user, eventId, answers, request, resolve, reject }),
    );
  }

  /** How many sign-ups for the event wait for the write in flight in this instance (tests gather a batch with it). */
  signUpsWaiting(eventId: string): number {
    return this.queue.waitingFor(eventId);
  }

  /** Writes what the queue hands over, one sign-up alone or several together, and answers each. */
  private async write(eventId: string, signUps: SignUp[]): Promise<void> {
    if (signUps.length === 1) return this.answerAlone(signUps[0]!);
    let outcomes: Outcome[] | undefined;
    for (let attempt = 1; !outcomes; attempt++) {
      try {
        outcomes = await plainTransaction(this.dataSource, (tx) => this.signUpTogether(tx, eventId, signUps));
      } catch (error) {
        // The seats changed under the batch (in a burst: the other instance's batch took the
        // last ones): made again together on the seats as they are now, as a lone sign-up is.
        // One by one, a hundred sign-ups would each pay a transaction at the burst's busiest moment.
        if (error instanceof SeatsChanged && attempt < MAX_SIGN_UP_ATTEMPTS) continue;
        // Whatever else went wrong (another instance registered one of them first, the
        // connection was lost, the seats kept changing) rolled the whole batch back: each is
        // made alone, in arrival order, exactly as if it had come alone.
        this.logger.warn(`${signUps.length} sign-ups written together were rolled back and go one by one: ${String(error)}`);
        for (const signUp of signUps) await this.answerAlone(signUp);
        return;
      }
    }
    const alone: SignUp[] = [];
    for (const [i, signUp] of signUps.entries()) {
      const outcome = outcomes[i]!;
      if (outcome === ALONE) alone.push(signUp);
      else if ('error' in outcome) signUp.reject(outcome.error);
      else signUp.resolve(outcome.response);
    }
    for (const signUp of alone) await this.answerAlone(signUp);
  }

  private async answerAlone(signUp: SignUp): Promise<void> {
    try {
      signUp.resolve(await this.signUpAlone(signUp));
    } catch (error) {
      signUp.reject(error);
    }
  }

  /**
   * One sign-up in a transaction of its own. When the seats changed meanwhile (the last one
   * went, or a cancellation freed one), the transaction is rolled back and made again.
   */
  private async signUpAlone({ user, eventId, answers, request }: SignUp): Promise<IdempotentResponse<RegistrationDto>> {
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
    const { sql, params } = precededBy(claim, {
      sql: `SELECT ${claim ? '(SELECT count(*) FROM preceding) > 0' : 'true'} AS key_claimed, ${factsSql('(SELECT 1) one', '$2', '$1')}`,
      params: [eventId, user.id],
    });
    const [row] = await tx.rows<SignUpRow>(sql, params);
    if (!row!.key_claimed) return KEY_TAKEN;
    const { event, existing, audience } = factsOf(row!, eventId);
    const admitted = admit(user, event, existing, audience, answers, new Date());
    if ('already' in admitted) return { status: 200, body: toRegistration(admitted.already) };

    const seatFree = admitted.event.confirmedCount < admitted.event.capacity;
    if (!seatFree && !admitted.event.waitlistEnabled) throw new AppError('EVENT_FULL');
    const status = seatFree ? 'confirmed' : 'waitlisted';
    const registration: MyRegistration = existing
      ? { ...existing, status, answers: admitted.kept }
      : { id: randomUUID(), eventId, status, answers: admitted.kept, checkedInAt: null, createdAt: row!.started_at };
    await this.interactions.recordPlain(
      tx,
      interactionOf(user.id, registration),
      registrationWrite(existing !== null, registration, user.id),
    );
    return {
      status: 201,
      body: toRegistration(registration),
      lastStatement: (last, before) =>
        seatFree ? this.seats.claim(last, eventId, before) : this.seats.confirmWaitlisted(last, eventId, before),
    };
  }

  /**
   * Sign-ups for one event by distinct alumni, written together (group commit, issue 17): the
   * same rules and answers as `signUp`, one transaction and five round trips for all of them.
   * Begin; every key's claim with the event, each one's registration and audience facts; every
   * registration with its interaction and engagement sums; the refused ones' claims released
   * (only when there are any); the answers stored with the seats, claimed in arrival order by
   * one conditional increment; commit. Each gets its own outcome: an answer, its own refusal,
   * or ALONE when its key was used before (it is then answered alone, as `runPlain` answers a
   * repeat). Anything else thrown rolls the batch back (see `write`).
   */
  private async signUpTogether(tx: PlainTransaction, eventId: string, signUps: SignUp[]): Promise<Outcome[]> {
    const keyed = signUps.filter((s) => s.request.key !== undefined).map((s) => s.request);
    const claim = keyed.length > 0 ? claimsOf(keyed) : undefined;
    const { sql, params } = precededBy(claim, {
      sql: `SELECT ${claim ? 'm.alumnus_id IN (SELECT alumnus_id FROM preceding)' : 'false'} AS key_claimed,
              ${factsSql('unnest($1::uuid[]) WITH ORDINALITY AS m (alumnus_id, n)', 'm.alumnus_id', '$2')}
            ORDER BY m.n`,
      params: [signUps.map((s) => s.alumnusId), eventId],
    });
    const rows = await tx.rows<SignUpRow>(sql, params);

    const now = new Date();
    const seatsBefore = rows[0]!.confirmed_count ?? 0;
    let confirmed = seatsBefore;
    // Some found no seat (waitlisted or refused): the claim must then leave the event full.
    let full = false;
    const outcomes: Outcome[] = [];
    const written: { alumnusId: string; registration: MyRegistration }[] = [];
    const refused: IdempotentRequest[] = [];
    for (const [i, { user, answers, request }] of signUps.entries()) {
      const row = rows[i]!;
      if (request.key !== undefined && !row.key_claimed) {
        outcomes.push(ALONE);
        continue;
      }
      try {
        const { event, existing, audience } = factsOf(row, eventId);
        const admitted = admit(user, event, existing, audience, answers, now);
        if ('already' in admitted) {
          outcomes.push({ response: { status: 200, body: toRegistration(admitted.already) } });
          continue;
        }
        const seatFree = confirmed < admitted.event.capacity;
        if (!seatFree) full = true;
        if (!seatFree && !admitted.event.waitlistEnabled) throw new AppError('EVENT_FULL');
        if (seatFree) confirmed++;
        const status = seatFree ? 'confirmed' : 'waitlisted';
        const registration: MyRegistration = existing
          ? { ...existing, status, answers: admitted.kept }
          : { id: randomUUID(), eventId, status, answers: admitted.kept, checkedInAt: null, createdAt: row.started_at };
        written.push({ alumnusId: user.id, registration });
        outcomes.push({ response: { status: 201, body: toRegistration(registration) } });
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        outcomes.push({ error });
        if (request.key !== undefined) refused.push(request);
      }
    }

    if (written.length > 0) {
      const count = await this.interactions.recordEachPlain(
        tx,
        written.map(({ alumnusId, registration }) => interactionOf(alumnusId, registration)),
        registrationsWrite(eventId, written),
      );
      // Fewer rows than meant: another sign-up by one of these alumni (on another instance) came first.
      if (count !== written.length) throw new Error(`${written.length - count} of ${written.length} registrations were made meanwhile`);
    }
    if (refused.length > 0) {
      const release = releasesOf(refused);
      await tx.rows(release.sql, release.params);
    }
    const answered = signUps.flatMap(({ request }, i) => {
      const outcome = outcomes[i]!;
      return request.key !== undefined && outcome !== ALONE && 'response' in outcome ? [{ request, response: outcome.response }] : [];
    });
    const store = answered.length > 0 ? storesOf(answered) : undefined;
    if (confirmed > seatsBefore) await this.seats.claimMany(tx, eventId, confirmed - seatsBefore, full, store);
    else if (full) await this.seats.confirmWaitlisted(tx, eventId, store);
    else if (store) await tx.rows(store.sql, store.params);
    return outcomes;
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

  private async lockEvent(manager: EntityManager, id: string): Promise<EventEntity> {
    const event = await manager.findOne(EventEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!event) throw new AppError('EVENT_NOT_FOUND');
    return event;
  }
}

/** What the audience check reads of the alumnus signing up (factsSql). */
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
 * The rules of a sign-up, from what its first statement read: my registration when I am
 * already signed up (answered 200 as it stands), else the answers to keep; throws the refusal.
 * Whether a seat is free is the caller's to count (a batch counts its own).
 */
function admit(
  user: AuthUserDto,
  event: SignUpEvent | null,
  existing: MyRegistration | null,
  audience: AudienceFacts,
  answers: RegistrationAnswers,
  now: Date,
): { already: MyRegistration } | { event: SignUpEvent; kept: RegistrationAnswers } {
  if (!event || event.status === 'draft') throw new AppError('EVENT_NOT_FOUND');
  if (existing && existing.status !== 'cancelled') return { already: existing };
  if (event.status !== 'published') throw new AppError('EVENT_NOT_OPEN', [{ issue: `the event is ${event.status}` }]);
  if (event.signupOpensAt && now < event.signupOpensAt)
    throw new AppError('EVENT_SIGNUP_NOT_STARTED', [{ issue: `sign-up opens at ${event.signupOpensAt.toISOString()}` }]);
  if (now >= (event.signupClosesAt ?? event.startsAt)) throw new AppError('EVENT_SIGNUP_CLOSED');
  assertInAudience(user, event, audience);
  return { event, kept: validateAnswers(event.questions, answers) };
}

/**
 * What a sign-up's first statement reads, after its key's claim and time, for each row of
 * `from` (one, or one per alumnus of a batch), the alumnus being `alumnus` and the event
 * `eventId` (SQL expressions): the event, the alumnus's registration for it and what the
 * audience check needs of them. No lock is taken: the seat is claimed by the last statement.
 */
function factsSql(from: string, alumnus: string, eventId: string): string {
  // now() is the transaction's start, which the registration's created_at defaults to (at its precision).
  return `now()::timestamptz(3) AS started_at,
            e.id, e.status, e.starts_at, e.capacity, e.confirmed_count, e.signup_opens_at, e.signup_closes_at,
            e.waitlist_enabled, e.audience, e.questions,
            r.id AS r_id, r.status AS r_status, r.answers AS r_answers, r.checked_in_at AS r_checked_in_at, r.created_at AS r_created_at,
            a.found AS a_found, a.verified AS a_verified, a.graduation_year AS a_graduation_year,
            CASE WHEN e.audience->>'kind' = 'group' THEN ${isMemberSql(`(e.audience->>'groupId')::uuid`, alumnus)} END AS a_in_group
       FROM ${from}
       LEFT JOIN events e ON e.id = ${eventId}
       LEFT JOIN event_registrations r ON r.event_id = e.id AND r.alumnus_id = ${alumnus}
       ${audienceFactsJoin(alumnus, 'a')}`;
}

function factsOf(row: SignUpRow, eventId: string): { event: SignUpEvent | null; existing: MyRegistration | null; audience: AudienceFacts } {
  const audience: AudienceFacts = {
    found: row.a_found === true,
    verified: row.a_verified === true,
    graduationYear: row.a_graduation_year,
    inGroup: row.a_in_group === true,
  };
  if (row.id === null) return { event: null, existing: null, audience };
  const event: SignUpEvent = {
    id: row.id,
    status: row.status!,
    startsAt: row.starts_at!,
    capacity: row.capacity!,
    confirmedCount: row.confirmed_count!,
    signupOpensAt: row.signup_opens_at,
    signupClosesAt: row.signup_closes_at,
    waitlistEnabled: row.waitlist_enabled!,
    audience: row.audience!,
    questions: row.questions!,
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
  return { event, existing, audience };
}

function interactionOf(alumnusId: string, registration: MyRegistration): InteractionInput {
  return {
    alumnusId,
    kind: registration.status === 'confirmed' ? 'events.registered' : 'events.waitlisted',
    subjectType: 'event',
    subjectId: registration.eventId,
    detail: { registrationId: registration.id },
  };
}

/**
 * A batch's registrations in one statement, in arrival order (their queue positions drawn in
 * it): new rows, and cancelled ones brought back (by the id read). A row that is not as read —
 * another sign-up by the same alumnus came first — is left alone and not returned: the batch
 * then has fewer rows than it meant to write, and is rolled back.
 */
function registrationsWrite(eventId: string, written: { alumnusId: string; registration: MyRegistration }[]): Statement {
  return {
    sql: `INSERT INTO event_registrations AS r (id, event_id, alumnus_id, status, answers)
          SELECT u.id, $1::uuid, u.alumnus_id, u.status, u.answers
            FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::jsonb[]) WITH ORDINALITY AS u (id, alumnus_id, status, answers, n)
           ORDER BY u.n
          ON CONFLICT (event_id, alumnus_id) DO UPDATE
             SET status = EXCLUDED.status, answers = EXCLUDED.answers, cancelled_at = NULL, updated_at = now(),
                 queue_position = EXCLUDED.queue_position
           WHERE r.status = 'cancelled' AND r.id = EXCLUDED.id
          RETURNING r.id`,
    params: [
      eventId,
      written.map((w) => w.registration.id),
      written.map((w) => w.alumnusId),
      written.map((w) => w.registration.status),
      written.map((w) => JSON.stringify(w.registration.answers)),
    ],
  };
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

/** A row of a sign-up's first statement (factsSql), as pg returns it: the event's columns are null when there is no such event. */
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
