import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import {
  BRANCH_GROUP_KINDS,
  BRANCH_JOIN_POLICIES,
  BRANCH_KINDS,
  BRANCH_LIMITS,
  type BranchGroupKind,
  type BranchJoinPolicy,
  type BranchKind,
  type CreateBranchGroupRequest,
  type CreateBranchRequest,
  GROUP_LIMITS,
} from '@alumni/shared';
import { PageQueryDto } from '../../common/pagination.js';
import { NullableField, OptionalField } from '../../common/text-fields.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
/** Blank optional text counts as not given. */
const trimToNull = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() || null : value);

/** GET /branches: active branches, optionally of one kind. */
export class ListBranchesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: BRANCH_KINDS })
  @IsOptional()
  @IsIn(BRANCH_KINDS)
  kind?: BranchKind;
}

/** POST /staff/branches. City, industry and overseas branches need their `place`. */
export class CreateBranchDto implements CreateBranchRequest {
  @ApiProperty({ enum: BRANCH_KINDS })
  @IsIn(BRANCH_KINDS)
  kind: BranchKind;

  @ApiProperty({ maxLength: BRANCH_LIMITS.name, example: '上海校友分会' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(BRANCH_LIMITS.name)
  name: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: BRANCH_LIMITS.place,
    description: 'the city (city), the country or region (overseas) or the industry (industry); not for interest branches',
    example: '上海',
  })
  @NullableField()
  @Transform(trimToNull)
  @IsString()
  @MaxLength(BRANCH_LIMITS.place)
  place?: string | null;

  @ApiPropertyOptional({ maxLength: BRANCH_LIMITS.intro })
  @OptionalField()
  @Transform(trim)
  @IsString()
  @MaxLength(BRANCH_LIMITS.intro)
  intro?: string;

  @ApiProperty({ enum: BRANCH_JOIN_POLICIES })
  @IsIn(BRANCH_JOIN_POLICIES)
  joinPolicy: BranchJoinPolicy;
}

/** POST /branches/:id/groups: a group a branch admin opens under the branch. */
export class CreateBranchGroupDto implements CreateBranchGroupRequest {
  @ApiProperty({ enum: BRANCH_GROUP_KINDS })
  @IsIn(BRANCH_GROUP_KINDS)
  kind: BranchGroupKind;

  @ApiProperty({ maxLength: GROUP_LIMITS.name, example: '上海分会读书会' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(GROUP_LIMITS.name)
  name: string;

  @ApiPropertyOptional({ maxLength: GROUP_LIMITS.intro })
  @OptionalField()
  @Transform(trim)
  @IsString()
  @MaxLength(GROUP_LIMITS.intro)
  intro?: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: GROUP_LIMITS.place,
    description: 'city groups: the city; industry groups: the industry',
  })
  @NullableField()
  @Transform(trimToNull)
  @IsString()
  @MaxLength(GROUP_LIMITS.place)
  place?: string | null;

  @ApiProperty({ enum: BRANCH_JOIN_POLICIES })
  @IsIn(BRANCH_JOIN_POLICIES)
  joinPolicy: BranchJoinPolicy;
}

/** GET /staff/branches/admin-candidates?q=: verified alumni by the beginning of their name. */
export class BranchAdminCandidatesQueryDto {
  @ApiProperty({ description: 'the beginning of a display or real name', example: '王' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(20)
  q: string;
}
