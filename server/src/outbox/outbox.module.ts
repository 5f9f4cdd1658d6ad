import { Module } from '@nestjs/common';
import { OutboxService } from './outbox.service.js';

/** The notification outbox (see OutboxMessageEntity). */
@Module({
  providers: [OutboxService],
  exports: [OutboxService],
})
export class OutboxModule {}
