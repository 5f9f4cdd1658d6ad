import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsString, IsUUID, MaxLength, Min, ValidateIf, ValidateNested } from 'class-validator';
import {
  DEGREES,
  type Degree,
  PROFILE_LIMITS,
  type ProfileVisibility,
  type UpdateProfileRequest,
  VISIBILITY_LEVELS,
  type Visibility,
} from '@alumni/shared';
import { NullableField, OptionalField } from '../../common/text-fields.js';

/** Trims text; an empty answer clears the field. */
const trimToNull = ({ value }: { value: unknown }) => {
  if (typeof value !== 'string') return value;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
};

const visibilityProperty = () => ApiPropertyOptional({ enum: VISIBILITY_LEVELS });

/** Who may see each field; fields left out keep their current setting. */
export class VisibilityDto implements Partial<ProfileVisibility> {
  @visibilityProperty() @OptionalField() @IsIn(VISIBILITY_LEVELS) avatar?: Visibility;
  @visibilityProperty() @OptionalField() @IsIn(VISIBILITY_LEVELS) realName?: Visibility;
  @visibilityProperty() @OptionalField() @IsIn(VISIBILITY_LEVELS) graduationYear?: Visibility;
  @visibilityProperty() @OptionalField() @IsIn(VISIBILITY_LEVELS) department?: Visibility;
  @visibilityProperty() @OptionalField() @IsIn(VISIBILITY_LEVELS) major?: Visibility;
  @visibilityProperty() @OptionalField() @IsIn(VISIBILITY_LEVELS) className?: Visibility;
  @visibilityProperty() @OptionalField() @IsIn(VISIBILITY_LEVELS) degree?: Visibility;
  @visibilityProperty() @OptionalField() @IsIn(VISIBILITY_LEVELS) city?: Visibility;
  @visibilityProperty() @OptionalField() @IsIn(VISIBILITY_LEVELS) industry?: Visibility;
  @visibilityProperty() @OptionalField() @IsIn(VISIBILITY_LEVELS) employer?: Visibility;
  @visibilityProperty() @OptionalField() @IsIn(VISIBILITY_LEVELS) jobTitle?: Visibility;
  @visibilityProperty() @OptionalField() @IsIn(VISIBILITY_LEVELS) bio?: Visibility;
  @visibilityProperty() @OptionalField() @IsIn(VISIBILITY_LEVELS) phone?: Visibility;
}

const text = (maxLength: number) => (target: object, property: string) => {
  ApiPropertyOptional({ type: String, nullable: true, maxLength })(target, property);
  Transform(trimToNull)(target, property);
  NullableField()(target, property);
  IsString()(target, property);
  MaxLength(maxLength)(target, property);
};

/** PATCH /me: only the fields sent change; null (or blank text) clears a field. */
export class UpdateProfileDto implements UpdateProfileRequest {
  @ApiPropertyOptional({ maxLength: PROFILE_LIMITS.displayName })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @ValidateIf((_, value) => value !== undefined)
  @IsString()
  @IsNotEmpty()
  @MaxLength(PROFILE_LIMITS.displayName)
  displayName?: string;

  @text(PROFILE_LIMITS.realName) realName?: string | null;

  /** The upper bound moves with the calendar, so ProfilesService checks it. */
  @ApiPropertyOptional({ type: Number, nullable: true, minimum: PROFILE_LIMITS.minGraduationYear })
  @NullableField()
  @IsInt()
  @Min(PROFILE_LIMITS.minGraduationYear)
  graduationYear?: number | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @NullableField()
  @IsUUID()
  departmentId?: string | null;

  @text(PROFILE_LIMITS.major) major?: string | null;
  @text(PROFILE_LIMITS.className) className?: string | null;

  @ApiPropertyOptional({ enum: DEGREES, nullable: true })
  @NullableField()
  @IsIn(DEGREES)
  degree?: Degree | null;

  @text(PROFILE_LIMITS.city) city?: string | null;
  @text(PROFILE_LIMITS.industry) industry?: string | null;
  @text(PROFILE_LIMITS.employer) employer?: string | null;
  @text(PROFILE_LIMITS.jobTitle) jobTitle?: string | null;
  @text(PROFILE_LIMITS.bio) bio?: string | null;

  @ApiPropertyOptional({ type: VisibilityDto })
  @OptionalField()
  @ValidateNested()
  @Type(() => VisibilityDto)
  visibility?: VisibilityDto;
}
