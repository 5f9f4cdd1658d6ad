import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsUUID, Max, Min, ValidateIf } from 'class-validator';
import { AUDIENCE_KINDS, type AudienceDto, type AudienceKind, type AudienceSizeDto, type AudienceSpec } from '@alumni/shared';
import { NullableField } from '../../common/text-fields.js';

const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

/** An audience in a request body (votes, surveys) or query (its size). */
export class AudienceBodyDto implements AudienceSpec {
  @ApiProperty({ enum: AUDIENCE_KINDS, description: 'every kind is made of verified alumni' })
  @IsIn(AUDIENCE_KINDS)
  kind: AudienceKind;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    minimum: MIN_YEAR,
    maximum: MAX_YEAR,
    description: 'graduation_years: first verified year',
  })
  @Type(() => Number)
  @ValidateIf((_, value) => value !== undefined && value !== null)
  @IsInt()
  @Min(MIN_YEAR)
  @Max(MAX_YEAR)
  yearFrom?: number | null;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    minimum: MIN_YEAR,
    maximum: MAX_YEAR,
    description: 'graduation_years: last verified year',
  })
  @Type(() => Number)
  @ValidateIf((_, value) => value !== undefined && value !== null)
  @IsInt()
  @Min(MIN_YEAR)
  @Max(MAX_YEAR)
  yearTo?: number | null;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'group: the group whose active members are the audience',
  })
  @NullableField()
  @ValidateIf((_, value) => value !== null)
  @IsUUID()
  groupId?: string | null;
}

export class AudienceSizeResponseDto implements AudienceSizeDto {
  @ApiProperty({ example: '2010–2015 届认证校友' }) label: string;
  @ApiProperty({ description: 'verified, active alumni in the audience now' }) size: number;
}

/** An audience as answered: the spec and its words. */
export class AudienceResponseDto implements AudienceDto {
  @ApiProperty({ enum: AUDIENCE_KINDS }) kind: AudienceKind;
  @ApiPropertyOptional({ type: Number, nullable: true }) yearFrom?: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) yearTo?: number | null;
  @ApiPropertyOptional({ type: String, nullable: true }) groupId?: string | null;
  @ApiProperty({ example: '全体认证校友' }) label: string;
}
