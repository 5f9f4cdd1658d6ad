import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsLatitude,
  IsLongitude,
  IsNotEmpty,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  EVENT_AUDIENCE_KINDS,
  EVENT_KINDS,
  EVENT_LIMITS,
  EVENT_QUESTION_KINDS,
  type EventAudience,
  type EventAudienceKind,
  type EventInput,
  type EventKind,
  type EventQuestion,
  type EventQuestionKind,
  PROFILE_LIMITS,
} from '@alumni/shared';
import { RichText } from '../../common/rich-text.js';
import { NullableField, OptionalField } from '../../common/text-fields.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** What `coverUrl` accepts: a cover uploaded with POST /staff/events/covers (its URL path) or an https/http link. */
const EVENT_COVER_URL = /^(https?:\/\/\S{1,990}|\/api\/v1\/uploads\/event-covers\/[0-9a-f-]{36}\.(jpg|png|webp))$/;

export class EventAudienceDto implements EventAudience {
  @ApiProperty({ enum: EVENT_AUDIENCE_KINDS })
  @IsIn(EVENT_AUDIENCE_KINDS)
  kind: EventAudienceKind;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'for kind `group`' })
  @NullableField()
  @IsUUID()
  groupId?: string | null;

  @ApiPropertyOptional({ type: Number, nullable: true, description: 'for kind `graduation_years`, inclusive' })
  @NullableField()
  @IsInt()
  @Min(PROFILE_LIMITS.minGraduationYear)
  @Max(2100)
  yearFrom?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true, description: 'for kind `graduation_years`, inclusive' })
  @NullableField()
  @IsInt()
  @Min(PROFILE_LIMITS.minGraduationYear)
  @Max(2100)
  yearTo?: number | null;
}

export class EventQuestionDto implements EventQuestion {
  @ApiProperty({ example: 'q1', description: 'Stable id the answers refer to' })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,32}$/, { message: 'id must be 1–32 letters, digits, - or _' })
  id: string;

  @ApiProperty({ enum: EVENT_QUESTION_KINDS })
  @IsIn(EVENT_QUESTION_KINDS)
  kind: EventQuestionKind;

  @ApiProperty({ maxLength: EVENT_LIMITS.questionLabel, example: '是否携带家属？' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(EVENT_LIMITS.questionLabel)
  label: string;

  @ApiProperty()
  @IsBoolean()
  required: boolean;

  @ApiPropertyOptional({ type: [String], description: 'choices of a single or multiple choice question' })
  @OptionalField()
  @IsArray()
  @ArrayMaxSize(EVENT_LIMITS.options)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(EVENT_LIMITS.optionLabel, { each: true })
  options?: string[];
}

/** POST /staff/events: a new draft. Cross-field rules (times, place, audience, questions) are the service's. */
export class CreateEventDto implements EventInput {
  @ApiProperty({ maxLength: EVENT_LIMITS.title, example: '2026 年秋季校友返校日' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(EVENT_LIMITS.title)
  title: string;

  @ApiProperty({ enum: EVENT_KINDS })
  @IsIn(EVENT_KINDS)
  kind: EventKind;

  @ApiPropertyOptional({
    maxLength: EVENT_LIMITS.description,
    description: 'Rich text (an HTML subset the mini-program renders with rich-text), sanitised before it is stored',
  })
  @OptionalField()
  @RichText(EVENT_LIMITS.description)
  description?: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'A cover uploaded with POST /api/v1/staff/events/covers (its URL), or an https link',
  })
  @NullableField()
  @Matches(EVENT_COVER_URL, { message: 'coverUrl must be an uploaded cover URL or an https link' })
  @MaxLength(EVENT_LIMITS.url)
  coverUrl?: string | null;

  @ApiProperty()
  @IsBoolean()
  online: boolean;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'required for online events' })
  @NullableField()
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true })
  @MaxLength(EVENT_LIMITS.url)
  onlineUrl?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @NullableField()
  @Transform(trim)
  @IsString()
  @MaxLength(EVENT_LIMITS.place)
  city?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'place name; required for offline events' })
  @NullableField()
  @Transform(trim)
  @IsString()
  @MaxLength(EVENT_LIMITS.place)
  venue?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'required for offline events' })
  @NullableField()
  @Transform(trim)
  @IsString()
  @MaxLength(EVENT_LIMITS.place)
  address?: string | null;

  @ApiPropertyOptional({ type: Number, nullable: true })
  @NullableField()
  @IsLatitude()
  latitude?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true })
  @NullableField()
  @IsLongitude()
  longitude?: number | null;

  @ApiProperty({ format: 'date-time' })
  @IsISO8601({ strict: true })
  startsAt: string;

  @ApiProperty({ format: 'date-time' })
  @IsISO8601({ strict: true })
  endsAt: string;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true, description: 'null: open from publication' })
  @NullableField()
  @IsISO8601({ strict: true })
  signupOpensAt?: string | null;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true, description: 'null: closes when the event starts' })
  @NullableField()
  @IsISO8601({ strict: true })
  signupClosesAt?: string | null;

  @ApiProperty({ minimum: 0, maximum: EVENT_LIMITS.capacity })
  @IsInt()
  @Min(0)
  @Max(EVENT_LIMITS.capacity)
  capacity: number;

  @ApiProperty()
  @IsBoolean()
  waitlistEnabled: boolean;

  @ApiPropertyOptional({ type: EventAudienceDto, description: 'everyone by default' })
  @OptionalField()
  @ValidateNested()
  @Type(() => EventAudienceDto)
  audience?: EventAudienceDto;

  @ApiPropertyOptional({ type: [EventQuestionDto] })
  @OptionalField()
  @IsArray()
  @ArrayMaxSize(EVENT_LIMITS.questions)
  @ValidateNested({ each: true })
  @Type(() => EventQuestionDto)
  questions?: EventQuestionDto[];

  @ApiPropertyOptional({ type: String, nullable: true })
  @NullableField()
  @Transform(trim)
  @IsString()
  @MaxLength(EVENT_LIMITS.contact)
  contactName?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @NullableField()
  @Transform(trim)
  @IsString()
  @MaxLength(EVENT_LIMITS.contact)
  contactPhone?: string | null;
}

/** PATCH /staff/events/:id: any of the fields; the result must still satisfy every rule. */
export class UpdateEventDto extends PartialType(CreateEventDto, { skipNullProperties: false }) {}
