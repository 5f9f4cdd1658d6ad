import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PersonalDataContributor, type PersonalDataSection } from '../personal-data/personal-data.js';

/**
 * The registrar's record the alumnus was matched to. It is the school's own record and stays;
 * erasure only unlinks it, so the same graduate can verify a new account later.
 */
@Injectable()
@PersonalDataContributor()
export class RosterPersonalData implements PersonalDataContributor {
  readonly sections: PersonalDataSection[] = [
    {
      key: 'rosterRecord',
      table: 'roster_entries',
      column: 'claimed_by',
      read: (manager, alumnusId) =>
        manager.query(
          `SELECT r.name, r.student_number AS "studentNumber", r.graduation_year AS "graduationYear", d.name AS "department",
                  r.major, r.class_name AS "className", r.degree, r.claimed_at AS "matchedAt"
             FROM roster_entries r JOIN departments d ON d.id = r.department_id WHERE r.claimed_by = $1`,
          [alumnusId],
        ),
    },
  ];

  readonly notExported = { 'roster_imports.imported_by': 'staff work: who imported a roster file' };

  async erase(manager: EntityManager, alumnusId: string): Promise<void> {
    await manager.query(`UPDATE roster_entries SET claimed_by = NULL, claimed_at = NULL WHERE claimed_by = $1`, [alumnusId]);
  }
}
