import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, In, type Repository } from 'typeorm';
import type { GroupJoinPolicy, GroupKind, GroupMemberRole, GroupStatus } from '@alumni/shared';
import { type ClassKey, createClassGroup, createImportClassGroups } from './class-groups.js';
import {
  adjustMemberCount,
  isStaffUser,
  isVerifiedInClass,
  lockGroup,
  sharedGroupMembersSql,
  verifiedClassGroupsSql,
} from './group-access.js';
import { GroupEntity } from './group.entity.js';
import { GroupMembershipEntity } from './group-membership.entity.js';

/** A class group and the class it stands for. */
export interface ClassGroupRef extends ClassKey {
  id: string;
  name: string;
}

/** Who reads a group: the signed-in alumnus (null for anonymous) and their roles. */
export interface GroupViewer {
  alumnusId: string | null;
  roles: string[];
}

/**
 * What other modules ask of groups: who belongs (profile visibility, event audiences, the
 * group feed), who may read a feed, and whether a group exists.
 */
/**
 * `isMember` as an SQL condition over two expressions, for a statement that checks membership
 * along with what it reads (an event's sign-up, issue 17).
 */
export function isMemberSql(groupId: string, alumnusId: string): string {
  return `EXISTS (SELECT 1 FROM group_memberships WHERE group_id = ${groupId} AND alumnus_id = ${alumnusId} AND status = 'active')`;
}

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
    const rows: { alumnus_id: string }[] = await this.memberships.query(sharedGroupMembersSql('$1'), [viewerId]);
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

  /** SEAM for class liaisons: class groups with their class key, by id or of one year or department. */
  async classGroups(filter: { ids?: string[]; graduationYear?: number; departmentId?: string }): Promise<ClassGroupRef[]> {
    if (filter.ids !== undefined && filter.ids.length === 0) return [];
    const rows = await this.groups.find({
      select: { id: true, name: true, graduationYear: true, departmentId: true, className: true },
      where: {
        kind: 'class',
        ...(filter.ids ? { id: In([...new Set(filter.ids)]) } : {}),
        ...(filter.graduationYear !== undefined ? { graduationYear: filter.graduationYear } : {}),
        ...(filter.departmentId !== undefined ? { departmentId: filter.departmentId } : {}),
      },
    });
    return rows.map((g) => ({
      id: g.id,
      name: g.name,
      graduationYear: g.graduationYear!,
      departmentId: g.departmentId!,
      className: g.className!,
    }));
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

  /**
   * A group another module opens for its own people (a branch's home group, or a group a
   * branch admin opens under the branch), without an owner: its admins are named with setAdmin. In the caller's transaction; the caller validates and audits.
   */
  async createActive(
    manager: EntityManager,
    input: {
      kind: GroupKind;
      name: string;
      intro: string;
      place: string | null;
      joinPolicy: GroupJoinPolicy;
      /** `proposed` puts it in the staff queue, as a proposal of `createdBy`. */
      status: 'active' | 'proposed';
      createdBy: string;
    },
  ): Promise<GroupEntity> {
    return manager.save(GroupEntity, {
      kind: input.kind,
      name: input.name,
      intro: input.intro,
      city: input.kind === 'city' ? input.place : null,
      industry: input.kind === 'industry' ? input.place : null,
      joinPolicy: input.joinPolicy,
      status: input.status,
      createdBy: input.createdBy,
    });
  }

  /**
   * Gives the alumnus admin rights in the group, joining them to it if they are not an active
   * member (`joined`), or takes the rights back (they stay a member). An owner is left as is.
   * Locks the group like every membership change; in the caller's transaction, which records
   * the interaction a join means.
   */
  async setAdmin(manager: EntityManager, groupId: string, alumnusId: string, admin: boolean): Promise<'joined' | 'changed' | 'unchanged'> {
    await lockGroup(manager, groupId);
    const repo = manager.getRepository(GroupMembershipEntity);
    const existing = await repo.findOneBy({ groupId, alumnusId });
    if (existing?.role === 'owner') return 'unchanged';
    if (existing?.status === 'active') {
      const role: GroupMemberRole = admin ? 'admin' : 'member';
      if (existing.role === role) return 'unchanged';
      await repo.update({ id: existing.id }, { role });
      return 'changed';
    }
    if (!admin) return 'unchanged';
    const now = new Date();
    await repo.save({
      ...existing,
      groupId,
      alumnusId,
      role: 'admin' as const,
      status: 'active' as const,
      joinedAt: now,
      removedAt: null,
      ...(existing?.status === 'pending' ? { requestOutcome: 'approved' as const, requestDecidedAt: now } : {}),
    });
    await adjustMemberCount(manager, groupId, 1);
    return 'joined';
  }

  /** The alumnus's membership state in the group: active, a pending request, or none. */
  async standing(groupId: string, alumnusId: string): Promise<'active' | 'pending' | null> {
    const row = await this.memberships.findOneBy({ groupId, alumnusId });
    return row?.status === 'active' || row?.status === 'pending' ? row.status : null;
  }

  /** Name, kind, status and member count of these groups, oldest first (unknown ids are left out); in the caller's transaction when given. */
  async briefs(
    groupIds: string[],
    manager?: EntityManager,
  ): Promise<{ id: string; name: string; kind: GroupKind; status: GroupStatus; joinPolicy: GroupJoinPolicy; memberCount: number }[]> {
    if (groupIds.length === 0) return [];
    const rows = await (manager ? manager.getRepository(GroupEntity) : this.groups).find({
      where: { id: In([...new Set(groupIds)]) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    return rows.map((g) => ({
      id: g.id,
      name: g.name,
      kind: g.kind,
      status: g.status,
      joinPolicy: g.joinPolicy,
      memberCount: g.memberCount,
    }));
  }

  /** Figures of one group for a report: active members, those who joined since `since`, and requests waiting. */
  async memberFigures(groupId: string, since: Date): Promise<{ total: number; joined: number; pendingRequests: number }> {
    const [row]: [{ total: number; joined: number; pending: number }] = await this.memberships.query(
      `SELECT count(*) FILTER (WHERE status = 'active')::int AS total,
              count(*) FILTER (WHERE status = 'active' AND joined_at >= $2)::int AS joined,
              count(*) FILTER (WHERE status = 'pending')::int AS pending
         FROM group_memberships WHERE group_id = $1`,
      [groupId, since],
    );
    return { total: row.total, joined: row.joined, pendingRequests: row.pending };
  }

  /**
   * The alumni verified in the class of this class group (joined to the group or not), by
   * display name: whom a classmate may tag in a class photo. At most `limit`.
   */
  async verifiedClassmates(groupId: string, limit = 500): Promise<{ id: string; displayName: string }[]> {
    const rows: { id: string; display_name: string }[] = await this.groups.manager.query(
      `SELECT DISTINCT a.id, a.display_name
         FROM groups g
         JOIN (SELECT e.claimed_by AS alumnus_id, e.graduation_year, e.department_id, e.class_name
                 FROM roster_entries e WHERE e.claimed_by IS NOT NULL
               UNION ALL
               SELECT c.alumnus_id, c.graduation_year, c.department_id, c.class_name
                 FROM verification_claims c WHERE c.status = 'approved' AND c.roster_entry_id IS NULL) v
           ON v.graduation_year = g.graduation_year AND v.department_id = g.department_id AND v.class_name = g.class_name
         JOIN alumni a ON a.id = v.alumnus_id AND a.verified_at IS NOT NULL AND a.deleted_at IS NULL
        WHERE g.id = $1 AND g.kind = 'class'
        ORDER BY a.display_name, a.id
        LIMIT $2`,
      [groupId, limit],
    );
    return rows.map((row) => ({ id: row.id, displayName: row.display_name }));
  }

  private activeMembership(groupId: string, alumnusId: string, manager?: EntityManager): Promise<GroupMembershipEntity | null> {
    return (manager ? manager.getRepository(GroupMembershipEntity) : this.memberships).findOneBy({
      groupId,
      alumnusId,
      status: 'active',
    });
  }
}
