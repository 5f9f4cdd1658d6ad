import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  type AuthUserDto,
  type CheckInResultDto,
  EVENT_STATUSES,
  type EventCoverDto,
  type EventDetailDto,
  type EventStatus,
  type Page,
  type RegistrantCountsDto,
  type RegistrantDto,
} from '@alumni/shared';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import { ApiErrors } from '../common/api-errors.decorator.js';
import { PageQueryDto } from '../common/pagination.js';
import { sendSpreadsheet } from '../common/spreadsheet.js';
import { CheckInsService } from './check-ins.service.js';
import { EventDetailPageResponseDto, EventDetailResponseDto } from './dto/event-detail-response.dto.js';
import { CreateEventDto, UpdateEventDto } from './dto/event-input.dto.js';
import { CheckInDto, ExportRegistrantsQueryDto, ListRegistrantsQueryDto, WalkInDto } from './dto/registration-request.dto.js';
import { CheckInResultResponseDto, RegistrantPageResponseDto } from './dto/registration-response.dto.js';
import { EventCoversService } from './event-covers.service.js';
import { EventsService } from './events.service.js';
import { RegistrantsService } from './registrants.service.js';

export class StaffEventsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: EVENT_STATUSES })
  @IsOptional()
  @IsIn(EVENT_STATUSES)
  status?: EventStatus;
}

class EventCoverResponseDto implements EventCoverDto {
  @ApiProperty({ example: '/api/v1/uploads/event-covers/5f0c2a9e-8d1b-4c3e-9a7f-0b1c2d3e4f50.jpg' })
  url: string;
}

const EDIT_ERRORS = [
  'EVENT_TIME_INVALID',
  'EVENT_SIGNUP_WINDOW_INVALID',
  'EVENT_PLACE_REQUIRED',
  'EVENT_AUDIENCE_INVALID',
  'EVENT_QUESTIONS_INVALID',
  'FORBIDDEN',
] as const;

@ApiTags('events (staff)')
@Roles('staff')
@Controller('staff/events')
export class StaffEventsController {
  constructor(
    private readonly events: EventsService,
    private readonly registrants: RegistrantsService,
    private readonly covers: EventCoversService,
  ) {}

