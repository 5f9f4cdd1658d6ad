import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUserDto, GroupSummaryDto, Page } from '@alumni/shared';
import { CurrentUser } from '../auth/auth.decorators.js';
import { ApiErrors } from '../common/api-errors.decorator.js';
import { PageQueryDto } from '../common/pagination.js';
import { GroupPageResponseDto } from './dto/group-response.dto.js';
import { GroupCatalogService } from './group-catalog.service.js';

/** The caller's own groups. */
@ApiTags('groups')
@Controller('me/groups')
export class MyGroupsController {
  constructor(private readonly catalog: GroupCatalogService) {}

  @Get()
  @ApiOperation({ summary: 'The groups I belong to, most recently joined first' })
  @ApiOkResponse({ type: GroupPageResponseDto })
  @ApiErrors('INVALID_CURSOR')
  list(@CurrentUser() user: AuthUserDto, @Query() query: PageQueryDto): Promise<Page<GroupSummaryDto>> {
    return this.catalog.mine(user, query);
  }
}
