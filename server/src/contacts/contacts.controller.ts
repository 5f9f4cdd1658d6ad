import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUserDto, ContactRequestDto, ContactStandingDto, MyContactRequestsDto } from '@alumni/shared';
import { CurrentUser } from '../auth/auth.decorators.js';
import { ApiErrors } from '../common/api-errors.decorator.js';
import { ContactShareBodyDto } from '../common/contact-share.dto.js';
import { ContactsService } from './contacts.service.js';
import {
  ContactRequestBodyDto,
  ContactRequestResponseDto,
  ContactStandingResponseDto,
  MyContactRequestsResponseDto,
} from './dto/contacts.dto.js';

const STEP_ERRORS = ['CONTACT_REQUEST_NOT_FOUND', 'CONTACT_REQUEST_STATE_CONFLICT'] as const;

/** 校友录 contact requests between verified alumni (docs/directory.md). */
@ApiTags('directory')
@Controller()
export class ContactsController {
  constructor(private readonly contacts: ContactsService) {}

  @Post('contact-requests')
  @ApiOperation({
    summary: 'Ask a verified alumnus to exchange contact details, with a note and what I share (verified alumni; at most 10 a day)',
  })
  @ApiCreatedResponse({ type: ContactRequestResponseDto })
  @ApiErrors(
    'DIRECTORY_VERIFICATION_REQUIRED',
    'ALUMNUS_NOT_FOUND',
    'CONTACT_SELF',
    'CONTACT_RECIPIENT_NOT_FOUND',
    'CONTACT_NOTHING_SHARED',
    'CONTACT_PHONE_NOT_BOUND',
    'CONTACT_NOT_ACCEPTED',
    'CONTACT_ALREADY_CONNECTED',
    'CONTACT_REQUEST_PENDING',
    'CONTACT_REQUEST_AWAITS_YOU',
    'CONTACT_REFUSED_RECENTLY',
    'CONTACT_RATE_LIMITED',
    'CONTENT_RISKY',
  )
  request(@CurrentUser() user: AuthUserDto, @Body() dto: ContactRequestBodyDto): Promise<ContactRequestDto> {
    return this.contacts.request(user, dto);
  }

  @Get('me/contact-requests')
  @ApiOperation({ summary: 'My contact requests, received (waiting ones first) and sent, newest first' })
  @ApiOkResponse({ type: MyContactRequestsResponseDto })
  mine(@CurrentUser() user: AuthUserDto): Promise<MyContactRequestsDto> {
    return this.contacts.mine(user);
  }

  @Get('contact-requests/with/:alumnusId')
  @ApiOperation({ summary: 'Where I stand with one alumnus: our latest request and whether I may ask now (verified alumni)' })
  @ApiOkResponse({ type: ContactStandingResponseDto })
  @ApiErrors('DIRECTORY_VERIFICATION_REQUIRED', 'ALUMNUS_NOT_FOUND', 'CONTACT_RECIPIENT_NOT_FOUND')
  standing(@CurrentUser() user: AuthUserDto, @Param('alumnusId', ParseUUIDPipe) alumnusId: string): Promise<ContactStandingDto> {
    return this.contacts.standing(user, alumnusId);
  }

  @Post('contact-requests/:id/accept')
  @HttpCode(200)
  @ApiOperation({ summary: 'Accept a request I received, sharing back what I choose' })
  @ApiOkResponse({ type: ContactRequestResponseDto })
  @ApiErrors(...STEP_ERRORS, 'ALUMNUS_NOT_FOUND', 'CONTACT_NOTHING_SHARED', 'CONTACT_PHONE_NOT_BOUND')
  accept(
    @CurrentUser() user: AuthUserDto,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ContactShareBodyDto,
  ): Promise<ContactRequestDto> {
    return this.contacts.accept(user, id, dto);
  }

  @Post('contact-requests/:id/refuse')
  @HttpCode(200)
  @ApiOperation({ summary: 'Refuse a request I received (the sender may ask again after 30 days)' })
  @ApiOkResponse({ type: ContactRequestResponseDto })
  @ApiErrors(...STEP_ERRORS)
  refuse(@CurrentUser() user: AuthUserDto, @Param('id', ParseUUIDPipe) id: string): Promise<ContactRequestDto> {
    return this.contacts.refuse(user, id);
  }

  @Post('contact-requests/:id/block')
  @HttpCode(200)
  @ApiOperation({ summary: 'Block the sender of a request I received: they can never ask me again; an exchange ends' })
  @ApiOkResponse({ type: ContactRequestResponseDto })
  @ApiErrors(...STEP_ERRORS)
  block(@CurrentUser() user: AuthUserDto, @Param('id', ParseUUIDPipe) id: string): Promise<ContactRequestDto> {
    return this.contacts.block(user, id);
  }
}
