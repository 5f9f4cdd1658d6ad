import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { DataSource, EntityManager, Repository } from 'typeorm';
import {
  type AuthUserDto,
  BRANCH_LIMITS,
  type BranchAdminCandidateDto,
  type BranchDetailDto,
  type BranchKind,
  type BranchReportDto,
  type BranchSummaryDto,
  type EventDetailDto,
  type GroupKind,
  type MyBranchDto,
  type Page,
} from '@alumni/shared';
import { AlumniService } from '../alumni/alumni.service.js';
import { AuditService } from '../audit/audit.service.js';
import { AppError } from '../common/app-error.js';
import { decodeCursor, keysetPage, toPage } from '../common/pagination.js';
import { ContentGateService } from '../content-security/content-gate.service.js';
import type { CreateEventDto } from '../events/dto/event-input.dto.js';
import { EventsService } from '../events/events.service.js';
import { CampaignsService } from '../giving/campaigns.service.js';
import { isStaffUser } from '../groups/group-access.js';
import { GroupsService } from '../groups/groups.service.js';
import { InteractionsService } from '../interactions/interactions.service.js';
import { BranchEntity } from './branch.entity.js';
import { BranchAdminEntity } from './branch-admin.entity.js';
import { BranchItemEntity, type BranchItemType } from './branch-item.entity.js';
import type { CreateBranchDto, CreateBranchGroupDto, ListBranchesQueryDto } from './dto/branch-request.dto.js';

/** The kind of a branch's home group: overseas branches gather by a place abroad, as city groups do. */
const HOME_GROUP_KIND: Record<BranchKind, GroupKind> = { city: 'city', industry: 'industry', overseas: 'city', interest: 'interest' };

const CANDIDATE_LIMIT = 20;

/**
 * Branches (分会): staff create them and appoint their admins; alumni join them through their
 * home group (the groups module's join policies, requests and member lists); a branch admin
 * opens groups and posts events for the branch and reads its report. A branch admin's rights
 * are scoped to their branch: they come from branch_admins, never from a role on the account,
 * and reach the branch's groups as group-admin memberships the groups module keeps.
 */
