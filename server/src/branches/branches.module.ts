import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AlumniModule } from '../alumni/alumni.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { ContentSecurityModule } from '../content-security/content-security.module.js';
import { EventsModule } from '../events/events.module.js';
import { GivingModule } from '../giving/giving.module.js';
import { GroupsModule } from '../groups/groups.module.js';
import { InteractionsModule } from '../interactions/interactions.module.js';
import { BranchEntity } from './branch.entity.js';
import { BranchAdminEntity } from './branch-admin.entity.js';
import { BranchItemEntity } from './branch-item.entity.js';
import { BranchesController } from './branches.controller.js';
import { BranchesPersonalData } from './branches-personal-data.js';
import { BranchesService } from './branches.service.js';
import { BranchesSubjects } from './branches-subjects.js';
import { StaffBranchesController } from './staff-branches.controller.js';
import { BranchesMerge } from './branches-merge.js';

/**
 * Branches (分会, docs/branches.md): staff create them and appoint their admins; members,
 * events and campaigns stay in their modules and are asked of their services.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([BranchEntity, BranchAdminEntity, BranchItemEntity]),
    AlumniModule,
    AuditModule,
    ContentSecurityModule,
    EventsModule,
    GivingModule,
    GroupsModule,
    InteractionsModule,
  ],
  controllers: [BranchesController, StaffBranchesController],
  providers: [BranchesService, BranchesSubjects, BranchesPersonalData, BranchesMerge],
  exports: [BranchesService],
})
export class BranchesModule {}
