import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUserDto, MatchPaymentDto, StaffCampaignMatchDto } from '@alumni/shared';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import { ApiErrors } from '../common/api-errors.decorator.js';
import {
  CreateCampaignMatchDto,
  CreateMatchPaymentDto,
  MatchPaymentResponseDto,
  StaffCampaignMatchResponseDto,
} from './dto/campaign-match.dto.js';
import { MatchingService } from './matching.service.js';

/** Matching pledges (配捐) of a campaign: docs/giving.md, Matching gifts. */
@ApiTags('giving (staff)')
@Roles('staff')
@Controller('staff/campaigns/:id/matches')
export class StaffMatchesController {
  constructor(private readonly matching: MatchingService) {}

  @Post()
  @ApiOperation({ summary: 'A sponsor pledges to match the campaign’s gifts at a ratio up to a cap, in a window (audited)' })
  @ApiCreatedResponse({ type: StaffCampaignMatchResponseDto })
  @ApiErrors('CAMPAIGN_NOT_FOUND', 'CAMPAIGN_STATE_CONFLICT', 'CAMPAIGN_MATCH_INVALID', 'VALIDATION_FAILED', 'FORBIDDEN')
  create(
    @CurrentUser() user: AuthUserDto,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CreateCampaignMatchDto,
  ): Promise<StaffCampaignMatchDto> {
    return this.matching.create(user, id, dto);
  }

  @Get()
  @ApiOperation({ summary: 'The campaign’s pledges with what each matched and what its sponsor has paid' })
  @ApiOkResponse({ type: [StaffCampaignMatchResponseDto] })
  @ApiErrors('CAMPAIGN_NOT_FOUND', 'FORBIDDEN')
  list(@Param('id', ParseUUIDPipe) id: string): Promise<StaffCampaignMatchDto[]> {
    return this.matching.listForStaff(id);
  }

  @Post(':matchId/payments')
  @ApiOperation({ summary: 'Record a payment the sponsor made towards its pledge (audited); never more than the cap in all' })
  @ApiCreatedResponse({ type: MatchPaymentResponseDto })
  @ApiErrors('CAMPAIGN_MATCH_NOT_FOUND', 'MATCH_PAYMENT_EXCEEDS_CAP', 'VALIDATION_FAILED', 'FORBIDDEN')
  recordPayment(
    @CurrentUser() user: AuthUserDto,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('matchId', ParseUUIDPipe) matchId: string,
    @Body() dto: CreateMatchPaymentDto,
  ): Promise<MatchPaymentDto> {
    return this.matching.recordPayment(user, id, matchId, dto);
  }
}
