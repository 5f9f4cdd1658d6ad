import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUserDto, Page, SuggestionDto, SuggestionSummaryDto } from '@alumni/shared';
import { CurrentUser, Roles } from '../../auth/auth.decorators.js';
import { ApiErrors } from '../../common/api-errors.decorator.js';
import {
  StaffSuggestionQueryDto,
  SuggestionPageResponseDto,
  SuggestionRemoveBodyDto,
  SuggestionResponseDto,
  SuggestionStepBodyDto,
} from './dto/suggestion.dto.js';
import { SuggestionsService } from './suggestions.service.js';

@ApiTags('governance: suggestions (staff)')
@Roles('staff')
@Controller('staff/governance/suggestions')
export class StaffSuggestionsController {
  constructor(private readonly suggestions: SuggestionsService) {}

  @Get()
  @ApiOperation({ summary: 'Suggestions of one status, newest first: `received` (the queue) by default, `held` (the check’s holds)' })
  @ApiOkResponse({ type: SuggestionPageResponseDto })
  @ApiErrors('INVALID_CURSOR', 'FORBIDDEN')
  list(@Query() query: StaffSuggestionQueryDto): Promise<Page<SuggestionSummaryDto>> {
    return this.suggestions.listForStaff(query.status, query);
  }

  @Post(':id/advance')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Move a suggestion that reached the school: under review, then answered, adopted or declined in public (audited; author and co-signers told)',
  })
  @ApiOkResponse({ type: SuggestionResponseDto })
  @ApiErrors('SUGGESTION_NOT_FOUND', 'SUGGESTION_STATE_CONFLICT', 'SUGGESTION_ANSWER_REQUIRED', 'FORBIDDEN')
  advance(
    @CurrentUser() user: AuthUserDto,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: SuggestionStepBodyDto,
  ): Promise<SuggestionDto> {
    return this.suggestions.advance(user, id, dto);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @ApiOperation({ summary: 'Let a held suggestion collect co-signatures (audited; the author is told)' })
  @ApiOkResponse({ type: SuggestionResponseDto })
  @ApiErrors('SUGGESTION_NOT_FOUND', 'SUGGESTION_STATE_CONFLICT', 'FORBIDDEN')
  approve(@CurrentUser() user: AuthUserDto, @Param('id', ParseUUIDPipe) id: string): Promise<SuggestionDto> {
    return this.suggestions.approve(user, id);
  }

  @Post(':id/remove')
  @HttpCode(200)
  @ApiOperation({ summary: 'Refuse a held suggestion, with the reason its author sees (audited)' })
  @ApiOkResponse({ type: SuggestionResponseDto })
  @ApiErrors('SUGGESTION_NOT_FOUND', 'SUGGESTION_STATE_CONFLICT', 'FORBIDDEN')
  remove(
    @CurrentUser() user: AuthUserDto,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: SuggestionRemoveBodyDto,
  ): Promise<SuggestionDto> {
    return this.suggestions.remove(user, id, dto.reason);
  }
}
