import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AlumniModule } from '../alumni/alumni.module.js';
import { InboxController } from './inbox.controller.js';
import { InboxMessageEntity } from './inbox-message.entity.js';
import { InboxPersonalData } from './inbox-personal-data.js';
import { InboxService } from './inbox.service.js';
import { InboxMerge } from './inbox-merge.js';

/** The in-app message centre (消息): every notice, kept for its alumnus (see InboxService). */
@Module({
  imports: [TypeOrmModule.forFeature([InboxMessageEntity]), AlumniModule],
  controllers: [InboxController],
  providers: [InboxService, InboxPersonalData, InboxMerge],
  exports: [InboxService],
})
export class InboxModule {}
