import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PersonalDataContributor, type PersonalDataSection } from '../personal-data/personal-data.js';

/**
 * WeChat subscription messages sent or queued to the alumnus (the message centre keeps its own
 * copy, InboxPersonalData). Erasure stops those not yet sent and forgets every
 * message's content; the delivery record (kind, time, outcome) stays for staff, nameless.
 */
@Injectable()
@PersonalDataContributor()
export class OutboxPersonalData implements PersonalDataContributor {
  readonly sections: PersonalDataSection[] = [
    {
      key: 'wechatMessages',
      table: 'outbox_messages',
      column: 'alumnus_id',
      read: (manager, alumnusId) =>
        manager.query(
          `SELECT kind, payload, status, created_at AS "createdAt", sent_at AS "sentAt"
             FROM outbox_messages WHERE alumnus_id = $1 ORDER BY created_at, id`,
          [alumnusId],
        ),
    },
  ];

  async erase(manager: EntityManager, alumnusId: string): Promise<void> {
    await manager.query(
      `UPDATE outbox_messages
          SET payload = '{}', status = CASE WHEN status = 'pending' THEN 'skipped' ELSE status END,
              last_error = CASE WHEN status = 'pending' THEN 'the account was erased' ELSE last_error END, updated_at = now()
        WHERE alumnus_id = $1`,
      [alumnusId],
    );
  }
}
