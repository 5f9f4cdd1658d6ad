import { Injectable } from '@nestjs/common';
import { PersonalDataContributor } from '../personal-data/personal-data.js';

/** The audit trail names staff who acted; it is the association's own record and stays after an erasure (docs/profiles.md). */
@Injectable()
@PersonalDataContributor()
export class AuditPersonalData implements PersonalDataContributor {
  readonly sections = [];

  readonly notExported = {
    'audit_entries.actor_id': 'the association’s audit trail: actions taken with staff rights, and the erasure itself',
  };
}
