import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AlumniModule } from '../alumni/alumni.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { BranchesModule } from '../branches/branches.module.js';
import { GroupsModule } from '../groups/groups.module.js';
import { InteractionsModule } from '../interactions/interactions.module.js';
import { MiniProgramCodesModule } from '../mini-program-codes/mini-program-codes.module.js';
import { OutboxModule } from '../outbox/outbox.module.js';
import { RosterModule } from '../roster/roster.module.js';
import { SchoolModule } from '../school/school.module.js';
import { VerificationModule } from '../verification/verification.module.js';
import { ClassInvitationEntity } from './class-invitation.entity.js';
import { ClassLiaisonEntity } from './class-liaison.entity.js';
import { BranchLiaisonsController, LiaisonsController, StaffLiaisonsController } from './liaisons.controller.js';
import { LiaisonsPersonalData } from './liaisons-personal-data.js';
import { LiaisonsService } from './liaisons.service.js';
import { LiaisonsMerge } from './liaisons-merge.js';

/** Class liaisons: appointments by staff (and branch admins for classes within their branch), the class roster with contact states, invitations, the class leaderboard. */
@Module({
  imports: [
    TypeOrmModule.forFeature([ClassLiaisonEntity, ClassInvitationEntity]),
    GroupsModule,
    BranchesModule,
    RosterModule,
    VerificationModule,
    AlumniModule,
    SchoolModule,
    InteractionsModule,
    AuditModule,
    MiniProgramCodesModule,
    OutboxModule,
  ],
  controllers: [LiaisonsController, StaffLiaisonsController, BranchLiaisonsController],
  providers: [LiaisonsService, LiaisonsPersonalData, LiaisonsMerge],
})
export class LiaisonsModule {}
