import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type {
  AuthUserDto,
  MentorDto,
  MentorOfferDto,
  MentorshipDetailDto,
  MentorshipDto,
  MentorSuggestionDto,
  MyMentoringDto,
  Page,
} from '@alumni/shared';
import { CurrentUser } from '../../auth/auth.decorators.js';
import { ApiErrors } from '../../common/api-errors.decorator.js';
import {
  MentoringMeetingBodyDto,
  MentorOfferBodyDto,
  MentorshipCloseBodyDto,
  MentorshipDecisionBodyDto,
  MentorshipFeedbackBodyDto,
  MentorshipRequestBodyDto,
  MentorSuggestionsQueryDto,
} from './dto/mentoring-request.dto.js';
import {
  MentorOfferResponseDto,
  MentorResponseDto,
  MentorshipDetailResponseDto,
  MentorshipResponseDto,
  MentorSuggestionPageResponseDto,
  MyMentoringResponseDto,
} from './dto/mentoring-response.dto.js';
import { MentorOffersService } from './mentor-offers.service.js';
import { MentorshipsService } from './mentorships.service.js';

/** Verified students and graduates ask; graduates mentor (docs/careers.md). */
const PARTICIPANT_ERRORS = ['CAREERS_VERIFICATION_REQUIRED', 'ALUMNUS_NOT_FOUND'] as const;
const STEP_ERRORS = ['MENTORSHIP_NOT_FOUND', 'MENTORSHIP_STATE_CONFLICT', 'FORBIDDEN', 'CONTENT_RISKY'] as const;

@ApiTags('careers: mentoring')
@Controller('careers')
export class MentoringController {
  constructor(
    private readonly offers: MentorOffersService,
    private readonly mentorships: MentorshipsService,
  ) {}

  @Get('mentors/suggestions')
  @ApiOperation({
    summary: 'Mentors ranked for what I ask, deliberately mixing in other industries than my own (verified students and graduates)',
  })
  @ApiOkResponse({ type: MentorSuggestionPageResponseDto })
  @ApiErrors(...PARTICIPANT_ERRORS, 'INVALID_CURSOR')
  suggestions(@CurrentUser() user: AuthUserDto, @Query() query: MentorSuggestionsQueryDto): Promise<Page<MentorSuggestionDto>> {
    return this.offers.suggestions(user, query);
  }

  @Get('mentors/:id')
  @ApiOperation({ summary: 'A mentor’s card (verified students and graduates)' })
  @ApiOkResponse({ type: MentorResponseDto })
  @ApiErrors(...PARTICIPANT_ERRORS, 'MENTOR_NOT_FOUND')
  mentor(@CurrentUser() user: AuthUserDto, @Param('id', ParseUUIDPipe) id: string): Promise<MentorDto> {
    return this.offers.detail(user, id);
  }

  @Get('me/mentoring')
  @ApiOperation({ summary: 'My mentor offer, and my requests and pairings as mentee and as mentor' })
  @ApiOkResponse({ type: MyMentoringResponseDto })
  mine(@CurrentUser() user: AuthUserDto): Promise<MyMentoringDto> {
    return this.mentorships.mine(user);
  }

  @Put('me/mentor-offer')
  @ApiOperation({ summary: 'Offer to mentor, or change my offer (verified graduates and staff); the intro is content-checked' })
  @ApiOkResponse({ type: MentorOfferResponseDto })
  @ApiErrors(...PARTICIPANT_ERRORS, 'CAREERS_GRADUATE_REQUIRED', 'CONSENT_REQUIRED', 'CONTENT_RISKY')
  putOffer(@CurrentUser() user: AuthUserDto, @Body() dto: MentorOfferBodyDto): Promise<MentorOfferDto> {
    return this.offers.putMine(user, dto);
  }

