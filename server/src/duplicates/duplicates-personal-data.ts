import { Injectable } from '@nestjs/common';
import { PersonalDataContributor, type PersonalDataSection } from '../personal-data/personal-data.js';

/** The duplicate-review queue is staff work about records, not something the alumnus gave. */
@Injectable()
@PersonalDataContributor()
export class DuplicatesPersonalData implements PersonalDataContributor {
  readonly sections: PersonalDataSection[] = [];

  readonly notExported = {
    'duplicate_candidates.alumnus_id': 'staff work: a pair of records the duplicate scan found, reviewed by staff',
    'duplicate_candidates.other_alumnus_id': 'staff work: a pair of records the duplicate scan found, reviewed by staff',
    'duplicate_candidates.decided_by': 'staff work: who merged or dismissed a pair',
    'alumni.merged_into': 'the record another (merged) account was merged into: a pointer kept for old links',
  };
}
