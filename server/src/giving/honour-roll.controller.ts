import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUserDto, GivingPreferencesDto, HonourRollEntryDto } from '@alumni/shared';
import { CurrentUser, Public } from '../auth/auth.decorators.js';
import { GivingPreferencesBodyDto, HonourRollEntryResponseDto, HonourRollQueryDto } from './dto/honour-roll.dto.js';
import { HonourRollService } from './honour-roll.service.js';
import { beijingDay } from './reconciliation.service.js';

@ApiTags('giving')
@Controller()
export class HonourRollController {
  constructor(private readonly honourRoll: HonourRollService) {}

  @Public()
  @Get('giving/honour-roll')
  @ApiOperation({ summary: 'The yearly honour roll: alumni who opted in, by their total of named gifts that year' })
  @ApiOkResponse({ type: [HonourRollEntryResponseDto] })
  roll(@Query() query: HonourRollQueryDto): Promise<HonourRollEntryDto[]> {
    return this.honourRoll.roll(query.year ?? Number(beijingDay().slice(0, 4)));
  }

  @Get('me/giving/preferences')
  @ApiOperation({ summary: 'My giving choices (the honour roll is opt-in)' })
  @ApiOkResponse({ type: GivingPreferencesBodyDto })
  preferences(@CurrentUser() user: AuthUserDto): Promise<GivingPreferencesDto> {
    return this.honourRoll.preferences(user);
  }

  @Put('me/giving/preferences')
  @ApiOperation({ summary: 'Opt in to (or out of) the honour roll' })
  @ApiOkResponse({ type: GivingPreferencesBodyDto })
  setPreferences(@CurrentUser() user: AuthUserDto, @Body() dto: GivingPreferencesBodyDto): Promise<GivingPreferencesDto> {
    return this.honourRoll.setPreferences(user, dto);
  }
}
