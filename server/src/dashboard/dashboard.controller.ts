import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { DashboardListItemDto, DashboardSummaryDto, DashboardTrendsDto, Page, RosterCoverageDto } from '@alumni/shared';
import { Roles } from '../auth/auth.decorators.js';
import { ApiErrors } from '../common/api-errors.decorator.js';
import { sendSpreadsheet } from '../common/spreadsheet.js';
import { DashboardService } from './dashboard.service.js';
import {
  DashboardCoverageQueryDto,
  DashboardCoverageResponseDto,
  DashboardExportQueryDto,
  DashboardListPageResponseDto,
  DashboardListParamsDto,
  DashboardListQueryDto,
  DashboardSummaryQueryDto,
  DashboardSummaryResponseDto,
  DashboardTrendsQueryDto,
  DashboardTrendsResponseDto,
} from './dto/dashboard.dto.js';

@ApiTags('dashboard (staff)')
@Roles('staff')
@Controller('staff/dashboard')
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  @Get('coverage')
  @ApiOperation({
    summary:
      'Contact coverage against the rosters: graduates listed and those a verified account holds, by department and year, month by month',
  })
  @ApiOkResponse({ type: DashboardCoverageResponseDto })
  @ApiErrors('FORBIDDEN')
  coverage(@Query() query: DashboardCoverageQueryDto): Promise<RosterCoverageDto> {
    return this.dashboard.coverage(query.months);
  }

  @Get('summary')
  @ApiOperation({ summary: 'Headline figures, optionally broken down by graduation year, department or city' })
  @ApiOkResponse({ type: DashboardSummaryResponseDto })
  @ApiErrors('FORBIDDEN')
  summary(@Query() query: DashboardSummaryQueryDto): Promise<DashboardSummaryDto> {
    return this.dashboard.summary(query.by);
  }

  @Get('trends')
  @ApiOperation({ summary: 'Sign-ups, verifications, engaged alumni, donors and amount raised, month by month' })
  @ApiOkResponse({ type: DashboardTrendsResponseDto })
  @ApiErrors('FORBIDDEN')
  trends(@Query() query: DashboardTrendsQueryDto): Promise<DashboardTrendsDto> {
    return this.dashboard.trends(query);
  }

  @Get('lists/:list')
  @ApiOperation({ summary: 'An action list: stale contacts, most engaged per city, or lapsed donors' })
  @ApiOkResponse({ type: DashboardListPageResponseDto })
  @ApiErrors('INVALID_CURSOR', 'FORBIDDEN')
  list(@Param() params: DashboardListParamsDto, @Query() query: DashboardListQueryDto): Promise<Page<DashboardListItemDto>> {
    return this.dashboard.list(params.list, query);
  }

  @Get('lists/:list/export')
  @ApiOperation({ summary: 'An action list as CSV (UTF-8 with BOM) or XLSX, Chinese headers' })
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiErrors('FORBIDDEN')
  async export(
    @Param() params: DashboardListParamsDto,
    @Query() query: DashboardExportQueryDto,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await sendSpreadsheet(reply, await this.dashboard.export(params.list, query, query.format));
  }
}
