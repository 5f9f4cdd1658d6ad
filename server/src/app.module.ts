import { type DynamicModule, Module, type ModuleMetadata } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { APP_FILTER } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { AlumniModule } from './alumni/alumni.module.js';
import { ProfilesModule } from './alumni/profiles.module.js';
import { AuditModule } from './audit/audit.module.js';
import { AuthCoreModule } from './auth/auth-core.module.js';
import { BranchesModule } from './branches/branches.module.js';
import { AudiencesModule } from './audiences/audiences.module.js';
import { CampusDaysModule } from './campus-days/campus-days.module.js';
import { MemoriesModule } from './memories/memories.module.js';
import { CareersModule } from './careers/careers.module.js';
import { ContentSecurityModule } from './content-security/content-security.module.js';
import { ApiExceptionFilter } from './common/api-exception.filter.js';
import { loggerParams } from './common/logging.js';
import { RateLimitModule } from './common/rate-limit/rate-limit.module.js';
import { ReadCacheModule } from './read-cache/read-cache.module.js';
import type { AppConfig } from './config/configuration.js';
import { DatabaseModule, type DatabaseTarget } from './database/database.module.js';
import { ContactsModule } from './contacts/contacts.module.js';
import { DirectoryModule } from './directory/directory.module.js';
import { EventsModule } from './events/events.module.js';
import { GivingModule } from './giving/giving.module.js';
import { GovernanceModule } from './governance/governance.module.js';
import { GroupPostsModule } from './group-posts/group-posts.module.js';
import { GroupsModule } from './groups/groups.module.js';
import { HealthModule } from './health/health.module.js';
import { IdentityModule } from './identity/identity.module.js';
import { InboxModule } from './inbox/inbox.module.js';
import { InteractionsModule } from './interactions/interactions.module.js';
import { EngagementModule } from './engagement/engagement.module.js';
import { DashboardModule } from './dashboard/dashboard.module.js';
import { JobsModule } from './jobs/jobs.module.js';
import { LiaisonsModule } from './liaisons/liaisons.module.js';
import { DuplicatesModule } from './duplicates/duplicates.module.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { RosterModule } from './roster/roster.module.js';
import { SchoolModule } from './school/school.module.js';
import { StaffModule } from './staff/staff.module.js';
import { StorageModule } from './storage/storage.module.js';
import { StoriesModule } from './stories/stories.module.js';
import { SurveysModule } from './surveys/surveys.module.js';
import { VerificationModule } from './verification/verification.module.js';

@Module({})
export class AppModule {
  /** `extra` lets tests mount probe modules next to the real ones. */
  static register(
    config: AppConfig,
    database: DatabaseTarget,
    extra: ModuleMetadata['imports'] = [],
    logDestination?: DestinationStream,
  ): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, ignoreEnvVars: true, load: [() => ({ ...config })] }),
        LoggerModule.forRoot(loggerParams(config, logDestination)),
        RateLimitModule.forRoot(config.throttle),
        DatabaseModule.forRoot(database, config.databasePoolSize),
        ReadCacheModule.forRoot(database, config.readCacheSeconds),
        JobsModule,
        AuthCoreModule,
        IdentityModule,
        HealthModule,
        SchoolModule,
        AlumniModule,
        GroupsModule,
        GroupPostsModule,
        ContentSecurityModule,
        EventsModule,
        GivingModule,
        InteractionsModule,
        EngagementModule,
        DashboardModule,
        AuditModule,
        StorageModule,
        ProfilesModule,
        DirectoryModule,
        ContactsModule,
        StaffModule,
        RosterModule,
        VerificationModule,
        NotificationsModule,
        InboxModule,
        CareersModule,
        AudiencesModule,
        GovernanceModule,
        CampusDaysModule,
        MemoriesModule,
        SurveysModule,
        BranchesModule,
        StoriesModule,
        LiaisonsModule,
        DuplicatesModule,
        ...extra,
      ],
      providers: [{ provide: APP_FILTER, useClass: ApiExceptionFilter }],
    };
  }
}
