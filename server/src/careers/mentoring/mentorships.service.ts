import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, In } from 'typeorm';
import {
  type AuthUserDto,
  CAREER_TOPIC_LABELS,
  CAREERS_LIMITS,
  type MentorshipDetailDto,
  type MentorshipDto,
  type MentorshipEndReason,
  type MyMentoringDto,
  shanghaiDay,
} from '@alumni/shared';
import { AlumniService } from '../../alumni/alumni.service.js';
import { AppError } from '../../common/app-error.js';
import { isStaffUser } from '../../groups/group-access.js';
import { InteractionsService } from '../../interactions/interactions.service.js';
import { JobsService } from '../../jobs/jobs.service.js';
import { OutboxService } from '../../outbox/outbox.service.js';
import { CareerAccessService, type CareerPerson } from '../career-access.service.js';
import { CareersSettingsService } from '../careers-settings.service.js';
import { CareersTextsService } from '../careers-texts.service.js';
import type {
  MentoringMeetingBodyDto,
  MentorshipCloseBodyDto,
  MentorshipDecisionBodyDto,
  MentorshipFeedbackBodyDto,
  MentorshipRequestBodyDto,
} from './dto/mentoring-request.dto.js';
import { MentorOfferEntity } from './mentor-offer.entity.js';
import { MentorOffersService } from './mentor-offers.service.js';
import { MentoringMeetingEntity } from './mentoring-meeting.entity.js';
import { presentMeeting, presentMentorship } from './mentoring-presenter.js';
import { MentorshipEntity } from './mentorship.entity.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const OPEN = ['requested', 'active'] as const;
/** Closed requests and pairings shown on "my mentoring" beside the open ones. */
const RECENT_CLOSED = 20;

type Side = 'mentor' | 'mentee';
const other = (side: Side): Side => (side === 'mentor' ? 'mentee' : 'mentor');
const idOf = (row: MentorshipEntity, side: Side) => (side === 'mentor' ? row.mentorId : row.menteeId);

/** A pairing and its mentor's offer, both row-locked (offer first, always, so no two steps deadlock). */
interface LockedPair {
  row: MentorshipEntity;
  offer: MentorOfferEntity | null;
}

/**
 * Requests and pairings: ask → accept or decline (or withdraw), meetings, closing, the term's
 * end, feedback. Every step locks the mentor's offer (when it changes the offer's counts) and
 * the pairing, changes them, writes the interaction row(s) and queues the other side's
 * subscription message in one transaction. Capacity is the offer's `activeCount`, changed only
 * under the offer's lock, so two instances never give away the same place.
 */
