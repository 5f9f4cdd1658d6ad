import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUserDto, CareersSettingsDto, CareerStandingDto } from '@alumni/shared';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import { ApiErrors } from '../common/api-errors.decorator.js';
import { CareerAccessService } from './career-access.service.js';
import { CareersSettingsService } from './careers-settings.service.js';
import { CareerStandingResponseDto, CareersSettingsBodyDto } from './dto/careers.dto.js';

@ApiTags('careers')
@Controller('careers')
export class CareersController {
  constructor(private readonly access: CareerAccessService) {}

  @Get('me')
  @ApiOperation({ summary: 'Where I stand for careers (unverified, student, graduate) and what that lets me do' })
  @ApiOkResponse({ type: CareerStandingResponseDto })
  @ApiErrors('ALUMNUS_NOT_FOUND')
  me(@CurrentUser() user: AuthUserDto): Promise<CareerStandingDto> {
    return this.access.standing(user);
  }
}

@ApiTags('careers (staff)')
@Roles('staff')
@Controller('staff/careers/settings')
export class StaffCareersSettingsController {
  constructor(private readonly settings: CareersSettingsService) {}

  @Get()
  @ApiOperation({ summary: 'The programme’s settings: job approval, mentoring term, when a pairing counts as quiet' })
  @ApiOkResponse({ type: CareersSettingsBodyDto })
  @ApiErrors('FORBIDDEN')
  get(): Promise<CareersSettingsDto> {
    return this.settings.get();
  }

  @Put()
  @ApiOperation({ summary: 'Change the settings (audited); a new term applies to pairings accepted from now on' })
  @ApiOkResponse({ type: CareersSettingsBodyDto })
  @ApiErrors('FORBIDDEN')
  put(@CurrentUser() user: AuthUserDto, @Body() dto: CareersSettingsBodyDto): Promise<CareersSettingsDto> {
    return this.settings.update(user, dto);
  }
}
