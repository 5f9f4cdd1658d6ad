import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { FastifyRequest } from 'fastify';
import { type DataSource, type EntityManager, In, type Repository } from 'typeorm';
import {
  type AuthUserDto,
  GROUP_LIMITS,
  type GroupDetailDto,
  type GroupMyStandingDto,
  type GroupStatus,
  type GroupSummaryDto,
  type MyGroupJoinRequestDto,
  type MyGroupProposalDto,
  type Page,
} from '@alumni/shared';
import { AlumniService } from '../alumni/alumni.service.js';
import { AuditService } from '../audit/audit.service.js';
import { ContentGateService } from '../content-security/content-gate.service.js';
import { MediaChecksService } from '../content-security/media-checks.service.js';
import { AppError } from '../common/app-error.js';
import { decodeCursor, keysetPage, type PageQueryDto, toPage } from '../common/pagination.js';
import { InteractionsService } from '../interactions/interactions.service.js';
import { OutboxService } from '../outbox/outbox.service.js';
import { DepartmentEntity } from '../school/department.entity.js';
import { OBJECT_STORAGE, type ObjectStorage } from '../storage/storage.port.js';
import { readImageUploadWithThumbnail } from '../storage/upload.js';
import type { CreateGroupDto, ListGroupsQueryDto } from './dto/group-request.dto.js';
import {
  actorIn,
  adjustMemberCount,
  assertGroupAdmin,
  findMembership,
  isStaffUser,
  isVerifiedInClass,
  lockGroup,
  membershipPage,
  verifiedClassesSql,
} from './group-access.js';
import { groupIdOfScene, toGroupDetail, toGroupSummary } from './group-view.js';
import { GroupEntity } from './group.entity.js';
import { GroupMembershipEntity } from './group-membership.entity.js';

export const COVER_FOLDER = 'group-covers';

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Groups as things to find, create and decide on: discovery (by kind, by name, suggested),
 * the group page, staff creation, alumni proposals and their review, and covers.
 */
@Injectable()
export class GroupCatalogService {
  private readonly logger = new Logger(GroupCatalogService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(GroupEntity) private readonly groups: Repository<GroupEntity>,
    private readonly alumni: AlumniService,
    private readonly interactions: InteractionsService,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly mediaChecks: MediaChecksService,
    private readonly gate: ContentGateService,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
  ) {}

  /**
   * Active groups newest first, of one kind and/or whose name contains `q` (ILIKE over a
   * few thousand rows, with the kind's index range when a kind is given; docs/groups.md
   * has the measurements and why there is no trigram index).
   */
  async list(query: ListGroupsQueryDto): Promise<Page<GroupSummaryDto>> {
    const builder = this.groups.createQueryBuilder('g').where('g.status = :status', { status: 'active' });
    if (query.kind !== undefined) builder.andWhere('g.kind = :kind', { kind: query.kind });
    if (query.q !== undefined) builder.andWhere('g.name ILIKE :q', { q: `%${escapeLike(query.q)}%` });
    if (query.graduationYear !== undefined) builder.andWhere('g.graduationYear = :year', { year: query.graduationYear });
    if (query.departmentId !== undefined) builder.andWhere('g.departmentId = :department', { department: query.departmentId });
    // A class group nobody has joined yet is out of the way: its classmates find it under 为你推荐.
    builder.andWhere(`NOT (g.kind = 'class' AND g.memberCount = 0)`);
    const rows = await keysetPage(builder, 'createdAt', 'DESC', decodeCursor(query.cursor), query.limit).getMany();
    return this.page(rows, query.limit);
  }

  /** Staff: groups of one status (the proposals waiting for review by default), oldest first. */
  async listForStaff(status: GroupStatus, query: PageQueryDto): Promise<Page<GroupDetailDto>> {
    const builder = this.groups.createQueryBuilder('g').where('g.status = :status', { status });
    const rows = await keysetPage(builder, 'createdAt', 'ASC', decodeCursor(query.cursor), query.limit).getMany();
    const page = toPage(
      rows,
      query.limit,
      (g) => ({ at: g.createdAt, id: g.id }),
      (g) => g,
    );
    const context = await this.context(page.items);
    return { items: page.items.map((g) => toGroupDetail(g, context, null)), nextCursor: page.nextCursor };
  }

