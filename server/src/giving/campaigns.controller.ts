import { Controller, Get, Param, ParseIntPipe, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CampaignDetailDto, CampaignSummaryDto, DisbursementDto, DonorWallEntryDto, Page, TreeDto } from '@alumni/shared';
import { PageQueryDto } from '../common/pagination.js';
import { Public } from '../auth/auth.decorators.js';
import { ApiErrors } from '../common/api-errors.decorator.js';
import { CampaignsService } from './campaigns.service.js';
import { DisbursementsService } from './disbursements.service.js';
import { DonationRecordsService } from './donation-records.service.js';
import { DisbursementPageResponseDto } from './dto/disbursement.dto.js';
import { TreeResponseDto } from './dto/tree.dto.js';
import { TreesService } from './trees.service.js';
import { DonorWallPageResponseDto } from './dto/donation-records.dto.js';
import { CampaignDetailResponseDto } from './dto/campaign-detail-response.dto.js';
import { CampaignPageResponseDto } from './dto/campaign-summary-response.dto.js';
import { ListCampaignsQueryDto } from './dto/list-campaigns-query.dto.js';

@ApiTags('giving')
@Public()
@Controller('campaigns')
export class CampaignsController {
  constructor(
    private readonly campaigns: CampaignsService,
    private readonly records: DonationRecordsService,
    private readonly disbursements: DisbursementsService,
    private readonly trees: TreesService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Donation drives, open ones by default, newest first, cursor-paginated' })
  @ApiOkResponse({ type: CampaignPageResponseDto })
  @ApiErrors('INVALID_CURSOR')
  list(@Query() query: ListCampaignsQueryDto): Promise<Page<CampaignSummaryDto>> {
    return this.campaigns.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One open or closed drive: story, beneficiary, progress and what the donate sheet offers' })
  @ApiOkResponse({ type: CampaignDetailResponseDto })
  @ApiErrors('CAMPAIGN_NOT_FOUND')
  detail(@Param('id', ParseUUIDPipe) id: string): Promise<CampaignDetailDto> {
    return this.campaigns.detail(id);
  }

  @Get(':id/donors')
  @ApiOperation({ summary: 'The donor wall: paid gifts, latest first; anonymous donors as 匿名校友, hidden amounts as null' })
  @ApiOkResponse({ type: DonorWallPageResponseDto })
  @ApiErrors('CAMPAIGN_NOT_FOUND', 'INVALID_CURSOR')
  donors(@Param('id', ParseUUIDPipe) id: string, @Query() query: PageQueryDto): Promise<Page<DonorWallEntryDto>> {
    return this.records.wall(id, query);
  }

  @Get(':id/disbursements')
  @ApiOperation({ summary: 'The fund-use ledger: what the money did, newest entry first (raised vs spent is on the campaign)' })
  @ApiOkResponse({ type: DisbursementPageResponseDto })
  @ApiErrors('CAMPAIGN_NOT_FOUND', 'INVALID_CURSOR')
  listDisbursements(@Param('id', ParseUUIDPipe) id: string, @Query() query: PageQueryDto): Promise<Page<DisbursementDto>> {
    return this.disbursements.list(id, query);
  }

  @Get(':id/trees/:number')
  @ApiOperation({ summary: 'A numbered sapling: where it stands and its photos, once staff added them' })
  @ApiOkResponse({ type: TreeResponseDto })
  @ApiErrors('CAMPAIGN_NOT_FOUND', 'TREE_NOT_FOUND', 'VALIDATION_FAILED')
  tree(@Param('id', ParseUUIDPipe) id: string, @Param('number', ParseIntPipe) treeNo: number): Promise<TreeDto> {
    return this.trees.get(id, treeNo);
  }
}
