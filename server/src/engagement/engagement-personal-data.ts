import { Injectable } from '@nestjs/common';
import { PersonalDataContributor, type PersonalDataSection } from '../personal-data/personal-data.js';

/**
 * What the association computes about the alumnus's engagement (a profile in PIPL's sense).
 * Erasure drops it with the interaction log (InteractionsService.anonymise → forget).
 */
@Injectable()
@PersonalDataContributor()
export class EngagementPersonalData implements PersonalDataContributor {
  readonly sections: PersonalDataSection[] = [
    {
      key: 'engagement',
      table: 'engagement_summaries',
      column: 'alumnus_id',
      read: (manager, alumnusId) =>
        manager.query(
          `SELECT last_interaction_at AS "lastInteractionAt", recent_participations AS "recentParticipations",
                  recent_donations AS "recentDonations", donated_fen::float8 AS "donatedFen", phone_confirmed_at AS "phoneConfirmedAt",
                  city_confirmed_at AS "cityConfirmedAt", employer_confirmed_at AS "employerConfirmedAt", wechat_active_at AS "wechatActiveAt"
             FROM engagement_summaries WHERE alumnus_id = $1`,
          [alumnusId],
        ),
    },
  ];

  readonly notExported = {
    'engagement_kind_sums.alumnus_id': 'running sums of the interactions listed in this export',
    'engagement_months.alumnus_id': 'monthly sums of the interactions listed in this export',
  };
}
