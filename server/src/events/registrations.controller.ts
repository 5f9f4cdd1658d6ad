import { Body, Controller, Delete, Get, Headers, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthUserDto, CheckInTokenDto, MyRegistrationDto, Page, RegistrationDto, TicketDto } from '@alumni/shared';
import { CurrentUser } from '../auth/auth.decorators.js';
import { ApiErrors } from '../common/api-errors.decorator.js';
import { CreateRegistrationDto, ListTicketsQueryDto } from './dto/registration-request.dto.js';
import {
  CheckInTokenResponseDto,
  MyRegistrationResponseDto,
  RegistrationResponseDto,
  TicketPageResponseDto,
} from './dto/registration-response.dto.js';
import { RegistrationsService } from './registrations.service.js';

@ApiTags('events')
@Controller()
export class RegistrationsController {
  constructor(private readonly registrations: RegistrationsService) {}

  @Post('events/:id/registrations')
  @ApiOperation({
    summary:
      'Sign up: confirmed while seats are free, then waitlisted (or EVENT_FULL); a repeat answers with my existing registration (200)',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A retried request with the same key gets the first answer' })
  @ApiCreatedResponse({ type: RegistrationResponseDto })
  @ApiOkResponse({ type: RegistrationResponseDto, description: 'I had already signed up' })
  @ApiErrors(
    'EVENT_NOT_FOUND',
    'EVENT_NOT_OPEN',
    'EVENT_SIGNUP_NOT_STARTED',
    'EVENT_SIGNUP_CLOSED',
    'EVENT_AUDIENCE_EXCLUDED',
    'EVENT_FULL',
    'ANSWER_QUESTION_UNKNOWN',
    'ANSWER_TYPE_INVALID',
    'ANSWER_REQUIRED',
    'ANSWER_TOO_LONG',
    'IDEMPOTENCY_KEY_INVALID',
    'IDEMPOTENCY_KEY_REUSED',
    'ALUMNUS_NOT_FOUND',
  )
  async register(
    @CurrentUser() user: AuthUserDto,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CreateRegistrationDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RegistrationDto> {
    const { status, body } = await this.registrations.register(user, id, dto.answers ?? {}, idempotencyKey);
    void reply.status(status);
    return body;
  }

  @Get('events/:id/registrations/mine')
  @ApiOperation({ summary: 'My registration for this event in any status, or null: what the event page shows' })
  @ApiOkResponse({ type: MyRegistrationResponseDto })
  mine(@CurrentUser() user: AuthUserDto, @Param('id', ParseUUIDPipe) id: string): Promise<MyRegistrationDto> {
    return this.registrations.mine(user, id);
  }

  @Delete('events/:id/registrations/mine')
  @ApiOperation({ summary: 'Cancel my registration; a freed seat goes to the first waitlisted alumnus' })
  @ApiOkResponse({ type: RegistrationResponseDto })
  @ApiErrors('EVENT_NOT_FOUND', 'REGISTRATION_NOT_FOUND', 'EVENT_NOT_OPEN', 'EVENT_STATE_CONFLICT')
  cancelMine(@CurrentUser() user: AuthUserDto, @Param('id', ParseUUIDPipe) id: string): Promise<RegistrationDto> {
    return this.registrations.cancelMine(user, id);
  }

  @Get('me/registrations')
  @ApiOperation({ summary: 'My tickets: upcoming soonest first, or past latest first, with their events' })
  @ApiOkResponse({ type: TicketPageResponseDto })
  @ApiErrors('INVALID_CURSOR')
  listMine(@CurrentUser() user: AuthUserDto, @Query() query: ListTicketsQueryDto): Promise<Page<TicketDto>> {
    return this.registrations.listMine(user, query);
  }

  @Get('me/registrations/:id/check-in-token')
  @ApiOperation({ summary: 'The signed check-in token for my ticket’s QR code and its short code; fetch a new one every 60 s' })
  @ApiOkResponse({ type: CheckInTokenResponseDto })
  @ApiErrors('REGISTRATION_NOT_FOUND', 'REGISTRATION_NOT_CONFIRMED', 'EVENT_NOT_OPEN')
  checkInToken(@CurrentUser() user: AuthUserDto, @Param('id', ParseUUIDPipe) id: string): Promise<CheckInTokenDto> {
    return this.registrations.checkInToken(user, id);
  }
}
