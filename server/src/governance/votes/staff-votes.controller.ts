import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthUserDto, Page, VoteDto, VoterDto, VoteSummaryDto } from '@alumni/shared';
import { CurrentUser, Roles } from '../../auth/auth.decorators.js';
import { ApiErrors } from '../../common/api-errors.decorator.js';
import { PageQueryDto } from '../../common/pagination.js';
import { sendSpreadsheet, SpreadsheetQueryDto } from '../../common/spreadsheet.js';
import { PublishResultsBodyDto, VoteBodyDto } from './dto/vote-request.dto.js';
import { VoterPageResponseDto, VoteResponseDto, VoteSummaryPageResponseDto } from './dto/vote-response.dto.js';
import { VotesService } from './votes.service.js';

const INPUT_ERRORS = [
  'VOTE_OPTIONS_INVALID',
  'VOTE_CANDIDATE_INVALID',
  'VOTE_TIME_INVALID',
  'VOTE_SECRET_LIVE_RESULTS',
  'AUDIENCE_INVALID',
  'FORBIDDEN',
] as const;

@ApiTags('governance: votes (staff)')
@Roles('staff')
@Controller('staff/governance/votes')
export class StaffVotesController {
  constructor(private readonly votes: VotesService) {}

  @Get()
  @ApiOperation({ summary: 'Every vote, drafts included, newest first' })
  @ApiOkResponse({ type: VoteSummaryPageResponseDto })
  @ApiErrors('INVALID_CURSOR', 'FORBIDDEN')
  list(@Query() query: PageQueryDto): Promise<Page<VoteSummaryDto>> {
    return this.votes.listForStaff(query);
  }

  @Post()
  @ApiOperation({ summary: 'Draft a vote, poll or election (audited)' })
  @ApiCreatedResponse({ type: VoteResponseDto })
  @ApiErrors(...INPUT_ERRORS)
  create(@CurrentUser() user: AuthUserDto, @Body() dto: VoteBodyDto): Promise<VoteDto> {
    return this.votes.create(user, dto);
  }

  @Put(':id')
  @ApiOperation({ summary: 'Change a draft (a published vote is fixed)' })
  @ApiOkResponse({ type: VoteResponseDto })
  @ApiErrors(...INPUT_ERRORS, 'VOTE_NOT_FOUND', 'VOTE_STATE_CONFLICT')
  update(@CurrentUser() user: AuthUserDto, @Param('id', ParseUUIDPipe) id: string, @Body() dto: VoteBodyDto): Promise<VoteDto> {
    return this.votes.update(user, id, dto);
  }

  @Post(':id/publish')
  @HttpCode(200)
  @ApiOperation({ summary: 'Publish a draft: it opens at its start (now, if that has passed) and its audience is told' })
  @ApiOkResponse({ type: VoteResponseDto })
  @ApiErrors('VOTE_NOT_FOUND', 'VOTE_STATE_CONFLICT', 'VOTE_TIME_INVALID', 'FORBIDDEN')
  publish(@CurrentUser() user: AuthUserDto, @Param('id', ParseUUIDPipe) id: string): Promise<VoteDto> {
    return this.votes.publish(user, id);
  }

  @Post(':id/close')
  @HttpCode(200)
  @ApiOperation({ summary: 'End an open vote now; staff then see its figures' })
  @ApiOkResponse({ type: VoteResponseDto })
  @ApiErrors('VOTE_NOT_FOUND', 'VOTE_STATE_CONFLICT', 'FORBIDDEN')
  close(@CurrentUser() user: AuthUserDto, @Param('id', ParseUUIDPipe) id: string): Promise<VoteDto> {
    return this.votes.close(user, id);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel a draft or a vote that has not closed; its figures are never shown' })
  @ApiOkResponse({ type: VoteResponseDto })
  @ApiErrors('VOTE_NOT_FOUND', 'VOTE_STATE_CONFLICT', 'FORBIDDEN')
  cancel(@CurrentUser() user: AuthUserDto, @Param('id', ParseUUIDPipe) id: string): Promise<VoteDto> {
    return this.votes.cancel(user, id);
  }

  @Post(':id/publish-results')
  @HttpCode(200)
  @ApiOperation({ summary: 'Publish a closed vote’s result, with a note; every voter is told' })
  @ApiOkResponse({ type: VoteResponseDto })
  @ApiErrors('VOTE_NOT_FOUND', 'VOTE_STATE_CONFLICT', 'FORBIDDEN')
  publishResults(
    @CurrentUser() user: AuthUserDto,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: PublishResultsBodyDto,
  ): Promise<VoteDto> {
    return this.votes.publishResults(user, id, dto.note ?? null);
  }

  @Get(':id/voters')
  @ApiOperation({ summary: 'Who voted (the poll book); how each voted only for an open ballot' })
  @ApiOkResponse({ type: VoterPageResponseDto })
  @ApiErrors('VOTE_NOT_FOUND', 'INVALID_CURSOR', 'FORBIDDEN')
  voters(@Param('id', ParseUUIDPipe) id: string, @Query() query: PageQueryDto): Promise<Page<VoterDto>> {
    return this.votes.voters(id, query);
  }

  @Get(':id/export')
  @ApiOperation({ summary: 'The result table, as CSV (UTF-8 with BOM) or XLSX, once staff may see it' })
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiErrors('VOTE_NOT_FOUND', 'VOTE_STATE_CONFLICT', 'FORBIDDEN')
  async export(
    @CurrentUser() user: AuthUserDto,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: SpreadsheetQueryDto,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await sendSpreadsheet(reply, await this.votes.export(user, id, query.format));
  }
}
