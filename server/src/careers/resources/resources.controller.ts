import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthUserDto, Page, ResourceDto, ResourceFileDto, ResourceSummaryDto } from '@alumni/shared';
import { CurrentUser, Public } from '../../auth/auth.decorators.js';
import { ApiErrors } from '../../common/api-errors.decorator.js';
import { PageQueryDto } from '../../common/pagination.js';
import { ResourceBodyDto, ResourceLibraryQueryDto } from './dto/resource-request.dto.js';
import {
  ResourceFileResponseDto,
  ResourceResponseDto,
  ResourceSummaryPageResponseDto,
  ResourceSummaryResponseDto,
} from './dto/resource-response.dto.js';
import { ResourceFilesService } from './resource-files.service.js';
import { ResourcesService } from './resources.service.js';

const CONTRIBUTOR_ERRORS = ['CAREERS_VERIFICATION_REQUIRED', 'CAREERS_GRADUATE_REQUIRED', 'CONSENT_REQUIRED', 'ALUMNUS_NOT_FOUND'] as const;

@ApiTags('careers: resource library')
@Controller('careers')
export class ResourcesController {
  constructor(
    private readonly resources: ResourcesService,
    private readonly files: ResourceFilesService,
  ) {}

  @Get('resources')
  @Public()
  @ApiOperation({ summary: 'The library: published resources, newest first, by kind, industry, topic and keyword' })
  @ApiOkResponse({ type: ResourceSummaryPageResponseDto })
  @ApiErrors('INVALID_CURSOR')
  library(@CurrentUser() user: AuthUserDto | undefined, @Query() query: ResourceLibraryQueryDto): Promise<Page<ResourceSummaryDto>> {
    return this.resources.library(user, query);
  }

  @Post('resources')
  @ApiOperation({ summary: 'Start a draft (verified graduates and staff); the body is stored sanitised; files uploaded first' })
  @ApiCreatedResponse({ type: ResourceResponseDto })
  @ApiErrors(...CONTRIBUTOR_ERRORS, 'RESOURCE_FILE_INVALID')
  create(@CurrentUser() user: AuthUserDto, @Body() dto: ResourceBodyDto): Promise<ResourceDto> {
    return this.resources.create(user, dto);
  }

