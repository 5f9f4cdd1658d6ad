import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PersonalDataContributor } from '../../personal-data/personal-data.js';

/** Stored first answers to retried requests: copies of records the export has in their own sections. Erasure drops them. */
@Injectable()
@PersonalDataContributor()
export class IdempotencyPersonalData implements PersonalDataContributor {
  readonly sections = [];

  readonly notExported = {
    'idempotency_records.alumnus_id':
      'the first answer to a request, kept to answer its retry; a copy of a record listed in its own section',
  };

  async erase(manager: EntityManager, alumnusId: string): Promise<void> {
    await manager.query(`DELETE FROM idempotency_records WHERE alumnus_id = $1`, [alumnusId]);
  }
}
