import { Module } from '@nestjs/common';
import { CareersCoreModule } from './careers-core.module.js';
import { JobBoardModule } from './jobs/jobs.module.js';
import { MentoringModule } from './mentoring/mentoring.module.js';
import { ResourceLibraryModule } from './resources/resources.module.js';

/** Careers (docs/careers.md): cross-industry mentoring, the jobs and internships board, the career resource library. */
@Module({
  imports: [CareersCoreModule, MentoringModule, JobBoardModule, ResourceLibraryModule],
})
export class CareersModule {}
