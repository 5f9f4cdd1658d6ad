import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type {
  AuthUserDto,
  MemoryCommentDto,
  MemoryImageDto,
  MemoryPhotoDto,
  MemoryWallsDto,
  Page,
  PendingPhotoTagDto,
  PhotoTagDto,
  PresenceDto,
  TagCandidateDto,
  TimelineDecadeDto,
  TimelineEntryDto,
} from '@alumni/shared';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import { ApiErrors } from '../common/api-errors.decorator.js';
import { PageQueryDto } from '../common/pagination.js';
import { RateLimit } from '../common/rate-limit/rate-limits.js';
import {
  MemoryCommentBodyDto,
  MemoryPhotoBodyDto,
  MemoryPhotoQueryDto,
  MemoryReportBodyDto,
  PhotoTagBodyDto,
  PhotoTagDecisionDto,
  TimelineEntryBodyDto,
  TimelineQueryDto,
} from './dto/memories-request.dto.js';
import {
  MemoryCommentPageResponseDto,
  MemoryCommentResponseDto,
  MemoryImageResponseDto,
  MemoryPhotoPageResponseDto,
  MemoryPhotoResponseDto,
  MemoryWallsResponseDto,
  PendingPhotoTagResponseDto,
  PhotoTagResponseDto,
  PresenceResponseDto,
  TagCandidateResponseDto,
  TimelineDecadeResponseDto,
  TimelineEntryResponseDto,
} from './dto/memories-response.dto.js';
import { MemoryImagesService } from './memory-images.service.js';
import { MemoryPhotosService } from './memory-photos.service.js';
import { PhotoCommentsService } from './photo-comments.service.js';
import { PhotoTagsService } from './photo-tags.service.js';
import { TimelineService } from './timeline.service.js';

const VIEWER = ['MEMORIES_VERIFICATION_REQUIRED', 'ALUMNUS_NOT_FOUND'] as const;
const WRITER = [...VIEWER, 'CONSENT_REQUIRED'] as const;

@ApiTags('memories')
@Controller('memories')
export class MemoriesController {
  constructor(
    private readonly images: MemoryImagesService,
    private readonly photos: MemoryPhotosService,
    private readonly tags: PhotoTagsService,
    private readonly comments: PhotoCommentsService,
    private readonly timeline: TimelineService,
  ) {}

  @Get('walls')
  @ApiOperation({ summary: 'The photo walls: years with photos, my classes and the classes with photos' })
  @ApiOkResponse({ type: MemoryWallsResponseDto })
  @ApiErrors(...VIEWER)
  walls(@CurrentUser() user: AuthUserDto): Promise<MemoryWallsDto> {
    return this.photos.walls(user);
  }

