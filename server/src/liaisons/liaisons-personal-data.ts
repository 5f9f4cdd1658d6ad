import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PersonalDataContributor, type PersonalDataSection } from '../personal-data/personal-data.js';

/** The classes an alumnus is or was liaison of. Erasure forgets the appointments and detaches their invitations. */
@Injectable()
@PersonalDataContributor()
export class LiaisonsPersonalData implements PersonalDataContributor {
  readonly sections: PersonalDataSection[] = [
    {
      key: 'classLiaisonRoles',
      table: 'class_liaisons',
      column: 'alumnus_id',
      read: (manager, alumnusId) =>
        manager.query(
          `SELECT g.name AS "className", l.appointed_at AS "appointedAt", l.ended_at AS "endedAt"
             FROM class_liaisons l JOIN groups g ON g.id = l.class_group_id WHERE l.alumnus_id = $1 ORDER BY l.appointed_at`,
          [alumnusId],
        ),
    },
  ];

  readonly notExported = {
    'class_liaisons.appointed_by': 'staff work: who appointed a class liaison',
    'class_liaisons.ended_by': 'staff work: who ended a liaison’s appointment',
    'class_invitations.invited_by':
      'an invitation names the classmate invited (the roster’s record, not the liaison’s data); each invitation is in the exported interaction log',
  };

  async erase(manager: EntityManager, alumnusId: string): Promise<void> {
    await manager.query('DELETE FROM class_liaisons WHERE alumnus_id = $1', [alumnusId]);
    await manager.query('UPDATE class_invitations SET invited_by = NULL WHERE invited_by = $1', [alumnusId]);
  }
}
