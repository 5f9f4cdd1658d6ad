import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsNotEmpty, IsString, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { CAMPUS_DAY_LIMITS, type CampusDaySpotInput, type CollectStampRequest } from '@alumni/shared';
import { NullableText, OptionalField, RequiredText } from '../../common/text-fields.js';

/** POST /campus-days/stamps. */
export class CollectStampDto implements CollectStampRequest {
  @ApiProperty({
    maxLength: 200,
    description: 'What the scan gave: the token, the `t=…` scene, or the page path / URL carrying `scene=`',
  })
  @IsString()
  @MaxLength(200)
  token: string;
}

/** POST /staff/campus-days/:eventId/spots; PATCH /staff/campus-day-spots/:id (every field optional there). */
export class SpotBodyDto implements CampusDaySpotInput {
  @RequiredText(CAMPUS_DAY_LIMITS.spotName, '老图书馆') name: string;
  @NullableText(CAMPUS_DAY_LIMITS.spotDescription, 'what alumni find there') description?: string | null;

  @ApiPropertyOptional({ minimum: 0, maximum: 99, description: 'order on the stamp card; the end when left out' })
  @OptionalField()
  @IsInt()
  @Min(0)
  @Max(99)
  position?: number;
}

export class SpotPatchDto implements Partial<CampusDaySpotInput> {
  @ApiPropertyOptional({ maxLength: CAMPUS_DAY_LIMITS.spotName })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  // Left out, or a name: null is no name (the column requires one), so it is checked, not skipped as @IsOptional would.
  @ValidateIf((_, value) => value !== undefined)
  @IsString()
  @IsNotEmpty()
  @MaxLength(CAMPUS_DAY_LIMITS.spotName)
  name?: string;

  @NullableText(CAMPUS_DAY_LIMITS.spotDescription) description?: string | null;

  @ApiPropertyOptional({ minimum: 0, maximum: 99 })
  @ValidateIf((_, value) => value !== undefined)
  @IsInt()
  @Min(0)
  @Max(99)
  position?: number;
}
