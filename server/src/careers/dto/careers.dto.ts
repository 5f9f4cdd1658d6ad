import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsInt, Max, Min } from 'class-validator';
import {
  CAREER_STAGES,
  CAREERS_LIMITS,
  CAREERS_SETTINGS_LIMITS,
  type CareerStage,
  type CareersSettingsDto,
  type CareerStandingDto,
} from '@alumni/shared';
import { RequiredText } from '../../common/text-fields.js';

export class CareerStandingResponseDto implements CareerStandingDto {
  @ApiProperty({ enum: CAREER_STAGES, description: 'from the verified graduation year: a student until 1 July of that year' })
  stage: CareerStage;
  @ApiProperty() staff: boolean;
  @ApiProperty({ description: 'may offer mentoring, post jobs, write resources (verified graduates and staff)' }) mayContribute: boolean;
  @ApiProperty({ description: 'may ask for a mentor and apply for jobs (verified students and graduates, staff)' }) mayParticipate: boolean;
  @ApiProperty({ type: String, nullable: true }) industry: string | null;
  @ApiProperty({ type: String, nullable: true }) city: string | null;
  @ApiProperty() phoneBound: boolean;
}

/** GET and PUT /staff/careers/settings. */
export class CareersSettingsBodyDto implements CareersSettingsDto {
  @ApiProperty({ description: 'job posts wait for staff approval before they are public' })
  @IsBoolean()
  jobApprovalRequired: boolean;

  @ApiProperty({ minimum: CAREERS_SETTINGS_LIMITS.minTermDays, maximum: CAREERS_SETTINGS_LIMITS.maxTermDays, example: 90 })
  @IsInt()
  @Min(CAREERS_SETTINGS_LIMITS.minTermDays)
  @Max(CAREERS_SETTINGS_LIMITS.maxTermDays)
  mentoringTermDays: number;

  @ApiProperty({ minimum: CAREERS_SETTINGS_LIMITS.minQuietDays, maximum: CAREERS_SETTINGS_LIMITS.maxQuietDays, example: 30 })
  @IsInt()
  @Min(CAREERS_SETTINGS_LIMITS.minQuietDays)
  @Max(CAREERS_SETTINGS_LIMITS.maxQuietDays)
  quietAfterDays: number;
}

/** A staff refusal or take-down: the reason is shown to the author. */
export class StaffReasonBodyDto {
  @RequiredText(CAREERS_LIMITS.reason, '内容含有个人联系方式，请修改后再提交') reason: string;
}
