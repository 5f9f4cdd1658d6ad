import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, In, type Repository } from 'typeorm';
import type { GroupMemberRole } from '@alumni/shared';
import { type ClassKey, createClassGroup, createImportClassGroups } from './class-groups.js';
import { isStaffUser, isVerifiedInClass, verifiedClassGroupsSql } from './group-access.js';
import { GroupEntity } from './group.entity.js';
import { GroupMembershipEntity } from './group-membership.entity.js';

/** Who reads a group: the signed-in alumnus (null for anonymous) and their roles. */
export interface GroupViewer {
  alumnusId: string | null;
  roles: string[];
}

/**
 * What other modules ask of groups: who belongs (profile visibility, event audiences, the
 * group feed), who may read a feed, and whether a group exists.
 */
@Injectable()
export class GroupsService {
  constructor(
    @InjectRepository(GroupEntity) private readonly groups: Repository<GroupEntity>,
    @InjectRepository(GroupMembershipEntity) private readonly memberships: Repository<GroupMembershipEntity>,
  ) {}

  /** What the home page counts: active groups someone is in (not proposals, archives or class groups nobody joined yet). */
  count(): Promise<number> {
    return this.groups.createQueryBuilder('g').where(`g.status = 'active' AND g.memberCount > 0`).getCount();
  }

  /**
   * Roster import commit: the class groups of every class the import listed, in the
   * import's transaction. Idempotent (unique class key); returns how many were created.
   */
  createClassGroupsForImport(manager: EntityManager, importId: string): Promise<number> {
    return createImportClassGroups(manager, importId);
  }

  /** A verified claim: the class group of the alumnus's class, if it does not exist yet, in the claim's transaction. */
  ensureClassGroup(manager: EntityManager, key: ClassKey): Promise<number> {
    return createClassGroup(manager, key);
  }

  /**
   * The alumni who share at least one active group with `viewerId` (the viewer included):
   * they see the profile fields their owners opened to "my groups".
   */
  async sharedGroupMembers(viewerId: string | null): Promise<Set<string>> {
    if (viewerId === null) return new Set();
    const rows: { alumnus_id: string }[] = await this.memberships.query(
      `SELECT DISTINCT peer.alumnus_id
         FROM group_memberships mine
         JOIN groups g ON g.id = mine.group_id AND g.status = 'active'
         JOIN group_memberships peer ON peer.group_id = mine.group_id AND peer.status = 'active'
        WHERE mine.alumnus_id = $1 AND mine.status = 'active'`,
      [viewerId],
    );
    return new Set(rows.map((r) => r.alumnus_id));
  }

  /** Whether the group exists (an event's audience may name it), inside the caller's transaction if given. */
  exists(groupId: string, manager?: EntityManager): Promise<boolean> {
    return (manager ? manager.getRepository(GroupEntity) : this.groups).existsBy({ id: groupId });
  }

  /** Whether the alumnus is an active member of the group (events open to one group admit them). */
  async isMember(groupId: string, alumnusId: string, manager?: EntityManager): Promise<boolean> {
    return (await this.memberRole(groupId, alumnusId, manager)) !== null;
  }

  /** The alumnus's role in the group; null when they are not an active member. */
  async memberRole(groupId: string, alumnusId: string, manager?: EntityManager): Promise<GroupMemberRole | null> {
    const membership = await this.activeMembership(groupId, alumnusId, manager);
    return membership?.role ?? null;
  }

  /** The alumnus's role and mute in each of these groups they are an active member of (the feed's permissions). */
  async activeMemberships(
    groupIds: string[],
    alumnusId: string,
    manager?: EntityManager,
  ): Promise<Map<string, { role: GroupMemberRole; muted: boolean }>> {
    if (groupIds.length === 0) return new Map();
    const rows = await (manager ? manager.getRepository(GroupMembershipEntity) : this.memberships).findBy({
      groupId: In([...new Set(groupIds)]),
      alumnusId,
      status: 'active',
    });
    return new Map(rows.map((row) => [row.groupId, { role: row.role, muted: row.mutedAt !== null }]));
  }

