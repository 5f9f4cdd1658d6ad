import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AlumniModule } from '../alumni/alumni.module.js';
import { AudiencesModule } from '../audiences/audiences.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { ContentSecurityModule } from '../content-security/content-security.module.js';
import { IdentityModule } from '../identity/identity.module.js';
import { InteractionsModule } from '../interactions/interactions.module.js';
import { OutboxModule } from '../outbox/outbox.module.js';
import { SchoolModule } from '../school/school.module.js';
import { StorageModule } from '../storage/storage.module.js';
import { WechatModule } from '../wechat/wechat.module.js';
import { CouncilAudience } from './council/council-audience.js';
import { CouncilController, StaffCouncilController } from './council/council.controller.js';
import { CouncilMemberEntity } from './council/council-member.entity.js';
import { CouncilService } from './council/council.service.js';
import { GovernanceSettingsController } from './governance-settings.controller.js';
import { GovernanceSettingsEntity } from './governance-settings.entity.js';
import { GovernancePersonalData } from './governance-personal-data.js';
import { GovernanceSettingsService } from './governance-settings.service.js';
import { StaffSuggestionsController } from './suggestions/staff-suggestions.controller.js';
import { SuggestionEntity } from './suggestions/suggestion.entity.js';
import { SuggestionCosignEntity } from './suggestions/suggestion-cosign.entity.js';
import { SuggestionStepEntity } from './suggestions/suggestion-step.entity.js';
import { SuggestionsController } from './suggestions/suggestions.controller.js';
import { SuggestionsService } from './suggestions/suggestions.service.js';
import { BallotsService } from './votes/ballots.service.js';
import { StaffVotesController } from './votes/staff-votes.controller.js';
import { VoteEntity } from './votes/vote.entity.js';
import { VoteParticipationEntity } from './votes/vote-participation.entity.js';
import { VoteTallyEntity } from './votes/vote-tally.entity.js';
import { VotesController } from './votes/votes.controller.js';
import { VotesService } from './votes/votes.service.js';
import { GovernanceMerge } from './governance-merge.js';

/**
 * Alumni in the school's decisions (docs/governance.md): votes and polls with secret or open
 * ballots, suggestions to the school (建言献策) with co-signatures and public answers, and the
 * alumni council, which is also an audience.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      GovernanceSettingsEntity,
      VoteEntity,
      VoteTallyEntity,
      VoteParticipationEntity,
      SuggestionEntity,
      SuggestionCosignEntity,
      SuggestionStepEntity,
      CouncilMemberEntity,
    ]),
    AlumniModule,
    AudiencesModule,
    AuditModule,
    IdentityModule,
    InteractionsModule,
    OutboxModule,
    SchoolModule,
    StorageModule,
    WechatModule,
    ContentSecurityModule,
  ],
  controllers: [
    VotesController,
    StaffVotesController,
    SuggestionsController,
    StaffSuggestionsController,
    CouncilController,
    StaffCouncilController,
    GovernanceSettingsController,
  ],
  providers: [
    GovernanceSettingsService,
    VotesService,
    BallotsService,
    SuggestionsService,
    CouncilService,
    CouncilAudience,
    GovernancePersonalData,
    GovernanceMerge,
  ],
  exports: [VotesService, CouncilService],
})
export class GovernanceModule {}
