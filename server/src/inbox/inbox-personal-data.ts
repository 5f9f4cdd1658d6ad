import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PersonalDataContributor, type PersonalDataSection, type PersonalRecord } from '../personal-data/personal-data.js';
import { InboxService } from './inbox.service.js';

/** The message centre (消息). An erased account keeps no messages. */
@Injectable()
@PersonalDataContributor()
export class InboxPersonalData implements PersonalDataContributor {
  constructor(private readonly inbox: InboxService) {}

  readonly sections: PersonalDataSection[] = [
    {
      key: 'messages',
      table: 'inbox_messages',
      column: 'alumnus_id',
      read: async (manager, alumnusId) => (await this.inbox.exportFor(alumnusId, manager)) as unknown as PersonalRecord[],
    },
  ];

  erase(manager: EntityManager, alumnusId: string): Promise<void> {
    return this.inbox.erase(manager, alumnusId);
  }
}
