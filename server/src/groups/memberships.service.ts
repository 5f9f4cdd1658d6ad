import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthUserDto, GroupJoinRequestDto, GroupJoinResultDto, GroupMemberDto, Page } from '@alumni/shared';
import { AlumniService } from '../alumni/alumni.service.js';
import { canSee } from '../alumni/alumnus-view.js';
import { AuditService } from '../audit/audit.service.js';
import { AppError } from '../common/app-error.js';
import type { PageQueryDto } from '../common/pagination.js';
import { InteractionsService } from '../interactions/interactions.service.js';
import { OutboxService } from '../outbox/outbox.service.js';
import { OBJECT_STORAGE, type ObjectStorage } from '../storage/storage.port.js';
import {
  type Actor,
  actorIn,
  adjustMemberCount,
  assertGroupAdmin,
  assertGroupOwner,
  findMembership,
  isVerifiedInClass,
  lockGroup,
  membershipPage,
} from './group-access.js';
import { GroupEntity } from './group.entity.js';
import { GroupMembershipEntity } from './group-membership.entity.js';
import { GroupsService } from './groups.service.js';

export interface JoinInput {
  note?: string;
}

/**
 * Joining, leaving and the group admins' work: join requests, removals, mutes and roles.
 * Every change locks its group row first and commits with its member count, its
 * interaction row (`groups.joined` / `groups.left`), its notification and, when staff
 * act through their staff rights, its audit entry.
 */
