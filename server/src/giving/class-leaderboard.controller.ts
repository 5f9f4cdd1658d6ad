import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ClassLeaderboardDto } from '@alumni/shared';
import { Public } from '../auth/auth.decorators.js';
import { ApiErrors } from '../common/api-errors.decorator.js';
import { ClassLeaderboardService } from './class-leaderboard.service.js';
import { ClassLeaderboardQueryDto, ClassLeaderboardResponseDto } from './dto/class-leaderboard.dto.js';
import { beijingDay } from './reconciliation.service.js';

@ApiTags('giving')
@Controller('giving/class-leaderboard')
export class ClassLeaderboardController {
  constructor(private readonly leaderboard: ClassLeaderboardService) {}

  /** Public like the honour roll: it answers counts per class only. */
  @Public()
  @Get()
  @ApiOperation({
    summary: 'Classes ranked by the share of their alumni who gave, in a year (Beijing time) and/or a campaign; counts only',
  })
  @ApiOkResponse({ type: ClassLeaderboardResponseDto })
  @ApiErrors('CAMPAIGN_NOT_FOUND')
  get(@Query() query: ClassLeaderboardQueryDto): Promise<ClassLeaderboardDto> {
    // A campaign alone means the whole campaign; otherwise a year, this one by default.
    const year = query.year ?? (query.campaignId ? null : Number(beijingDay().slice(0, 4)));
    return this.leaderboard.leaderboard({ year, campaignId: query.campaignId ?? null, limit: query.limit });
  }
}
