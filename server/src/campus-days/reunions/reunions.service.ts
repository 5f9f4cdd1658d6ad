import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, In } from 'typeorm';
import {
  type AuthUserDto,
  type Page,
  REUNION_LIMITS,
  type ReunionClassDto,
  type ReunionProposalDto,
  type ReunionStatus,
  type StaffReunionProposalDto,
} from '@alumni/shared';
import { AlumniService } from '../../alumni/alumni.service.js';
import { AuditService } from '../../audit/audit.service.js';
import { AppError } from '../../common/app-error.js';
import { type PageQueryDto, rowsPage } from '../../common/pagination.js';
import { sanitizeRichText } from '../../common/rich-text.js';
import { EventsService } from '../../events/events.service.js';
import { ContentGateService } from '../../content-security/content-gate.service.js';
import { isStaffUser } from '../../groups/group-access.js';
import { GroupsService } from '../../groups/groups.service.js';
import { ConsentService } from '../../identity/consent.service.js';
import { InteractionsService } from '../../interactions/interactions.service.js';
import { OutboxService } from '../../outbox/outbox.service.js';
import type { ApproveReunionDto, DeclineReunionDto, ReunionProposalBodyDto } from './dto/reunions-request.dto.js';
import { ReunionInterestEntity } from './reunion-interest.entity.js';
import { ReunionProposalEntity } from './reunion-proposal.entity.js';
import { ReunionProposers } from './reunion-proposers.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Class reunions (docs/memories.md, Class reunions): a classmate proposes one (checked by
 * WeChat's text check), classmates say they are interested, staff approve it into an ordinary
 * event with sign-up for the class, or decline it with a note. Everyone concerned hears
 * through the outbox; every step writes its log row in its transaction.
 */