@Injectable()
export class BranchesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(BranchEntity) private readonly branches: Repository<BranchEntity>,
    @InjectRepository(BranchAdminEntity) private readonly admins: Repository<BranchAdminEntity>,
    @InjectRepository(BranchItemEntity) private readonly items: Repository<BranchItemEntity>,
    private readonly groups: GroupsService,
    private readonly events: EventsService,
    private readonly campaigns: CampaignsService,
    private readonly interactions: InteractionsService,
    private readonly alumni: AlumniService,
    private readonly audit: AuditService,
    private readonly gate: ContentGateService,
  ) {}

  /** Active branches (all of them for staff), newest first, optionally of one kind. */
  async list(
    query: ListBranchesQueryDto,
    options: { includeArchived: boolean } = { includeArchived: false },
  ): Promise<Page<BranchSummaryDto>> {
    const builder = this.branches.createQueryBuilder('branch');
    if (!options.includeArchived) builder.where(`branch.status = 'active'`);
    if (query.kind) builder.andWhere('branch.kind = :kind', { kind: query.kind });
    const rows = await keysetPage(builder, 'createdAt', 'DESC', decodeCursor(query.cursor), query.limit).getMany();
    const summaries = await this.summaries(rows);
    return toPage(
      rows,
      query.limit,
      (b) => ({ at: b.createdAt, id: b.id }),
      (b) => summaries.get(b.id)!,
    );
  }

  /** The branch page: its groups, admins (display names), upcoming events and campaigns, and where the caller stands. */
  async detail(branchId: string, user: AuthUserDto | undefined): Promise<BranchDetailDto> {
    const branch = await this.findOrFail(this.branches.manager, branchId);
    const [summary] = (await this.summaries([branch])).values();
    const items = await this.itemsOf(branch.id);
    const [groups, adminRows, upcomingEvents, campaigns] = await Promise.all([
      this.groups.briefs([branch.groupId, ...items.group]),
      this.admins.find({ where: { branchId }, order: { appointedAt: 'ASC', alumnusId: 'ASC' } }),
      this.events.upcomingOf(items.event),
      this.campaigns.figuresOf(items.campaign),
    ]);
    const people = new Map((await this.alumni.findByIds(adminRows.map((a) => a.alumnusId))).map((a) => [a.id, a]));
    const me = user
      ? { membership: await this.groups.standing(branch.groupId, user.id), admin: adminRows.some((a) => a.alumnusId === user.id) }
      : null;
    return {
      ...summary!,
      groups: groups
        .filter((g) => g.status === 'active' || g.status === 'archived')
        .map((g) => ({ id: g.id, name: g.name, kind: g.kind, memberCount: g.memberCount, home: g.id === branch.groupId })),
      admins: adminRows
        .filter((a) => people.get(a.alumnusId)?.deletedAt === null)
        .map((a) => ({ id: a.alumnusId, displayName: people.get(a.alumnusId)!.displayName })),
      upcomingEvents,
      campaigns: campaigns.map((c) => ({ id: c.id, title: c.title, raisedFen: c.raisedFen, goalFen: c.goalFen })),
      me,
    };
  }

  /** The branches the caller belongs to (an active member of the home group) or runs. */
  async mine(user: AuthUserDto): Promise<MyBranchDto[]> {
    const [groupIds, adminRows] = await Promise.all([this.groups.groupIdsOf(user.id), this.admins.findBy({ alumnusId: user.id })]);
    const adminOf = new Set(adminRows.map((a) => a.branchId));
    const rows = await this.branches
      .createQueryBuilder('branch')
      .where('(branch.groupId = ANY(:groupIds) OR branch.id = ANY(:adminOf))', { groupIds, adminOf: [...adminOf] })
      .orderBy('branch.name', 'ASC')
      .getMany();
    const summaries = await this.summaries(rows.filter((b) => b.status === 'active'));
    return [...summaries.values()].map((s) => ({ ...s, admin: adminOf.has(s.id) }));
  }

  /** Staff create a branch with its home group, active at once. Audited. */
  async create(user: AuthUserDto, dto: CreateBranchDto): Promise<BranchDetailDto> {
    const place = dto.kind === 'interest' ? null : (dto.place ?? null);
    if (dto.kind !== 'interest' && place === null)
      throw new AppError('BRANCH_PLACE_REQUIRED', [{ field: 'place', issue: `required for a ${dto.kind} branch` }]);
    const id = await this.dataSource.transaction(async (manager) => {
      // One name per branch; the lock makes two staff creating the same name take turns.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('branches.name'), hashtext($1))`, [dto.name]);
      if (await manager.existsBy(BranchEntity, { name: dto.name }))
        throw new AppError('BRANCH_NAME_TAKEN', [{ field: 'name', issue: 'taken' }]);
      const home = await this.groups.createActive(manager, {
        kind: HOME_GROUP_KIND[dto.kind],
        name: dto.name,
        intro: dto.intro ?? '',
        place,
        joinPolicy: dto.joinPolicy,
        status: 'active',
        createdBy: user.id,
      });
      const branch = await manager.save(BranchEntity, {
        kind: dto.kind,
        name: dto.name,
        place,
        intro: dto.intro ?? '',
        groupId: home.id,
        status: 'active' as const,
        createdBy: user.id,
      });
      await this.audit.record(manager, {
        actorId: user.id,
        action: 'branch.created',
        subjectType: 'branch',
        subjectId: branch.id,
        after: { kind: branch.kind, name: branch.name, place, joinPolicy: dto.joinPolicy, groupId: home.id },
      });
      return branch.id;
    });
    return this.detail(id, user);
  }

  /** Verified alumni whose name starts with `q`, for staff choosing a branch admin. */
  async adminCandidates(q: string): Promise<BranchAdminCandidateDto[]> {
    const rows = await this.alumni.findByNamePrefix(q, CANDIDATE_LIMIT * 3);
    return rows
      .filter((a) => a.verifiedAt !== null)
      .slice(0, CANDIDATE_LIMIT)
      .map((a) => ({ id: a.id, displayName: a.displayName, realName: a.realName, graduationYear: a.graduationYear }));
  }

  /**
   * Staff appoint a verified alumnus as a branch admin: they become an admin (joining if need be)
   * of every group of the branch. Appointing an admin again changes nothing. Audited; the
   * appointment (and a join it made) is an interaction row of the alumnus.
   */
  async appointAdmin(user: AuthUserDto, branchId: string, alumnusId: string): Promise<BranchDetailDto> {
    await this.dataSource.transaction(async (manager) => {
      const branch = await this.lockActive(manager, branchId);
      const alumnus = await this.alumni.findActive(alumnusId, manager);
      if (!alumnus) throw new AppError('ALUMNUS_NOT_FOUND');
      if (alumnus.verifiedAt === null) throw new AppError('BRANCH_ADMIN_NOT_VERIFIED');
      const inserted: unknown[] = await manager.query(
        `INSERT INTO branch_admins (branch_id, alumnus_id, appointed_by) VALUES ($1, $2, $3)
         ON CONFLICT DO NOTHING RETURNING alumnus_id`,
        [branchId, alumnusId, user.id],
      );
      if (inserted.length === 0) return;
      await this.setAdminInGroups(manager, branch, alumnusId, true);
      await this.interactions.record(manager, { alumnusId, kind: 'branches.admin_appointed', subjectType: 'branch', subjectId: branchId });
      await this.audit.record(manager, {
        actorId: user.id,
        action: 'branch.admin_appointed',
        subjectType: 'branch',
        subjectId: branchId,
        after: { alumnusId },
      });
    });
    return this.detail(branchId, user);
  }

  /** Staff end a branch admin's term: their admin rights in the branch's groups go, their memberships stay. Audited. */
  async dismissAdmin(user: AuthUserDto, branchId: string, alumnusId: string): Promise<BranchDetailDto> {
    await this.dataSource.transaction(async (manager) => {
      const branch = await this.findOrFail(manager, branchId, true);
      const removed = await manager.delete(BranchAdminEntity, { branchId, alumnusId });
      if (!removed.affected) throw new AppError('BRANCH_ADMIN_NOT_FOUND');
      await this.setAdminInGroups(manager, branch, alumnusId, false);
      await this.interactions.record(manager, { alumnusId, kind: 'branches.admin_dismissed', subjectType: 'branch', subjectId: branchId });
      await this.audit.record(manager, {
        actorId: user.id,
        action: 'branch.admin_dismissed',
        subjectType: 'branch',
        subjectId: branchId,
        before: { alumnusId },
      });
    });
    return this.detail(branchId, user);
  }

  /** Staff count a campaign's gifts toward the branch (a campaign belongs to one branch at most). Audited. */
  async linkCampaign(user: AuthUserDto, branchId: string, campaignId: string): Promise<BranchDetailDto> {
    if ((await this.campaigns.figuresOf([campaignId])).length === 0) throw new AppError('CAMPAIGN_NOT_FOUND');
    await this.dataSource.transaction(async (manager) => {
      await this.lockActive(manager, branchId);
      const owner = await manager.findOneBy(BranchItemEntity, { itemType: 'campaign', itemId: campaignId });
      if (owner?.branchId === branchId) return;
      if (owner) throw new AppError('BRANCH_CAMPAIGN_TAKEN');
      await manager.insert(BranchItemEntity, { branchId, itemType: 'campaign', itemId: campaignId, addedBy: user.id });
      await this.audit.record(manager, {
        actorId: user.id,
        action: 'branch.campaign_linked',
        subjectType: 'branch',
        subjectId: branchId,
        after: { campaignId },
      });
    });
    return this.detail(branchId, user);
  }

  /**
   * A branch admin (or staff) opens a group under the branch; every branch admin administers
   * it. Its name and intro pass the text gate: risky text is refused, text WeChat did not clear
   * makes it a proposal staff decide in their group queue (and its opener owns it once approved).
   */
  async openGroup(user: AuthUserDto, branchId: string, dto: CreateBranchGroupDto): Promise<BranchDetailDto> {
    await this.assertAdmin(user, await this.findOrFail(this.branches.manager, branchId));
    const place = dto.kind === 'interest' ? null : (dto.place ?? null);
    if (dto.kind !== 'interest' && place === null) {
      throw new AppError('GROUP_KIND_DATA_REQUIRED', [{ field: 'place', issue: `required for a ${dto.kind} group` }]);
    }
    const cleared =
      isStaffUser(user) ||
      (await this.gate.decide(user.id, 'forum', [dto.name, dto.intro ?? ''].join('\n').trim(), 'name')).status === 'published';
    await this.dataSource.transaction(async (manager) => {
      const branch = await this.lockActive(manager, branchId);
      const group = await this.groups.createActive(manager, {
        kind: dto.kind,
        name: dto.name,
        intro: dto.intro ?? '',
        place,
        joinPolicy: dto.joinPolicy,
        status: cleared ? 'active' : 'proposed',
        createdBy: user.id,
      });
      await manager.insert(BranchItemEntity, { branchId, itemType: 'group', itemId: group.id, addedBy: user.id });
      if (cleared) {
        for (const admin of await manager.findBy(BranchAdminEntity, { branchId })) {
          if ((await this.groups.setAdmin(manager, group.id, admin.alumnusId, true)) === 'joined')
            await this.recordJoined(manager, admin.alumnusId, group.id, group.kind);
        }
      }
      await this.interactions.record(manager, {
        alumnusId: user.id,
        kind: 'branches.group_opened',
        subjectType: 'branch',
        subjectId: branch.id,
        detail: { openedGroupId: group.id, status: group.status },
      });
      await this.audit.record(manager, {
        actorId: user.id,
        action: 'branch.group_opened',
        subjectType: 'branch',
        subjectId: branchId,
        after: { groupId: group.id, name: group.name, status: group.status },
      });
    });
    return this.detail(branchId, user);
  }

  /**
   * A branch admin (or staff) posts an event for the branch, open for sign-up at once. By default
   * only the branch's members may sign up (its home group); everyone, or one of the branch's
   * groups, may be chosen instead. Title and description pass the text gate: text WeChat did
   * not clear leaves the event a draft for staff to publish.
   */
  async postEvent(user: AuthUserDto, branchId: string, dto: CreateEventDto): Promise<EventDetailDto> {
    const branch = await this.findOrFail(this.branches.manager, branchId);
    await this.assertAdmin(user, branch);
    const items = await this.itemsOf(branchId);
    const audience = dto.audience ?? { kind: 'group' as const, groupId: branch.groupId };
    if (audience.kind !== 'everyone' && !(audience.kind === 'group' && [branch.groupId, ...items.group].includes(audience.groupId ?? ''))) {
      throw new AppError('BRANCH_EVENT_AUDIENCE_INVALID', [{ field: 'audience', issue: 'everyone, or a group of the branch' }]);
    }
    const text = [dto.title, dto.description ?? ''].join('\n').trim();
    const cleared = isStaffUser(user) || (await this.gate.decide(user.id, 'forum', text, 'title')).status === 'published';
    return this.dataSource.transaction(async (manager) => {
      await this.lockActive(manager, branchId);
      const input = { ...dto, audience } as CreateEventDto;
      const event = cleared
        ? await this.events.createPublished(manager, user, input)
        : await this.events.createDraftIn(manager, user, input);
      await manager.insert(BranchItemEntity, { branchId, itemType: 'event', itemId: event.id, addedBy: user.id });
      await this.interactions.record(manager, {
        alumnusId: user.id,
        kind: 'branches.event_posted',
        subjectType: 'branch',
        subjectId: branchId,
        detail: { eventId: event.id, status: event.status },
      });
      return event;
    });
  }

  /**
   * The branch's figures for its admins and staff: members, activity within the window, events
   * held, funds raised through its campaigns. Figures only: nobody is named.
   */
  async report(user: AuthUserDto, branchId: string): Promise<BranchReportDto> {
    const branch = await this.findOrFail(this.branches.manager, branchId);
    await this.assertAdmin(user, branch);
    const items = await this.itemsOf(branchId);
    const since = new Date(Date.now() - BRANCH_LIMITS.reportDays * 24 * 60 * 60 * 1000);
    const groupIds = [branch.groupId, ...items.group];
    const [members, activity, events, campaigns] = await Promise.all([
      this.groups.memberFigures(branch.groupId, since),
      this.interactions.activityAbout({ groupIds, eventIds: items.event, campaignIds: items.campaign }, since),
      this.events.figuresOf(items.event),
      this.campaigns.figuresOf(items.campaign),
    ]);
    return {
      branchId,
      name: branch.name,
      days: BRANCH_LIMITS.reportDays,
      members,
      activity,
      events,
      funds: {
        campaigns: campaigns.length,
        raisedFen: campaigns.reduce((sum, c) => sum + c.raisedFen, 0),
        donorCount: campaigns.reduce((sum, c) => sum + c.donorCount, 0),
      },
      groups: groupIds.length,
    };
  }

  /**
   * The branch's members (its home group's active members) for one of its admins or staff:
   * other modules scope a branch admin's work with it (class liaisons, docs/reach.md).
   * BRANCH_NOT_FOUND for no branch; BRANCH_ADMIN_REQUIRED for anyone else, admins of other branches too.
   */
  async membersForAdmin(user: AuthUserDto, branchId: string): Promise<{ id: string; name: string; memberIds: string[] }> {
    const branch = await this.findOrFail(this.branches.manager, branchId);
    await this.assertAdmin(user, branch);
    return { id: branch.id, name: branch.name, memberIds: await this.groups.memberIds(branch.groupId) };
  }

  /** Staff, or an admin of this branch; anyone else is refused (an admin of another branch too). */
  private async assertAdmin(user: AuthUserDto, branch: BranchEntity): Promise<void> {
    if (isStaffUser(user)) return;
    if (!(await this.admins.existsBy({ branchId: branch.id, alumnusId: user.id }))) throw new AppError('BRANCH_ADMIN_REQUIRED');
  }

  private async setAdminInGroups(manager: EntityManager, branch: BranchEntity, alumnusId: string, admin: boolean): Promise<void> {
    const owned = await manager.findBy(BranchItemEntity, { branchId: branch.id, itemType: 'group' });
    for (const groupId of [branch.groupId, ...owned.map((item) => item.itemId)]) {
      const [group] = await this.groups.briefs([groupId], manager);
      if (!group || group.status !== 'active') continue;
      if ((await this.groups.setAdmin(manager, groupId, alumnusId, admin)) === 'joined')
        await this.recordJoined(manager, alumnusId, groupId, group.kind);
    }
  }

  /** Joining a group by appointment is a join like any other on the alumnus's timeline. */
  private recordJoined(manager: EntityManager, alumnusId: string, groupId: string, kind: GroupKind): Promise<void> {
    return this.interactions.record(manager, {
      alumnusId,
      kind: 'groups.joined',
      subjectType: 'group',
      subjectId: groupId,
      detail: { kind, via: 'branch_admin' },
    });
  }

  private async itemsOf(branchId: string): Promise<Record<BranchItemType, string[]>> {
    const rows = await this.items.find({ where: { branchId }, order: { addedAt: 'ASC', itemId: 'ASC' } });
    const byType: Record<BranchItemType, string[]> = { group: [], event: [], campaign: [] };
    for (const row of rows) byType[row.itemType].push(row.itemId);
    return byType;
  }

  private async summaries(rows: BranchEntity[]): Promise<Map<string, BranchSummaryDto>> {
    const groups = new Map((await this.groups.briefs(rows.map((b) => b.groupId))).map((g) => [g.id, g]));
    return new Map(
      rows.map((b) => {
        const home = groups.get(b.groupId)!;
        return [
          b.id,
          {
            id: b.id,
            kind: b.kind,
            name: b.name,
            place: b.place,
            intro: b.intro,
            joinPolicy: home.joinPolicy === 'approval' ? 'approval' : 'open',
            groupId: b.groupId,
            memberCount: home.memberCount,
            status: b.status,
          },
        ];
      }),
    );
  }

  private async findOrFail(manager: EntityManager, branchId: string, lock = false): Promise<BranchEntity> {
    const branch = await manager.findOne(BranchEntity, {
      where: { id: branchId },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!branch) throw new AppError('BRANCH_NOT_FOUND');
    return branch;
  }

  private async lockActive(manager: EntityManager, branchId: string): Promise<BranchEntity> {
    const branch = await this.findOrFail(manager, branchId, true);
    if (branch.status !== 'active') throw new AppError('BRANCH_NOT_ACTIVE');
    return branch;
  }
}