  @Post('images')
  @RateLimit('posting')
  @ApiOperation({
    summary: 'Upload one image (JPEG, PNG or WebP, at most 8 MB; location data stripped), multipart field `file`; use it by id for a photo',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiCreatedResponse({ type: MemoryImageResponseDto })
  @ApiErrors(...WRITER, 'UPLOAD_FILE_MISSING', 'UPLOAD_TOO_LARGE', 'UPLOAD_TYPE_UNSUPPORTED', 'UNSUPPORTED_MEDIA_TYPE')
  uploadImage(@CurrentUser() user: AuthUserDto, @Req() request: FastifyRequest): Promise<MemoryImageDto> {
    return this.images.upload(user, request);
  }

  @Get('photos')
  @ApiOperation({ summary: 'A class wall (classGroupId) or a year wall (year), newest first; place narrows it' })
  @ApiOkResponse({ type: MemoryPhotoPageResponseDto })
  @ApiErrors(...VIEWER, 'INVALID_CURSOR')
  list(@CurrentUser() user: AuthUserDto, @Query() query: MemoryPhotoQueryDto): Promise<Page<MemoryPhotoDto>> {
    return this.photos.list(user, query);
  }

  @Post('photos')
  @RateLimit('posting')
  @ApiOperation({ summary: 'Share an old photo (caption checked; shown once WeChat’s image check passes it)' })
  @ApiCreatedResponse({ type: MemoryPhotoResponseDto })
  @ApiErrors(...WRITER, 'MEMORY_IMAGE_INVALID', 'MEMORY_PHOTO_YEAR_INVALID', 'MEMORY_CLASS_NOT_MINE', 'CONTENT_RISKY')
  create(@CurrentUser() user: AuthUserDto, @Body() dto: MemoryPhotoBodyDto): Promise<MemoryPhotoDto> {
    return this.photos.create(user, dto);
  }

  @Get('photos/:id')
  @ApiOperation({ summary: 'A photo with the people tagged (names shown once they agreed), 我在这里 and what I may do' })
  @ApiOkResponse({ type: MemoryPhotoResponseDto })
  @ApiErrors(...VIEWER, 'MEMORY_PHOTO_NOT_FOUND')
  detail(@CurrentUser() user: AuthUserDto, @Param('id', ParseUUIDPipe) id: string): Promise<MemoryPhotoDto> {
    return this.photos.detail(user, id);
  }

  @Delete('photos/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Its uploader (or staff) takes a photo down' })
  @ApiNoContentResponse()
  @ApiErrors('MEMORY_PHOTO_NOT_FOUND', 'MEMORY_PHOTO_FORBIDDEN')
  remove(@CurrentUser() user: AuthUserDto, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.photos.remove(user, id);
  }

  @Post('photos/:id/tags')
  @ApiOperation({ summary: 'Tag someone in a photo: they are asked before their name shows; tagging myself shows at once' })
  @ApiCreatedResponse({ type: PhotoTagResponseDto })
  @ApiErrors(...WRITER, 'MEMORY_PHOTO_NOT_FOUND', 'MEMORY_TAG_EXISTS', 'MEMORY_TAG_LIMIT')
  tag(@CurrentUser() user: AuthUserDto, @Param('id', ParseUUIDPipe) id: string, @Body() dto: PhotoTagBodyDto): Promise<PhotoTagDto> {
    return this.tags.tag(user, id, dto);
  }

  @Get('photos/:id/tag-candidates')
  @ApiOperation({ summary: 'Whom I may tag: the verified alumni of the photo’s class not tagged yet' })
  @ApiOkResponse({ type: [TagCandidateResponseDto] })
  @ApiErrors(...VIEWER, 'MEMORY_PHOTO_NOT_FOUND')
  candidates(@CurrentUser() user: AuthUserDto, @Param('id', ParseUUIDPipe) id: string): Promise<TagCandidateDto[]> {
    return this.tags.candidates(user, id);
  }

  @Put('photos/:id/presence')
  @ApiOperation({ summary: '我在这里 (idempotent)' })
  @ApiOkResponse({ type: PresenceResponseDto })
  @ApiErrors(...WRITER, 'MEMORY_PHOTO_NOT_FOUND')
  present(@CurrentUser() user: AuthUserDto, @Param('id', ParseUUIDPipe) id: string): Promise<PresenceDto> {
    return this.photos.presence(user, id, true);
  }

  @Delete('photos/:id/presence')
  @ApiOperation({ summary: 'Take back 我在这里 (idempotent)' })
  @ApiOkResponse({ type: PresenceResponseDto })
  @ApiErrors(...VIEWER, 'MEMORY_PHOTO_NOT_FOUND')
  absent(@CurrentUser() user: AuthUserDto, @Param('id', ParseUUIDPipe) id: string): Promise<PresenceDto> {
    return this.photos.presence(user, id, false);
  }

  @Get('photos/:id/comments')
  @ApiOperation({ summary: 'A photo’s comments, oldest first (mine waiting for review included)' })
  @ApiOkResponse({ type: MemoryCommentPageResponseDto })
  @ApiErrors(...VIEWER, 'MEMORY_PHOTO_NOT_FOUND', 'INVALID_CURSOR')
  listComments(
    @CurrentUser() user: AuthUserDto,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<MemoryCommentDto>> {
    return this.comments.list(user, id, query);
  }

  @Post('photos/:id/comments')
  @RateLimit('posting')
  @ApiOperation({ summary: 'Comment on a photo (text checked: risky refused, review waits for staff)' })
  @ApiCreatedResponse({ type: MemoryCommentResponseDto })
  @ApiErrors(...WRITER, 'MEMORY_PHOTO_NOT_FOUND', 'CONTENT_RISKY')
  comment(
    @CurrentUser() user: AuthUserDto,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: MemoryCommentBodyDto,
  ): Promise<MemoryCommentDto> {
    return this.comments.create(user, id, dto.text);
  }

  @Post('photos/:id/reports')
  @HttpCode(204)
  @ApiOperation({ summary: 'Report a photo to staff (once per alumnus; it waits in the content-review queue)' })
  @ApiNoContentResponse()
  @ApiErrors(...VIEWER, 'MEMORY_PHOTO_NOT_FOUND', 'MEMORY_REPORT_OWN_CONTENT')
  reportPhoto(@CurrentUser() user: AuthUserDto, @Param('id', ParseUUIDPipe) id: string, @Body() dto: MemoryReportBodyDto): Promise<void> {
    return this.comments.reportPhoto(user, id, dto.reason);
  }

  @Delete('photo-comments/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Its author (or staff) deletes a comment' })
  @ApiNoContentResponse()
  @ApiErrors('MEMORY_COMMENT_NOT_FOUND', 'FORBIDDEN')
  removeComment(@CurrentUser() user: AuthUserDto, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.comments.remove(user, id);
  }

  @Post('photo-comments/:id/reports')
  @HttpCode(204)
  @ApiOperation({ summary: 'Report a comment to staff (once per alumnus)' })
  @ApiNoContentResponse()
  @ApiErrors(...VIEWER, 'MEMORY_COMMENT_NOT_FOUND', 'MEMORY_REPORT_OWN_CONTENT')
  reportComment(@CurrentUser() user: AuthUserDto, @Param('id', ParseUUIDPipe) id: string, @Body() dto: MemoryReportBodyDto): Promise<void> {
    return this.comments.reportComment(user, id, dto.reason);
  }

  @Get('tags/pending')
  @ApiOperation({ summary: 'Tags waiting for my answer: may my name show on these photos?' })
  @ApiOkResponse({ type: [PendingPhotoTagResponseDto] })
  pendingTags(@CurrentUser() user: AuthUserDto): Promise<PendingPhotoTagDto[]> {
    return this.tags.pending(user);
  }

  @Post('tags/:id/decision')
  @HttpCode(200)
  @ApiOperation({ summary: 'The person tagged lets their name show (accept) or takes the tag off' })
  @ApiOkResponse({ type: PhotoTagResponseDto })
  @ApiErrors(...WRITER, 'MEMORY_TAG_NOT_FOUND', 'MEMORY_TAG_FORBIDDEN')
  decide(@CurrentUser() user: AuthUserDto, @Param('id', ParseUUIDPipe) id: string, @Body() dto: PhotoTagDecisionDto): Promise<PhotoTagDto> {
    return this.tags.decide(user, id, dto.accept);
  }

  @Get('timeline')
  @ApiOperation({ summary: 'The campus timeline in time order: a decade, a year or a place' })
  @ApiOkResponse({ type: [TimelineEntryResponseDto] })
  @ApiErrors(...VIEWER)
  timelineEntries(@CurrentUser() user: AuthUserDto, @Query() query: TimelineQueryDto): Promise<TimelineEntryDto[]> {
    return this.timeline.list(user, query);
  }

  @Get('timeline/decades')
  @ApiOperation({ summary: 'The decades the timeline covers, with their entry counts' })
  @ApiOkResponse({ type: [TimelineDecadeResponseDto] })
  @ApiErrors(...VIEWER)
  decades(@CurrentUser() user: AuthUserDto): Promise<TimelineDecadeDto[]> {
    return this.timeline.decades(user);
  }
}

@ApiTags('memories (staff)')
@Roles('staff')
@Controller('staff/memories/timeline')
export class StaffTimelineController {
  constructor(private readonly timeline: TimelineService) {}

