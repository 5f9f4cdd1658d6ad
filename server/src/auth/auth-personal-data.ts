import { Injectable } from '@nestjs/common';
import { PersonalDataContributor } from '../personal-data/personal-data.js';

/** Role changes are a technical record (role-changes.ts); the roles themselves are in the exported profile. */
@Injectable()
@PersonalDataContributor()
export class AuthPersonalData implements PersonalDataContributor {
  readonly sections = [];

  readonly notExported = {
    'role_changes.alumnus_id':
      'the last change of roles, kept so every server applies a revoked role at once; the roles are in the profile',
  };
}