  /**
   * "Groups for you": the class groups of the classes the alumnus is verified in (the
   * roster, never the editable profile), then city and industry groups matching their
   * profile, biggest first, leaving out groups they are in or asked to join.
   */
  async suggestions(user: AuthUserDto): Promise<GroupSummaryDto[]> {
    const alumnus = await this.alumni.findActive(user.id);
    if (!alumnus) throw new AppError('ALUMNUS_NOT_FOUND');
    const rows = await this.groups
      .createQueryBuilder('g')
      .where('g.status = :status', { status: 'active' })
      .andWhere(
        `((g.kind = 'class' AND (g.graduationYear, g.departmentId, g.className) IN (${verifiedClassesSql(':me')}))
          OR (g.kind = 'city' AND g.city = :city) OR (g.kind = 'industry' AND g.industry = :industry))`,
        { city: alumnus.city, industry: alumnus.industry },
      )
      .andWhere(
        `NOT EXISTS (SELECT 1 FROM group_memberships m WHERE m.group_id = g.id AND m.alumnus_id = :me AND m.status IN ('active', 'pending'))`,
        { me: user.id },
      )
      .orderBy(`CASE g.kind WHEN 'class' THEN 0 WHEN 'city' THEN 1 ELSE 2 END`)
      .addOrderBy('g.memberCount', 'DESC')
      .addOrderBy('g.id')
      .limit(GROUP_LIMITS.suggestions)
      .getMany();
    const context = await this.context(rows);
    return rows.map((g) => toGroupSummary(g, context));
  }

  /** My join requests, newest first: waiting, approved, rejected (with the admins' reason) or withdrawn. */
  async myRequests(user: AuthUserDto, query: PageQueryDto): Promise<Page<MyGroupJoinRequestDto>> {
    const page = await membershipPage(
      this.dataSource.manager,
      { sql: 'm.alumnusId = :me AND m.requestedAt IS NOT NULL', params: { me: user.id } },
      { by: 'requestedAt', direction: 'DESC' },
      query,
    );
    const groups = await this.summaries(page.items.map((m) => m.groupId));
    return {
      items: page.items.map((m) => ({
        group: groups.get(m.groupId)!,
        outcome: m.requestOutcome!,
        note: m.requestNote,
        requestedAt: m.requestedAt!.toISOString(),
        decidedAt: m.requestDecidedAt?.toISOString() ?? null,
        reason: m.requestReason,
      })),
      nextCursor: page.nextCursor,
    };
  }

  /**
   * The groups I proposed, newest first: waiting, approved (and maybe archived since) or
   * rejected with the staff's reason. Groups staff created themselves were never proposals.
   */
  async myProposals(user: AuthUserDto, query: PageQueryDto): Promise<Page<MyGroupProposalDto>> {
    const builder = this.groups
      .createQueryBuilder('g')
      .where(`g.createdBy = :me AND (g.status = 'proposed' OR g.decidedBy IS NOT NULL)`, { me: user.id });
    const rows = await keysetPage(builder, 'createdAt', 'DESC', decodeCursor(query.cursor), query.limit).getMany();
    const page = toPage(
      rows,
      query.limit,
      (g) => ({ at: g.createdAt, id: g.id }),
      (g) => g,
    );
    const context = await this.context(page.items);
    return {
      items: page.items.map((g) => ({
        group: toGroupSummary(g, context),
        proposedAt: g.createdAt.toISOString(),
        decidedAt: g.decidedAt?.toISOString() ?? null,
        reason: g.rejectReason,
      })),
      nextCursor: page.nextCursor,
    };
  }

  /** The groups the caller belongs to, most recently joined first. */
  async mine(user: AuthUserDto, query: PageQueryDto): Promise<Page<GroupSummaryDto>> {
    const page = await membershipPage(
      this.dataSource.manager,
      { sql: 'm.alumnusId = :me AND m.status = :status', params: { me: user.id, status: 'active' } },
      { by: 'joinedAt', direction: 'DESC' },
      query,
    );
    const groups = await this.summaries(page.items.map((m) => m.groupId));
    return { items: page.items.map((m) => groups.get(m.groupId)!), nextCursor: page.nextCursor };
  }

  /**
   * The group page, with the caller's standing. Proposed and rejected groups are shown
   * only to staff and their proposer; others do not find them.
   */
  async detail(groupId: string, user: AuthUserDto | undefined): Promise<GroupDetailDto> {
    const group = await this.groups.findOneBy({ id: groupId });
    if (!group || !this.isVisible(group, user)) throw new AppError('GROUP_NOT_FOUND');
    const me = user === undefined ? null : await this.standing(this.dataSource.manager, group, user.id);
    return toGroupDetail(group, await this.context([group]), me);
  }

  /** The group a mini-program code's scene names (the page opened by scanning it). */
  async byScene(scene: string): Promise<GroupSummaryDto> {
    const id = groupIdOfScene(scene);
    const group = id === null ? null : await this.groups.findOneBy({ id, status: 'active' });
    if (!group) throw new AppError('GROUP_SCENE_INVALID');
    return toGroupSummary(group, await this.context([group]));
  }

