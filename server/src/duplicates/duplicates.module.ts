import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AlumniModule } from '../alumni/alumni.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { EngagementModule } from '../engagement/engagement.module.js';
import { InteractionsModule } from '../interactions/interactions.module.js';
import { RosterModule } from '../roster/roster.module.js';
import { SchoolModule } from '../school/school.module.js';
import { VerificationModule } from '../verification/verification.module.js';
import { DuplicatesController } from './duplicates.controller.js';
import { DuplicatesMerge } from './duplicates-merge.js';
import { DuplicatesPersonalData } from './duplicates-personal-data.js';
import { DuplicatesService } from './duplicates.service.js';
import { MergeRegistry } from './merge.registry.js';

/**
 * Duplicate records: the scan, the staff review queue and the merge. Modules take part in a
 * merge by declaring a `@MergeParticipant()` provider (merge-participant.ts); they need not import this.
 */
@Module({
  imports: [
    DiscoveryModule,
    AlumniModule,
    AuditModule,
    InteractionsModule,
    EngagementModule,
    RosterModule,
    SchoolModule,
    VerificationModule,
  ],
  controllers: [DuplicatesController],
  providers: [DuplicatesService, MergeRegistry, DuplicatesMerge, DuplicatesPersonalData],
  exports: [MergeRegistry],
})
export class DuplicatesModule {}
