import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put, Query, Req, Res } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type {
  AuthUserDto,
  GroupFeedPageDto,
  GroupPostDto,
  GroupPostImageDto,
  GroupPostLikeDto,
  GroupPostReportDto,
  Page,
} from '@alumni/shared';
import { CurrentUser, Public } from '../auth/auth.decorators.js';
import { ApiErrors } from '../common/api-errors.decorator.js';
import { RateLimit } from '../common/rate-limit/rate-limits.js';
import { AppError } from '../common/app-error.js';
import { PageQueryDto } from '../common/pagination.js';
import { CreateGroupPostDto, ReportGroupPostDto } from './dto/group-post-request.dto.js';
import {
  GroupFeedPageResponseDto,
  GroupPostImageResponseDto,
  GroupPostLikeResponseDto,
  GroupPostPageResponseDto,
  GroupPostReportResponseDto,
  GroupPostResponseDto,
} from './dto/group-post-response.dto.js';
import { GroupPostsService } from './group-posts.service.js';
import { PostImagesService } from './post-images.service.js';
import { ReactionsService } from './reactions.service.js';

/** Codes of every write that runs the content check. */
const SPEAK_ERRORS = [
  'GROUP_FEED_MEMBERS_ONLY',
  'GROUP_FEED_MUTED',
  'CONTENT_RISKY',
  'GROUP_POST_IMAGE_INVALID',
  'ALUMNUS_NOT_FOUND',
] as const;
const POST_ERRORS = ['GROUP_POST_NOT_FOUND', 'GROUP_FEED_FORBIDDEN'] as const;

@ApiTags('group feeds')
@Controller()
export class GroupPostsController {
  constructor(
    private readonly posts: GroupPostsService,
    private readonly reactions: ReactionsService,
    private readonly images: PostImagesService,
  ) {}

  @Get('groups/:id/posts')
  @ApiOperation({ summary: 'A group’s feed, newest first: published posts and my held ones; pinned announcements on the first page' })
  @ApiOkResponse({ type: GroupFeedPageResponseDto })
  @ApiErrors('GROUP_NOT_FOUND', 'GROUP_FEED_FORBIDDEN', 'INVALID_CURSOR')
  groupFeed(
    @CurrentUser() user: AuthUserDto,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: PageQueryDto,
  ): Promise<GroupFeedPageDto> {
    return this.posts.groupFeed(user, id, query);
  }

  @Post('groups/:id/posts')
  @RateLimit('posting')
  @ApiOperation({
    summary:
      'Post to a group: checked by WeChat content security first; `published`, or `held` for staff review (also when the check is down)',
  })
  @ApiCreatedResponse({ type: GroupPostResponseDto })
  @ApiErrors('GROUP_NOT_FOUND', 'GROUP_FEED_FORBIDDEN', ...SPEAK_ERRORS)
  create(@CurrentUser() user: AuthUserDto, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CreateGroupPostDto): Promise<GroupPostDto> {
    return this.posts.create(user, id, dto);
  }

  @Get('me/group-feed')
  @ApiOperation({ summary: 'Posts of all my groups, newest first' })
  @ApiOkResponse({ type: GroupPostPageResponseDto })
  @ApiErrors('INVALID_CURSOR')
  myFeed(@CurrentUser() user: AuthUserDto, @Query() query: PageQueryDto): Promise<Page<GroupPostDto>> {
    return this.posts.myFeed(user, query);
  }