  /** Staff create an interest, city or industry group, active at once. Audited. */
  async create(user: AuthUserDto, dto: CreateGroupDto): Promise<GroupDetailDto> {
    const values = this.checkInput(dto);
    const group = await this.dataSource.transaction(async (manager) => {
      const saved = await manager.save(GroupEntity, { ...values, status: 'active' as const, createdBy: user.id });
      await this.audit.record(manager, {
        actorId: user.id,
        action: 'group.created',
        subjectType: 'group',
        subjectId: saved.id,
        after: { kind: saved.kind, name: saved.name, joinPolicy: saved.joinPolicy },
      });
      return saved;
    });
    return this.detail(group.id, user);
  }

  /** A verified alumnus proposes an interest, city or industry group; staff decide, and on approval the proposer owns it. */
  async propose(user: AuthUserDto, dto: CreateGroupDto): Promise<GroupDetailDto> {
    const values = this.checkInput(dto);
    const alumnus = await this.alumni.findActive(user.id);
    if (!alumnus || alumnus.verifiedAt === null) throw new AppError('GROUP_VERIFICATION_REQUIRED');
    // Risky text is refused; text WeChat did not clear needs nothing more, as staff read every proposal before it opens.
    await this.gate.decide(user.id, 'forum', [values.name, values.intro].join('\n').trim(), 'name');
    const group = await this.groups.save({ ...values, status: 'proposed' as const, createdBy: user.id });
    return this.detail(group.id, user);
  }

  /** Staff approve a proposal: the group opens with its proposer as owner and first member. Audited; the proposer is told. */
  approve(user: AuthUserDto, groupId: string): Promise<GroupDetailDto> {
    return this.decide(user, groupId, null);
  }

  /** Staff reject a proposal with a reason its proposer sees. Audited; the proposer is told. */
  reject(user: AuthUserDto, groupId: string, reason: string): Promise<GroupDetailDto> {
    return this.decide(user, groupId, reason);
  }

  /** Staff close an active group: it stays readable as it was, nobody joins any more. Audited. */
  async archive(user: AuthUserDto, groupId: string): Promise<GroupDetailDto> {
    await this.dataSource.transaction(async (manager) => {
      const group = await lockGroup(manager, groupId);
      if (group.status !== 'active') throw new AppError('GROUP_NOT_ACTIVE');
      await manager.update(GroupEntity, { id: groupId }, { status: 'archived' });
      await this.audit.record(manager, {
        actorId: user.id,
        action: 'group.archived',
        subjectType: 'group',
        subjectId: groupId,
        before: { status: 'active' },
        after: { status: 'archived' },
      });
    });
    return this.detail(groupId, user);
  }

  /**
   * Replaces the cover (a real JPEG/PNG/WebP of at most 2 MB): group owners and admins, and
   * staff; while a proposal waits, its proposer (who has no role before approval).
   */
  async uploadCover(user: AuthUserDto, groupId: string, request: FastifyRequest): Promise<GroupDetailDto> {
    const manager = this.dataSource.manager;
    const current = await manager.findOneBy(GroupEntity, { id: groupId });
    if (!current || !this.isVisible(current, user)) throw new AppError('GROUP_NOT_FOUND');
    if (current.status !== 'proposed' || current.createdBy !== user.id) assertGroupAdmin(await actorIn(manager, current, user));
    const upload = await readImageUploadWithThumbnail(request, GROUP_LIMITS.coverMaxBytes);
    const stored = await this.storage.put({
      folder: COVER_FOLDER,
      body: upload.body,
      contentType: upload.contentType,
      thumbnail: upload.thumbnail,
    });
    let previousKey: string | null = null;
    try {
      await this.dataSource.transaction(async (tx) => {
        const group = await lockGroup(tx, groupId);
        previousKey = group.coverKey;
        await tx.update(GroupEntity, { id: groupId }, { coverKey: stored.key });
      });
    } catch (error) {
      await this.removeFile(stored.key);
      throw error;
    }
    if (previousKey !== null) await this.removeFile(previousKey);
    await this.mediaChecks.submit({ kind: 'group-cover', subjectId: groupId, authorId: user.id, imageKey: stored.key });
    return this.detail(groupId, user);
  }

