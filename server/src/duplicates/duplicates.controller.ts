import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type {
  AuthUserDto,
  DuplicateCandidateDto,
  DuplicateComparisonDto,
  DuplicateQueueDto,
  DuplicateScanResultDto,
  MergeDuplicateResultDto,
} from '@alumni/shared';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import { ApiErrors } from '../common/api-errors.decorator.js';
import {
  DuplicateCandidateResponseDto,
  DuplicateComparisonResponseDto,
  DuplicateQueueQueryDto,
  DuplicateQueueResponseDto,
  DuplicateScanResponseDto,
  MergeDuplicateDto,
  MergeDuplicateResponseDto,
} from './dto/duplicates.dto.js';
import { DuplicatesService } from './duplicates.service.js';

@ApiTags('duplicate records')
@Controller('staff/duplicates')
@Roles('staff')
export class DuplicatesController {
  constructor(private readonly duplicates: DuplicatesService) {}

  @Get()
  @ApiOperation({
    summary:
      'The review queue, a page at a time: open candidate pairs (of one kind if asked), two accounts before an account and a roster entry, then highest score first',
  })
  @ApiOkResponse({ type: DuplicateQueueResponseDto })
  @ApiErrors('INVALID_CURSOR')
  queue(@Query() query: DuplicateQueueQueryDto): Promise<DuplicateQueueDto> {
    return this.duplicates.queue(query);
  }

  @Post('scan')
  @HttpCode(200)
  @ApiOperation({ summary: 'Scan all records for duplicate candidates now (also runs nightly)' })
  @ApiOkResponse({ type: DuplicateScanResponseDto })
  scan(@CurrentUser() user: AuthUserDto): Promise<DuplicateScanResultDto> {
    return this.duplicates.scan(user);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Both records of a pair side by side, with what a merge would move' })
  @ApiOkResponse({ type: DuplicateComparisonResponseDto })
  @ApiErrors('DUPLICATE_NOT_FOUND')
  compare(@Param('id', ParseUUIDPipe) id: string): Promise<DuplicateComparisonDto> {
    return this.duplicates.compare(id);
  }

  @Post(':id/dismiss')
  @HttpCode(200)
  @ApiOperation({ summary: 'Not the same person: the pair leaves the queue for good' })
  @ApiOkResponse({ type: DuplicateCandidateResponseDto })
  @ApiErrors('DUPLICATE_NOT_FOUND', 'DUPLICATE_DECIDED')
  dismiss(@CurrentUser() user: AuthUserDto, @Param('id', ParseUUIDPipe) id: string): Promise<DuplicateCandidateDto> {
    return this.duplicates.dismiss(user, id);
  }

  @Post(':id/merge')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Merge the pair into the surviving record, in one transaction (an account and a roster entry: the account claims the entry, verified)',
  })
  @ApiOkResponse({ type: MergeDuplicateResponseDto })
  @ApiErrors(
    'DUPLICATE_NOT_FOUND',
    'DUPLICATE_DECIDED',
    'DUPLICATE_SURVIVOR_INVALID',
    'DUPLICATE_RECORD_GONE',
    'DUPLICATE_ACCOUNT_VERIFIED',
    'ROSTER_ENTRY_ALREADY_CLAIMED',
  )
  merge(
    @CurrentUser() user: AuthUserDto,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: MergeDuplicateDto,
  ): Promise<MergeDuplicateResultDto> {
    return this.duplicates.merge(user, id, dto.survivorId);
  }
}
