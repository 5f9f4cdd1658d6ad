import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PersonalDataContributor, type PersonalDataSection } from '../personal-data/personal-data.js';
import { adjustMemberCount, lockGroup } from './group-access.js';
import { GroupMembershipEntity } from './group-membership.entity.js';

/** Memberships and join requests, and the groups the alumnus created or proposed. Erasure leaves every group. */
@Injectable()
@PersonalDataContributor()
export class GroupsPersonalData implements PersonalDataContributor {
  readonly sections: PersonalDataSection[] = [
    {
      key: 'memberships',
      table: 'group_memberships',
      column: 'alumnus_id',
      read: (manager, alumnusId) =>
        manager.query(
          `SELECT m.group_id AS "groupId", g.name AS "groupName", g.kind AS "groupKind", m.role, m.status,
                  m.request_note AS "requestNote", m.requested_at AS "requestedAt", m.request_outcome AS "requestOutcome",
                  m.request_reason AS "requestReason", m.request_decided_at AS "requestDecidedAt", m.joined_at AS "joinedAt",
                  m.muted_at AS "mutedAt", m.removed_at AS "removedAt", m.created_at AS "createdAt"
             FROM group_memberships m JOIN groups g ON g.id = m.group_id
            WHERE m.alumnus_id = $1 ORDER BY m.created_at, m.id`,
          [alumnusId],
        ),
    },
    {
      key: 'groupsCreated',
      table: 'groups',
      column: 'created_by',
      read: (manager, alumnusId) =>
        manager.query(
          `SELECT id, name, kind, intro, status, reject_reason AS "rejectReason", created_at AS "createdAt", decided_at AS "decidedAt"
             FROM groups WHERE created_by = $1 ORDER BY created_at, id`,
          [alumnusId],
        ),
    },
  ];

  readonly notExported = {
    'groups.decided_by': 'staff work: who approved or refused a proposed group',
    'group_memberships.decided_by': 'group admins’ and staff work: who decided on a join request',
  };

  /** Leaves every group (counts kept right under each group's lock) and withdraws pending requests. */
  async erase(manager: EntityManager, alumnusId: string): Promise<void> {
    const current = await manager.find(GroupMembershipEntity, {
      where: [
        { alumnusId, status: 'active' },
        { alumnusId, status: 'pending' },
      ],
      order: { groupId: 'ASC' },
    });
    for (const membership of current) {
      await lockGroup(manager, membership.groupId);
      if (membership.status === 'pending') {
        await manager.update(GroupMembershipEntity, { id: membership.id }, { status: 'left', requestOutcome: 'withdrawn' });
        continue;
      }
      await manager.update(GroupMembershipEntity, { id: membership.id }, { status: 'left', role: 'member' });
      await adjustMemberCount(manager, membership.groupId, -1);
    }
  }
}
