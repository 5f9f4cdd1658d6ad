import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { ContentSecurityModule } from '../content-security/content-security.module.js';
import { GroupsModule } from '../groups/groups.module.js';
import { IdentityModule } from '../identity/identity.module.js';
import { InteractionsModule } from '../interactions/interactions.module.js';
import { PersonalDataModule } from '../personal-data/personal-data.module.js';
import { SchoolModule } from '../school/school.module.js';
import { StorageModule } from '../storage/storage.module.js';
import { AlumniModule } from './alumni.module.js';
import { AlumnusViewService } from './alumnus-view.service.js';
import { AlumniController, ProfilesController } from './profiles.controller.js';
import { ProfilesHeldContent } from './profiles-held-content.js';
import { ProfilesService } from './profiles.service.js';

/**
 * Profiles, avatars, export and erasure (`/me`), and alumnus cards. A module apart from
 * AlumniModule because it needs SchoolModule, which itself counts alumni through AlumniModule.
 * Exports AlumnusViewService: every module that shows an alumnus presents it through it.
 */
@Module({
  imports: [
    AlumniModule,
    SchoolModule,
    GroupsModule,
    InteractionsModule,
    AuditModule,
    StorageModule,
    IdentityModule,
    PersonalDataModule,
    ContentSecurityModule,
  ],
  controllers: [ProfilesController, AlumniController],
  providers: [ProfilesService, AlumnusViewService, ProfilesHeldContent],
  exports: [AlumnusViewService],
})
export class ProfilesModule {}
