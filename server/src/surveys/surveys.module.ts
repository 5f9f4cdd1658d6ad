import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AlumniModule } from '../alumni/alumni.module.js';
import { AudiencesModule } from '../audiences/audiences.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { IdentityModule } from '../identity/identity.module.js';
import { InteractionsModule } from '../interactions/interactions.module.js';
import { SchoolModule } from '../school/school.module.js';
import { VerificationModule } from '../verification/verification.module.js';
import { ResponsesService } from './responses.service.js';
import { StaffSurveysController } from './staff-surveys.controller.js';
import { SurveyEntity } from './survey.entity.js';
import { SurveyImportEntity } from './survey-import.entity.js';
import { SurveyImportsService } from './survey-imports.service.js';
import { SurveyResponseEntity } from './survey-response.entity.js';
import { SurveyResultsService } from './survey-results.service.js';
import { SurveysController } from './surveys.controller.js';
import { SurveysPersonalData } from './surveys-personal-data.js';
import { SurveysService } from './surveys.service.js';
import { SurveysMerge } from './surveys-merge.js';

/**
 * Surveys as association research does them (docs/surveys.md): questionnaires sent to an
 * audience, responses online and imported from paper, issued/returned/valid, percentage tables
 * by any respondent attribute, exports.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([SurveyEntity, SurveyResponseEntity, SurveyImportEntity]),
    AlumniModule,
    AudiencesModule,
    AuditModule,
    IdentityModule,
    InteractionsModule,
    SchoolModule,
    VerificationModule,
  ],
  controllers: [SurveysController, StaffSurveysController],
  providers: [SurveysService, ResponsesService, SurveyResultsService, SurveyImportsService, SurveysPersonalData, SurveysMerge],
})
export class SurveysModule {}
