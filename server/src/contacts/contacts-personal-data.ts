import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PersonalDataContributor, type PersonalDataSection, type PersonalRecord } from '../personal-data/personal-data.js';

/** One side of a request: what that side wrote and shared, never the other side's details. */
const requestsAs = (side: 'sender' | 'recipient'): PersonalDataSection['read'] => {
  const other = side === 'sender' ? 'recipient' : 'sender';
  // A block reads as a refusal to its sender, in the export as in the app.
  const status = side === 'sender' ? `CASE WHEN status = 'blocked' THEN 'refused' ELSE status END` : 'status';
  return (manager: EntityManager, alumnusId: string) =>
    manager.query(
      `SELECT id, ${other}_id AS "${other}Id", ${side === 'sender' ? 'note, ' : ''}${status} AS status,
              ${side}_share_phone AS "sharedPhone", ${side}_email AS "sharedEmail", ${side}_wechat_id AS "sharedWechatId",
              created_at AS "createdAt", decided_at AS "decidedAt"
         FROM contact_requests WHERE ${side}_id = $1 ORDER BY created_at, id`,
      [alumnusId],
    ) as Promise<PersonalRecord[]>;
};

/**
 * 校友录 contact requests on either side: the export lists what the alumnus asked, wrote and
 * shared; erasure deletes every request they sent or received (the other side's list loses it).
 */
@Injectable()
@PersonalDataContributor()
export class ContactsPersonalData implements PersonalDataContributor {
  readonly sections: PersonalDataSection[] = [
    { key: 'contactRequestsSent', table: 'contact_requests', column: 'sender_id', read: requestsAs('sender') },
    { key: 'contactRequestsReceived', table: 'contact_requests', column: 'recipient_id', read: requestsAs('recipient') },
  ];

  async erase(manager: EntityManager, alumnusId: string): Promise<void> {
    await manager.query(`DELETE FROM contact_requests WHERE sender_id = $1 OR recipient_id = $1`, [alumnusId]);
  }
}
