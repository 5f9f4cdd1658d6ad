import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUserDto, GroupSummaryDto, MyGroupJoinRequestDto, MyGroupProposalDto, Page } from '@alumni/shared';
import { CurrentUser } from '../auth/auth.decorators.js';
import { ApiErrors } from '../common/api-errors.decorator.js';
import { PageQueryDto } from '../common/pagination.js';
import { GroupPageResponseDto, MyGroupJoinRequestPageResponseDto, MyGroupProposalPageResponseDto } from './dto/group-response.dto.js';
import { GroupCatalogService } from './group-catalog.service.js';

/** The caller's own groups, join requests and proposals. */
@ApiTags('groups')
@Controller('me')
export class MyGroupsController {
  constructor(private readonly catalog: GroupCatalogService) {}

  @Get('groups')
  @ApiOperation({ summary: 'The groups I belong to, most recently joined first' })
  @ApiOkResponse({ type: GroupPageResponseDto })
  @ApiErrors('INVALID_CURSOR')
  list(@CurrentUser() user: AuthUserDto, @Query() query: PageQueryDto): Promise<Page<GroupSummaryDto>> {
    return this.catalog.mine(user, query);
  }

  @Get('group-requests')
  @ApiOperation({ summary: 'My join requests, newest first: pending, approved, rejected (with the reason) or withdrawn' })
  @ApiOkResponse({ type: MyGroupJoinRequestPageResponseDto })
  @ApiErrors('INVALID_CURSOR')
  requests(@CurrentUser() user: AuthUserDto, @Query() query: PageQueryDto): Promise<Page<MyGroupJoinRequestDto>> {
    return this.catalog.myRequests(user, query);
  }

  @Get('group-proposals')
  @ApiOperation({ summary: 'The groups I proposed, newest first, with their status and the staff’s reason' })
  @ApiOkResponse({ type: MyGroupProposalPageResponseDto })
  @ApiErrors('INVALID_CURSOR')
  proposals(@CurrentUser() user: AuthUserDto, @Query() query: PageQueryDto): Promise<Page<MyGroupProposalDto>> {
    return this.catalog.myProposals(user, query);
  }
}