  @Post('covers')
  @ApiOperation({
    summary: 'Upload a cover picture (JPEG, PNG or WebP, at most 5 MB), multipart field `file`; name its URL in the event’s `coverUrl`',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiCreatedResponse({ type: EventCoverResponseDto })
  @ApiErrors('UPLOAD_FILE_MISSING', 'UPLOAD_TOO_LARGE', 'UPLOAD_TYPE_UNSUPPORTED', 'UNSUPPORTED_MEDIA_TYPE', 'FORBIDDEN')
  uploadCover(@CurrentUser() user: AuthUserDto, @Req() request: FastifyRequest): Promise<EventCoverDto> {
    return this.covers.upload(user, request);
  }

  @Post()
  @ApiOperation({ summary: 'Create an event as a draft, seen only by staff until published' })
  @ApiCreatedResponse({ type: EventDetailResponseDto })
  @ApiErrors(...EDIT_ERRORS)
  create(@CurrentUser() user: AuthUserDto, @Body() dto: CreateEventDto): Promise<EventDetailDto> {
    return this.events.create(user, dto);
  }

  @Get()
  @ApiOperation({ summary: 'Every event, drafts included, latest start first' })
  @ApiOkResponse({ type: EventDetailPageResponseDto })
  @ApiErrors('INVALID_CURSOR', 'FORBIDDEN')
  list(@Query() query: StaffEventsQueryDto): Promise<Page<EventDetailDto>> {
    return this.events.listForStaff(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One event in any status' })
  @ApiOkResponse({ type: EventDetailResponseDto })
  @ApiErrors('EVENT_NOT_FOUND', 'FORBIDDEN')
  detail(@Param('id', ParseUUIDPipe) id: string): Promise<EventDetailDto> {
    return this.events.detailForStaff(id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Edit a draft or published event; confirmed registrants are told about a new time or place' })
  @ApiOkResponse({ type: EventDetailResponseDto })
  @ApiErrors(...EDIT_ERRORS, 'EVENT_NOT_FOUND', 'EVENT_STATE_CONFLICT', 'EVENT_CAPACITY_BELOW_CONFIRMED')
  update(@CurrentUser() user: AuthUserDto, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateEventDto): Promise<EventDetailDto> {
    return this.events.update(user, id, dto);
  }

  @Post(':id/publish')
  @HttpCode(200)
  @ApiOperation({ summary: 'Publish a draft: alumni see it and may sign up within the window' })
  @ApiOkResponse({ type: EventDetailResponseDto })
  @ApiErrors('EVENT_NOT_FOUND', 'EVENT_STATE_CONFLICT', 'FORBIDDEN')
  publish(@CurrentUser() user: AuthUserDto, @Param('id', ParseUUIDPipe) id: string): Promise<EventDetailDto> {
    return this.events.transition(user, id, 'publish');
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel the event: sign-up closes and every registrant is notified' })
  @ApiOkResponse({ type: EventDetailResponseDto })
  @ApiErrors('EVENT_NOT_FOUND', 'EVENT_STATE_CONFLICT', 'FORBIDDEN')
  cancel(@CurrentUser() user: AuthUserDto, @Param('id', ParseUUIDPipe) id: string): Promise<EventDetailDto> {
    return this.events.transition(user, id, 'cancel');
  }

  @Post(':id/finish')
  @HttpCode(200)
  @ApiOperation({ summary: 'Close the event: confirmed registrants who did not check in are recorded as no-shows' })
  @ApiOkResponse({ type: EventDetailResponseDto })
  @ApiErrors('EVENT_NOT_FOUND', 'EVENT_STATE_CONFLICT', 'FORBIDDEN')
  finish(@CurrentUser() user: AuthUserDto, @Param('id', ParseUUIDPipe) id: string): Promise<EventDetailDto> {
    return this.events.transition(user, id, 'finish');
  }

  @Get(':id/registrations')
  @ApiOperation({ summary: 'Registrants with their answers, oldest first, optionally of one status, with live counts' })
  @ApiOkResponse({ type: RegistrantPageResponseDto })
  @ApiErrors('EVENT_NOT_FOUND', 'INVALID_CURSOR', 'FORBIDDEN')
  listRegistrants(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: ListRegistrantsQueryDto,
  ): Promise<Page<RegistrantDto> & { counts: RegistrantCountsDto }> {
    return this.registrants.list(id, query);
  }

  @Get(':id/registrations/export')
  @ApiOperation({ summary: 'Registrants as CSV (UTF-8 with BOM) or XLSX, Chinese headers, one column per question' })
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiErrors('EVENT_NOT_FOUND', 'FORBIDDEN')
  async export(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: ExportRegistrantsQueryDto,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await sendSpreadsheet(reply, await this.registrants.export(id, query));
  }
}

@ApiTags('events (staff)')
@Roles('staff')
@Controller('events/:id')
export class CheckInsController {
  constructor(private readonly checkIns: CheckInsService) {}

  @Post('check-ins')
  @HttpCode(200)
  @ApiOperation({ summary: 'Check a ticket in by its QR token or short code; a second scan answers alreadyCheckedIn' })
  @ApiOkResponse({ type: CheckInResultResponseDto })
  @ApiErrors(
    'EVENT_NOT_FOUND',
    'EVENT_NOT_OPEN',
    'CHECK_IN_TOKEN_INVALID',
    'CHECK_IN_TOKEN_EXPIRED',
    'CHECK_IN_WRONG_EVENT',
    'CHECK_IN_CODE_INVALID',
    'REGISTRATION_NOT_CONFIRMED',
    'FORBIDDEN',
  )
  checkIn(@CurrentUser() user: AuthUserDto, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CheckInDto): Promise<CheckInResultDto> {
    return this.checkIns.checkIn(user, id, dto);
  }

  @Post('walk-ins')
  @HttpCode(200)
  @ApiOperation({ summary: 'Admit an alumnus without a confirmed seat: confirmed and checked in at once' })
  @ApiOkResponse({ type: CheckInResultResponseDto })
  @ApiErrors('EVENT_NOT_FOUND', 'EVENT_NOT_OPEN', 'ALUMNUS_NOT_FOUND', 'FORBIDDEN')
  walkIn(@CurrentUser() user: AuthUserDto, @Param('id', ParseUUIDPipe) id: string, @Body() dto: WalkInDto): Promise<CheckInResultDto> {
    return this.checkIns.walkIn(user, id, dto.alumnusId);
  }
}
