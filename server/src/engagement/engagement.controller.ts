import { Body, Controller, Get, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AlumnusEngagementDto, AuthUserDto, EngagementSettingsDto } from '@alumni/shared';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import { ApiErrors } from '../common/api-errors.decorator.js';
import { AlumnusEngagementResponseDto, EngagementSettingsResponseDto, UpdateEngagementSettingsDto } from './dto/engagement-settings.dto.js';
import { EngagementService } from './engagement.service.js';

@ApiTags('engagement (staff)')
@Roles('staff')
@Controller('staff')
export class EngagementController {
  constructor(private readonly engagement: EngagementService) {}

  @Get('engagement/weights')
  @ApiOperation({ summary: 'The weight of each interaction kind, the score half-life and how recent a contact must be' })
  @ApiOkResponse({ type: EngagementSettingsResponseDto })
  @ApiErrors('FORBIDDEN')
  settings(): Promise<EngagementSettingsDto> {
    return this.engagement.settings();
  }

  @Put('engagement/weights')
  @ApiOperation({ summary: 'Replace the weights and settings; scores follow at once (a half-life change re-reads the log)' })
  @ApiOkResponse({ type: EngagementSettingsResponseDto })
  @ApiErrors('ENGAGEMENT_KIND_UNKNOWN', 'ENGAGEMENT_WEIGHT_DUPLICATE', 'FORBIDDEN')
  update(@CurrentUser() user: AuthUserDto, @Body() dto: UpdateEngagementSettingsDto): Promise<EngagementSettingsDto> {
    return this.engagement.updateSettings(user, dto);
  }

  @Get('alumni/:id/engagement')
  @ApiOperation({ summary: 'Score, segment and contact coverage of one alumnus' })
  @ApiOkResponse({ type: AlumnusEngagementResponseDto })
  @ApiErrors('ALUMNUS_NOT_FOUND', 'FORBIDDEN')
  forAlumnus(@Param('id', ParseUUIDPipe) id: string): Promise<AlumnusEngagementDto> {
    return this.engagement.forAlumnus(id);
  }
}
