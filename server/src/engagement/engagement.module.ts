import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AlumniModule } from '../alumni/alumni.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { EngagementKindSumEntity } from './engagement-kind-sum.entity.js';
import { EngagementMonthEntity } from './engagement-month.entity.js';
import { EngagementSettingsEntity } from './engagement-settings.entity.js';
import { EngagementSummaryEntity } from './engagement-summary.entity.js';
import { EngagementWeightEntity } from './engagement-weight.entity.js';
import { EngagementController } from './engagement.controller.js';
import { EngagementService } from './engagement.service.js';
import { EngagementPersonalData } from './engagement-personal-data.js';
import { EngagementMerge } from './engagement-merge.js';

/** Scores, segments and contact coverage derived from the interaction log. */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      EngagementSettingsEntity,
      EngagementWeightEntity,
      EngagementKindSumEntity,
      EngagementSummaryEntity,
      EngagementMonthEntity,
    ]),
    AlumniModule,
    AuditModule,
  ],
  controllers: [EngagementController],
  providers: [EngagementPersonalData, EngagementMerge, EngagementService],
  exports: [EngagementService],
})
export class EngagementModule {}
