import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PersonalDataContributor, type PersonalDataSection } from '../personal-data/personal-data.js';

/** The messages the alumnus agreed to receive (WeChat acceptances). Erasure forgets them. */
@Injectable()
@PersonalDataContributor()
export class NotificationsPersonalData implements PersonalDataContributor {
  readonly sections: PersonalDataSection[] = [
    {
      key: 'messageSubscriptions',
      table: 'notification_subscriptions',
      column: 'alumnus_id',
      read: (manager, alumnusId) =>
        manager.query(
          `SELECT template_key AS "templateKey", credits, updated_at AS "updatedAt"
             FROM notification_subscriptions WHERE alumnus_id = $1 ORDER BY template_key`,
          [alumnusId],
        ),
    },
  ];

  async erase(manager: EntityManager, alumnusId: string): Promise<void> {
    await manager.query(`DELETE FROM notification_subscriptions WHERE alumnus_id = $1`, [alumnusId]);
  }
}
