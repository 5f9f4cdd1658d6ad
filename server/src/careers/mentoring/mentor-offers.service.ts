import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  type AuthUserDto,
  CAREERS_LIMITS,
  type MentorDto,
  type MentorOfferDto,
  type MentorOfferStatus,
  type MentorSuggestionDto,
  type Page,
} from '@alumni/shared';
import { AuditService } from '../../audit/audit.service.js';
import { AppError } from '../../common/app-error.js';
import { decodeCursor, keysetPage, type PageQueryDto, toPage } from '../../common/pagination.js';
import { isStaffUser } from '../../groups/group-access.js';
import { InteractionsService } from '../../interactions/interactions.service.js';
import { CareerAccessService } from '../career-access.service.js';
import { CareersTextsService } from '../careers-texts.service.js';
import { decodeRankCursor, encodeRankCursor } from '../rank-cursor.js';
import type { MentorOfferBodyDto, MentorSuggestionsQueryDto } from './dto/mentoring-request.dto.js';
import { rankMentors } from './mentor-ranking.js';
import { MentorOfferEntity } from './mentor-offer.entity.js';
import { presentMentor, presentOffer, presentSuggestion } from './mentoring-presenter.js';

/**
 * Mentors' offers: an alumnus's own (one each), what askers see (a mentor's card and the
 * ranked suggestions), and staff releasing offers whose intro the content check held.
 */
