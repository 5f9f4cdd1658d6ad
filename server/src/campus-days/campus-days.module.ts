import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AlumniModule } from '../alumni/alumni.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { EventsModule } from '../events/events.module.js';
import { GroupsModule } from '../groups/groups.module.js';
import { IdentityModule } from '../identity/identity.module.js';
import { InteractionsModule } from '../interactions/interactions.module.js';
import { MiniProgramCodesModule } from '../mini-program-codes/mini-program-codes.module.js';
import { OutboxModule } from '../outbox/outbox.module.js';
import { SchoolModule } from '../school/school.module.js';
import { WechatModule } from '../wechat/wechat.module.js';
import { ContentSecurityModule } from '../content-security/content-security.module.js';
import { CampusDayCompletionEntity } from './campus-day-completion.entity.js';
import { CampusDaySpotEntity } from './campus-day-spot.entity.js';
import { CampusDaySpotsService } from './campus-day-spots.service.js';
import { CampusDayStampEntity } from './campus-day-stamp.entity.js';
import { CampusDaysController, StaffCampusDaysController } from './campus-days.controller.js';
import { CampusDaysPersonalData } from './campus-days-personal-data.js';
import { CampusDaysService } from './campus-days.service.js';
import { ReunionInterestEntity } from './reunions/reunion-interest.entity.js';
import { ReunionProposalEntity } from './reunions/reunion-proposal.entity.js';
import { ReunionProposers } from './reunions/reunion-proposers.js';
import { ReunionsController, StaffReunionsController } from './reunions/reunions.controller.js';
import { ReunionsService } from './reunions/reunions.service.js';
import { CampusDaysMerge } from './campus-days-merge.js';

/**
 * Return-to-campus days (spots, stamps, keepsake, class wall) and class reunions proposed by
 * classmates and made into events by staff (docs/memories.md). Events, classes and people are
 * asked of their modules' services.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      CampusDaySpotEntity,
      CampusDayStampEntity,
      CampusDayCompletionEntity,
      ReunionProposalEntity,
      ReunionInterestEntity,
    ]),
    AlumniModule,
    AuditModule,
    EventsModule,
    GroupsModule,
    IdentityModule,
    InteractionsModule,
    MiniProgramCodesModule,
    OutboxModule,
    SchoolModule,
    WechatModule,
    ContentSecurityModule,
  ],
  controllers: [CampusDaysController, StaffCampusDaysController, ReunionsController, StaffReunionsController],
  providers: [CampusDaysService, CampusDaySpotsService, ReunionsService, ReunionProposers, CampusDaysPersonalData, CampusDaysMerge],
})
export class CampusDaysModule {}
