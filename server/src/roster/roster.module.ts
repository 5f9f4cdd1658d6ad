import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { GroupsModule } from '../groups/groups.module.js';
import { SchoolModule } from '../school/school.module.js';
import { RosterEntryEntity } from './roster-entry.entity.js';
import { RosterImportEntity } from './roster-import.entity.js';
import { RosterController } from './roster.controller.js';
import { RosterService } from './roster.service.js';
import { RosterPersonalData } from './roster-personal-data.js';
import { RosterMerge } from './roster-merge.js';

/** Graduate rosters: templates, preview and commit of imports; matching for claims; the class list for groups. */
@Module({
  imports: [TypeOrmModule.forFeature([RosterEntryEntity, RosterImportEntity]), SchoolModule, AuditModule, GroupsModule],
  controllers: [RosterController],
  providers: [RosterPersonalData, RosterMerge, RosterService],
  exports: [RosterService],
})
export class RosterModule {}
