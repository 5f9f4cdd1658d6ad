import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsUUID, ValidateIf, ValidateNested } from 'class-validator';
import {
  STORY_KINDS,
  STORY_LIMITS,
  STORY_LINK_KINDS,
  STORY_STATUSES,
  type StoryConsentRequest,
  type StoryInput,
  type StoryKind,
  type StoryLinkInput,
  type StoryLinkKind,
  type StoryStatus,
} from '@alumni/shared';
import { PageQueryDto } from '../../common/pagination.js';
import { RichText } from '../../common/rich-text.js';
import { isStoredImageUrl } from '../../storage/storage-keys.js';
import { NullableText, OneOf, OptionalField, OptionalOneOf, OptionalText, RequiredText } from '../../common/text-fields.js';

export class StoryLinkInputDto implements StoryLinkInput {
  @OneOf(STORY_LINK_KINDS, 'campaign: a donation drive (id required); mentoring: the mentoring programme') kind: StoryLinkKind;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'the campaign; left out for the mentoring programme' })
  @ValidateIf((_, value) => value !== undefined && value !== null)
  @IsUUID('all')
  id?: string | null;
}

/** POST /stories and PUT /stories/:id. */
export class StoryBodyDto implements StoryInput {
  @OneOf(STORY_KINDS, 'news is written by staff only') kind: StoryKind;
  @RequiredText(STORY_LIMITS.title, '从校园到航天：张伟的二十年') title: string;
  @OptionalText(STORY_LIMITS.summary, 'one or two sentences shown in the list and on the share card') summary: string = '';

  @ApiProperty({
    maxLength: STORY_LIMITS.body,
    description:
      'HTML (or plain text: blank lines make paragraphs); stored sanitised to the safe subset. Images only from our own uploads ' +
      '(/api/v1/uploads/…, which passed WeChat’s image check); any other image is dropped',
    example: '<p>1998 年毕业后……</p>',
  })
  @RichText(STORY_LIMITS.body, { imageSrc: isStoredImageUrl })
  body: string;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'the alumnus the story is about (asked for consent)' })
  @ValidateIf((_, value) => value !== undefined && value !== null)
  @IsUUID('all')
  subjectAlumnusId?: string | null;

  @NullableText(STORY_LIMITS.subjectName, 'how the person profiled is named, e.g. 张伟 · 1998届机械') subjectName?: string | null;

  @ApiPropertyOptional({ type: [StoryLinkInputDto], maxItems: STORY_LIMITS.links })
  @OptionalField()
  @IsArray()
  @ArrayMaxSize(STORY_LIMITS.links)
  @ValidateNested({ each: true })
  @Type(() => StoryLinkInputDto)
  links?: StoryLinkInputDto[];
}

/** GET /stories. */
export class StoriesQueryDto extends PageQueryDto {
  @OptionalOneOf(STORY_KINDS) kind?: StoryKind;
}

/** GET /staff/stories. */
export class StaffStoriesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: STORY_STATUSES, default: 'submitted' })
  @IsOptional()
  @IsIn(STORY_STATUSES)
  status: StoryStatus = 'submitted';
}

/** POST /stories/:id/consent, by the person the story is about. */
export class StoryConsentDto implements StoryConsentRequest {
  @ApiProperty({ description: 'true: I agree to this version being published' })
  @IsBoolean()
  given: boolean;

  @NullableText(STORY_LIMITS.consentNote, 'what to change, if anything') note?: string | null;
}

/** Staff: why a story goes back to its author or comes down; what an offline consent was. */
export class StoryNoteDto {
  @RequiredText(STORY_LIMITS.reviewNote, '请补充文中时间线') note: string;
}

export class StoryCommentBodyDto {
  @RequiredText(STORY_LIMITS.comment, '师兄太厉害了！') text: string;
}

/** POST /story-comments/:id/reports. */
export class StoryCommentReportBodyDto {
  @RequiredText(STORY_LIMITS.reportReason, '人身攻击') reason: string;
}