@Injectable()
export class MentorOffersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CareerAccessService,
    private readonly texts: CareersTextsService,
    private readonly interactions: InteractionsService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Creates or replaces my offer (verified graduates and staff). The intro is checked: what
   * did not pass waits for staff (`held`) and is not suggested meanwhile. Places taken stay
   * taken: lowering the capacity below the mentees I have only stops new requests.
   */
  async putMine(user: AuthUserDto, dto: MentorOfferBodyDto): Promise<MentorOfferDto> {
    await this.access.contributor(user);
    const verdict = await this.texts.checkPublic(user.id, 'profile', [dto.intro]);
    const saved = await this.dataSource.transaction(async (manager) => {
      const existing = await manager.findOne(MentorOfferEntity, { where: { alumnusId: user.id }, lock: { mode: 'pessimistic_write' } });
      // Text staff already released stays released while it does not change.
      const released = existing !== null && existing.moderatedBy !== null && existing.status !== 'held' && existing.intro === dto.intro;
      const status: MentorOfferStatus = !verdict.passed && !released ? 'held' : dto.accepting ? 'open' : 'paused';
      const row = await manager.save(MentorOfferEntity, {
        ...existing,
        alumnusId: user.id,
        industry: dto.industry,
        employer: dto.employer ?? null,
        city: dto.city,
        topics: dto.topics,
        formats: dto.formats,
        capacity: dto.capacity,
        intro: dto.intro,
        status,
        checkOutcome: released ? existing.checkOutcome : verdict.checkOutcome,
        checkLabel: released ? existing.checkLabel : verdict.checkLabel,
        ...(released ? {} : { moderatedBy: null, moderatedAt: null, moderationNote: null }),
      });
      if (!existing) {
        await this.interactions.record(manager, {
          alumnusId: user.id,
          kind: 'careers.mentor_offered',
          subjectType: 'mentor_offer',
          subjectId: row.id,
          detail: { industry: row.industry, capacity: row.capacity },
        });
      }
      return row;
    });
    return this.presentOwn(saved, user);
  }

  async mine(user: AuthUserDto): Promise<MentorOfferDto | null> {
    const offer = await this.dataSource.manager.findOneBy(MentorOfferEntity, { alumnusId: user.id });
    return offer && this.presentOwn(offer, user);
  }

  /** A mentor's card, for verified askers (students too) and staff. */
  async detail(user: AuthUserDto, id: string): Promise<MentorDto> {
    await this.access.participant(user, { writes: false });
    const offer = await this.dataSource.manager.findOneBy(MentorOfferEntity, { id });
    const people = offer && (await this.access.people([offer.alumnusId], user));
    const mentor = offer && people?.get(offer.alumnusId);
    if (!offer || !mentor || mentor.erased || (offer.status === 'held' && offer.alumnusId !== user.id && !isStaffUser(user))) {
      throw new AppError('MENTOR_NOT_FOUND');
    }
    return presentMentor(offer, mentor);
  }

  /**
   * Mentors who can take me now, ranked for what I ask (mentor-ranking.ts, docs/careers.md):
   * open offers with a free place and room for another waiting request, not mine, not someone
   * I already asked or am paired with, their accounts not erased.
   */
  async suggestions(user: AuthUserDto, query: MentorSuggestionsQueryDto): Promise<Page<MentorSuggestionDto>> {
    const actor = await this.access.participant(user, { writes: false });
    const from = decodeRankCursor(query.cursor);
    const candidates = await this.dataSource.manager
      .createQueryBuilder(MentorOfferEntity, 'o')
      .innerJoin('alumni', 'a', 'a.id = o.alumnus_id AND a.deleted_at IS NULL')
      .where(`o.status = 'open'`)
      .andWhere('o.activeCount < o.capacity')
      .andWhere('o.waitingCount < :waitingLimit', { waitingLimit: CAREERS_LIMITS.mentorWaiting })
      .andWhere('o.alumnusId <> :me', { me: user.id })
      .andWhere(
        `NOT EXISTS (SELECT 1 FROM mentorships m WHERE m.mentor_id = o.alumnus_id AND m.mentee_id = :me AND m.status IN ('requested', 'active'))`,
      )
      .getMany();
    const ranked = rankMentors(candidates, {
      ownIndustry: actor.alumnus.industry ?? query.targetIndustry ?? null,
      targetIndustry: query.targetIndustry ?? null,
      topic: query.topic ?? null,
      format: query.format ?? null,
      city: query.city ?? actor.alumnus.city,
    }).slice(0, CAREERS_LIMITS.suggestions);
    const page = ranked.slice(from, from + query.limit);
    const people = await this.access.people(
      page.map((s) => s.mentor.alumnusId),
      user,
    );
    return {
      items: page.map((s) => presentSuggestion(s, people.get(s.mentor.alumnusId))),
      nextCursor: from + query.limit < ranked.length ? encodeRankCursor(from + query.limit) : null,
    };
  }

  /** Staff: offers of one status, most recently changed first (`held`: the ones waiting for them). */
  async listForStaff(user: AuthUserDto, status: MentorOfferStatus, query: PageQueryDto): Promise<Page<MentorOfferDto>> {
    const builder = this.dataSource.manager.createQueryBuilder(MentorOfferEntity, 'o').where('o.status = :status', { status });
    const rows = await keysetPage(builder, 'updatedAt', 'DESC', decodeCursor(query.cursor), query.limit).getMany();
    const people = await this.access.people(
      rows.map((r) => r.alumnusId),
      user,
    );
    return toPage(
      rows,
      query.limit,
      (r) => ({ at: r.updatedAt, id: r.id }),
      (r) => presentOffer(r, people.get(r.alumnusId)),
    );
  }

  /** Staff release a held offer: it is suggested from now on. */
  approve(staff: AuthUserDto, id: string): Promise<MentorOfferDto> {
    return this.moderate(staff, id, { action: 'mentor-offer.approved', status: 'open', note: null, onlyHeld: true });
  }

  /** Staff keep an offer out of the suggestions (held or not), telling the mentor why. */
  reject(staff: AuthUserDto, id: string, reason: string): Promise<MentorOfferDto> {
    return this.moderate(staff, id, { action: 'mentor-offer.rejected', status: 'paused', note: reason, onlyHeld: false });
  }

  private async moderate(
    staff: AuthUserDto,
    id: string,
    decision: { action: string; status: MentorOfferStatus; note: string | null; onlyHeld: boolean },
  ): Promise<MentorOfferDto> {
    const saved = await this.dataSource.transaction(async (manager) => {
      const offer = await this.lock(manager, id);
      if (decision.onlyHeld && offer.status !== 'held') throw new AppError('MENTOR_OFFER_STATE_CONFLICT');
      await manager.update(
        MentorOfferEntity,
        { id },
        { status: decision.status, moderationNote: decision.note, moderatedBy: staff.id, moderatedAt: new Date() },
      );
      await this.audit.record(manager, {
        actorId: staff.id,
        action: decision.action,
        subjectType: 'mentor_offer',
        subjectId: id,
        before: { status: offer.status },
        after: { status: decision.status, reason: decision.note },
      });
      return manager.findOneByOrFail(MentorOfferEntity, { id });
    });
    const people = await this.access.people([saved.alumnusId], staff);
    return presentOffer(saved, people.get(saved.alumnusId));
  }

  private async lock(manager: EntityManager, id: string): Promise<MentorOfferEntity> {
    const offer = await manager.findOne(MentorOfferEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!offer) throw new AppError('MENTOR_NOT_FOUND');
    return offer;
  }

  private async presentOwn(offer: MentorOfferEntity, user: AuthUserDto): Promise<MentorOfferDto> {
    const people = await this.access.people([offer.alumnusId], user);
    return presentOffer(offer, people.get(offer.alumnusId));
  }
}
