import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PersonalDataContributor, type PersonalDataSection, type PersonalRecord } from '../personal-data/personal-data.js';

/**
 * The branches an alumnus runs (branch memberships are the groups module's). Erasure ends
 * their terms (their group memberships go with the groups module's erasure) and leaves what
 * they added to a branch in place, nameless.
 */
@Injectable()
@PersonalDataContributor()
export class BranchesPersonalData implements PersonalDataContributor {
  readonly sections: PersonalDataSection[] = [
    {
      key: 'branchAdminTerms',
      table: 'branch_admins',
      column: 'alumnus_id',
      read: (manager: EntityManager, alumnusId: string) =>
        manager.query(
          `SELECT b.id AS "branchId", b.name AS branch, a.appointed_at AS "appointedAt"
             FROM branch_admins a JOIN branches b ON b.id = a.branch_id WHERE a.alumnus_id = $1 ORDER BY a.appointed_at`,
          [alumnusId],
        ) as Promise<PersonalRecord[]>,
    },
  ];

  readonly notExported = {
    'branch_admins.appointed_by': 'staff work: who appointed a branch admin',
    'branches.created_by': 'staff work: who created the branch',
    'branch_items.added_by': 'work record: who added a group, event or campaign to a branch (the item is in the export of its own module)',
  };

  async erase(manager: EntityManager, alumnusId: string): Promise<void> {
    await manager.query(`DELETE FROM branch_admins WHERE alumnus_id = $1`, [alumnusId]);
    await manager.query(`UPDATE branch_admins SET appointed_by = NULL WHERE appointed_by = $1`, [alumnusId]);
    await manager.query(`UPDATE branch_items SET added_by = NULL WHERE added_by = $1`, [alumnusId]);
    await manager.query(`UPDATE branches SET created_by = NULL WHERE created_by = $1`, [alumnusId]);
  }
}
