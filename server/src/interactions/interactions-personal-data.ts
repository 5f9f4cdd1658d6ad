import { Injectable } from '@nestjs/common';
import { PersonalDataContributor, type PersonalDataSection } from '../personal-data/personal-data.js';

/** The interaction log about the alumnus. Erasure anonymises it last (ProfilesService), keeping the statistics. */
@Injectable()
@PersonalDataContributor()
export class InteractionsPersonalData implements PersonalDataContributor {
  readonly sections: PersonalDataSection[] = [
    {
      key: 'interactions',
      table: 'interactions',
      column: 'alumnus_id',
      read: (manager, alumnusId) =>
        manager.query(
          `SELECT kind, subject_type AS "subjectType", subject_id AS "subjectId", detail, occurred_at AS "occurredAt"
             FROM interactions WHERE alumnus_id = $1 ORDER BY occurred_at, id`,
          [alumnusId],
        ),
    },
  ];
}
