import { Body, Controller, Get, Param, ParseIntPipe, ParseUUIDPipe, Patch, Post, Put, Query, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { AuthUserDto, CampaignDetailDto, DisbursementDto, GivingPhotoDto, NoticeReachDto, Page, TreeDto } from '@alumni/shared';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import { ApiErrors } from '../common/api-errors.decorator.js';
import { PageQueryDto } from '../common/pagination.js';
import { NoticeReachResponseDto } from '../notifications/dto/notifications.dto.js';
import { CampaignsService } from './campaigns.service.js';
import { DisbursementsService } from './disbursements.service.js';
import { CreateDisbursementDto, DisbursementResponseDto } from './dto/disbursement.dto.js';
import { TreeResponseDto, UpdateTreeDto } from './dto/tree.dto.js';
import { TreesService } from './trees.service.js';
import { GivingPhotosService } from './giving-photos.service.js';
import { CampaignDetailPageResponseDto, CampaignDetailResponseDto } from './dto/campaign-detail-response.dto.js';
import { CreateCampaignDto, UpdateCampaignDto } from './dto/campaign-input.dto.js';

class GivingPhotoResponseDto implements GivingPhotoDto {
  @ApiProperty({ example: '/api/v1/uploads/campaign-photos/5f0c2a9e-8d1b-4c3e-9a7f-0b1c2d3e4f50.jpg' })
  url: string;
}

const EDIT_ERRORS = ['CAMPAIGN_WINDOW_INVALID', 'CAMPAIGN_AMOUNTS_INVALID', 'CAMPAIGN_UNIT_INVALID', 'FORBIDDEN'] as const;

@ApiTags('giving (staff)')
@Roles('staff')
@Controller('staff/campaigns')
export class StaffCampaignsController {
  constructor(
    private readonly campaigns: CampaignsService,
    private readonly disbursements: DisbursementsService,
    private readonly trees: TreesService,
    private readonly photos: GivingPhotosService,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Create a drive as a draft (audited)' })
  @ApiCreatedResponse({ type: CampaignDetailResponseDto })
  @ApiErrors(...EDIT_ERRORS)
  create(@CurrentUser() user: AuthUserDto, @Body() dto: CreateCampaignDto): Promise<CampaignDetailDto> {
    return this.campaigns.create(user, dto);
  }

  @Get()
  @ApiOperation({ summary: 'Every drive, drafts included, newest first' })
  @ApiOkResponse({ type: CampaignDetailPageResponseDto })
  @ApiErrors('INVALID_CURSOR', 'FORBIDDEN')
  list(@Query() query: PageQueryDto): Promise<Page<CampaignDetailDto>> {
    return this.campaigns.listForStaff(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One drive in any status' })
  @ApiOkResponse({ type: CampaignDetailResponseDto })
  @ApiErrors('CAMPAIGN_NOT_FOUND', 'FORBIDDEN')
  detail(@Param('id', ParseUUIDPipe) id: string): Promise<CampaignDetailDto> {
    return this.campaigns.detailForStaff(id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Edit a drive or change its status (draft → open ⇄ closed); audited' })
  @ApiOkResponse({ type: CampaignDetailResponseDto })
  @ApiErrors(...EDIT_ERRORS, 'CAMPAIGN_NOT_FOUND', 'CAMPAIGN_STATE_CONFLICT')
  update(
    @CurrentUser() user: AuthUserDto,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateCampaignDto,
  ): Promise<CampaignDetailDto> {
    return this.campaigns.update(user, id, dto);
  }

  @Post('photos')
  @ApiOperation({
    summary: 'Upload one evidence photo (JPEG, PNG or WebP, at most 2 MB), multipart field `file`; name its URL in `photoUrls`',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiCreatedResponse({ type: GivingPhotoResponseDto })
  @ApiErrors('UPLOAD_FILE_MISSING', 'UPLOAD_TOO_LARGE', 'UPLOAD_TYPE_UNSUPPORTED', 'UNSUPPORTED_MEDIA_TYPE', 'FORBIDDEN')
  uploadPhoto(@CurrentUser() user: AuthUserDto, @Req() request: FastifyRequest): Promise<GivingPhotoDto> {
    return this.photos.upload(user, request);
  }

  @Get(':id/disbursements/audience')
  @ApiOperation({
    summary: 'Before recording money spent: how many donors a new entry reaches by WeChat message and how many only in the message centre',
  })
  @ApiOkResponse({ type: NoticeReachResponseDto })
  @ApiErrors('CAMPAIGN_NOT_FOUND', 'VALIDATION_FAILED', 'FORBIDDEN')
  disbursementAudience(@Param('id', ParseUUIDPipe) id: string): Promise<NoticeReachDto> {
    return this.disbursements.audience(id);
  }

  @Post(':id/disbursements')
  @ApiOperation({ summary: 'Record money spent (date, amount, purpose, photos); every donor of the campaign is told (audited)' })
  @ApiCreatedResponse({ type: DisbursementResponseDto })
  @ApiErrors('CAMPAIGN_NOT_FOUND', 'CAMPAIGN_STATE_CONFLICT', 'VALIDATION_FAILED', 'FORBIDDEN')
  addDisbursement(
    @CurrentUser() user: AuthUserDto,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CreateDisbursementDto,
  ): Promise<DisbursementDto> {
    return this.disbursements.create(user, id, dto);
  }

  @Put(':id/trees/:number')
  @ApiOperation({ summary: 'Say where a given sapling stands, with photos (audited)' })
  @ApiOkResponse({ type: TreeResponseDto })
  @ApiErrors('CAMPAIGN_NOT_FOUND', 'TREE_NOT_FOUND', 'VALIDATION_FAILED', 'FORBIDDEN')
  updateTree(
    @CurrentUser() user: AuthUserDto,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('number', ParseIntPipe) treeNo: number,
    @Body() dto: UpdateTreeDto,
  ): Promise<TreeDto> {
    return this.trees.update(user, id, treeNo, dto);
  }
}
