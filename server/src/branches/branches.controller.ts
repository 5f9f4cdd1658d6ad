import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUserDto, BranchDetailDto, BranchReportDto, BranchSummaryDto, EventDetailDto, MyBranchDto, Page } from '@alumni/shared';
import { CurrentUser, Public } from '../auth/auth.decorators.js';
import { ApiErrors } from '../common/api-errors.decorator.js';
import { EventDetailResponseDto } from '../events/dto/event-detail-response.dto.js';
import { CreateEventDto } from '../events/dto/event-input.dto.js';
import { BranchesService } from './branches.service.js';
import { CreateBranchGroupDto, ListBranchesQueryDto } from './dto/branch-request.dto.js';
import { BranchDetailResponseDto, BranchPageResponseDto, BranchReportResponseDto, MyBranchResponseDto } from './dto/branch-response.dto.js';

/**
 * Branches as alumni and branch admins meet them. Joining, members, join requests, posts and
 * announcements go through the home group's routes (`groupId`); a branch admin holds admin
 * rights in each of the branch's groups.
 */
@ApiTags('branches')
@Controller()
export class BranchesController {
  constructor(private readonly branches: BranchesService) {}

  @Get('branches')
  @Public()
  @ApiOperation({ summary: 'Active branches (分会) newest first, optionally of one kind, cursor-paginated' })
  @ApiOkResponse({ type: BranchPageResponseDto })
  @ApiErrors('INVALID_CURSOR')
  list(@Query() query: ListBranchesQueryDto): Promise<Page<BranchSummaryDto>> {
    return this.branches.list(query);
  }

  @Get('branches/:id')
  @Public()
  @ApiOperation({ summary: 'The branch page: groups, admins, upcoming events, campaigns, and my standing when signed in' })
  @ApiOkResponse({ type: BranchDetailResponseDto })
  @ApiErrors('BRANCH_NOT_FOUND')
  detail(@CurrentUser() user: AuthUserDto | undefined, @Param('id', ParseUUIDPipe) id: string): Promise<BranchDetailDto> {
    return this.branches.detail(id, user);
  }

  @Get('me/branches')
  @ApiOperation({ summary: 'The branches I belong to or run' })
  @ApiOkResponse({ type: [MyBranchResponseDto] })
  mine(@CurrentUser() user: AuthUserDto): Promise<MyBranchDto[]> {
    return this.branches.mine(user);
  }

  @Post('branches/:id/groups')
  @ApiOperation({ summary: 'Branch admins and staff: open a group under the branch (text WeChat did not clear waits for staff)' })
  @ApiCreatedResponse({ type: BranchDetailResponseDto })
  @ApiErrors('BRANCH_NOT_FOUND', 'BRANCH_ADMIN_REQUIRED', 'BRANCH_NOT_ACTIVE', 'GROUP_KIND_DATA_REQUIRED', 'CONTENT_RISKY')
  openGroup(
    @CurrentUser() user: AuthUserDto,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CreateBranchGroupDto,
  ): Promise<BranchDetailDto> {
    return this.branches.openGroup(user, id, dto);
  }

  @Post('branches/:id/events')
  @ApiOperation({
    summary:
      'Branch admins and staff: post an event for the branch, open for sign-up at once (for the branch members unless told otherwise)',
  })
  @ApiCreatedResponse({ type: EventDetailResponseDto })
  @ApiErrors(
    'BRANCH_NOT_FOUND',
    'BRANCH_ADMIN_REQUIRED',
    'BRANCH_NOT_ACTIVE',
    'BRANCH_EVENT_AUDIENCE_INVALID',
    'EVENT_TIME_INVALID',
    'EVENT_SIGNUP_WINDOW_INVALID',
    'EVENT_PLACE_REQUIRED',
    'EVENT_AUDIENCE_INVALID',
    'EVENT_QUESTIONS_INVALID',
    'CONTENT_RISKY',
  )
  postEvent(
    @CurrentUser() user: AuthUserDto,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CreateEventDto,
  ): Promise<EventDetailDto> {
    return this.branches.postEvent(user, id, dto);
  }

  @Get('branches/:id/report')
  @ApiOperation({ summary: 'Branch admins and staff: members, activity, events held and funds raised (figures only)' })
  @ApiOkResponse({ type: BranchReportResponseDto })
  @ApiErrors('BRANCH_NOT_FOUND', 'BRANCH_ADMIN_REQUIRED')
  report(@CurrentUser() user: AuthUserDto, @Param('id', ParseUUIDPipe) id: string): Promise<BranchReportDto> {
    return this.branches.report(user, id);
  }
}
