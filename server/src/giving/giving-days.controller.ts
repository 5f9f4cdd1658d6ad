import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthUserDto, GivingDayDto, GivingDayLiveDto } from '@alumni/shared';
import { CurrentUser, Public, Roles } from '../auth/auth.decorators.js';
import { ApiErrors } from '../common/api-errors.decorator.js';
import { sendPublicCode } from '../mini-program-codes/mini-program-codes.service.js';
import { GivingDayInputDto, UpdateGivingDayDto } from './dto/giving-day.dto.js';
import { GivingDaysService } from './giving-days.service.js';

const EDIT_ERRORS = ['GIVING_DAY_INVALID', 'VALIDATION_FAILED', 'FORBIDDEN'] as const;

/** Giving days for everyone: docs/giving.md, Giving days. */
@ApiTags('giving')
@Public()
@Controller('giving-days')
export class GivingDaysController {
  constructor(private readonly days: GivingDaysService) {}

  @Get()
  @ApiOperation({ summary: 'Published giving days, the latest start first' })
  @ApiOkResponse({ description: 'GivingDayDto[] (shared/src/types/giving.ts)' })
  list(): Promise<GivingDayDto[]> {
    return this.days.list();
  }

  @Get(':id')
  @ApiOperation({
    summary: 'The giving-day page: countdown clock, live totals, latest donors, class and department boards, challenge progress (cached)',
  })
  @ApiOkResponse({ description: 'GivingDayLiveDto (shared/src/types/giving.ts)' })
  @ApiErrors('GIVING_DAY_NOT_FOUND')
  live(@Param('id', ParseUUIDPipe) id: string): Promise<GivingDayLiveDto> {
    return this.days.live(id);
  }

  @Get(':id/poster-code')
  @ApiOperation({ summary: 'The mini-program code of a published giving day’s poster (opens the day’s page, scene gd=<id>)' })
  @ApiProduces('image/png', 'image/jpeg')
  @ApiErrors('GIVING_DAY_NOT_FOUND', 'WECHAT_QRCODE_PAGE_INVALID', 'WECHAT_RATE_LIMITED', 'WECHAT_UNAVAILABLE')
  async posterCode(@Param('id', ParseUUIDPipe) id: string, @Res() reply: FastifyReply): Promise<void> {
    await sendPublicCode(reply, await this.days.posterCode(id));
  }
}

@ApiTags('giving (staff)')
@Roles('staff')
@Controller('staff/giving-days')
export class StaffGivingDaysController {
  constructor(private readonly days: GivingDaysService) {}

  @Post()
  @ApiOperation({ summary: 'A giving day: window, campaigns, goals and challenges (audited); a draft unless status says published' })
  @ApiCreatedResponse({ description: 'GivingDayDto' })
  @ApiErrors(...EDIT_ERRORS)
  create(@CurrentUser() user: AuthUserDto, @Body() dto: GivingDayInputDto): Promise<GivingDayDto> {
    return this.days.create(user, dto);
  }

  @Get()
  @ApiOperation({ summary: 'Every giving day, drafts included, the latest start first' })
  @ApiOkResponse({ description: 'GivingDayDto[]' })
  @ApiErrors('FORBIDDEN')
  list(): Promise<GivingDayDto[]> {
    return this.days.listForStaff();
  }

  @Get(':id')
  @ApiOperation({ summary: 'One giving day in any status' })
  @ApiOkResponse({ description: 'GivingDayDto' })
  @ApiErrors('GIVING_DAY_NOT_FOUND', 'FORBIDDEN')
  get(@Param('id', ParseUUIDPipe) id: string): Promise<GivingDayDto> {
    return this.days.getForStaff(id);
  }

  @Patch(':id')
  @ApiOperation({
    summary:
      'Edit or publish a giving day; campaignIds and challenges replace the old lists (audited); once started it may grow but not rewrite what alumni saw',
  })
  @ApiOkResponse({ description: 'GivingDayDto' })
  @ApiErrors(...EDIT_ERRORS, 'GIVING_DAY_NOT_FOUND', 'GIVING_DAY_EDIT_CONFLICT')
  update(@CurrentUser() user: AuthUserDto, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateGivingDayDto): Promise<GivingDayDto> {
    return this.days.update(user, id, dto);
  }
}