  @Post('resources/files')
  @ApiOperation({ summary: 'Upload one file for a resource: a PDF (at most 10 MB) or a JPEG, PNG or WebP image (5 MB), field `file`' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiCreatedResponse({ type: ResourceFileResponseDto })
  @ApiErrors(
    ...CONTRIBUTOR_ERRORS,
    'UPLOAD_FILE_MISSING',
    'UNSUPPORTED_MEDIA_TYPE',
    'MALFORMED_MULTIPART',
    'RESOURCE_FILE_TYPE_UNSUPPORTED',
    'RESOURCE_FILE_TOO_LARGE',
  )
  upload(@CurrentUser() user: AuthUserDto, @Req() request: FastifyRequest): Promise<ResourceFileDto> {
    return this.files.upload(user, request);
  }

  @Get('resources/:id')
  @Public()
  @ApiOperation({ summary: 'A resource with its files (counts a view); drafts and refused ones only for their author and staff' })
  @ApiOkResponse({ type: ResourceResponseDto })
  @ApiErrors('RESOURCE_NOT_FOUND')
  detail(@CurrentUser() user: AuthUserDto | undefined, @Param('id', ParseUUIDPipe) id: string): Promise<ResourceDto> {
    return this.resources.detail(user, id);
  }

  @Put('resources/:id')
  @ApiOperation({ summary: 'The author changes a draft, a refused or a published resource (a published one is reviewed again)' })
  @ApiOkResponse({ type: ResourceResponseDto })
  @ApiErrors(
    ...CONTRIBUTOR_ERRORS,
    'RESOURCE_NOT_FOUND',
    'RESOURCE_FORBIDDEN',
    'RESOURCE_STATE_CONFLICT',
    'RESOURCE_FILE_INVALID',
    'RESOURCE_FILE_REQUIRED',
    'CONTENT_RISKY',
  )
  update(@CurrentUser() user: AuthUserDto, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ResourceBodyDto): Promise<ResourceDto> {
    return this.resources.update(user, id, dto);
  }

  @Post('resources/:id/submit')
  @HttpCode(200)
  @ApiOperation({ summary: 'The author sends a draft to review: checked, then waiting for staff (a staff author’s is published at once)' })
  @ApiOkResponse({ type: ResourceResponseDto })
  @ApiErrors(
    ...CONTRIBUTOR_ERRORS,
    'RESOURCE_NOT_FOUND',
    'RESOURCE_FORBIDDEN',
    'RESOURCE_STATE_CONFLICT',
    'RESOURCE_FILE_REQUIRED',
    'CONTENT_RISKY',
  )
  submit(@CurrentUser() user: AuthUserDto, @Param('id', ParseUUIDPipe) id: string): Promise<ResourceDto> {
    return this.resources.submit(user, id);
  }

  @Put('resources/:id/bookmark')
  @ApiOperation({ summary: 'Keep a published resource (counted on it); keeping it twice changes nothing' })
  @ApiOkResponse({ type: ResourceSummaryResponseDto })
  @ApiErrors('RESOURCE_NOT_FOUND', 'CONSENT_REQUIRED', 'ALUMNUS_NOT_FOUND')
  bookmark(@CurrentUser() user: AuthUserDto, @Param('id', ParseUUIDPipe) id: string): Promise<ResourceSummaryDto> {
    return this.resources.bookmark(user, id);
  }

  @Delete('resources/:id/bookmark')
  @HttpCode(204)
  @ApiOperation({ summary: 'Stop keeping a resource' })
  async unbookmark(@CurrentUser() user: AuthUserDto, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.resources.unbookmark(user, id);
  }

  @Get('me/resources')
  @ApiOperation({ summary: 'The resources I wrote, in every state, newest first' })
  @ApiOkResponse({ type: ResourceSummaryPageResponseDto })
  @ApiErrors('INVALID_CURSOR')
  mine(@CurrentUser() user: AuthUserDto, @Query() query: PageQueryDto): Promise<Page<ResourceSummaryDto>> {
    return this.resources.mine(user, query);
  }

  @Get('me/resource-bookmarks')
  @ApiOperation({ summary: 'The published resources I keep, newest first' })
  @ApiOkResponse({ type: ResourceSummaryPageResponseDto })
  @ApiErrors('INVALID_CURSOR')
  bookmarks(@CurrentUser() user: AuthUserDto, @Query() query: PageQueryDto): Promise<Page<ResourceSummaryDto>> {
    return this.resources.bookmarks(user, query);
  }

  @Get('resource-files/:id')
  @Public()
  @ApiOperation({ summary: 'Download a file (counted); files of unpublished resources only for their uploader and staff' })
  @ApiProduces('application/pdf', 'image/jpeg', 'image/png', 'image/webp')
  @ApiErrors('RESOURCE_FILE_NOT_FOUND')
  async download(
    @CurrentUser() user: AuthUserDto | undefined,
    @Param('id', ParseUUIDPipe) id: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const file = await this.files.download(user, id);
    await reply
      .header('content-type', file.contentType)
      .header('content-disposition', contentDisposition(file.name, file.contentType !== 'application/pdf'))
      // Access is checked and each fetch counted: no shared cache keeps it.
      .header('cache-control', 'private, no-store')
      .header('x-content-type-options', 'nosniff')
      .send(file.body);
  }
}

/** RFC 6266: an ASCII fallback name and the real (UTF-8) one. */
function contentDisposition(name: string, inline: boolean): string {
  const fallback = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${inline ? 'inline' : 'attachment'}; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
