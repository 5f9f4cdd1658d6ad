import { Injectable } from '@nestjs/common';
import { PersonalDataContributor, type PersonalDataSection } from '../personal-data/personal-data.js';

/**
 * Sign-in sessions: when each was opened, renewed and ended (never the token). Erasure
 * revokes them through IdentityService.eraseIdentity.
 */
@Injectable()
@PersonalDataContributor()
export class IdentityPersonalData implements PersonalDataContributor {
  readonly sections: PersonalDataSection[] = [
    {
      key: 'sessions',
      table: 'refresh_tokens',
      column: 'alumnus_id',
      read: (manager, alumnusId) =>
        manager.query(
          `SELECT family_id AS "session", issued_at AS "issuedAt", expires_at AS "expiresAt", rotated_at AS "renewedAt",
                  revoked_at AS "revokedAt"
             FROM refresh_tokens WHERE alumnus_id = $1 ORDER BY issued_at, id`,
          [alumnusId],
        ),
    },
  ];
}