@Injectable()
export class MentorshipsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CareerAccessService,
    private readonly offers: MentorOffersService,
    private readonly texts: CareersTextsService,
    private readonly settings: CareersSettingsService,
    private readonly alumni: AlumniService,
    private readonly interactions: InteractionsService,
    private readonly outbox: OutboxService,
    private readonly jobs: JobsService,
  ) {}

  onModuleInit(): void {
    // Pairings past their term end on their own, once across instances.
    this.jobs.schedule('careers.mentoring-terms', '*/5 * * * *', async () => {
      await this.endDueTerms(new Date());
    });
  }

  /** A verified student or graduate asks a mentor. */
  async request(user: AuthUserDto, dto: MentorshipRequestBodyDto): Promise<MentorshipDto> {
    const actor = await this.access.participant(user, { writes: true });
    await this.texts.checkPrivate(user.id, [dto.goals]);
    const row = await this.dataSource.transaction(async (manager) => {
      // One mentee's requests take turns, so their limits hold; then the mentor's offer.
      await this.alumni.lockActive(manager, user.id);
      const offer = await manager.findOne(MentorOfferEntity, { where: { id: dto.mentorId }, lock: { mode: 'pessimistic_write' } });
      if (!offer || offer.status === 'held' || !(await this.alumni.findActive(offer.alumnusId, manager))) {
        throw new AppError('MENTOR_NOT_FOUND');
      }
      if (offer.alumnusId === user.id) throw new AppError('MENTOR_SELF');
      if (offer.status === 'paused') throw new AppError('MENTOR_NOT_ACCEPTING');
      if (offer.activeCount >= offer.capacity) throw new AppError('MENTOR_FULL');
      if (offer.waitingCount >= CAREERS_LIMITS.mentorWaiting) throw new AppError('MENTOR_BUSY');
      const mine = await manager.find(MentorshipEntity, { where: { menteeId: user.id, status: In([...OPEN]) } });
      if (mine.some((m) => m.mentorId === offer.alumnusId)) throw new AppError('MENTORSHIP_ALREADY_OPEN');
      const waiting = mine.filter((m) => m.status === 'requested').length;
      if (waiting >= CAREERS_LIMITS.menteeWaiting || mine.length - waiting >= CAREERS_LIMITS.menteeActive) {
        throw new AppError('MENTEE_LIMIT');
      }
      const now = new Date();
      const ownIndustry = actor.alumnus.industry ?? dto.targetIndustry;
      const saved = await manager.save(MentorshipEntity, {
        mentorId: offer.alumnusId,
        menteeId: user.id,
        offerId: offer.id,
        mentorIndustry: offer.industry,
        mentorEmployer: offer.employer,
        mentorCity: offer.city,
        menteeStage: actor.stage === 'student' ? ('student' as const) : ('graduate' as const),
        menteeIndustry: ownIndustry,
        crossIndustry: offer.industry !== ownIndustry,
        status: 'requested' as const,
        goals: dto.goals,
        targetIndustry: dto.targetIndustry,
        topic: dto.topic,
        format: dto.format ?? null,
        requestedAt: now,
        lastActivityAt: now,
      });
      await manager.update(MentorOfferEntity, { id: offer.id }, { waitingCount: offer.waitingCount + 1 });
      await this.record(manager, user.id, 'careers.mentoring_requested', saved, { mentorId: offer.alumnusId, topic: dto.topic });
      await this.outbox.enqueue(manager, [
        {
          alumnusId: offer.alumnusId,
          kind: 'careers.mentoring-requested',
          payload: {
            mentorshipId: saved.id,
            menteeName: actor.alumnus.displayName,
            topic: CAREER_TOPIC_LABELS[dto.topic],
            requestedAt: now.toISOString(),
          },
        },
      ]);
      return saved;
    });
    return this.present(row, user);
  }

  /**
   * The mentor accepts: the pairing starts and runs for the staff-set term. When this fills
   * the mentor's last place, their other waiting requests are declined as full, each asker told.
   */
  async accept(user: AuthUserDto, id: string, dto: MentorshipDecisionBodyDto): Promise<MentorshipDto> {
    await this.texts.checkPrivate(user.id, [dto.message]);
    const row = await this.dataSource.transaction(async (manager) => {
      const { row, offer } = await this.lockPair(manager, id, user, 'mentor');
      if (row.status !== 'requested' || !offer) throw new AppError('MENTORSHIP_STATE_CONFLICT');
      if (offer.activeCount >= offer.capacity) throw new AppError('MENTOR_FULL');
      const { mentoringTermDays } = await this.settings.get(manager);
      const now = new Date();
      const accepted = {
        status: 'active' as const,
        replyMessage: dto.message || null,
        decidedAt: now,
        acceptedAt: now,
        endsAt: new Date(now.getTime() + mentoringTermDays * DAY_MS),
        lastActivityAt: now,
      };
      await manager.update(MentorshipEntity, { id }, accepted);
      const activeCount = offer.activeCount + 1;
      let waitingCount = offer.waitingCount - 1;
      await this.record(manager, row.mentorId, 'careers.mentoring_accepted', row, { menteeId: row.menteeId });
      await this.record(manager, row.menteeId, 'careers.mentoring_started', row, { mentorId: row.mentorId });
      const mentorName = await this.nameOf(manager, row.mentorId);
      await this.outbox.enqueue(manager, [
        {
          alumnusId: row.menteeId,
          kind: 'careers.mentoring-decided',
          payload: { mentorshipId: id, mentorName, accepted: true, full: false, message: accepted.replyMessage },
        },
      ]);
      if (activeCount >= offer.capacity) waitingCount -= await this.declineAsFull(manager, offer, mentorName, now);
      await manager.update(MentorOfferEntity, { id: offer.id }, { activeCount, waitingCount });
      return { ...row, ...accepted };
    });
    return this.present(row, user);
  }

  /** The mentor declines, with a word to the asker if they like. */
  async decline(user: AuthUserDto, id: string, dto: MentorshipDecisionBodyDto): Promise<MentorshipDto> {
    await this.texts.checkPrivate(user.id, [dto.message]);
    const row = await this.dataSource.transaction(async (manager) => {
      const { row, offer } = await this.lockPair(manager, id, user, 'mentor');
      if (row.status !== 'requested') throw new AppError('MENTORSHIP_STATE_CONFLICT');
      const now = new Date();
      const declined = { status: 'declined' as const, replyMessage: dto.message || null, decidedAt: now, lastActivityAt: now };
      await manager.update(MentorshipEntity, { id }, declined);
      if (offer) await manager.update(MentorOfferEntity, { id: offer.id }, { waitingCount: offer.waitingCount - 1 });
      await this.record(manager, row.mentorId, 'careers.mentoring_declined', row, { menteeId: row.menteeId });
      await this.outbox.enqueue(manager, [
        {
          alumnusId: row.menteeId,
          kind: 'careers.mentoring-decided',
          payload: {
            mentorshipId: id,
            mentorName: await this.nameOf(manager, row.mentorId),
            accepted: false,
            full: false,
            message: declined.replyMessage,
          },
        },
      ]);
      return { ...row, ...declined };
    });
    return this.present(row, user);
  }

  /** The asker takes back a request the mentor has not answered. */
  async withdraw(user: AuthUserDto, id: string): Promise<MentorshipDto> {
    const row = await this.dataSource.transaction(async (manager) => {
      const { row, offer } = await this.lockPair(manager, id, user, 'mentee');
      if (row.status !== 'requested') throw new AppError('MENTORSHIP_STATE_CONFLICT');
      const now = new Date();
      const withdrawn = { status: 'withdrawn' as const, decidedAt: now, lastActivityAt: now };
      await manager.update(MentorshipEntity, { id }, withdrawn);
      if (offer) await manager.update(MentorOfferEntity, { id: offer.id }, { waitingCount: offer.waitingCount - 1 });
      await this.record(manager, row.menteeId, 'careers.mentoring_withdrawn', row, { mentorId: row.mentorId });
      await this.notifyUpdate(manager, row, 'mentor', 'withdrawn', now);
      return { ...row, ...withdrawn };
    });
    return this.present(row, user);
  }

  /** Either side ends an active pairing; the other is told, with the note if one was left. */
  async close(user: AuthUserDto, id: string, dto: MentorshipCloseBodyDto): Promise<MentorshipDto> {
    await this.texts.checkPrivate(user.id, [dto.note]);
    const row = await this.dataSource.transaction(async (manager) => {
      const pair = await this.lockPair(manager, id, user, 'either');
      if (pair.row.status !== 'active') throw new AppError('MENTORSHIP_STATE_CONFLICT');
      const side: Side = pair.row.mentorId === user.id ? 'mentor' : 'mentee';
      return this.end(manager, pair, side === 'mentor' ? 'closed_by_mentor' : 'closed_by_mentee', dto.note || null, [other(side)]);
    });
    return this.present(row, user);
  }

  /** Either side logs a meeting of an active pairing; the other is told. */
  async logMeeting(user: AuthUserDto, id: string, dto: MentoringMeetingBodyDto): Promise<MentorshipDetailDto> {
    await this.texts.checkPrivate(user.id, [dto.notes]);
    await this.dataSource.transaction(async (manager) => {
      const row = await this.lockRow(manager, id, user);
      if (row.status !== 'active') throw new AppError('MENTORSHIP_STATE_CONFLICT');
      const now = new Date();
      if (dto.occurredOn > shanghaiDay(now) || dto.occurredOn < shanghaiDay(row.acceptedAt!)) {
        throw new AppError('MENTORING_MEETING_DATE_INVALID', [
          { field: 'occurredOn', issue: `occurredOn must lie between ${shanghaiDay(row.acceptedAt!)} and ${shanghaiDay(now)}` },
        ]);
      }
      const side: Side = row.mentorId === user.id ? 'mentor' : 'mentee';
      const meeting = await manager.save(MentoringMeetingEntity, {
        mentorshipId: id,
        loggedBy: user.id,
        loggedAs: side,
        occurredOn: dto.occurredOn,
        format: dto.format,
        durationMinutes: dto.durationMinutes ?? null,
        notes: dto.notes,
      });
      await manager.update(MentorshipEntity, { id }, { meetingCount: row.meetingCount + 1, lastActivityAt: now });
      await this.record(manager, user.id, 'careers.mentoring_met', row, {
        meetingId: meeting.id,
        occurredOn: dto.occurredOn,
        format: dto.format,
        with: idOf(row, other(side)),
      });
      await this.notifyUpdate(manager, row, other(side), 'meeting', now);
    });
    return this.detail(user, id);
  }

  /** Short feedback from each side once a pairing has ended; for the association, not the other side. */
  async giveFeedback(user: AuthUserDto, id: string, dto: MentorshipFeedbackBodyDto): Promise<MentorshipDto> {
    await this.texts.checkPrivate(user.id, [dto.comment]);
    const row = await this.dataSource.transaction(async (manager) => {
      const row = await this.lockRow(manager, id, user);
      if (row.status !== 'ended') throw new AppError('MENTORSHIP_STATE_CONFLICT');
      const side: Side = row.mentorId === user.id ? 'mentor' : 'mentee';
      if ((side === 'mentor' ? row.mentorFeedbackAt : row.menteeFeedbackAt) !== null) throw new AppError('MENTORSHIP_FEEDBACK_GIVEN');
      const now = new Date();
      const given =
        side === 'mentor'
          ? { mentorRating: dto.rating, mentorComment: dto.comment || null, mentorFeedbackAt: now }
          : { menteeRating: dto.rating, menteeComment: dto.comment || null, menteeFeedbackAt: now };
      await manager.update(MentorshipEntity, { id }, given);
      await this.record(manager, user.id, 'careers.mentoring_feedback', row, { rating: dto.rating, as: side });
      return { ...row, ...given };
    });
    return this.present(row, user);
  }

  /** A pairing with its meetings, for its two people and staff; 404 to anyone else. */
  async detail(user: AuthUserDto, id: string): Promise<MentorshipDetailDto> {
    const row = await this.dataSource.manager.findOneBy(MentorshipEntity, { id });
    if (!row || (row.mentorId !== user.id && row.menteeId !== user.id && !isStaffUser(user))) throw new AppError('MENTORSHIP_NOT_FOUND');
    const meetings = await this.dataSource.manager.find(MentoringMeetingEntity, {
      where: { mentorshipId: id },
      order: { occurredOn: 'DESC', createdAt: 'DESC' },
    });
    return { ...(await this.present(row, user)), meetings: meetings.map(presentMeeting) };
  }

  /** My offer, and my requests and pairings on each side: the open ones, then the latest closed ones. */
  async mine(user: AuthUserDto): Promise<MyMentoringDto> {
    const [offer, asMentee, asMentor] = await Promise.all([
      this.offers.mine(user),
      this.sideOf(user.id, 'menteeId'),
      this.sideOf(user.id, 'mentorId'),
    ]);
    const people = await this.access.people(
      [...asMentee, ...asMentor].flatMap((r) => [r.mentorId, r.menteeId]),
      user,
    );
    return {
      offer,
      asMentee: asMentee.map((r) => presentMentorship(r, people, user.id)),
      asMentor: asMentor.map((r) => presentMentorship(r, people, user.id)),
    };
  }

  /** Ends every active pairing whose term is over (the scheduled job); answers how many. */
  async endDueTerms(now: Date): Promise<number> {
    const due = await this.dataSource.manager
      .createQueryBuilder(MentorshipEntity, 'm')
      .select('m.id', 'id')
      .where(`m.status = 'active'`)
      .andWhere('m.endsAt <= :now', { now })
      .orderBy('m.endsAt', 'ASC')
      .limit(200)
      .getRawMany<{ id: string }>();
    let ended = 0;
    for (const { id } of due) {
      await this.dataSource.transaction(async (manager) => {
        const pair = await this.lockPair(manager, id, null, 'either');
        // Another instance, or either side, may have ended it meanwhile.
        if (pair.row.status !== 'active' || pair.row.endsAt! > now) return;
        await this.end(manager, pair, 'term_ended', null, ['mentor', 'mentee']);
        ended += 1;
      });
    }
    return ended;
  }

  private async end(
    manager: EntityManager,
    { row, offer }: LockedPair,
    reason: MentorshipEndReason,
    note: string | null,
    tell: Side[],
  ): Promise<MentorshipEntity> {
    const now = new Date();
    const ended = { status: 'ended' as const, endedAt: now, endReason: reason, closingNote: note, lastActivityAt: now };
    await manager.update(MentorshipEntity, { id: row.id }, ended);
    if (offer) await manager.update(MentorOfferEntity, { id: offer.id }, { activeCount: offer.activeCount - 1 });
    for (const side of ['mentor', 'mentee'] as const) {
      await this.record(manager, idOf(row, side), 'careers.mentoring_ended', row, { reason, meetings: row.meetingCount });
    }
    for (const side of tell) await this.notifyUpdate(manager, row, side, 'ended', now, reason);
    return { ...row, ...ended };
  }

  /** Declines every other waiting request to a mentor whose places are now all taken; answers how many. */
  private async declineAsFull(manager: EntityManager, offer: MentorOfferEntity, mentorName: string, now: Date): Promise<number> {
    const [rows]: [{ id: string; mentee_id: string }[], number] = await manager.query(
      `UPDATE mentorships SET status = 'declined', declined_as_full = true, decided_at = $2, last_activity_at = $2
       WHERE offer_id = $1 AND status = 'requested' RETURNING id, mentee_id`,
      [offer.id, now],
    );
    for (const declined of rows) {
      await this.record(manager, offer.alumnusId, 'careers.mentoring_declined', declined, {
        menteeId: declined.mentee_id,
        automatic: true,
        reason: 'mentor_full',
      });
    }
    await this.outbox.enqueue(
      manager,
      rows.map((declined) => ({
        alumnusId: declined.mentee_id,
        kind: 'careers.mentoring-decided',
        payload: { mentorshipId: declined.id, mentorName, accepted: false, full: true, message: null },
      })),
    );
    return rows.length;
  }

  /**
   * The pairing and its offer, locked (offer first). `who` must be on the pairing (`side`, or
   * `either`); a stranger gets MENTORSHIP_NOT_FOUND, the other side FORBIDDEN. Null `who`: the system.
   */
  private async lockPair(manager: EntityManager, id: string, who: AuthUserDto | null, side: Side | 'either'): Promise<LockedPair> {
    const peek = await manager.findOneBy(MentorshipEntity, { id });
    if (!peek) throw new AppError('MENTORSHIP_NOT_FOUND');
    const offer =
      peek.offerId === null
        ? null
        : await manager.findOne(MentorOfferEntity, { where: { id: peek.offerId }, lock: { mode: 'pessimistic_write' } });
    const row = await this.lockRow(manager, id, who);
    if (who && side !== 'either' && idOf(row, side) !== who.id) throw new AppError('FORBIDDEN');
    return { row, offer };
  }

  private async lockRow(manager: EntityManager, id: string, who: AuthUserDto | null): Promise<MentorshipEntity> {
    const row = await manager.findOne(MentorshipEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!row || (who && row.mentorId !== who.id && row.menteeId !== who.id)) throw new AppError('MENTORSHIP_NOT_FOUND');
    return row;
  }

  private record(
    manager: EntityManager,
    alumnusId: string,
    kind: string,
    row: Pick<MentorshipEntity, 'id'>,
    detail: Record<string, unknown>,
  ) {
    return this.interactions.record(manager, { alumnusId, kind, subjectType: 'mentorship', subjectId: row.id, detail });
  }

  /** Tells one side of a pairing what the other did (or that it ended). */
  private async notifyUpdate(
    manager: EntityManager,
    row: MentorshipEntity,
    to: Side,
    event: 'withdrawn' | 'meeting' | 'ended',
    at: Date,
    reason?: MentorshipEndReason,
  ): Promise<void> {
    await this.outbox.enqueue(manager, [
      {
        alumnusId: idOf(row, to),
        kind: 'careers.mentoring-updated',
        payload: {
          mentorshipId: row.id,
          otherName: await this.nameOf(manager, idOf(row, other(to))),
          event,
          reason: reason ?? null,
          at: at.toISOString(),
        },
      },
    ]);
  }

  /** The name a message shows, read in the step's transaction. */
  private async nameOf(manager: EntityManager, alumnusId: string): Promise<string> {
    return (await this.alumni.findActive(alumnusId, manager))?.displayName ?? '校友';
  }

  private async sideOf(alumnusId: string, column: 'menteeId' | 'mentorId'): Promise<MentorshipEntity[]> {
    const repository = this.dataSource.getRepository(MentorshipEntity);
    const [open, closed] = await Promise.all([
      repository.find({ where: { [column]: alumnusId, status: In([...OPEN]) }, order: { requestedAt: 'DESC', id: 'DESC' } }),
      repository.find({
        where: { [column]: alumnusId, status: In(['declined', 'withdrawn', 'ended']) },
        order: { requestedAt: 'DESC', id: 'DESC' },
        take: RECENT_CLOSED,
      }),
    ]);
    return [...open, ...closed];
  }

  private async present(row: MentorshipEntity, user: AuthUserDto): Promise<MentorshipDto> {
    const people: Map<string, CareerPerson> = await this.access.people([row.mentorId, row.menteeId], user);
    return presentMentorship(row, people, user.id);
  }
}
