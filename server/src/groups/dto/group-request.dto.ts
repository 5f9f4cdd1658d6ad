import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import {
  type CreateGroupRequest,
  GROUP_JOIN_POLICIES,
  GROUP_KINDS,
  GROUP_LIMITS,
  GROUP_STATUSES,
  type GroupJoinPolicy,
  type GroupKind,
  type GroupStatus,
  PROFILE_LIMITS,
} from '@alumni/shared';
import { PageQueryDto } from '../../common/pagination.js';
import { OptionalField } from '../../common/text-fields.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
/** Blank optional text counts as not given. */
const trimToUndefined = ({ value }: { value: unknown }) => {
  if (typeof value !== 'string') return value;
  return value.trim() === '' ? undefined : value.trim();
};

/**
 * GET /groups: active groups, optionally of one kind, whose name contains `q`, and (class
 * groups) of one graduation year and/or department.
 */
export class ListGroupsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: GROUP_KINDS })
  @IsOptional()
  @IsIn(GROUP_KINDS)
  kind?: GroupKind;

  @ApiPropertyOptional({ maxLength: GROUP_LIMITS.search, description: 'part of the group name', example: '摄影' })
  @Transform(trimToUndefined)
  @IsOptional()
  @IsString()
  @MaxLength(GROUP_LIMITS.search)
  q?: string;

  @ApiPropertyOptional({ example: 2012, description: 'class groups of this graduation year (届别)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(PROFILE_LIMITS.minGraduationYear)
  @Max(2100)
  graduationYear?: number;

  @ApiPropertyOptional({ format: 'uuid', description: 'class groups of this department (院系)' })
  @IsOptional()
  @IsUUID()
  departmentId?: string;
}

/** GET /staff/groups: groups of one status, `proposed` (the review queue) by default. */
export class StaffGroupsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: GROUP_STATUSES, default: 'proposed' })
  @IsOptional()
  @IsIn(GROUP_STATUSES)
  status: GroupStatus = 'proposed';
}

/** POST /staff/groups and POST /groups/proposals. Class groups come from the roster only. */
export class CreateGroupDto implements CreateGroupRequest {
  @ApiProperty({ enum: GROUP_KINDS, description: '`class` is refused: class groups come from the roster' })
  @IsIn(GROUP_KINDS)
  kind: GroupKind;

  @ApiProperty({ maxLength: GROUP_LIMITS.name, example: '校友羽毛球俱乐部' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(GROUP_LIMITS.name)
  name: string;

  @ApiPropertyOptional({ maxLength: GROUP_LIMITS.intro })
  @Transform(trim)
  @OptionalField()
  @IsString()
  @MaxLength(GROUP_LIMITS.intro)
  intro?: string;

  @ApiPropertyOptional({ maxLength: GROUP_LIMITS.place, description: 'required for city groups', example: '上海' })
  @Transform(trimToUndefined)
  @OptionalField()
  @IsString()
  @MaxLength(GROUP_LIMITS.place)
  city?: string;

  @ApiPropertyOptional({ maxLength: GROUP_LIMITS.place, description: 'required for industry groups', example: '互联网' })
  @Transform(trimToUndefined)
  @OptionalField()
  @IsString()
  @MaxLength(GROUP_LIMITS.place)
  industry?: string;

  @ApiPropertyOptional({ enum: GROUP_JOIN_POLICIES, default: 'open', description: '`roster_only` is for class groups only' })
  // Left out means open; null is no policy and is refused (@IsOptional would let it through to the default).
  @ValidateIf((_, value) => value !== undefined)
  @IsIn(GROUP_JOIN_POLICIES)
  joinPolicy?: GroupJoinPolicy;
}

/** POST /groups/:id/join. */
export class JoinGroupDto {
  @ApiPropertyOptional({ maxLength: GROUP_LIMITS.requestNote, description: 'for approval groups: a word to the group admins' })
  @Transform(trimToUndefined)
  @OptionalField()
  @IsString()
  @MaxLength(GROUP_LIMITS.requestNote)
  note?: string;
}

/** POST /staff/groups/:id/reject. */
export class RejectGroupDto {
  @ApiProperty({ maxLength: GROUP_LIMITS.rejectReason, example: '已有相同主题的群组' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(GROUP_LIMITS.rejectReason)
  reason: string;
}

/** POST /groups/:id/join-requests/:alumnusId/reject. */
export class RejectJoinRequestDto {
  @ApiPropertyOptional({ maxLength: GROUP_LIMITS.rejectReason, description: 'shown to the requester' })
  @Transform(trimToUndefined)
  @OptionalField()
  @IsString()
  @MaxLength(GROUP_LIMITS.rejectReason)
  reason?: string;
}

/** PUT /groups/:id/members/:alumnusId/role. */
export class SetMemberRoleDto {
  @ApiProperty({ enum: ['admin', 'member'] })
  @IsIn(['admin', 'member'])
  role: 'admin' | 'member';
}
