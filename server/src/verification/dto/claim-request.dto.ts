import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, Min, ValidateIf } from 'class-validator';
import {
  type ApproveClaimRequest,
  CLAIM_LIMITS,
  CLAIM_STATUSES,
  type ClaimStatus,
  type CreateClaimRequest,
  PROFILE_LIMITS,
  type RejectClaimRequest,
} from '@alumni/shared';
import { PageQueryDto } from '../../common/pagination.js';
import { OptionalField } from '../../common/text-fields.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
/** Blank optional text counts as not given. */
const trimToUndefined = ({ value }: { value: unknown }) => {
  if (typeof value !== 'string') return value;
  return value.trim() === '' ? undefined : value.trim();
};

/** POST /me/claims. The upper year bound moves with the calendar, so the service checks it. */
export class CreateClaimDto implements CreateClaimRequest {
  @ApiProperty({ maxLength: CLAIM_LIMITS.name, example: '张伟' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(CLAIM_LIMITS.name)
  name: string;

  @ApiProperty({ minimum: PROFILE_LIMITS.minGraduationYear, example: 2016 })
  @IsInt()
  @Min(PROFILE_LIMITS.minGraduationYear)
  graduationYear: number;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  departmentId: string;

  @ApiPropertyOptional({ maxLength: CLAIM_LIMITS.studentNumber, description: 'studentNumber or className is required' })
  @Transform(trimToUndefined)
  @OptionalField()
  @IsString()
  @MaxLength(CLAIM_LIMITS.studentNumber)
  studentNumber?: string;

  @ApiPropertyOptional({ maxLength: CLAIM_LIMITS.className, example: '机械1201班' })
  @Transform(trimToUndefined)
  @OptionalField()
  @IsString()
  @MaxLength(CLAIM_LIMITS.className)
  className?: string;
}

export class ApproveClaimDto implements ApproveClaimRequest {
  @ApiPropertyOptional({ format: 'uuid', description: 'The roster entry the claimant is; left out, verified without one' })
  // Left out, not null: @IsOptional would let a null through to the roster lookup.
  @ValidateIf((_, value) => value !== undefined)
  @IsUUID()
  rosterEntryId?: string;
}

export class RejectClaimDto implements RejectClaimRequest {
  @ApiProperty({ maxLength: CLAIM_LIMITS.rejectReason, example: '名册中没有找到该学号，请上传毕业证照片' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(CLAIM_LIMITS.rejectReason)
  reason: string;
}

export class StaffClaimsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: CLAIM_STATUSES, default: 'pending' })
  @IsOptional()
  @IsIn(CLAIM_STATUSES)
  status: ClaimStatus = 'pending';
}
