import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AlumniModule } from '../alumni/alumni.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { ContentSecurityModule } from '../content-security/content-security.module.js';
import { IdentityModule } from '../identity/identity.module.js';
import { InteractionsModule } from '../interactions/interactions.module.js';
import { OutboxModule } from '../outbox/outbox.module.js';
import { StorageModule } from '../storage/storage.module.js';
import { VerificationModule } from '../verification/verification.module.js';
import { WechatModule } from '../wechat/wechat.module.js';
import { CareerAccessService } from './career-access.service.js';
import { CareersController, StaffCareersSettingsController } from './careers.controller.js';
import { CareersSettingsEntity } from './careers-settings.entity.js';
import { CareersSettingsService } from './careers-settings.service.js';
import { CareersTextsService } from './careers-texts.service.js';

/**
 * What the three careers areas share: who may do what (CareerAccessService), the settings,
 * and the content check of their text. Re-exports the modules every area uses.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([CareersSettingsEntity]),
    AlumniModule,
    VerificationModule,
    IdentityModule,
    StorageModule,
    WechatModule,
    ContentSecurityModule,
    AuditModule,
    InteractionsModule,
    OutboxModule,
  ],
  controllers: [CareersController, StaffCareersSettingsController],
  providers: [CareerAccessService, CareersSettingsService, CareersTextsService],
  exports: [
    CareerAccessService,
    CareersSettingsService,
    CareersTextsService,
    AlumniModule,
    IdentityModule,
    StorageModule,
    AuditModule,
    InteractionsModule,
    OutboxModule,
  ],
})
export class CareersCoreModule {}
