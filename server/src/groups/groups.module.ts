import { ContentSecurityModule } from '../content-security/content-security.module.js';
import { GroupsHeldContent } from './groups-held-content.js';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AlumniModule } from '../alumni/alumni.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { InteractionsModule } from '../interactions/interactions.module.js';
import { OutboxModule } from '../outbox/outbox.module.js';
import { StorageModule } from '../storage/storage.module.js';
import { WechatModule } from '../wechat/wechat.module.js';
import { GroupAudience } from './group-audience.js';
import { GroupCatalogService } from './group-catalog.service.js';
import { GroupInvitationsService } from './group-invitations.service.js';
import { GroupEntity } from './group.entity.js';
import { GroupMembershipEntity } from './group-membership.entity.js';
import { GroupQrcodeEntity } from './group-qrcode.entity.js';
import { GroupsController } from './groups.controller.js';
import { GroupsPersonalData } from './groups-personal-data.js';
import { GroupsSubjects } from './groups-subjects.js';
import { GroupsService } from './groups.service.js';
import { MembershipsService } from './memberships.service.js';
import { MyGroupsController } from './my-groups.controller.js';
import { StaffGroupsController } from './staff-groups.controller.js';
import { GroupsMerge } from './groups-merge.js';

/**
 * Class, interest, city and industry groups: discovery, proposals, memberships and their
 * admins, invitations by mini-program code. GroupsService is what other modules use
 * (membership, feed access, class groups from the roster and verification).
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([GroupEntity, GroupMembershipEntity, GroupQrcodeEntity]),
    AlumniModule,
    InteractionsModule,
    OutboxModule,
    AuditModule,
    StorageModule,
    WechatModule,
    ContentSecurityModule,
  ],
  controllers: [GroupsController, MyGroupsController, StaffGroupsController],
  providers: [
    GroupsService,
    GroupCatalogService,
    MembershipsService,
    GroupInvitationsService,
    GroupAudience,
    GroupsPersonalData,
    GroupsMerge,
    GroupsSubjects,
    GroupsHeldContent,
  ],
  exports: [GroupsService],
})
export class GroupsModule {}
