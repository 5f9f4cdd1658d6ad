import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUserDto, Page, ReunionClassDto, ReunionProposalDto, StaffReunionProposalDto } from '@alumni/shared';
import { CurrentUser, Roles } from '../../auth/auth.decorators.js';
import { ApiErrors } from '../../common/api-errors.decorator.js';
import {
  ApproveReunionDto,
  DeclineReunionDto,
  ReunionListQueryDto,
  ReunionProposalBodyDto,
  StaffReunionQueryDto,
} from './dto/reunions-request.dto.js';
import {
  ReunionClassResponseDto,
  ReunionProposalPageResponseDto,
  ReunionProposalResponseDto,
  StaffReunionProposalPageResponseDto,
  StaffReunionProposalResponseDto,
} from './dto/reunions-response.dto.js';
import { ReunionsService } from './reunions.service.js';

@ApiTags('reunions')
@Controller('reunions')
export class ReunionsController {
  constructor(private readonly reunions: ReunionsService) {}

  @Get('classes')
  @ApiOperation({ summary: 'The classes I am verified in, whether I may propose a reunion there, and their open proposals' })
  @ApiOkResponse({ type: [ReunionClassResponseDto] })
  classes(@CurrentUser() user: AuthUserDto): Promise<ReunionClassDto[]> {
    return this.reunions.classes(user);
  }

  @Get()
  @ApiOperation({ summary: 'A class’s reunion proposals, newest first: for its verified alumni and staff' })
  @ApiOkResponse({ type: ReunionProposalPageResponseDto })
  @ApiErrors('REUNION_CLASS_NOT_MINE', 'INVALID_CURSOR')
  list(@CurrentUser() user: AuthUserDto, @Query() query: ReunionListQueryDto): Promise<Page<ReunionProposalDto>> {
    return this.reunions.list(user, query.classGroupId, query);
  }

  @Post()
  @ApiOperation({ summary: 'Propose a reunion for my class (text checked); classmates are told once it shows' })
  @ApiCreatedResponse({ type: ReunionProposalResponseDto })
  @ApiErrors(
    'REUNION_CLASS_NOT_MINE',
    'REUNION_TIME_INVALID',
    'REUNION_OPEN_LIMIT',
    'CONTENT_RISKY',
    'CONSENT_REQUIRED',
    'ALUMNUS_NOT_FOUND',
  )
  propose(@CurrentUser() user: AuthUserDto, @Body() dto: ReunionProposalBodyDto): Promise<ReunionProposalDto> {
    return this.reunions.propose(user, dto);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A proposal: for the class, its proposer and staff' })
  @ApiOkResponse({ type: ReunionProposalResponseDto })
  @ApiErrors('REUNION_NOT_FOUND')
  detail(@CurrentUser() user: AuthUserDto, @Param('id', ParseUUIDPipe) id: string): Promise<ReunionProposalDto> {
    return this.reunions.detail(user, id);
  }

  @Put(':id/interest')
  @ApiOperation({ summary: 'I would come (idempotent): a classmate answers an open proposal' })
  @ApiOkResponse({ type: ReunionProposalResponseDto })
  @ApiErrors('REUNION_NOT_FOUND', 'REUNION_STATE_CONFLICT', 'CONSENT_REQUIRED')
  interested(@CurrentUser() user: AuthUserDto, @Param('id', ParseUUIDPipe) id: string): Promise<ReunionProposalDto> {
    return this.reunions.interest(user, id, true);
  }

  @Delete(':id/interest')
  @ApiOperation({ summary: 'Take my interest back (idempotent)' })
  @ApiOkResponse({ type: ReunionProposalResponseDto })
  @ApiErrors('REUNION_NOT_FOUND', 'REUNION_STATE_CONFLICT')
  notInterested(@CurrentUser() user: AuthUserDto, @Param('id', ParseUUIDPipe) id: string): Promise<ReunionProposalDto> {
    return this.reunions.interest(user, id, false);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @ApiOperation({ summary: 'The proposer withdraws an open proposal' })
  @ApiOkResponse({ type: ReunionProposalResponseDto })
  @ApiErrors('REUNION_NOT_FOUND', 'REUNION_STATE_CONFLICT')
  withdraw(@CurrentUser() user: AuthUserDto, @Param('id', ParseUUIDPipe) id: string): Promise<ReunionProposalDto> {
    return this.reunions.withdraw(user, id);
  }
}

@ApiTags('reunions (staff)')
@Roles('staff')
@Controller('staff/reunions')
export class StaffReunionsController {
  constructor(private readonly reunions: ReunionsService) {}

  @Get()
  @ApiOperation({ summary: 'Proposals of one status (open by default), newest first, with who is interested' })
  @ApiOkResponse({ type: StaffReunionProposalPageResponseDto })
  @ApiErrors('INVALID_CURSOR', 'FORBIDDEN')
  list(@CurrentUser() user: AuthUserDto, @Query() query: StaffReunionQueryDto): Promise<Page<StaffReunionProposalDto>> {
    return this.reunions.listForStaff(user, query.status ?? 'open', query);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @ApiOperation({ summary: 'Make an open proposal an event with sign-up for the class, published at once; the class is told' })
  @ApiOkResponse({ type: StaffReunionProposalResponseDto })
  @ApiErrors('REUNION_NOT_FOUND', 'REUNION_STATE_CONFLICT', 'REUNION_TIME_INVALID', 'EVENT_PLACE_REQUIRED', 'FORBIDDEN')
  approve(
    @CurrentUser() user: AuthUserDto,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ApproveReunionDto,
  ): Promise<StaffReunionProposalDto> {
    return this.reunions.approve(user, id, dto);
  }

  @Post(':id/decline')
  @HttpCode(200)
  @ApiOperation({ summary: 'Decline an open proposal with a note to its proposer' })
  @ApiOkResponse({ type: StaffReunionProposalResponseDto })
  @ApiErrors('REUNION_NOT_FOUND', 'REUNION_STATE_CONFLICT', 'FORBIDDEN')
  decline(
    @CurrentUser() user: AuthUserDto,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: DeclineReunionDto,
  ): Promise<StaffReunionProposalDto> {
    return this.reunions.decline(user, id, dto);
  }
}
