import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CareersCoreModule } from '../careers-core.module.js';
import { JobApplicationEntity } from './job-application.entity.js';
import { JobApplicationsService } from './job-applications.service.js';
import { JobPostEntity } from './job-post.entity.js';
import { JobPostsService } from './job-posts.service.js';
import { JobsPersonalData } from './jobs-personal-data.js';
import { JobsController } from './jobs.controller.js';
import { StaffJobsController } from './staff-jobs.controller.js';
import { JobsMerge } from './jobs-merge.js';

/** The jobs and internships board: posts, staff approval and take-down, applications and their status. */
@Module({
  imports: [TypeOrmModule.forFeature([JobPostEntity, JobApplicationEntity]), CareersCoreModule],
  controllers: [JobsController, StaffJobsController],
  providers: [JobPostsService, JobApplicationsService, JobsPersonalData, JobsMerge],
  exports: [JobPostsService],
})
export class JobBoardModule {}
