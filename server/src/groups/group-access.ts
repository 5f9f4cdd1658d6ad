import type { EntityManager } from 'typeorm';
import type { Page } from '@alumni/shared';
import { decodeCursor, keysetPage, type PageQueryDto, toPage } from '../common/pagination.js';
import type { AuthUserDto, GroupMemberRole } from '@alumni/shared';
import { AppError } from '../common/app-error.js';
import { GroupEntity } from './group.entity.js';
import { GroupMembershipEntity } from './group-membership.entity.js';

export const isStaffUser = (user: { roles: readonly string[] }): boolean => user.roles.includes('staff') || user.roles.includes('admin');

/**
 * The group, row-locked for the caller's transaction. Every membership change locks its
 * group first, so changes to one group (and its member count) take turns.
 */
export async function lockGroup(manager: EntityManager, groupId: string): Promise<GroupEntity> {
  const group = await manager.getRepository(GroupEntity).findOne({ where: { id: groupId }, lock: { mode: 'pessimistic_write' } });
  if (!group) throw new AppError('GROUP_NOT_FOUND');
  return group;
}

export function findMembership(manager: EntityManager, groupId: string, alumnusId: string): Promise<GroupMembershipEntity | null> {
  return manager.getRepository(GroupMembershipEntity).findOneBy({ groupId, alumnusId });
}

/** Whom a group-admin action is done by: their role in the group, and whether staff rights stand in for it. */
export interface Actor {
  user: AuthUserDto;
  role: GroupMemberRole | null;
  /** Staff act as the group's owner in every group, class groups (which have no owner) included. */
  staff: boolean;
}

export async function actorIn(manager: EntityManager, group: GroupEntity, user: AuthUserDto): Promise<Actor> {
  const membership = await findMembership(manager, group.id, user.id);
  return { user, role: membership?.status === 'active' ? membership.role : null, staff: isStaffUser(user) };
}

/** Owners, admins and staff manage requests, removals and mutes. */
export function assertGroupAdmin(actor: Actor): void {
  if (!actor.staff && actor.role !== 'owner' && actor.role !== 'admin') throw new AppError('GROUP_ADMIN_REQUIRED');
}

/** Only the owner (or staff) names and unnames admins, or acts on another admin. */
export function assertGroupOwner(actor: Actor): void {
  if (!actor.staff && actor.role !== 'owner') throw new AppError('GROUP_OWNER_REQUIRED');
}

/** Adds `delta` to the member count, in the transaction that changed the membership. */
export async function adjustMemberCount(manager: EntityManager, groupId: string, delta: 1 | -1): Promise<number> {
  const rows: [{ member_count: number }[], number] = await manager.query(
    'UPDATE groups SET member_count = member_count + $2, updated_at = now() WHERE id = $1 RETURNING member_count',
    [groupId, delta],
  );
  return rows[0][0]!.member_count;
}

/**
 * The classes (graduation_year, department_id, class_name) the alumnus `alumnus` (an SQL
 * parameter) is verified in. The class is the one the verification established, never the
 * editable profile: the roster entry they claimed, or the class of a claim staff approved
 * without an entry. Nothing while they are not verified (or deleted).
 */
export const verifiedClassesSql = (alumnus: string): string => `
  SELECT e.graduation_year, e.department_id, e.class_name
    FROM roster_entries e JOIN alumni a ON a.id = e.claimed_by
   WHERE e.claimed_by = ${alumnus} AND a.verified_at IS NOT NULL AND a.deleted_at IS NULL
  UNION ALL
  SELECT c.graduation_year, c.department_id, c.class_name
    FROM verification_claims c JOIN alumni a ON a.id = c.alumnus_id
   WHERE c.alumnus_id = ${alumnus} AND c.status = 'approved' AND c.roster_entry_id IS NULL
     AND a.verified_at IS NOT NULL AND a.deleted_at IS NULL`;

/**
 * `GroupsService.sharedGroupMembers` as a statement of `alumnus_id`s: everyone who shares at
 * least one active group with the alumnus `viewer` names (a placeholder or a column; the
 * viewer included), for a statement of another module to read with its own (the directory's
 * standing).
 */
export const sharedGroupMembersSql = (viewer: string): string => `
  SELECT DISTINCT peer.alumnus_id
    FROM group_memberships mine
    JOIN groups g ON g.id = mine.group_id AND g.status = 'active'
    JOIN group_memberships peer ON peer.group_id = mine.group_id AND peer.status = 'active'
   WHERE mine.alumnus_id = ${viewer} AND mine.status = 'active'`;

/**
 * The class groups the alumni of `$1` (a uuid[] parameter) are verified in, one row per
 * alumnus and class: `alumnus_id`, `group_id`, `name` (same rule as verifiedClassesSql).
 */
export const verifiedClassGroupsSql = `
  SELECT DISTINCT v.alumnus_id, g.id AS group_id, g.name
    FROM (SELECT e.claimed_by AS alumnus_id, e.graduation_year, e.department_id, e.class_name
            FROM roster_entries e JOIN alumni a ON a.id = e.claimed_by
           WHERE e.claimed_by = ANY($1::uuid[]) AND a.verified_at IS NOT NULL AND a.deleted_at IS NULL
          UNION ALL
          SELECT c.alumnus_id, c.graduation_year, c.department_id, c.class_name
            FROM verification_claims c JOIN alumni a ON a.id = c.alumnus_id
           WHERE c.alumnus_id = ANY($1::uuid[]) AND c.status = 'approved' AND c.roster_entry_id IS NULL
             AND a.verified_at IS NOT NULL AND a.deleted_at IS NULL) v
    JOIN groups g ON g.kind = 'class' AND g.graduation_year = v.graduation_year
                 AND g.department_id = v.department_id AND g.class_name = v.class_name`;

/** Whether the alumnus is verified in the class of a class group (see verifiedClassesSql). */
export async function isVerifiedInClass(manager: EntityManager, alumnusId: string, group: GroupEntity): Promise<boolean> {
  const [row]: [{ verified: boolean }] = await manager.query(
    `SELECT EXISTS (
       SELECT 1 FROM (${verifiedClassesSql('$1')}) v
        WHERE v.graduation_year = $2 AND v.department_id = $3 AND v.class_name = $4
     ) AS verified`,
    [alumnusId, group.graduationYear, group.departmentId, group.className],
  );
  return row.verified;
}

/**
 * One page of memberships matching `where` (on alias `m`), keyset-ordered by when they
 * joined or asked: the member list, the join requests and "my groups".
 */
export async function membershipPage(
  manager: EntityManager,
  where: { sql: string; params: Record<string, unknown> },
  order: { by: 'joinedAt' | 'requestedAt'; direction: 'ASC' | 'DESC' },
  query: PageQueryDto,
): Promise<Page<GroupMembershipEntity>> {
  const builder = manager.getRepository(GroupMembershipEntity).createQueryBuilder('m').where(where.sql, where.params);
  const rows = await keysetPage(builder, order.by, order.direction, decodeCursor(query.cursor), query.limit).getMany();
  return toPage(
    rows,
    query.limit,
    (m) => ({ at: m[order.by]!, id: m.id }),
    (m) => m,
  );
}
