import { ApiProperty } from '@nestjs/swagger';
import {
  CAREER_STAGES,
  type CareerStage,
  JOB_APPLICATION_STATUSES,
  type JobApplicationDto,
  type JobApplicationStatus,
  JOB_POST_STATUSES,
  type JobPostDto,
  type JobPostStatus,
  type JobPostSummaryDto,
  JOB_TYPES,
  type JobType,
  type MyJobApplicationDto,
  type Page,
  SALARY_PERIODS,
  type SalaryPeriod,
} from '@alumni/shared';

export class JobPostSummaryResponseDto implements JobPostSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '产品经理实习生' }) title: string;
  @ApiProperty() company: string;
  @ApiProperty() industry: string;
  @ApiProperty() city: string;
  @ApiProperty({ enum: JOB_TYPES }) type: JobType;
  @ApiProperty({ type: Number, nullable: true, description: 'integer fen' }) salaryMinFen: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'integer fen' }) salaryMaxFen: number | null;
  @ApiProperty({ enum: SALARY_PERIODS, nullable: true }) salaryPeriod: SalaryPeriod | null;
  @ApiProperty({ format: 'date', description: 'the last day to apply (Beijing)' }) closesOn: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) publishedAt: string | null;
  @ApiProperty({ enum: JOB_POST_STATUSES }) status: JobPostStatus;
  @ApiProperty() posterName: string;
  @ApiProperty({ description: 'applications received (withdrawn ones not counted)' }) applicationCount: number;
}

export class JobPostSummaryPageResponseDto implements Page<JobPostSummaryDto> {
  @ApiProperty({ type: [JobPostSummaryResponseDto] }) items: JobPostSummaryResponseDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class MyJobApplicationResponseDto implements MyJobApplicationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) jobId: string;
  @ApiProperty() jobTitle: string;
  @ApiProperty() company: string;
  @ApiProperty({ enum: JOB_APPLICATION_STATUSES }) status: JobApplicationStatus;
  @ApiProperty() sharedPhone: boolean;
  @ApiProperty({ type: String, nullable: true }) email: string | null;
  @ApiProperty({ type: String, nullable: true }) wechatId: string | null;
  @ApiProperty({ type: String, nullable: true }) message: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) statusChangedAt: string;
}

export class MyJobApplicationPageResponseDto implements Page<MyJobApplicationDto> {
  @ApiProperty({ type: [MyJobApplicationResponseDto] }) items: MyJobApplicationResponseDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class JobPostResponseDto extends JobPostSummaryResponseDto implements JobPostDto {
  @ApiProperty() description: string;
  @ApiProperty() howToApply: string;
  @ApiProperty() viewCount: number;
  @ApiProperty({ format: 'uuid' }) posterId: string;
  @ApiProperty({ type: String, nullable: true, description: 'staff’s reason for a rejection or take-down (poster and staff only)' })
  moderationNote: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: MyJobApplicationResponseDto, nullable: true }) myApplication: MyJobApplicationResponseDto | null;
  @ApiProperty() mayEdit: boolean;
  @ApiProperty() mayApply: boolean;
  @ApiProperty({ type: String, nullable: true, example: '完成校友认证后才能投递' }) applyBlockedReason: string | null;
}

export class JobPostPageResponseDto implements Page<JobPostDto> {
  @ApiProperty({ type: [JobPostResponseDto] }) items: JobPostResponseDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class JobApplicationResponseDto implements JobApplicationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() applicantName: string;
  @ApiProperty({ enum: CAREER_STAGES }) stage: CareerStage;
  @ApiProperty({ type: String, nullable: true, description: 'only when the applicant chose to share it' }) phone: string | null;
  @ApiProperty({ type: String, nullable: true }) email: string | null;
  @ApiProperty({ type: String, nullable: true }) wechatId: string | null;
  @ApiProperty({ type: String, nullable: true }) message: string | null;
  @ApiProperty({ enum: JOB_APPLICATION_STATUSES }) status: JobApplicationStatus;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) statusChangedAt: string;
}

export class JobApplicationPageResponseDto implements Page<JobApplicationDto> {
  @ApiProperty({ type: [JobApplicationResponseDto] }) items: JobApplicationResponseDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