@Injectable()
export class MembershipsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly groups: GroupsService,
    private readonly alumni: AlumniService,
    private readonly interactions: InteractionsService,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
  ) {}

  /**
   * Joins at once (open groups; roster-only groups for alumni verified in the class) or
   * files a request for the group admins (approval groups, and anyone an admin removed
   * before, whatever the policy).
   */
  join(user: AuthUserDto, groupId: string, input: JoinInput): Promise<GroupJoinResultDto> {
    return this.dataSource.transaction(async (manager) => {
      const group = await lockGroup(manager, groupId);
      if (group.status !== 'active') throw new AppError('GROUP_NOT_ACTIVE');
      const existing = await findMembership(manager, groupId, user.id);
      if (existing?.status === 'active') throw new AppError('GROUP_ALREADY_MEMBER');
      if (existing?.status === 'pending') throw new AppError('GROUP_JOIN_PENDING');
      if (group.joinPolicy === 'roster_only' && !(await isVerifiedInClass(manager, user.id, group))) {
        throw new AppError('GROUP_JOIN_NOT_ALLOWED');
      }
      const now = new Date();
      if (group.joinPolicy === 'approval' || (existing?.removedAt ?? null) !== null) {
        await manager.save(GroupMembershipEntity, {
          ...existing,
          groupId,
          alumnusId: user.id,
          role: 'member' as const,
          status: 'pending' as const,
          requestNote: input.note ?? null,
          requestedAt: now,
          requestOutcome: 'pending' as const,
          requestReason: null,
          requestDecidedAt: null,
          decidedBy: null,
          decidedAt: null,
        });
        return { status: 'pending' as const, memberCount: group.memberCount };
      }
      await manager.save(GroupMembershipEntity, {
        ...existing,
        groupId,
        alumnusId: user.id,
        role: 'member' as const,
        status: 'active' as const,
        joinedAt: now,
      });
      const memberCount = await adjustMemberCount(manager, groupId, 1);
      await this.recordJoined(manager, user.id, group, 'joined');
      return { status: 'active' as const, memberCount };
    });
  }

  /** Leaves the group, or withdraws a pending request. The owner cannot leave. */
  async leave(user: AuthUserDto, groupId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const group = await lockGroup(manager, groupId);
      const membership = await findMembership(manager, groupId, user.id);
      if (membership?.status === 'pending') {
        await manager.update(GroupMembershipEntity, { id: membership.id }, { status: 'left', requestOutcome: 'withdrawn' });
        return;
      }
      if (membership?.status !== 'active') throw new AppError('GROUP_NOT_MEMBER');
      if (membership.role === 'owner') throw new AppError('GROUP_OWNER_CANNOT_LEAVE');
      await manager.update(GroupMembershipEntity, { id: membership.id }, { status: 'left', role: 'member' });
      await adjustMemberCount(manager, groupId, -1);
      await this.recordLeft(manager, user.id, group, { reason: 'left' });
    });
  }

  /** Members newest first. Open groups show them to anyone signed in; others to members and staff only. */
  async listMembers(user: AuthUserDto, groupId: string, query: PageQueryDto): Promise<Page<GroupMemberDto>> {
    if (!(await this.groups.canReadFeed(groupId, { alumnusId: user.id, roles: user.roles }))) {
      if (!(await this.groups.exists(groupId))) throw new AppError('GROUP_NOT_FOUND');
      throw new AppError('GROUP_MEMBERS_FORBIDDEN');
    }
    const page = await membershipPage(
      this.dataSource.manager,
      { sql: 'm.groupId = :groupId AND m.status = :status', params: { groupId, status: 'active' } },
      { by: 'joinedAt', direction: 'DESC' },
      query,
    );
    const viewerIsMember = (await this.groups.memberRole(groupId, user.id)) !== null;
    const people = await this.people(page.items, user, viewerIsMember);
    return {
      items: page.items.map((m) => ({
        alumnus: people.get(m.alumnusId)!,
        role: m.role,
        muted: m.mutedAt !== null,
        joinedAt: m.joinedAt!.toISOString(),
      })),
      nextCursor: page.nextCursor,
    };
  }

  /** Pending join requests, oldest first, for the group's admins and staff. */
  async listRequests(user: AuthUserDto, groupId: string, query: PageQueryDto): Promise<Page<GroupJoinRequestDto>> {
    const manager = this.dataSource.manager;
    assertGroupAdmin(await actorIn(manager, await this.findGroup(manager, groupId), user));
    const page = await membershipPage(
      manager,
      { sql: 'm.groupId = :groupId AND m.status = :status', params: { groupId, status: 'pending' } },
      { by: 'requestedAt', direction: 'ASC' },
      query,
    );
    const people = await this.people(page.items, user, true);
    return {
      items: page.items.map((m) => ({ alumnus: people.get(m.alumnusId)!, note: m.requestNote, requestedAt: m.requestedAt!.toISOString() })),
      nextCursor: page.nextCursor,
    };
  }

  /** A group admin approves or rejects a join request; the requester is told through the outbox. */
  async decideRequest(
    user: AuthUserDto,
    groupId: string,
    alumnusId: string,
    { approve, reason }: { approve: boolean; reason?: string },
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const group = await lockGroup(manager, groupId);
      const actor = await actorIn(manager, group, user);
      assertGroupAdmin(actor);
      const request = await findMembership(manager, groupId, alumnusId);
      if (request?.status !== 'pending') throw new AppError('GROUP_JOIN_REQUEST_NOT_FOUND');
      const decidedAt = new Date();
      const status = approve ? ('active' as const) : ('rejected' as const);
      await manager.update(
        GroupMembershipEntity,
        { id: request.id },
        {
          status,
          decidedBy: user.id,
          decidedAt,
          requestOutcome: approve ? 'approved' : 'rejected',
          requestReason: approve ? null : (reason ?? null),
          requestDecidedAt: decidedAt,
          ...(approve ? { joinedAt: decidedAt, removedAt: null } : {}),
        },
      );
      if (approve) {
        await adjustMemberCount(manager, groupId, 1);
        await this.recordJoined(manager, alumnusId, group, 'request_approved');
      }
      await this.auditIfStaffRights(manager, actor, group, approve ? 'group.join_approved' : 'group.join_rejected', { alumnusId });
      await this.outbox.enqueue(manager, [
        {
          alumnusId,
          kind: 'groups.join-decided',
          payload: {
            groupId,
            groupName: group.name,
            approved: approve,
            reason: approve ? null : (reason ?? null),
            decidedAt: decidedAt.toISOString(),
          },
        },
      ]);
    });
  }

  /**
   * Removes a member. Admins remove members; only the owner (or staff) removes an admin;
   * nobody removes the owner or themselves. The removal is remembered: coming back takes
   * an approved request, whatever the group's policy.
   */
  async remove(user: AuthUserDto, groupId: string, alumnusId: string): Promise<void> {
    await this.changeMember(user, groupId, alumnusId, async (manager, actor, group, target) => {
      await manager.update(
        GroupMembershipEntity,
        { id: target.id },
        { status: 'removed', role: 'member', decidedBy: user.id, decidedAt: new Date(), removedAt: new Date() },
      );
      await adjustMemberCount(manager, groupId, -1);
      await this.recordLeft(manager, alumnusId, group, { reason: 'removed' });
      await this.auditIfStaffRights(manager, actor, group, 'group.member_removed', { alumnusId });
    });
  }

  /** Mutes (or unmutes) a member: they stay in the group and read it, but cannot post or comment. */
  async setMuted(user: AuthUserDto, groupId: string, alumnusId: string, muted: boolean): Promise<void> {
    await this.changeMember(user, groupId, alumnusId, async (manager, actor, group, target) => {
      await manager.update(GroupMembershipEntity, { id: target.id }, { mutedAt: muted ? new Date() : null });
      await this.auditIfStaffRights(manager, actor, group, muted ? 'group.member_muted' : 'group.member_unmuted', { alumnusId });
    });
  }

  /** The owner (or staff) makes a member an admin, or an admin a member again. */
  async setRole(user: AuthUserDto, groupId: string, alumnusId: string, role: 'admin' | 'member'): Promise<void> {
    await this.changeMember(user, groupId, alumnusId, async (manager, actor, group, target) => {
      assertGroupOwner(actor);
      await manager.update(GroupMembershipEntity, { id: target.id }, { role });
      await this.auditIfStaffRights(manager, actor, group, 'group.role_changed', { alumnusId, from: target.role, to: role });
    });
  }

  /**
   * The common checks of an admin acting on a member: the actor administers the group, the
   * target is an active member other than the actor and the owner, and acting on an admin
   * takes the owner's rights.
   */
  private async changeMember(
    user: AuthUserDto,
    groupId: string,
    alumnusId: string,
    change: (manager: EntityManager, actor: Actor, group: GroupEntity, target: GroupMembershipEntity) => Promise<void>,
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const group = await lockGroup(manager, groupId);
      const actor = await actorIn(manager, group, user);
      assertGroupAdmin(actor);
      const target = await findMembership(manager, groupId, alumnusId);
      if (target?.status !== 'active') throw new AppError('GROUP_MEMBER_NOT_FOUND');
      if (target.role === 'owner' || alumnusId === user.id) throw new AppError('GROUP_ROLE_CONFLICT');
      if (target.role === 'admin') assertGroupOwner(actor);
      await change(manager, actor, group, target);
    });
  }

  private async findGroup(manager: EntityManager, groupId: string): Promise<GroupEntity> {
    const group = await manager.findOneBy(GroupEntity, { id: groupId });
    if (!group) throw new AppError('GROUP_NOT_FOUND');
    return group;
  }

  private recordJoined(manager: EntityManager, alumnusId: string, group: GroupEntity, via: string): Promise<void> {
    return this.interactions.record(manager, {
      alumnusId,
      kind: 'groups.joined',
      subjectType: 'group',
      subjectId: group.id,
      detail: { kind: group.kind, via },
    });
  }

  private recordLeft(manager: EntityManager, alumnusId: string, group: GroupEntity, detail: Record<string, unknown>): Promise<void> {
    return this.interactions.record(manager, { alumnusId, kind: 'groups.left', subjectType: 'group', subjectId: group.id, detail });
  }

  /** Staff who are not the group's owner act through their staff rights: that is audited. */
  private async auditIfStaffRights(
    manager: EntityManager,
    actor: Actor,
    group: GroupEntity,
    action: string,
    after: Record<string, unknown>,
  ): Promise<void> {
    if (!actor.staff || actor.role === 'owner') return;
    await this.audit.record(manager, { actorId: actor.user.id, action, subjectType: 'group', subjectId: group.id, after });
  }

  /** Name and avatar of each alumnus, the avatar as its owner's visibility allows this viewer. */
  private async people(rows: GroupMembershipEntity[], viewer: AuthUserDto, viewerIsMember: boolean) {
    const alumni = await this.alumni.findByIds(rows.map((r) => r.alumnusId));
    const peers = new Set(viewerIsMember ? alumni.map((a) => a.id) : []);
    return new Map(
      alumni.map((a) => [
        a.id,
        {
          id: a.id,
          displayName: a.displayName,
          avatarUrl:
            a.avatarKey !== null && canSee(a, 'avatar', { viewer: { id: viewer.id, roles: viewer.roles }, groupPeers: peers })
              ? this.storage.urlFor(a.avatarKey)
              : null,
        },
      ]),
    );
  }
}