@Injectable()
export class ReunionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly proposers: ReunionProposers,
    private readonly groups: GroupsService,
    private readonly alumni: AlumniService,
    private readonly consent: ConsentService,
    private readonly gate: ContentGateService,
    private readonly events: EventsService,
    private readonly interactions: InteractionsService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  /** The classes the caller is verified in, whether they may propose there, and how many proposals are open. */
  async classes(user: AuthUserDto): Promise<ReunionClassDto[]> {
    const classes = await this.groups.verifiedClassGroups([user.id]);
    const open = await this.openCounts(classes.map((c) => c.groupId));
    return Promise.all(
      classes.map(async (c) => ({
        groupId: c.groupId,
        name: c.name,
        mayPropose: await this.proposers.mayPropose(user.id, c.groupId),
        openProposals: open.get(c.groupId) ?? 0,
      })),
    );
  }

  /** A class's proposals, newest first: for its verified alumni and staff. */
  async list(user: AuthUserDto, classGroupId: string, query: PageQueryDto): Promise<Page<ReunionProposalDto>> {
    if (!isStaffUser(user) && !(await this.proposers.mayAnswer(user.id, classGroupId))) throw new AppError('REUNION_CLASS_NOT_MINE');
    const builder = this.dataSource
      .getRepository(ReunionProposalEntity)
      .createQueryBuilder('p')
      .where('p.classGroupId = :classGroupId', { classGroupId })
      .andWhere(
        isStaffUser(user)
          ? 'TRUE'
          : `(p.proposerId = :me OR (p.status <> 'withdrawn' AND (p.checkOutcome = 'pass' OR p.decidedBy IS NOT NULL)))`,
        { me: user.id },
      );
    const page = await rowsPage(builder, 'createdAt', 'DESC', query);
    return { items: await this.present(page.items, user), nextCursor: page.nextCursor };
  }

  async detail(user: AuthUserDto, id: string): Promise<ReunionProposalDto> {
    const proposal = await this.dataSource.getRepository(ReunionProposalEntity).findOneBy({ id });
    if (!proposal || !(await this.visible(proposal, user))) throw new AppError('REUNION_NOT_FOUND');
    const [dto] = await this.present([proposal], user);
    return dto!;
  }

  /**
   * A verified alumnus of the class proposes a reunion; they count as its first interested
   * classmate. Risky text is refused; text WeChat wants reviewed (or could not check) waits for
   * staff, unseen by the class. Classmates are told of a proposal they can see.
   */
  async propose(user: AuthUserDto, dto: ReunionProposalBodyDto): Promise<ReunionProposalDto> {
    await this.consent.assertConsented(user.id);
    const group = await this.groups.classGroup(dto.classGroupId);
    if (!group || !(await this.proposers.mayPropose(user.id, group.id))) throw new AppError('REUNION_CLASS_NOT_MINE');
    const startsAt = new Date(dto.startsAt);
    const endsAt = new Date(dto.endsAt);
    assertReunionTime(startsAt, endsAt);
    const check = await this.gate.decide(user.id, 'forum', `${dto.title}\n${dto.message}`);
    const proposal = await this.dataSource.transaction(async (manager) => {
      // Proposals of one class take turns, so the open limit holds.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('reunions:' || $1))`, [group.id]);
      const open = await manager.countBy(ReunionProposalEntity, { classGroupId: group.id, status: 'open' });
      if (open >= REUNION_LIMITS.openPerClass) throw new AppError('REUNION_OPEN_LIMIT');
      const created = await manager.save(
        manager.create(ReunionProposalEntity, {
          classGroupId: group.id,
          proposerId: user.id,
          title: dto.title,
          message: dto.message,
          startsAt,
          endsAt,
          city: dto.city ?? null,
          venue: dto.venue ?? null,
          status: 'open',
          interestCount: 1,
          // The gate refuses risky text, so what it answers is pass, review or unavailable.
          checkOutcome: check.checkOutcome as ReunionProposalEntity['checkOutcome'],
          checkLabel: check.checkLabel,
        }),
      );
      await manager.insert(ReunionInterestEntity, { proposalId: created.id, alumnusId: user.id });
      await this.interactions.record(manager, {
        alumnusId: user.id,
        kind: 'reunions.proposed',
        subjectType: 'reunion_proposal',
        subjectId: created.id,
        detail: { classGroupId: group.id, status: check.status },
      });
      if (check.status === 'published') await this.tellClassmates(manager, created, group.name, user.id);
      return created;
    });
    return this.detail(user, proposal.id);
  }

  /** A classmate would come (idempotent); changes nothing on a proposal no longer open. */
  async interest(user: AuthUserDto, id: string, interested: boolean): Promise<ReunionProposalDto> {
    if (interested) await this.consent.assertConsented(user.id);
    await this.dataSource.transaction(async (manager) => {
      // Only the class answers: to anyone else (staff included) the proposal is not there.
      const proposal = await manager.findOne(ReunionProposalEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!proposal || !(await this.visibleToClass(proposal, user, manager))) throw new AppError('REUNION_NOT_FOUND');
      if (proposal.status !== 'open') throw new AppError('REUNION_STATE_CONFLICT', [{ issue: `the proposal is ${proposal.status}` }]);
      if (interested) {
        const inserted = await manager
          .createQueryBuilder()
          .insert()
          .into(ReunionInterestEntity)
          .values({ proposalId: id, alumnusId: user.id })
          .orIgnore()
          .execute();
        if ((inserted.raw as unknown[]).length === 0) return;
        await manager.increment(ReunionProposalEntity, { id }, 'interestCount', 1);
        await this.interactions.record(manager, {
          alumnusId: user.id,
          kind: 'reunions.interested',
          subjectType: 'reunion_proposal',
          subjectId: id,
          detail: { classGroupId: proposal.classGroupId },
        });
      } else {
        const removed = await manager.delete(ReunionInterestEntity, { proposalId: id, alumnusId: user.id });
        if (removed.affected) await manager.decrement(ReunionProposalEntity, { id }, 'interestCount', 1);
      }
    });
    return this.detail(user, id);
  }

  /** The proposer takes an open proposal back. */
  async withdraw(user: AuthUserDto, id: string): Promise<ReunionProposalDto> {
    await this.dataSource.transaction(async (manager) => {
      const proposal = await manager.findOne(ReunionProposalEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!proposal || proposal.proposerId !== user.id) throw new AppError('REUNION_NOT_FOUND');
      if (proposal.status !== 'open') throw new AppError('REUNION_STATE_CONFLICT', [{ issue: `the proposal is ${proposal.status}` }]);
      await manager.update(ReunionProposalEntity, { id }, { status: 'withdrawn' });
    });
    return this.detail(user, id);
  }

  async listForStaff(staff: AuthUserDto, status: ReunionStatus, query: PageQueryDto): Promise<Page<StaffReunionProposalDto>> {
    const builder = this.dataSource.getRepository(ReunionProposalEntity).createQueryBuilder('p').where('p.status = :status', { status });
    const page = await rowsPage(builder, 'createdAt', 'DESC', query);
    return { items: await this.presentForStaff(page.items, staff), nextCursor: page.nextCursor };
  }

  /**
   * Staff make an open proposal an event with sign-up for the class (offline, at the place they
   * agreed, published at once) in the same transaction; the interested classmates and the
   * proposer are told.
   */
  async approve(staff: AuthUserDto, id: string, dto: ApproveReunionDto): Promise<StaffReunionProposalDto> {
    const proposal = await this.dataSource.transaction(async (manager) => {
      const current = await this.lockOpen(manager, id);
      const startsAt = dto.startsAt ? new Date(dto.startsAt) : current.startsAt;
      const endsAt = dto.endsAt ? new Date(dto.endsAt) : current.endsAt;
      assertReunionTime(startsAt, endsAt);
      const event = await this.events.createPublished(manager, staff, {
        title: current.title,
        kind: 'reunion',
        description: sanitizeRichText(current.message),
        online: false,
        startsAt: startsAt.toISOString(),
        endsAt: endsAt.toISOString(),
        capacity: dto.capacity,
        waitlistEnabled: true,
        audience: { kind: 'group', groupId: current.classGroupId },
        city: dto.city ?? current.city,
        venue: dto.venue,
        address: dto.address,
        latitude: dto.latitude,
        longitude: dto.longitude,
      });
      const decided = await this.decide(manager, staff, current, 'approved', dto.note ?? null, event.id);
      const interested = await manager.findBy(ReunionInterestEntity, { proposalId: id });
      const className = (await this.groups.classGroup(current.classGroupId, manager))?.name ?? '';
      const told = new Set([...interested.map((i) => i.alumnusId), ...(current.proposerId ? [current.proposerId] : [])]);
      await this.outbox.enqueue(
        manager,
        [...told].map((alumnusId) => ({
          alumnusId,
          kind: 'reunions.approved',
          payload: { proposalId: id, eventId: event.id, title: current.title, className, startsAt: event.startsAt, place: dto.venue },
        })),
      );
      return decided;
    });
    const [dto2] = await this.presentForStaff([proposal], staff);
    return dto2!;
  }

  /** Staff decline an open proposal; its proposer reads the note. */
  async decline(staff: AuthUserDto, id: string, dto: DeclineReunionDto): Promise<StaffReunionProposalDto> {
    const proposal = await this.dataSource.transaction(async (manager) => {
      const current = await this.lockOpen(manager, id);
      const decided = await this.decide(manager, staff, current, 'declined', dto.note, null);
      if (current.proposerId) {
        await this.outbox.enqueue(manager, [
          { alumnusId: current.proposerId, kind: 'reunions.declined', payload: { proposalId: id, title: current.title, reason: dto.note } },
        ]);
      }
      return decided;
    });
    const [dto2] = await this.presentForStaff([proposal], staff);
    return dto2!;
  }

  private async decide(
    manager: EntityManager,
    staff: AuthUserDto,
    proposal: ReunionProposalEntity,
    status: 'approved' | 'declined',
    note: string | null,
    eventId: string | null,
  ): Promise<ReunionProposalEntity> {
    const before = { status: proposal.status };
    Object.assign(proposal, { status, eventId, decidedBy: staff.id, decidedAt: new Date(), decisionNote: note });
    const saved = await manager.save(proposal);
    await this.audit.record(manager, {
      actorId: staff.id,
      action: `reunion.${status}`,
      subjectType: 'reunion_proposal',
      subjectId: proposal.id,
      before,
      after: { status, eventId, note },
    });
    return saved;
  }

  private async tellClassmates(manager: EntityManager, proposal: ReunionProposalEntity, className: string, proposerId: string) {
    const proposer = await this.alumni.findActive(proposerId, manager);
    const members = (await this.groups.memberIds(proposal.classGroupId, manager)).filter((id) => id !== proposerId);
    await this.outbox.enqueue(
      manager,
      members.map((alumnusId) => ({
        alumnusId,
        kind: 'reunions.proposed',
        payload: {
          proposalId: proposal.id,
          title: proposal.title,
          className,
          proposerName: proposer?.displayName ?? '同学',
          startsAt: proposal.startsAt.toISOString(),
        },
      })),
    );
  }

  private async lockOpen(manager: EntityManager, id: string): Promise<ReunionProposalEntity> {
    const proposal = await manager.findOne(ReunionProposalEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!proposal) throw new AppError('REUNION_NOT_FOUND');
    if (proposal.status !== 'open') throw new AppError('REUNION_STATE_CONFLICT', [{ issue: `the proposal is ${proposal.status}` }]);
    return proposal;
  }

  /** Staff see every proposal; the class sees those shown to it. */
  private async visible(proposal: ReunionProposalEntity, user: AuthUserDto): Promise<boolean> {
    return isStaffUser(user) || this.visibleToClass(proposal, user);
  }

  /** The proposer sees theirs; classmates those that passed the check or that staff decided on, unless withdrawn. */
  private async visibleToClass(proposal: ReunionProposalEntity, user: AuthUserDto, manager?: EntityManager): Promise<boolean> {
    if (proposal.proposerId === user.id) return true;
    if (proposal.status === 'withdrawn' || (proposal.checkOutcome !== 'pass' && proposal.decidedBy === null)) return false;
    return this.proposers.mayAnswer(user.id, proposal.classGroupId, manager);
  }

  private async openCounts(groupIds: string[]): Promise<Map<string, number>> {
    if (groupIds.length === 0) return new Map();
    const rows: { class_group_id: string; n: number }[] = await this.dataSource.query(
      `SELECT class_group_id, count(*)::int AS n FROM reunion_proposals WHERE status = 'open' AND class_group_id = ANY($1::uuid[]) GROUP BY 1`,
      [groupIds],
    );
    return new Map(rows.map((r) => [r.class_group_id, r.n]));
  }

  private async present(rows: ReunionProposalEntity[], user: AuthUserDto): Promise<ReunionProposalDto[]> {
    if (rows.length === 0) return [];
    const names = await this.groups.groupNames(rows.map((r) => r.classGroupId));
    const proposers = new Map(
      (await this.alumni.findByIds(rows.flatMap((r) => (r.proposerId ? [r.proposerId] : [])))).map((a) => [a.id, a.displayName]),
    );
    const mine = new Set(
      (
        await this.dataSource.getRepository(ReunionInterestEntity).findBy({ proposalId: In(rows.map((r) => r.id)), alumnusId: user.id })
      ).map((i) => i.proposalId),
    );
    return rows.map((p) => ({
      id: p.id,
      classGroup: { id: p.classGroupId, name: names.get(p.classGroupId) ?? '' },
      proposer: { id: p.proposerId ?? '', displayName: p.proposerId ? (proposers.get(p.proposerId) ?? '已注销校友') : '已注销校友' },
      title: p.title,
      message: p.message,
      startsAt: p.startsAt.toISOString(),
      endsAt: p.endsAt.toISOString(),
      city: p.city,
      venue: p.venue,
      status: p.status,
      interestCount: p.interestCount,
      interestedByMe: mine.has(p.id),
      eventId: p.eventId,
      decisionNote: p.decisionNote,
      mayWithdraw: p.status === 'open' && p.proposerId === user.id,
      mayExpressInterest: p.status === 'open' && (p.checkOutcome === 'pass' || p.decidedBy !== null),
      createdAt: p.createdAt.toISOString(),
    }));
  }

  private async presentForStaff(rows: ReunionProposalEntity[], staff: AuthUserDto): Promise<StaffReunionProposalDto[]> {
    const items = await this.present(rows, staff);
    const interests = rows.length
      ? await this.dataSource.getRepository(ReunionInterestEntity).find({
          where: { proposalId: In(rows.map((r) => r.id)) },
          order: { createdAt: 'ASC' },
        })
      : [];
    const people = new Map((await this.alumni.findByIds(interests.map((i) => i.alumnusId))).map((a) => [a.id, a.displayName]));
    return items.map((item) => ({
      ...item,
      interested: interests
        .filter((i) => i.proposalId === item.id && people.has(i.alumnusId))
        .map((i) => ({ id: i.alumnusId, displayName: people.get(i.alumnusId)! })),
    }));
  }
}

/** A reunion starts ahead, within two years, and ends after it starts. */
function assertReunionTime(startsAt: Date, endsAt: Date): void {
  const now = Date.now();
  if (startsAt.getTime() <= now || startsAt.getTime() > now + REUNION_LIMITS.maxDaysAhead * DAY_MS) {
    throw new AppError('REUNION_TIME_INVALID', [{ field: 'startsAt', issue: 'the reunion starts ahead, within two years' }]);
  }
  if (endsAt <= startsAt) throw new AppError('REUNION_TIME_INVALID', [{ field: 'endsAt', issue: 'endsAt must be after startsAt' }]);
}