  /** Approves (no reason) or rejects a proposal. */
  private async decide(user: AuthUserDto, groupId: string, rejectReason: string | null): Promise<GroupDetailDto> {
    await this.dataSource.transaction(async (manager) => {
      const group = await lockGroup(manager, groupId);
      if (group.status !== 'proposed') throw new AppError('GROUP_NOT_PROPOSED');
      const approved = rejectReason === null;
      const status = approved ? ('active' as const) : ('rejected' as const);
      const decidedAt = new Date();
      await manager.update(GroupEntity, { id: groupId }, { status, rejectReason, decidedBy: user.id, decidedAt });
      if (approved && group.createdBy !== null) {
        await manager.save(GroupMembershipEntity, {
          groupId,
          alumnusId: group.createdBy,
          role: 'owner' as const,
          status: 'active' as const,
          joinedAt: decidedAt,
        });
        await adjustMemberCount(manager, groupId, 1);
        await this.interactions.record(manager, {
          alumnusId: group.createdBy,
          kind: 'groups.joined',
          subjectType: 'group',
          subjectId: groupId,
          detail: { kind: group.kind, via: 'proposal_approved' },
        });
      }
      await this.audit.record(manager, {
        actorId: user.id,
        action: approved ? 'group.approved' : 'group.rejected',
        subjectType: 'group',
        subjectId: groupId,
        before: { status: 'proposed' },
        after: { status, reason: rejectReason },
      });
      if (group.createdBy !== null) {
        await this.outbox.enqueue(manager, [
          {
            alumnusId: group.createdBy,
            kind: 'groups.proposal-decided',
            payload: { groupId, groupName: group.name, approved, reason: rejectReason },
          },
        ]);
      }
    });
    return this.detail(groupId, user);
  }

  /** Kind-specific data and policy rules shared by staff creation and proposals. */
  private checkInput(dto: CreateGroupDto) {
    if (dto.kind === 'class') {
      throw new AppError('GROUP_KIND_NOT_ALLOWED', [{ field: 'kind', issue: 'class groups come from the roster' }]);
    }
    const city = dto.city ?? null;
    const industry = dto.industry ?? null;
    if (dto.kind === 'city' && city === null)
      throw new AppError('GROUP_KIND_DATA_REQUIRED', [{ field: 'city', issue: 'city is required' }]);
    if (dto.kind === 'industry' && industry === null) {
      throw new AppError('GROUP_KIND_DATA_REQUIRED', [{ field: 'industry', issue: 'industry is required' }]);
    }
    const joinPolicy = dto.joinPolicy ?? 'open';
    if (joinPolicy === 'roster_only') {
      throw new AppError('GROUP_POLICY_INVALID', [{ field: 'joinPolicy', issue: 'roster_only is the class groups’ policy' }]);
    }
    return {
      kind: dto.kind,
      name: dto.name,
      intro: dto.intro ?? '',
      city: dto.kind === 'city' ? city : null,
      industry: dto.kind === 'industry' ? industry : null,
      joinPolicy,
    };
  }

  /** The caller's standing in the group, and whether joining would work now. */
  private async standing(manager: EntityManager, group: GroupEntity, alumnusId: string): Promise<GroupMyStandingDto> {
    const membership = await findMembership(manager, group.id, alumnusId);
    const status = membership?.status ?? null;
    const eligible = group.joinPolicy !== 'roster_only' || (await isVerifiedInClass(manager, alumnusId, group));
    return {
      status,
      role: status === 'active' ? membership!.role : null,
      muted: status === 'active' && membership!.mutedAt !== null,
      canJoin: group.status === 'active' && status !== 'active' && status !== 'pending' && eligible,
      joinNeedsApproval: group.joinPolicy === 'approval' || (membership?.removedAt ?? null) !== null,
    };
  }

  private async page(rows: GroupEntity[], limit: number): Promise<Page<GroupSummaryDto>> {
    const page = toPage(
      rows,
      limit,
      (g) => ({ at: g.createdAt, id: g.id }),
      (g) => g,
    );
    const context = await this.context(page.items);
    return { items: page.items.map((g) => toGroupSummary(g, context)), nextCursor: page.nextCursor };
  }

  /** Proposed and rejected groups are shown only to staff and their proposer; others do not find them. */
  private isVisible(group: GroupEntity, user: AuthUserDto | undefined): boolean {
    if (group.status === 'active' || group.status === 'archived') return true;
    return user !== undefined && (isStaffUser(user) || group.createdBy === user.id);
  }

  /** Summaries of these groups by id. */
  private async summaries(groupIds: string[]): Promise<Map<string, GroupSummaryDto>> {
    const rows = groupIds.length === 0 ? [] : await this.groups.findBy({ id: In([...new Set(groupIds)]) });
    const context = await this.context(rows);
    return new Map(rows.map((g) => [g.id, toGroupSummary(g, context)]));
  }

  private async context(groups: GroupEntity[]) {
    // Read here rather than through SchoolService: the school module depends on this one (group counts).
    const ids = [...new Set(groups.flatMap((g) => (g.departmentId === null ? [] : [g.departmentId])))];
    const rows = ids.length === 0 ? [] : await this.dataSource.getRepository(DepartmentEntity).findBy({ id: In(ids) });
    return { departments: new Map(rows.map((d) => [d.id, d.name])), urlFor: (key: string) => this.storage.urlFor(key) };
  }

  /** A file no row points to any more; failing to remove it only leaves an orphan behind. */
  private async removeFile(key: string): Promise<void> {
    try {
      await this.storage.delete(key);
    } catch (error) {
      this.logger.warn({ err: error, key }, 'could not remove an unused group cover');
    }
  }
}
