import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUserDto, BallotReceiptDto, Page, VoteDto, VoteSummaryDto } from '@alumni/shared';
import { CurrentUser } from '../../auth/auth.decorators.js';
import { ApiErrors } from '../../common/api-errors.decorator.js';
import { PageQueryDto } from '../../common/pagination.js';
import { BallotsService } from './ballots.service.js';
import { BallotBodyDto } from './dto/vote-request.dto.js';
import { BallotReceiptResponseDto, VoteResponseDto, VoteSummaryPageResponseDto } from './dto/vote-response.dto.js';
import { VotesService } from './votes.service.js';

@ApiTags('governance: votes')
@Controller('governance/votes')
export class VotesController {
  constructor(
    private readonly votes: VotesService,
    private readonly ballots: BallotsService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Published votes, latest opening first, with whether I voted' })
  @ApiOkResponse({ type: VoteSummaryPageResponseDto })
  @ApiErrors('INVALID_CURSOR')
  list(@CurrentUser() user: AuthUserDto, @Query() query: PageQueryDto): Promise<Page<VoteSummaryDto>> {
    return this.votes.list(user, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A vote: its options, where I stand, and its figures when they may be shown' })
  @ApiOkResponse({ type: VoteResponseDto })
  @ApiErrors('VOTE_NOT_FOUND')
  detail(@CurrentUser() user: AuthUserDto, @Param('id', ParseUUIDPipe) id: string): Promise<VoteDto> {
    return this.votes.detail(user, id);
  }

  @Post(':id/ballot')
  @ApiOperation({
    summary: 'Vote (verified alumni in the audience, once each); a secret ballot is kept only as counts, never with my name',
  })
  @ApiCreatedResponse({ type: BallotReceiptResponseDto })
  @ApiErrors(
    'VOTE_NOT_FOUND',
    'VOTE_NOT_OPEN',
    'VOTE_VERIFICATION_REQUIRED',
    'CONSENT_REQUIRED',
    'VOTE_BALLOT_INVALID',
    'VOTE_NOT_ELIGIBLE',
    'VOTE_ALREADY_CAST',
    'ALUMNUS_NOT_FOUND',
  )
  cast(@CurrentUser() user: AuthUserDto, @Param('id', ParseUUIDPipe) id: string, @Body() dto: BallotBodyDto): Promise<BallotReceiptDto> {
    return this.ballots.cast(user, id, dto.choices);
  }
}
