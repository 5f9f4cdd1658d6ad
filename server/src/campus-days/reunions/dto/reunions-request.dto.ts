import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsInt, IsLatitude, IsLongitude, IsUUID, Max, Min } from 'class-validator';
import {
  type ApproveReunionRequest,
  type DeclineReunionRequest,
  EVENT_LIMITS,
  REUNION_LIMITS,
  REUNION_STATUSES,
  type ReunionProposalInput,
  type ReunionStatus,
} from '@alumni/shared';
import { PageQueryDto } from '../../../common/pagination.js';
import { NullableText, OptionalField, OptionalOneOf, RequiredText } from '../../../common/text-fields.js';

/** POST /reunions. */
export class ReunionProposalBodyDto implements ReunionProposalInput {
  @ApiProperty({ format: 'uuid', description: 'the class group of a class I am verified in' })
  @IsUUID()
  classGroupId: string;

  @RequiredText(REUNION_LIMITS.title, '毕业十周年聚会') title: string;
  @RequiredText(REUNION_LIMITS.message, '十年了，回母校看看吧！') message: string;

  @ApiProperty({ format: 'date-time', description: 'ahead, within two years' })
  @IsISO8601({ strict: true })
  startsAt: string;

  @ApiProperty({ format: 'date-time', description: 'after startsAt' })
  @IsISO8601({ strict: true })
  endsAt: string;

  @NullableText(REUNION_LIMITS.city) city?: string | null;
  @NullableText(REUNION_LIMITS.venue, 'where the class would like to meet') venue?: string | null;
}

/** GET /reunions?classGroupId=. */
export class ReunionListQueryDto extends PageQueryDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  classGroupId: string;
}

/** GET /staff/reunions?status=. */
export class StaffReunionQueryDto extends PageQueryDto {
  @OptionalOneOf(REUNION_STATUSES, 'open (the default): waiting for staff')
  status?: ReunionStatus;
}

/** POST /staff/reunions/:id/approve. */
export class ApproveReunionDto implements ApproveReunionRequest {
  @ApiProperty({ minimum: 1, maximum: REUNION_LIMITS.capacity })
  @IsInt()
  @Min(1)
  @Max(REUNION_LIMITS.capacity)
  capacity: number;

  @RequiredText(EVENT_LIMITS.place, '母校大礼堂') venue: string;
  @RequiredText(EVENT_LIMITS.place, '江州市学院路 1 号') address: string;

  @ApiProperty()
  @IsLatitude()
  latitude: number;

  @ApiProperty()
  @IsLongitude()
  longitude: number;

  @NullableText(REUNION_LIMITS.city) city?: string | null;

  @ApiPropertyOptional({ format: 'date-time', description: 'the proposal’s start unless staff agreed another' })
  @OptionalField()
  @IsISO8601({ strict: true })
  startsAt?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @OptionalField()
  @IsISO8601({ strict: true })
  endsAt?: string;

  @NullableText(REUNION_LIMITS.decisionNote, 'a word to the class') note?: string | null;
}

/** POST /staff/reunions/:id/decline. */
export class DeclineReunionDto implements DeclineReunionRequest {
  @RequiredText(REUNION_LIMITS.decisionNote, '时间与校庆冲突，建议改到十月') note: string;
}