  @Get()
  @ApiOperation({ summary: 'Every timeline entry, drafts included, in time order' })
  @ApiOkResponse({ type: [TimelineEntryResponseDto] })
  @ApiErrors('FORBIDDEN')
  list(@Query() query: TimelineQueryDto): Promise<TimelineEntryDto[]> {
    return this.timeline.listForStaff(query);
  }

  @Post()
  @ApiOperation({ summary: 'Add a moment to the campus timeline (a draft unless published)' })
  @ApiCreatedResponse({ type: TimelineEntryResponseDto })
  @ApiErrors('TIMELINE_PHOTO_INVALID', 'FORBIDDEN')
  create(@CurrentUser() user: AuthUserDto, @Body() dto: TimelineEntryBodyDto): Promise<TimelineEntryDto> {
    return this.timeline.create(user, dto);
  }

  @Put(':id')
  @ApiOperation({ summary: 'Rewrite a timeline entry (the whole entry)' })
  @ApiOkResponse({ type: TimelineEntryResponseDto })
  @ApiErrors('TIMELINE_ENTRY_NOT_FOUND', 'TIMELINE_PHOTO_INVALID', 'FORBIDDEN')
  update(
    @CurrentUser() user: AuthUserDto,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: TimelineEntryBodyDto,
  ): Promise<TimelineEntryDto> {
    return this.timeline.update(user, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a timeline entry' })
  @ApiNoContentResponse()
  @ApiErrors('TIMELINE_ENTRY_NOT_FOUND', 'FORBIDDEN')
  remove(@CurrentUser() user: AuthUserDto, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.timeline.remove(user, id);
  }
}
