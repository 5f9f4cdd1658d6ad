import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, Max, Min, ValidateIf } from 'class-validator';
import {
  CAREER_INDUSTRIES,
  CAREERS_LIMITS,
  JOB_APPLICATION_MARKS,
  type JobApplicationInput,
  type JobApplicationMark,
  type JobApplicationMarkInput,
  JOB_POST_STATUSES,
  type JobPostInput,
  type JobPostStatus,
  JOB_TYPES,
  type JobType,
  SALARY_PERIODS,
  type SalaryPeriod,
} from '@alumni/shared';
import { ContactShareBodyDto } from '../../../common/contact-share.dto.js';
import { PageQueryDto } from '../../../common/pagination.js';
import { Day, NullableText, OneOf, OptionalOneOf, OptionalText, RequiredText } from '../../../common/text-fields.js';

/** A monthly salary above ¥1,000,000 (or a daily one alike) is a typo, not a job. */
const MAX_SALARY_FEN = 100_000_000;

const Salary = (description: string) =>
  applyDecorators(
    ApiPropertyOptional({ type: Number, nullable: true, minimum: 100, maximum: MAX_SALARY_FEN, description }),
    ValidateIf((_, value) => value !== undefined && value !== null),
    IsInt(),
    Min(100),
    Max(MAX_SALARY_FEN),
  );

/** POST /careers/jobs and PUT /careers/jobs/:id. */
export class JobPostBodyDto implements JobPostInput {
  @RequiredText(CAREERS_LIMITS.jobTitle, '产品经理实习生') title: string;
  @RequiredText(CAREERS_LIMITS.company, '江州科技有限公司') company: string;
  @OneOf(CAREER_INDUSTRIES) industry: string;
  @RequiredText(CAREERS_LIMITS.city, '上海') city: string;
  @OneOf(JOB_TYPES) type: JobType;
  @Salary('integer fen per period, e.g. 800000 for ¥8,000; with salaryMaxFen and salaryPeriod, or none of them') salaryMinFen?:
    number | null;
  @Salary('integer fen per period, not below salaryMinFen') salaryMaxFen?: number | null;

  @ApiPropertyOptional({ enum: SALARY_PERIODS, nullable: true })
  @ValidateIf((_, value) => value !== undefined && value !== null)
  @IsIn(SALARY_PERIODS)
  salaryPeriod?: SalaryPeriod | null;

  @RequiredText(CAREERS_LIMITS.jobDescription, '参与校园招聘小程序的需求调研与原型设计') description: string;
  @RequiredText(CAREERS_LIMITS.howToApply, '简历发送至 hr@example.com，注明“校友推荐”') howToApply: string;
  @Day('the last day to apply (Beijing), today up to 180 days ahead') closesOn: string;
}

/** GET /careers/jobs: the board's filters. */
export class JobBoardQueryDto extends PageQueryDto {
  @OptionalOneOf(CAREER_INDUSTRIES) industry?: string;
  @OptionalText(CAREERS_LIMITS.city, 'exact city') city?: string;
  @OptionalOneOf(JOB_TYPES) type?: JobType;
  @OptionalText(CAREERS_LIMITS.keyword, 'part of the title, company, industry or city') q?: string;
}

/** GET /staff/careers/jobs. */
export class StaffJobsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: JOB_POST_STATUSES, default: 'pending' })
  @IsOptional()
  @IsIn(JOB_POST_STATUSES)
  status: JobPostStatus = 'pending';
}

/** POST /careers/jobs/:id/applications: what this poster may see besides my name. */
export class JobApplicationBodyDto extends ContactShareBodyDto implements JobApplicationInput {
  @NullableText(CAREERS_LIMITS.message, 'a word to the poster') message?: string | null;
}

/** PUT /careers/applications/:id/status. */
export class JobApplicationMarkBodyDto implements JobApplicationMarkInput {
  @ApiProperty({ enum: JOB_APPLICATION_MARKS })
  @IsIn(JOB_APPLICATION_MARKS)
  status: JobApplicationMark;
}
