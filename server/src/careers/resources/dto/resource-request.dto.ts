import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsOptional, IsUUID, ValidateIf } from 'class-validator';
import {
  CAREER_INDUSTRIES,
  CAREER_TOPICS,
  CAREERS_LIMITS,
  type CareerTopic,
  RESOURCE_KINDS,
  RESOURCE_STATUSES,
  type ResourceInput,
  type ResourceKind,
  type ResourceStatus,
} from '@alumni/shared';
import { PageQueryDto } from '../../../common/pagination.js';
import { RichText } from '../../../common/rich-text.js';
import { OneOf, OptionalOneOf, OptionalText, RequiredText } from '../../../common/text-fields.js';

/** POST /careers/resources and PUT /careers/resources/:id. */
export class ResourceBodyDto implements ResourceInput {
  @OneOf(RESOURCE_KINDS) kind: ResourceKind;
  @RequiredText(CAREERS_LIMITS.resourceTitle, '互联网产品经理秋招准备指南') title: string;
  @OptionalText(CAREERS_LIMITS.resourceSummary, 'one or two sentences shown in the list') summary: string = '';

  @ApiProperty({
    maxLength: CAREERS_LIMITS.resourceBodyChars,
    description: 'HTML (or plain text: blank lines make paragraphs); stored sanitised to the safe subset',
    example: '<h2>时间线</h2><p>七月开始准备作品集……</p>',
  })
  @RichText(CAREERS_LIMITS.resourceBodyChars)
  bodyHtml: string;

  @ApiPropertyOptional({ enum: CAREER_INDUSTRIES, nullable: true, description: 'left out or null: for every industry' })
  @ValidateIf((_, value) => value !== undefined && value !== null)
  @IsIn(CAREER_INDUSTRIES)
  industry?: string | null;

  @OneOf(CAREER_TOPICS) topic: CareerTopic;

  @ApiProperty({ type: [String], format: 'uuid', maxItems: CAREERS_LIMITS.resourceFiles, description: 'uploaded files, in order' })
  @IsArray()
  @ArrayMaxSize(CAREERS_LIMITS.resourceFiles)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  fileIds: string[];
}

/** GET /careers/resources: the library's filters. */
export class ResourceLibraryQueryDto extends PageQueryDto {
  @OptionalOneOf(RESOURCE_KINDS) kind?: ResourceKind;
  @OptionalOneOf(CAREER_INDUSTRIES) industry?: string;
  @OptionalOneOf(CAREER_TOPICS) topic?: CareerTopic;
  @OptionalText(CAREERS_LIMITS.keyword, 'part of the title or summary') q?: string;
}

/** GET /staff/careers/resources. */
export class StaffResourcesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: RESOURCE_STATUSES, default: 'submitted' })
  @IsOptional()
  @IsIn(RESOURCE_STATUSES)
  status: ResourceStatus = 'submitted';
}
