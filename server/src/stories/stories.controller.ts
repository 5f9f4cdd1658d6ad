import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthUserDto, Page, StoryCommentDto, StoryDto, StoryLikeDto, StoryManageDto, StorySummaryDto } from '@alumni/shared';
import { CurrentUser, Public, Roles } from '../auth/auth.decorators.js';
import { ApiErrors } from '../common/api-errors.decorator.js';
import { PageQueryDto } from '../common/pagination.js';
import { sendPublicCode } from '../mini-program-codes/mini-program-codes.service.js';
import { StoriesPosterService } from './stories-poster.service.js';
import { StoriesService } from './stories.service.js';
import {
  StaffStoriesQueryDto,
  StoriesQueryDto,
  StoryBodyDto,
  StoryCommentBodyDto,
  StoryCommentReportBodyDto,
  StoryConsentDto,
  StoryNoteDto,
} from './dto/story.dto.js';

const WRITER_ERRORS = ['STORY_VERIFICATION_REQUIRED', 'CONSENT_REQUIRED', 'ALUMNUS_NOT_FOUND'] as const;
const BODY_ERRORS = ['STORY_KIND_NOT_ALLOWED', 'STORY_SUBJECT_REQUIRED', 'STORY_LINK_INVALID'] as const;

@ApiTags('stories')
@Controller()
export class StoriesController {
  constructor(
    private readonly stories: StoriesService,
    private readonly posters: StoriesPosterService,
  ) {}

  @Get('stories')
  @Public()
  @ApiOperation({ summary: 'Published stories and news, newest first, of one kind or all' })
  @ApiErrors('INVALID_CURSOR')
  list(@Query() query: StoriesQueryDto): Promise<Page<StorySummaryDto>> {
    return this.stories.list(query);
  }

  @Get('me/stories')
  @ApiOperation({ summary: 'The stories I wrote, and those about me I was asked to consent to, newest first' })
  @ApiErrors('INVALID_CURSOR')
  mine(@CurrentUser() user: AuthUserDto, @Query() query: PageQueryDto): Promise<Page<StorySummaryDto>> {
    return this.stories.mine(user, query);
  }

  @Post('stories')
  @ApiOperation({ summary: 'Start a draft (verified alumni and staff; news: staff); the body is stored sanitised' })
  @ApiErrors(...WRITER_ERRORS, ...BODY_ERRORS)
  create(@CurrentUser() user: AuthUserDto, @Body() dto: StoryBodyDto): Promise<StoryManageDto> {
    return this.stories.create(user, dto);
  }

  @Get('stories/:id')
  @Public()
  @ApiOperation({ summary: 'A story; a signed-in reader counts once a day. Unpublished: its author, staff and the person it is about' })
  @ApiErrors('STORY_NOT_FOUND')
  detail(@CurrentUser() user: AuthUserDto | undefined, @Param('id', ParseUUIDPipe) id: string): Promise<StoryDto> {
    return this.stories.detail(user, id);
  }

  @Put('stories/:id')
  @ApiOperation({ summary: 'The author changes a draft or a returned story (a new revision: consent is asked again)' })
  @ApiErrors(...WRITER_ERRORS, ...BODY_ERRORS, 'STORY_NOT_FOUND', 'STORY_FORBIDDEN', 'STORY_STATE_CONFLICT')
  update(@CurrentUser() user: AuthUserDto, @Param('id', ParseUUIDPipe) id: string, @Body() dto: StoryBodyDto): Promise<StoryManageDto> {
    return this.stories.update(user, id, dto);
  }