  /**
   * Whether the viewer may read the group's feed and member list: anyone signed in for an
   * open group; members and staff for approval and roster-only groups. Proposed and rejected
   * groups are for staff only; archived groups stay readable as they were.
   */
  async canReadFeed(groupId: string, viewer: GroupViewer): Promise<boolean> {
    if (viewer.alumnusId === null) return false;
    const group = await this.groups.findOneBy({ id: groupId });
    if (!group) return false;
    if (isStaffUser(viewer)) return true;
    if (group.status !== 'active' && group.status !== 'archived') return false;
    return group.joinPolicy === 'open' || (await this.isMember(groupId, viewer.alumnusId));
  }

  /** The active members' ids (the feed fans notifications out to them). */
  async memberIds(groupId: string, manager?: EntityManager): Promise<string[]> {
    const rows = await (manager ? manager.getRepository(GroupMembershipEntity) : this.memberships).find({
      select: { alumnusId: true },
      where: { groupId, status: 'active' },
    });
    return rows.map((r) => r.alumnusId);
  }

  /** The groups the alumnus is an active member of (the "my groups" feed). */
  async groupIdsOf(alumnusId: string): Promise<string[]> {
    const rows = await this.memberships.find({ select: { groupId: true }, where: { alumnusId, status: 'active' } });
    return rows.map((r) => r.groupId);
  }

  /** Group names by id (post cards, notifications); unknown ids are left out. */
  async groupNames(groupIds: string[], manager?: EntityManager): Promise<Map<string, string>> {
    const unique = [...new Set(groupIds)];
    if (unique.length === 0) return new Map();
    const rows = await (manager ? manager.getRepository(GroupEntity) : this.groups).find({
      select: { id: true, name: true },
      where: { id: In(unique) },
    });
    return new Map(rows.map((row) => [row.id, row.name]));
  }

  /** A class group's id and name, or null when the id names no class group. */
  async classGroup(groupId: string, manager?: EntityManager): Promise<{ id: string; name: string } | null> {
    const group = await (manager ? manager.getRepository(GroupEntity) : this.groups).findOne({
      select: { id: true, name: true },
      where: { id: groupId, kind: 'class' },
    });
    return group ? { id: group.id, name: group.name } : null;
  }

  /**
   * Whether the alumnus is verified in the class of this class group (the roster entry they
   * claimed, or a claim staff approved), whether or not they joined the group: a classmate.
   */
  async isClassmate(groupId: string, alumnusId: string, manager?: EntityManager): Promise<boolean> {
    const group = await (manager ? manager.getRepository(GroupEntity) : this.groups).findOneBy({ id: groupId, kind: 'class' });
    return group !== null && isVerifiedInClass(manager ?? this.groups.manager, alumnusId, group);
  }

  /** The class groups each of these alumni is verified in (an alumnus with none is left out). */
  async verifiedClassGroups(
    alumnusIds: string[],
    manager?: EntityManager,
  ): Promise<{ alumnusId: string; groupId: string; name: string }[]> {
    if (alumnusIds.length === 0) return [];
    const rows: { alumnus_id: string; group_id: string; name: string }[] = await (manager ?? this.groups.manager).query(
      `${verifiedClassGroupsSql} ORDER BY g.name, g.id`,
      [[...new Set(alumnusIds)]],
    );
    return rows.map((row) => ({ alumnusId: row.alumnus_id, groupId: row.group_id, name: row.name }));
  }

  private activeMembership(groupId: string, alumnusId: string, manager?: EntityManager): Promise<GroupMembershipEntity | null> {
    return (manager ? manager.getRepository(GroupMembershipEntity) : this.memberships).findOneBy({
      groupId,
      alumnusId,
      status: 'active',
    });
  }
}
