import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUserDto, Page, SuggestionDto, SuggestionSummaryDto } from '@alumni/shared';
import { CurrentUser, Public } from '../../auth/auth.decorators.js';
import { ApiErrors } from '../../common/api-errors.decorator.js';
import { PageQueryDto } from '../../common/pagination.js';
import { SuggestionBodyDto, SuggestionListQueryDto, SuggestionPageResponseDto, SuggestionResponseDto } from './dto/suggestion.dto.js';
import { SuggestionsService } from './suggestions.service.js';

const PARTICIPANT_ERRORS = ['SUGGESTION_VERIFICATION_REQUIRED', 'CONSENT_REQUIRED', 'ALUMNUS_NOT_FOUND'] as const;

@ApiTags('governance: suggestions')
@Controller('governance')
export class SuggestionsController {
  constructor(private readonly suggestions: SuggestionsService) {}

  @Get('suggestions')
  @Public()
  @ApiOperation({ summary: 'Suggestions to the school (建言献策) in public, newest first, by stage' })
  @ApiOkResponse({ type: SuggestionPageResponseDto })
  @ApiErrors('INVALID_CURSOR')
  list(@Query() query: SuggestionListQueryDto): Promise<Page<SuggestionSummaryDto>> {
    return this.suggestions.list(query.stage, query);
  }

  @Get('me/suggestions')
  @ApiOperation({ summary: 'My suggestions, whatever their status' })
  @ApiOkResponse({ type: SuggestionPageResponseDto })
  @ApiErrors('INVALID_CURSOR')
  mine(@CurrentUser() user: AuthUserDto, @Query() query: PageQueryDto): Promise<Page<SuggestionSummaryDto>> {
    return this.suggestions.mine(user, query);
  }

  @Get('suggestions/:id')
  @Public()
  @ApiOperation({
    summary: 'A suggestion with its history and answer; held, withdrawn, lapsed or removed ones only to the author and staff',
  })
  @ApiOkResponse({ type: SuggestionResponseDto })
  @ApiErrors('SUGGESTION_NOT_FOUND')
  detail(@CurrentUser() user: AuthUserDto | undefined, @Param('id', ParseUUIDPipe) id: string): Promise<SuggestionDto> {
    return this.suggestions.detail(user, id);
  }

  @Post('suggestions')
  @ApiOperation({ summary: 'Submit a suggestion (verified alumni): checked, then it collects co-signatures' })
  @ApiCreatedResponse({ type: SuggestionResponseDto })
  @ApiErrors(...PARTICIPANT_ERRORS, 'CONTENT_RISKY')
  create(@CurrentUser() user: AuthUserDto, @Body() dto: SuggestionBodyDto): Promise<SuggestionDto> {
    return this.suggestions.create(user, dto);
  }

  @Post('suggestions/:id/cosign')
  @HttpCode(200)
  @ApiOperation({ summary: 'Co-sign (verified alumni, once each); the co-signature that reaches the threshold sends it to the school' })
  @ApiOkResponse({ type: SuggestionResponseDto })
  @ApiErrors(...PARTICIPANT_ERRORS, 'SUGGESTION_NOT_FOUND', 'SUGGESTION_OWN', 'SUGGESTION_NOT_COSIGNABLE', 'SUGGESTION_ALREADY_COSIGNED')
  cosign(@CurrentUser() user: AuthUserDto, @Param('id', ParseUUIDPipe) id: string): Promise<SuggestionDto> {
    return this.suggestions.cosign(user, id);
  }

  @Post('suggestions/:id/withdraw')
  @HttpCode(200)
  @ApiOperation({ summary: 'The author withdraws a suggestion still collecting (or held)' })
  @ApiOkResponse({ type: SuggestionResponseDto })
  @ApiErrors('SUGGESTION_NOT_FOUND', 'SUGGESTION_AUTHOR_ONLY', 'SUGGESTION_STATE_CONFLICT')
  withdraw(@CurrentUser() user: AuthUserDto, @Param('id', ParseUUIDPipe) id: string): Promise<SuggestionDto> {
    return this.suggestions.withdraw(user, id);
  }
}
