import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsString, IsUUID, MaxLength } from 'class-validator';
import {
  type AuthUserDto,
  CONTENT_REVIEW_LIMITS,
  CONTENT_REVIEW_REASONS,
  type ContentReviewDecisionRequest,
  type ContentReviewDto,
  type ContentReviewReason,
  HELD_CONTENT_KINDS,
  type HeldContentKind,
  type Page,
} from '@alumni/shared';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import { ApiErrors } from '../common/api-errors.decorator.js';
import { PageQueryDto } from '../common/pagination.js';
import { type ContentReviewAction, ContentReviewsService } from './content-reviews.service.js';
import { OptionalField } from '../common/text-fields.js';

const ACTIONS: ContentReviewAction[] = ['approve', 'reject'];
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class ContentReviewParamsDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id: string;

  @ApiProperty({
    enum: ACTIONS,
    description: '`approve` shows the content; `reject` takes it down (held text is dropped, an image unlinked)',
  })
  @IsIn(ACTIONS)
  action: ContentReviewAction;
}

export class ContentReviewDecisionDto implements ContentReviewDecisionRequest {
  @ApiPropertyOptional({ maxLength: CONTENT_REVIEW_LIMITS.note, description: 'why, for the audit trail' })
  @OptionalField()
  @Transform(trim)
  @IsString()
  @MaxLength(CONTENT_REVIEW_LIMITS.note)
  note?: string;
}

class ContentReviewAuthorResponseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  displayName: string;
}

class ContentReviewResponseDto implements ContentReviewDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: HELD_CONTENT_KINDS })
  kind: HeldContentKind;

  @ApiProperty({ format: 'uuid' })
  subjectId: string;

  @ApiProperty({ description: 'the text field held (bio, message, name…); empty for an image' })
  field: string;

  @ApiProperty({ type: ContentReviewAuthorResponseDto, nullable: true })
  author: ContentReviewAuthorResponseDto | null;

  @ApiProperty({ type: String, nullable: true })
  text: string | null;

  @ApiProperty({ type: String, nullable: true })
  imageUrl: string | null;

  @ApiProperty({
    enum: CONTENT_REVIEW_REASONS,
    description: '`review`: WeChat asked for a person; `unavailable`: it gave no verdict; `reported`: readers reported it',
  })
  reason: ContentReviewReason;

  @ApiProperty({ type: Number, nullable: true })
  label: number | null;

  @ApiProperty({ type: String, nullable: true })
  detail: string | null;

  @ApiProperty({ description: 'for `reported`: how many readers reported it, each once; 0 otherwise', example: 2 })
  reportCount: number;

  @ApiProperty({ format: 'date-time' })
  queuedAt: string;
}

class ContentReviewPageResponseDto implements Page<ContentReviewDto> {
  @ApiProperty({ type: [ContentReviewResponseDto] })
  items: ContentReviewResponseDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}

@ApiTags('content security (staff)')
@Roles('staff')
@Controller('staff/content-reviews')
export class ContentReviewsController {
  constructor(private readonly reviews: ContentReviewsService) {}

  @Get()
  @ApiOperation({ summary: 'Held profile text, donor messages, group texts and images, oldest first, with why each waits' })
  @ApiOkResponse({ type: ContentReviewPageResponseDto })
  @ApiErrors('INVALID_CURSOR', 'FORBIDDEN')
  queue(@Query() query: PageQueryDto): Promise<Page<ContentReviewDto>> {
    return this.reviews.queue(query);
  }

  @Post(':id/:action')
  @HttpCode(204)
  @ApiOperation({ summary: 'Decide on held content: approve or reject' })
  @ApiNoContentResponse()
  @ApiErrors('CONTENT_REVIEW_NOT_FOUND', 'FORBIDDEN')
  decide(@CurrentUser() user: AuthUserDto, @Param() params: ContentReviewParamsDto, @Body() dto: ContentReviewDecisionDto): Promise<void> {
    return this.reviews.decide(user, params.id, params.action, dto.note ?? null);
  }
}
