import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUserDto, GroupDetailDto, Page } from '@alumni/shared';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import { ApiErrors } from '../common/api-errors.decorator.js';
import { CreateGroupDto, RejectGroupDto, StaffGroupsQueryDto } from './dto/group-request.dto.js';
import { GroupDetailPageResponseDto, GroupDetailResponseDto } from './dto/group-response.dto.js';
import { GroupCatalogService } from './group-catalog.service.js';

@ApiTags('groups (staff)')
@Roles('staff')
@Controller('staff/groups')
export class StaffGroupsController {
  constructor(private readonly catalog: GroupCatalogService) {}

  @Post()
  @ApiOperation({ summary: 'Create an interest, city or industry group, active at once (audited)' })
  @ApiCreatedResponse({ type: GroupDetailResponseDto })
  @ApiErrors('GROUP_KIND_NOT_ALLOWED', 'GROUP_KIND_DATA_REQUIRED', 'GROUP_POLICY_INVALID', 'FORBIDDEN')
  create(@CurrentUser() user: AuthUserDto, @Body() dto: CreateGroupDto): Promise<GroupDetailDto> {
    return this.catalog.create(user, dto);
  }

  @Get()
  @ApiOperation({ summary: 'Groups of one status, oldest first: `proposed` (the review queue) by default' })
  @ApiOkResponse({ type: GroupDetailPageResponseDto })
  @ApiErrors('INVALID_CURSOR', 'FORBIDDEN')
  list(@Query() query: StaffGroupsQueryDto): Promise<Page<GroupDetailDto>> {
    return this.catalog.listForStaff(query.status, query);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @ApiOperation({ summary: 'Approve a proposal: the group opens with its proposer as owner (audited, proposer notified)' })
  @ApiOkResponse({ type: GroupDetailResponseDto })
  @ApiErrors('GROUP_NOT_FOUND', 'GROUP_NOT_PROPOSED', 'FORBIDDEN')
  approve(@CurrentUser() user: AuthUserDto, @Param('id', ParseUUIDPipe) id: string): Promise<GroupDetailDto> {
    return this.catalog.approve(user, id);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reject a proposal with a reason the proposer sees (audited, proposer notified)' })
  @ApiOkResponse({ type: GroupDetailResponseDto })
  @ApiErrors('GROUP_NOT_FOUND', 'GROUP_NOT_PROPOSED', 'FORBIDDEN')
  reject(@CurrentUser() user: AuthUserDto, @Param('id', ParseUUIDPipe) id: string, @Body() dto: RejectGroupDto): Promise<GroupDetailDto> {
    return this.catalog.reject(user, id, dto.reason);
  }

  @Post(':id/archive')
  @HttpCode(200)
  @ApiOperation({ summary: 'Archive an active group: readable as it was, closed to joining (audited)' })
  @ApiOkResponse({ type: GroupDetailResponseDto })
  @ApiErrors('GROUP_NOT_FOUND', 'GROUP_NOT_ACTIVE', 'FORBIDDEN')
  archive(@CurrentUser() user: AuthUserDto, @Param('id', ParseUUIDPipe) id: string): Promise<GroupDetailDto> {
    return this.catalog.archive(user, id);
  }
}
