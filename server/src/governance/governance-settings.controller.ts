import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUserDto, GovernanceSettingsDto } from '@alumni/shared';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import { ApiErrors } from '../common/api-errors.decorator.js';
import { GovernanceSettingsBodyDto } from './dto/governance-settings.dto.js';
import { GovernanceSettingsService } from './governance-settings.service.js';

@ApiTags('governance (staff)')
@Roles('staff')
@Controller('staff/governance/settings')
export class GovernanceSettingsController {
  constructor(private readonly settings: GovernanceSettingsService) {}

  @Get()
  @ApiOperation({ summary: 'The co-signature threshold and collecting window of suggestions' })
  @ApiOkResponse({ type: GovernanceSettingsBodyDto })
  @ApiErrors('FORBIDDEN')
  get(): Promise<GovernanceSettingsDto> {
    return this.settings.get();
  }

  @Put()
  @ApiOperation({ summary: 'Change them (audited); suggestions already submitted keep their threshold' })
  @ApiOkResponse({ type: GovernanceSettingsBodyDto })
  @ApiErrors('FORBIDDEN')
  put(@CurrentUser() user: AuthUserDto, @Body() dto: GovernanceSettingsBodyDto): Promise<GovernanceSettingsDto> {
    return this.settings.update(user, dto);
  }
}
