import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsInt, IsNumber, IsUUID, Max, Min, ValidateIf } from 'class-validator';
import {
  MEMORY_LIMITS,
  type MemoryCommentInput,
  type MemoryPhotoInput,
  type MemoryReportInput,
  type PhotoTagDecisionRequest,
  type PhotoTagInput,
  type TimelineEntryInput,
} from '@alumni/shared';
import { PageQueryDto } from '../../common/pagination.js';
import { NullableText, OptionalText, RequiredText } from '../../common/text-fields.js';

/** Left out, or checked (null refused); nullable fields add their own ValidateIf. */
const given = () => ValidateIf((_, value) => value !== undefined);
const givenNotNull = () => ValidateIf((_, value) => value !== undefined && value !== null);

/** POST /memories/photos. */
export class MemoryPhotoBodyDto implements MemoryPhotoInput {
  @ApiProperty({ format: 'uuid', description: 'an image of mine uploaded with POST /memories/images, not yet used' })
  @IsUUID()
  imageId: string;

  @ApiProperty({
    minimum: MEMORY_LIMITS.earliestYear,
    maximum: 2100,
    example: 1998,
    description: 'the year it was taken, not after this year',
  })
  @IsInt()
  @Min(MEMORY_LIMITS.earliestYear)
  @Max(2100)
  year: number;

  @NullableText(MEMORY_LIMITS.place, 'where it was taken, e.g. 老图书馆') place?: string | null;
  @RequiredText(MEMORY_LIMITS.caption, '1998 年毕业前在老校门合影') caption: string;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'the class wall (a class I am verified in); null for the year wall only',
  })
  @givenNotNull()
  @IsUUID()
  classGroupId?: string | null;
}

/** GET /memories/photos?classGroupId=&year=&place=. */
export class MemoryPhotoQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'a class wall' })
  @given()
  @IsUUID()
  classGroupId?: string;

  @ApiPropertyOptional({ minimum: MEMORY_LIMITS.earliestYear, maximum: 2100, description: 'a year wall' })
  @given()
  @Type(() => Number)
  @IsInt()
  @Min(MEMORY_LIMITS.earliestYear)
  @Max(2100)
  year?: number;

  @OptionalText(MEMORY_LIMITS.place, 'photos whose place contains this') place?: string;
}

/** POST /memories/photos/:id/tags. */
export class PhotoTagBodyDto implements PhotoTagInput {
  @ApiProperty({ format: 'uuid', description: 'the classmate in the photo (see tag-candidates)' })
  @IsUUID()
  alumnusId: string;

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 0, maximum: 1, description: 'from the left edge, 0–1' })
  @givenNotNull()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  x?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 0, maximum: 1, description: 'from the top edge, 0–1' })
  @givenNotNull()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  y?: number | null;
}

/** POST /memories/tags/:id/decision: the tagged alumnus lets their name show, or not. */
export class PhotoTagDecisionDto implements PhotoTagDecisionRequest {
  @ApiProperty({ description: 'true: my name may show on the photo; false: remove the tag' })
  @IsBoolean()
  accept: boolean;
}

/** POST /memories/photos/:id/comments. */
export class MemoryCommentBodyDto implements MemoryCommentInput {
  @RequiredText(MEMORY_LIMITS.comment, '那年冬天的雪真大') text: string;
}

/** POST …/reports. */
export class MemoryReportBodyDto implements MemoryReportInput {
  @RequiredText(MEMORY_LIMITS.reportReason, '不是本校照片') reason: string;
}

/** GET /memories/timeline?decade=&year=&place=. */
export class TimelineQueryDto {
  @ApiPropertyOptional({ minimum: 1900, maximum: 2100, example: 1990, description: 'the decade’s first year (1990 for the 1990s)' })
  @given()
  @Type(() => Number)
  @IsInt()
  @Min(1900)
  @Max(2100)
  decade?: number;

  @ApiPropertyOptional({ minimum: 1900, maximum: 2100 })
  @given()
  @Type(() => Number)
  @IsInt()
  @Min(1900)
  @Max(2100)
  year?: number;

  @OptionalText(MEMORY_LIMITS.place, 'entries whose place contains this') place?: string;
}

/** POST /staff/memories/timeline; PUT /staff/memories/timeline/:id (the whole entry). */
export class TimelineEntryBodyDto implements TimelineEntryInput {
  @ApiProperty({ minimum: 1900, maximum: 2100, example: 1958 })
  @IsInt()
  @Min(1900)
  @Max(2100)
  year: number;

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 1, maximum: 12 })
  @givenNotNull()
  @IsInt()
  @Min(1)
  @Max(12)
  month?: number | null;

  @RequiredText(MEMORY_LIMITS.timelineTitle, '新图书馆落成') title: string;
  @NullableText(MEMORY_LIMITS.place, '图书馆') place?: string | null;
  @OptionalText(MEMORY_LIMITS.timelineBody, 'what happened') body?: string;

  @ApiPropertyOptional({ type: [String], maxItems: MEMORY_LIMITS.timelinePhotos, description: 'published old photos, in order' })
  @given()
  @IsArray()
  @ArrayMaxSize(MEMORY_LIMITS.timelinePhotos)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  photoIds?: string[];

  @ApiPropertyOptional({ description: 'shown to alumni (default false: a draft)' })
  @given()
  @IsBoolean()
  published?: boolean;
}
