import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CampaignSummaryDto, Page } from '@alumni/shared';
import { Public } from '../auth/auth.decorators.js';
import { ApiErrors } from '../common/api-errors.decorator.js';
import { CampaignsService } from './campaigns.service.js';
import { CampaignPageResponseDto } from './dto/campaign-summary-response.dto.js';
import { ListCampaignsQueryDto } from './dto/list-campaigns-query.dto.js';

@ApiTags('giving')
@Public()
@Controller('campaigns')
export class CampaignsController {
  constructor(private readonly campaigns: CampaignsService) {}

  @Get()
  @ApiOperation({ summary: 'Donation drives, open ones by default, newest first, cursor-paginated' })
  @ApiOkResponse({ type: CampaignPageResponseDto })
  @ApiErrors('INVALID_CURSOR')
  list(@Query() query: ListCampaignsQueryDto): Promise<Page<CampaignSummaryDto>> {
    return this.campaigns.list(query);
  }
}
