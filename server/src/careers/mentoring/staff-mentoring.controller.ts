import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthUserDto, MentoringOverviewDto, MentorOfferDto, Page, StaffMentorshipDto } from '@alumni/shared';
import { CurrentUser, Roles } from '../../auth/auth.decorators.js';
import { ApiErrors } from '../../common/api-errors.decorator.js';
import { sendSpreadsheet, SpreadsheetQueryDto } from '../../common/spreadsheet.js';
import { StaffReasonBodyDto } from '../dto/careers.dto.js';
import { StaffMentorsQueryDto, StaffMentorshipsQueryDto } from './dto/mentoring-request.dto.js';
import {
  MentoringOverviewResponseDto,
  MentorOfferPageResponseDto,
  MentorOfferResponseDto,
  StaffMentorshipPageResponseDto,
} from './dto/mentoring-response.dto.js';
import { MentorOffersService } from './mentor-offers.service.js';
import { MentoringProgrammeService } from './mentoring-programme.service.js';

@ApiTags('careers: mentoring (staff)')
@Roles('staff')
@Controller('staff/careers')
export class StaffMentoringController {
  constructor(
    private readonly programme: MentoringProgrammeService,
    private readonly offers: MentorOffersService,
  ) {}

  @Get('mentoring/overview')
  @ApiOperation({ summary: 'The mentoring programme: mentors, places, pairs, waiting and quiet ones, supply and demand per industry' })
  @ApiOkResponse({ type: MentoringOverviewResponseDto })
  @ApiErrors('FORBIDDEN')
  overview(): Promise<MentoringOverviewDto> {
    return this.programme.overview();
  }

  @Get('mentoring/pairs')
  @ApiOperation({ summary: 'Pairings by view: active (newest first), quiet and waiting (oldest first), ended (newest first)' })
  @ApiOkResponse({ type: StaffMentorshipPageResponseDto })
  @ApiErrors('INVALID_CURSOR', 'FORBIDDEN')
  pairs(@CurrentUser() user: AuthUserDto, @Query() query: StaffMentorshipsQueryDto): Promise<Page<StaffMentorshipDto>> {
    return this.programme.list(user, query.view, query);
  }

  @Get('mentoring/export')
  @ApiOperation({ summary: 'Every request and pairing as CSV (UTF-8 with BOM) or XLSX, Chinese headers' })
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiErrors('FORBIDDEN')
  async export(@CurrentUser() user: AuthUserDto, @Query() query: SpreadsheetQueryDto, @Res() reply: FastifyReply): Promise<void> {
    await sendSpreadsheet(reply, await this.programme.export(user, query.format));
  }

  @Get('mentors')
  @ApiOperation({ summary: 'Mentor offers of one status, most recently changed first: `held` (waiting for review) by default' })
  @ApiOkResponse({ type: MentorOfferPageResponseDto })
  @ApiErrors('INVALID_CURSOR', 'FORBIDDEN')
  mentors(@CurrentUser() user: AuthUserDto, @Query() query: StaffMentorsQueryDto): Promise<Page<MentorOfferDto>> {
    return this.offers.listForStaff(user, query.status, query);
  }

  @Post('mentors/:id/approve')
  @HttpCode(200)
  @ApiOperation({ summary: 'Release a held offer: it is suggested from now on (audited)' })
  @ApiOkResponse({ type: MentorOfferResponseDto })
  @ApiErrors('MENTOR_NOT_FOUND', 'MENTOR_OFFER_STATE_CONFLICT', 'FORBIDDEN')
  approve(@CurrentUser() user: AuthUserDto, @Param('id', ParseUUIDPipe) id: string): Promise<MentorOfferDto> {
    return this.offers.approve(user, id);
  }

  @Post('mentors/:id/reject')
  @HttpCode(200)
  @ApiOperation({ summary: 'Keep an offer out of the suggestions, with the reason shown to the mentor (audited)' })
  @ApiOkResponse({ type: MentorOfferResponseDto })
  @ApiErrors('MENTOR_NOT_FOUND', 'FORBIDDEN')
  reject(
    @CurrentUser() user: AuthUserDto,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: StaffReasonBodyDto,
  ): Promise<MentorOfferDto> {
    return this.offers.reject(user, id, dto.reason);
  }
}