  @Post('stories/:id/cover')
  @ApiOperation({ summary: 'The author uploads the cover (JPEG, PNG or WebP, at most 2 MB, field `file`); WeChat checks it' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiErrors(
    'STORY_NOT_FOUND',
    'STORY_FORBIDDEN',
    'STORY_STATE_CONFLICT',
    'UPLOAD_FILE_MISSING',
    'UPLOAD_TOO_LARGE',
    'UPLOAD_TYPE_UNSUPPORTED',
    'UNSUPPORTED_MEDIA_TYPE',
    'MALFORMED_MULTIPART',
  )
  cover(@CurrentUser() user: AuthUserDto, @Param('id', ParseUUIDPipe) id: string, @Req() request: FastifyRequest): Promise<StoryManageDto> {
    return this.stories.uploadCover(user, id, request);
  }

  @Post('stories/:id/submit')
  @HttpCode(200)
  @ApiOperation({ summary: 'The author sends it to review: text checked, the person it is about asked for consent' })
  @ApiErrors(...WRITER_ERRORS, 'STORY_NOT_FOUND', 'STORY_FORBIDDEN', 'STORY_STATE_CONFLICT', 'CONTENT_RISKY')
  submit(@CurrentUser() user: AuthUserDto, @Param('id', ParseUUIDPipe) id: string): Promise<StoryManageDto> {
    return this.stories.submit(user, id);
  }

  @Post('stories/:id/consent')
  @HttpCode(200)
  @ApiOperation({ summary: 'The person the story is about agrees to (or refuses) the version they were asked about' })
  @ApiErrors('STORY_NOT_FOUND', 'STORY_CONSENT_FORBIDDEN', 'STORY_STATE_CONFLICT')
  consent(@CurrentUser() user: AuthUserDto, @Param('id', ParseUUIDPipe) id: string, @Body() dto: StoryConsentDto): Promise<StoryManageDto> {
    return this.stories.answerConsent(user, id, dto.given, dto.note ?? null);
  }

  @Put('stories/:id/like')
  @ApiOperation({ summary: 'Like a published story (verified alumni); twice changes nothing' })
  @ApiErrors(...WRITER_ERRORS, 'STORY_NOT_FOUND')
  like(@CurrentUser() user: AuthUserDto, @Param('id', ParseUUIDPipe) id: string): Promise<StoryLikeDto> {
    return this.stories.like(user, id);
  }

  @Delete('stories/:id/like')
  @ApiOperation({ summary: 'Take the like back' })
  @ApiErrors('STORY_NOT_FOUND')
  unlike(@CurrentUser() user: AuthUserDto, @Param('id', ParseUUIDPipe) id: string): Promise<StoryLikeDto> {
    return this.stories.unlike(user, id);
  }

  @Get('stories/:id/comments')
  @Public()
  @ApiOperation({ summary: 'Comments of a published story, newest first (the caller’s own waiting ones too)' })
  @ApiErrors('STORY_NOT_FOUND', 'INVALID_CURSOR')
  comments(
    @CurrentUser() user: AuthUserDto | undefined,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<StoryCommentDto>> {
    return this.stories.comments(user, id, query);
  }

  @Post('stories/:id/comments')
  @ApiOperation({ summary: 'Comment (verified alumni): checked by WeChat; one it cannot clear waits for staff' })
  @ApiErrors(...WRITER_ERRORS, 'STORY_NOT_FOUND', 'CONTENT_RISKY')
  comment(
    @CurrentUser() user: AuthUserDto,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: StoryCommentBodyDto,
  ): Promise<StoryCommentDto> {
    return this.stories.comment(user, id, dto.text);
  }

  @Post('story-comments/:id/reports')
  @HttpCode(204)
  @ApiOperation({ summary: 'Report a shown comment to staff: it waits in the content-review queue (still shown) until staff decide' })
  @ApiErrors(...WRITER_ERRORS, 'STORY_COMMENT_NOT_FOUND', 'STORY_REPORT_OWN_CONTENT')
  async reportComment(
    @CurrentUser() user: AuthUserDto,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: StoryCommentReportBodyDto,
  ): Promise<void> {
    await this.stories.reportComment(user, id, dto.reason);
  }

  @Delete('story-comments/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Its writer or staff delete a comment' })
  @ApiErrors('STORY_COMMENT_NOT_FOUND', 'STORY_FORBIDDEN')
  async deleteComment(@CurrentUser() user: AuthUserDto, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.stories.deleteComment(user, id);
  }

  @Get('stories/:id/poster-code')
  @Public()
  @ApiOperation({ summary: 'The mini-program code of a published story’s poster (opens the story, scene s=<id>)' })
  @ApiProduces('image/png', 'image/jpeg')
  @ApiErrors('STORY_NOT_FOUND', 'WECHAT_QRCODE_PAGE_INVALID', 'WECHAT_RATE_LIMITED', 'WECHAT_UNAVAILABLE')
  async posterCode(@Param('id', ParseUUIDPipe) id: string, @Res() reply: FastifyReply): Promise<void> {
    const image = await this.posters.code(id);
    await sendPublicCode(reply, image);
  }
}

@ApiTags('stories (staff)')
@Roles('staff')
@Controller('staff/stories')
export class StaffStoriesController {
  constructor(private readonly stories: StoriesService) {}

  @Get()
  @ApiOperation({ summary: 'Stories of one status, newest first (submitted: the review queue)' })
  @ApiErrors('INVALID_CURSOR', 'FORBIDDEN')
  list(@Query() query: StaffStoriesQueryDto): Promise<Page<StorySummaryDto>> {
    return this.stories.listForStaff(query.status, query);
  }

  @Post(':id/publish')
  @HttpCode(200)
  @ApiOperation({ summary: 'Publish a submitted story (or one’s own draft); a story about someone needs their consent to this version' })
  @ApiErrors('STORY_NOT_FOUND', 'STORY_STATE_CONFLICT', 'STORY_CONSENT_REQUIRED', 'CONTENT_RISKY', 'FORBIDDEN')
  publish(@CurrentUser() user: AuthUserDto, @Param('id', ParseUUIDPipe) id: string): Promise<StoryManageDto> {
    return this.stories.publish(user, id);
  }

  @Post(':id/return')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send a submitted story back to its author with what to change' })
  @ApiErrors('STORY_NOT_FOUND', 'STORY_STATE_CONFLICT', 'FORBIDDEN')
  giveBack(@CurrentUser() user: AuthUserDto, @Param('id', ParseUUIDPipe) id: string, @Body() dto: StoryNoteDto): Promise<StoryManageDto> {
    return this.stories.returnToAuthor(user, id, dto.note);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @ApiOperation({ summary: 'Take a published or waiting story down, telling its author why' })
  @ApiErrors('STORY_NOT_FOUND', 'STORY_STATE_CONFLICT', 'FORBIDDEN')
  withdraw(@CurrentUser() user: AuthUserDto, @Param('id', ParseUUIDPipe) id: string, @Body() dto: StoryNoteDto): Promise<StoryManageDto> {
    return this.stories.withdraw(user, id, dto.note);
  }

  @Post(':id/consent')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record a consent given outside the app (signed form, phone call) to the current version' })
  @ApiErrors('STORY_NOT_FOUND', 'STORY_STATE_CONFLICT', 'FORBIDDEN')
  consent(@CurrentUser() user: AuthUserDto, @Param('id', ParseUUIDPipe) id: string, @Body() dto: StoryNoteDto): Promise<StoryManageDto> {
    return this.stories.recordOfflineConsent(user, id, dto.note);
  }
}
