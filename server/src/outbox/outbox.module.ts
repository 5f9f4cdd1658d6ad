import { Module } from '@nestjs/common';
import { InboxModule } from '../inbox/inbox.module.js';
import { OutboxService } from './outbox.service.js';
import { OutboxPersonalData } from './outbox-personal-data.js';
import { OutboxMerge } from './outbox-merge.js';

/** The notification outbox (see OutboxMessageEntity); every notice it queues also lands in the message centre. */
@Module({
  imports: [InboxModule],
  providers: [OutboxPersonalData, OutboxMerge, OutboxService],
  exports: [OutboxService],
})
export class OutboxModule {}