  @Post('group-posts/images')
  @ApiOperation({
    summary: 'Upload one post image (JPEG, PNG or WebP, at most 2 MB), multipart field `file`; attach it by id when posting',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiCreatedResponse({ type: GroupPostImageResponseDto })
  @ApiErrors('UPLOAD_FILE_MISSING', 'UPLOAD_TOO_LARGE', 'UPLOAD_TYPE_UNSUPPORTED', 'UNSUPPORTED_MEDIA_TYPE')
  uploadImage(@CurrentUser() user: AuthUserDto, @Req() request: FastifyRequest): Promise<GroupPostImageDto> {
    return this.images.upload(user, request);
  }

  @Get('group-posts/:id')
  @ApiOperation({ summary: 'One post I may see' })
  @ApiOkResponse({ type: GroupPostResponseDto })
  @ApiErrors(...POST_ERRORS)
  get(@CurrentUser() user: AuthUserDto, @Param('id', ParseUUIDPipe) id: string): Promise<GroupPostDto> {
    return this.posts.get(user, id);
  }

  @Patch('group-posts/:id')
  @ApiOperation({ summary: 'Edit my post (text, and images when `imageIds` is sent); the text is checked again' })
  @ApiOkResponse({ type: GroupPostResponseDto })
  @ApiErrors(...POST_ERRORS, 'GROUP_POST_FORBIDDEN', ...SPEAK_ERRORS)
  update(@CurrentUser() user: AuthUserDto, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CreateGroupPostDto): Promise<GroupPostDto> {
    return this.posts.update(user, id, dto);
  }

  @Delete('group-posts/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a post: my own, or any in a group I administer (staff: any)' })
  @ApiNoContentResponse()
  @ApiErrors(...POST_ERRORS, 'GROUP_POST_FORBIDDEN')
  delete(@CurrentUser() user: AuthUserDto, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.posts.delete(user, id);
  }

  @Put('group-posts/:id/pin')
  @ApiOperation({ summary: 'Pin a published post as an announcement (group owner or admins, staff); at most 3 per group' })
  @ApiOkResponse({ type: GroupPostResponseDto })
  @ApiErrors(...POST_ERRORS, 'GROUP_ADMIN_REQUIRED', 'GROUP_POST_STATE_CONFLICT', 'GROUP_POST_PIN_LIMIT')
  pin(@CurrentUser() user: AuthUserDto, @Param('id', ParseUUIDPipe) id: string): Promise<GroupPostDto> {
    return this.posts.pin(user, id, true);
  }

  @Delete('group-posts/:id/pin')
  @ApiOperation({ summary: 'Unpin an announcement' })
  @ApiOkResponse({ type: GroupPostResponseDto })
  @ApiErrors(...POST_ERRORS, 'GROUP_ADMIN_REQUIRED', 'GROUP_POST_STATE_CONFLICT')
  unpin(@CurrentUser() user: AuthUserDto, @Param('id', ParseUUIDPipe) id: string): Promise<GroupPostDto> {
    return this.posts.pin(user, id, false);
  }

  @Put('group-posts/:id/like')
  @ApiOperation({ summary: 'Like a published post (members); liking again changes nothing' })
  @ApiOkResponse({ type: GroupPostLikeResponseDto })
  @ApiErrors(...POST_ERRORS, 'GROUP_FEED_MEMBERS_ONLY', 'GROUP_POST_STATE_CONFLICT')
  like(@CurrentUser() user: AuthUserDto, @Param('id', ParseUUIDPipe) id: string): Promise<GroupPostLikeDto> {
    return this.reactions.setLike(user, id, true);
  }

  @Delete('group-posts/:id/like')
  @ApiOperation({ summary: 'Take my like back; without one, changes nothing' })
  @ApiOkResponse({ type: GroupPostLikeResponseDto })
  @ApiErrors(...POST_ERRORS, 'GROUP_FEED_MEMBERS_ONLY', 'GROUP_POST_STATE_CONFLICT')
  unlike(@CurrentUser() user: AuthUserDto, @Param('id', ParseUUIDPipe) id: string): Promise<GroupPostLikeDto> {
    return this.reactions.setLike(user, id, false);
  }

  @Post('group-posts/:id/reports')
  @ApiOperation({ summary: 'Report a post to staff (members); it joins the moderation queue. A repeat answers 200 with my open report' })
  @ApiCreatedResponse({ type: GroupPostReportResponseDto })
  @ApiOkResponse({ type: GroupPostReportResponseDto, description: 'I had already reported it' })
  @ApiErrors(...POST_ERRORS, 'GROUP_FEED_MEMBERS_ONLY', 'GROUP_POST_STATE_CONFLICT', 'GROUP_REPORT_OWN_CONTENT')
  async report(
    @CurrentUser() user: AuthUserDto,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ReportGroupPostDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<GroupPostReportDto> {
    const { created, report } = await this.reactions.report(user, id, dto);
    void reply.status(created ? 201 : 200);
    return report;
  }
}

/** Post images, served while their post is shown; URLs are unguessable and handed out only with the post. */
@ApiTags('group feeds')
@Public()
@Controller('group-post-images')
export class GroupPostImagesController {
  constructor(private readonly images: PostImagesService) {}

  @Get(':name')
  @ApiOperation({ summary: 'A post image' })
  @ApiProduces('image/jpeg', 'image/png', 'image/webp')
  @ApiErrors('UPLOAD_NOT_FOUND')
  async get(@Param('name') name: string, @Res() reply: FastifyReply): Promise<void> {
    const file = await this.images.fileOfShownPost(name);
    if (!file) throw new AppError('UPLOAD_NOT_FOUND');
    await reply
      .header('content-type', file.contentType)
      .header('cache-control', 'public, max-age=86400')
      .header('x-content-type-options', 'nosniff')
      .send(file.body);
  }
}