  @Post('mentorships')
  @ApiOperation({ summary: 'Ask a mentor (verified students and graduates); the mentor is notified' })
  @ApiCreatedResponse({ type: MentorshipResponseDto })
  @ApiErrors(
    ...PARTICIPANT_ERRORS,
    'CONSENT_REQUIRED',
    'CONTENT_RISKY',
    'MENTOR_NOT_FOUND',
    'MENTOR_SELF',
    'MENTOR_NOT_ACCEPTING',
    'MENTOR_FULL',
    'MENTOR_BUSY',
    'MENTEE_LIMIT',
    'MENTORSHIP_ALREADY_OPEN',
  )
  request(@CurrentUser() user: AuthUserDto, @Body() dto: MentorshipRequestBodyDto): Promise<MentorshipDto> {
    return this.mentorships.request(user, dto);
  }

  @Get('mentorships/:id')
  @ApiOperation({ summary: 'A request or pairing with its meetings: its two people and staff' })
  @ApiOkResponse({ type: MentorshipDetailResponseDto })
  @ApiErrors('MENTORSHIP_NOT_FOUND')
  detail(@CurrentUser() user: AuthUserDto, @Param('id', ParseUUIDPipe) id: string): Promise<MentorshipDetailDto> {
    return this.mentorships.detail(user, id);
  }

  @Post('mentorships/:id/accept')
  @HttpCode(200)
  @ApiOperation({ summary: 'The mentor accepts: the pairing starts for the staff-set term; the asker is notified' })
  @ApiOkResponse({ type: MentorshipResponseDto })
  @ApiErrors(...STEP_ERRORS, 'MENTOR_FULL')
  accept(
    @CurrentUser() user: AuthUserDto,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: MentorshipDecisionBodyDto,
  ): Promise<MentorshipDto> {
    return this.mentorships.accept(user, id, dto);
  }

  @Post('mentorships/:id/decline')
  @HttpCode(200)
  @ApiOperation({ summary: 'The mentor declines, with an optional message; the asker is notified' })
  @ApiOkResponse({ type: MentorshipResponseDto })
  @ApiErrors(...STEP_ERRORS)
  decline(
    @CurrentUser() user: AuthUserDto,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: MentorshipDecisionBodyDto,
  ): Promise<MentorshipDto> {
    return this.mentorships.decline(user, id, dto);
  }

  @Post('mentorships/:id/withdraw')
  @HttpCode(200)
  @ApiOperation({ summary: 'The asker withdraws an unanswered request; the mentor is notified' })
  @ApiOkResponse({ type: MentorshipResponseDto })
  @ApiErrors(...STEP_ERRORS)
  withdraw(@CurrentUser() user: AuthUserDto, @Param('id', ParseUUIDPipe) id: string): Promise<MentorshipDto> {
    return this.mentorships.withdraw(user, id);
  }

  @Post('mentorships/:id/close')
  @HttpCode(200)
  @ApiOperation({ summary: 'Either side ends an active pairing; the other is notified' })
  @ApiOkResponse({ type: MentorshipResponseDto })
  @ApiErrors(...STEP_ERRORS)
  close(
    @CurrentUser() user: AuthUserDto,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: MentorshipCloseBodyDto,
  ): Promise<MentorshipDto> {
    return this.mentorships.close(user, id, dto);
  }

  @Post('mentorships/:id/meetings')
  @ApiOperation({ summary: 'Either side logs a meeting of an active pairing; the other is notified' })
  @ApiCreatedResponse({ type: MentorshipDetailResponseDto })
  @ApiErrors(...STEP_ERRORS, 'MENTORING_MEETING_DATE_INVALID')
  logMeeting(
    @CurrentUser() user: AuthUserDto,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: MentoringMeetingBodyDto,
  ): Promise<MentorshipDetailDto> {
    return this.mentorships.logMeeting(user, id, dto);
  }

  @Post('mentorships/:id/feedback')
  @HttpCode(200)
  @ApiOperation({ summary: 'Short feedback on an ended pairing, once per side; read by the association, not the other side' })
  @ApiOkResponse({ type: MentorshipResponseDto })
  @ApiErrors(...STEP_ERRORS, 'MENTORSHIP_FEEDBACK_GIVEN')
  feedback(
    @CurrentUser() user: AuthUserDto,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: MentorshipFeedbackBodyDto,
  ): Promise<MentorshipDto> {
    return this.mentorships.giveFeedback(user, id, dto);
  }
}
