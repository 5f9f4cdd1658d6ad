import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUserDto, BranchAdminCandidateDto, BranchDetailDto, BranchSummaryDto, Page } from '@alumni/shared';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import { ApiErrors } from '../common/api-errors.decorator.js';
import { BranchesService } from './branches.service.js';
import { BranchAdminCandidatesQueryDto, CreateBranchDto, ListBranchesQueryDto } from './dto/branch-request.dto.js';
import { BranchAdminCandidateResponseDto, BranchDetailResponseDto, BranchPageResponseDto } from './dto/branch-response.dto.js';

@ApiTags('branches (staff)')
@Roles('staff')
@Controller('staff/branches')
export class StaffBranchesController {
  constructor(private readonly branches: BranchesService) {}

  @Post()
  @ApiOperation({ summary: 'Create a branch with its home group, active at once (audited)' })
  @ApiCreatedResponse({ type: BranchDetailResponseDto })
  @ApiErrors('BRANCH_PLACE_REQUIRED', 'BRANCH_NAME_TAKEN', 'FORBIDDEN')
  create(@CurrentUser() user: AuthUserDto, @Body() dto: CreateBranchDto): Promise<BranchDetailDto> {
    return this.branches.create(user, dto);
  }

  @Get()
  @ApiOperation({ summary: 'Every branch, archived ones included, newest first' })
  @ApiOkResponse({ type: BranchPageResponseDto })
  @ApiErrors('INVALID_CURSOR', 'FORBIDDEN')
  list(@Query() query: ListBranchesQueryDto): Promise<Page<BranchSummaryDto>> {
    return this.branches.list(query, { includeArchived: true });
  }

  @Get('admin-candidates')
  @ApiOperation({ summary: 'Verified alumni whose name starts with q, to appoint as a branch admin' })
  @ApiOkResponse({ type: [BranchAdminCandidateResponseDto] })
  @ApiErrors('VALIDATION_FAILED', 'FORBIDDEN')
  candidates(@Query() query: BranchAdminCandidatesQueryDto): Promise<BranchAdminCandidateDto[]> {
    return this.branches.adminCandidates(query.q);
  }

  @Put(':id/admins/:alumnusId')
  @HttpCode(200)
  @ApiOperation({ summary: 'Appoint a verified alumnus as a branch admin: admin of every group of the branch (audited)' })
  @ApiOkResponse({ type: BranchDetailResponseDto })
  @ApiErrors('BRANCH_NOT_FOUND', 'BRANCH_NOT_ACTIVE', 'ALUMNUS_NOT_FOUND', 'BRANCH_ADMIN_NOT_VERIFIED', 'FORBIDDEN')
  appoint(
    @CurrentUser() user: AuthUserDto,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('alumnusId', ParseUUIDPipe) alumnusId: string,
  ): Promise<BranchDetailDto> {
    return this.branches.appointAdmin(user, id, alumnusId);
  }

  @Delete(':id/admins/:alumnusId')
  @HttpCode(200)
  @ApiOperation({ summary: 'End a branch admin’s term: their admin rights in the branch’s groups go (audited)' })
  @ApiOkResponse({ type: BranchDetailResponseDto })
  @ApiErrors('BRANCH_NOT_FOUND', 'BRANCH_ADMIN_NOT_FOUND', 'FORBIDDEN')
  dismiss(
    @CurrentUser() user: AuthUserDto,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('alumnusId', ParseUUIDPipe) alumnusId: string,
  ): Promise<BranchDetailDto> {
    return this.branches.dismissAdmin(user, id, alumnusId);
  }

  @Put(':id/campaigns/:campaignId')
  @HttpCode(200)
  @ApiOperation({ summary: 'Count a campaign’s gifts toward the branch (one branch per campaign; audited)' })
  @ApiOkResponse({ type: BranchDetailResponseDto })
  @ApiErrors('BRANCH_NOT_FOUND', 'BRANCH_NOT_ACTIVE', 'CAMPAIGN_NOT_FOUND', 'BRANCH_CAMPAIGN_TAKEN', 'FORBIDDEN')
  linkCampaign(
    @CurrentUser() user: AuthUserDto,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('campaignId', ParseUUIDPipe) campaignId: string,
  ): Promise<BranchDetailDto> {
    return this.branches.linkCampaign(user, id, campaignId);
  }
}
