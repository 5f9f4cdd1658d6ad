import { ContentSecurityModule } from '../content-security/content-security.module.js';
import { VerificationHeldContent } from './verification-held-content.js';
import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AlumniModule } from '../alumni/alumni.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { GroupsModule } from '../groups/groups.module.js';
import { IdentityModule } from '../identity/identity.module.js';
import { InteractionsModule } from '../interactions/interactions.module.js';
import { OutboxModule } from '../outbox/outbox.module.js';
import { RosterModule } from '../roster/roster.module.js';
import { SchoolModule } from '../school/school.module.js';
import { StorageModule } from '../storage/storage.module.js';
import { ClaimsController, StaffClaimsController } from './verification.controller.js';
import { GraduationYearAudience } from './graduation-year-audience.js';
import { VerificationService } from './verification.service.js';
import { VerificationPersonalData } from './verification-personal-data.js';
import { VerificationClaimEntity } from './verification-claim.entity.js';
import { VerificationMerge } from './verification-merge.js';

/** Verification claims: instant roster matches, the staff review queue, and its statistics. */
@Module({
  imports: [
    TypeOrmModule.forFeature([VerificationClaimEntity]),
    DiscoveryModule,
    RosterModule,
    AlumniModule,
    SchoolModule,
    InteractionsModule,
    AuditModule,
    OutboxModule,
    GroupsModule,
    StorageModule,
    IdentityModule,
    ContentSecurityModule,
  ],
  controllers: [ClaimsController, StaffClaimsController],
  providers: [VerificationHeldContent, VerificationPersonalData, VerificationMerge, VerificationService, GraduationYearAudience],
  exports: [VerificationService],
})
export class VerificationModule {}
