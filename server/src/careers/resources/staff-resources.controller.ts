import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUserDto, Page, ResourceDto, ResourceSummaryDto } from '@alumni/shared';
import { CurrentUser, Roles } from '../../auth/auth.decorators.js';
import { ApiErrors } from '../../common/api-errors.decorator.js';
import { StaffReasonBodyDto } from '../dto/careers.dto.js';
import { StaffResourcesQueryDto } from './dto/resource-request.dto.js';
import { ResourceResponseDto, ResourceSummaryPageResponseDto } from './dto/resource-response.dto.js';
import { ResourcesService } from './resources.service.js';

@ApiTags('careers: resource library (staff)')
@Roles('staff')
@Controller('staff/careers/resources')
export class StaffResourcesController {
  constructor(private readonly resources: ResourcesService) {}

  @Get()
  @ApiOperation({ summary: 'Resources of one status, newest first: `submitted` (the review queue) by default' })
  @ApiOkResponse({ type: ResourceSummaryPageResponseDto })
  @ApiErrors('INVALID_CURSOR', 'FORBIDDEN')
  list(@CurrentUser() user: AuthUserDto, @Query() query: StaffResourcesQueryDto): Promise<Page<ResourceSummaryDto>> {
    return this.resources.listForStaff(user, query.status, query);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @ApiOperation({ summary: 'Publish a submitted resource (audited, author notified)' })
  @ApiOkResponse({ type: ResourceResponseDto })
  @ApiErrors('RESOURCE_NOT_FOUND', 'RESOURCE_STATE_CONFLICT', 'FORBIDDEN')
  approve(@CurrentUser() user: AuthUserDto, @Param('id', ParseUUIDPipe) id: string): Promise<ResourceDto> {
    return this.resources.approve(user, id);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @ApiOperation({ summary: 'Refuse a submitted resource, with the reason the author sees (audited, author notified)' })
  @ApiOkResponse({ type: ResourceResponseDto })
  @ApiErrors('RESOURCE_NOT_FOUND', 'RESOURCE_STATE_CONFLICT', 'FORBIDDEN')
  reject(@CurrentUser() user: AuthUserDto, @Param('id', ParseUUIDPipe) id: string, @Body() dto: StaffReasonBodyDto): Promise<ResourceDto> {
    return this.resources.reject(user, id, dto.reason);
  }

  @Post(':id/archive')
  @HttpCode(200)
  @ApiOperation({ summary: 'Take a published or waiting resource out of the library, with the reason the author sees' })
  @ApiOkResponse({ type: ResourceResponseDto })
  @ApiErrors('RESOURCE_NOT_FOUND', 'RESOURCE_STATE_CONFLICT', 'FORBIDDEN')
  archive(@CurrentUser() user: AuthUserDto, @Param('id', ParseUUIDPipe) id: string, @Body() dto: StaffReasonBodyDto): Promise<ResourceDto> {
    return this.resources.archive(user, id, dto.reason);
  }
}
