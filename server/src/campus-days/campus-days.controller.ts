import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type {
  AuthUserDto,
  CampusDayDto,
  ClassWallDto,
  CollectStampResultDto,
  StaffCampusDayDto,
  StaffCampusDaySpotDto,
} from '@alumni/shared';
import { CurrentUser, Public, Roles } from '../auth/auth.decorators.js';
import { ApiErrors } from '../common/api-errors.decorator.js';
import { CampusDaySpotsService } from './campus-day-spots.service.js';
import { CampusDaysService } from './campus-days.service.js';
import { CollectStampDto, SpotBodyDto, SpotPatchDto } from './dto/campus-days-request.dto.js';
import {
  CampusDayResponseDto,
  ClassWallResponseDto,
  CollectStampResultResponseDto,
  StaffCampusDayResponseDto,
  StaffCampusDaySpotResponseDto,
} from './dto/campus-days-response.dto.js';

@ApiTags('campus days')
@Controller('campus-days')
export class CampusDaysController {
  constructor(private readonly days: CampusDaysService) {}

  @Post('stamps')
  @HttpCode(200)
  @ApiOperation({ summary: 'Collect the stamp of the spot whose code was scanned; a second scan says it was collected before' })
  @ApiOkResponse({ type: CollectStampResultResponseDto })
  @ApiErrors('CAMPUS_DAY_CODE_INVALID', 'CAMPUS_DAY_NOT_FOUND', 'CAMPUS_DAY_NOT_OPEN', 'CONSENT_REQUIRED')
  collect(@CurrentUser() user: AuthUserDto, @Body() dto: CollectStampDto): Promise<CollectStampResultDto> {
    return this.days.collect(user, dto.token);
  }

  @Get(':eventId')
  @Public()
  @ApiOperation({ summary: 'A campus day’s spots, with my stamp card and keepsake when signed in' })
  @ApiOkResponse({ type: CampusDayResponseDto })
  @ApiErrors('CAMPUS_DAY_NOT_FOUND')
  day(@CurrentUser() user: AuthUserDto | undefined, @Param('eventId', ParseUUIDPipe) eventId: string): Promise<CampusDayDto> {
    return this.days.day(user, eventId);
  }

  @Get(':eventId/class-wall')
  @ApiOperation({ summary: 'The classes that came back together: alumni with a stamp, by verified class, most first' })
  @ApiOkResponse({ type: ClassWallResponseDto })
  @ApiErrors('CAMPUS_DAY_NOT_FOUND')
  classWall(@Param('eventId', ParseUUIDPipe) eventId: string): Promise<ClassWallDto> {
    return this.days.classWall(eventId);
  }
}

@ApiTags('campus days (staff)')
@Roles('staff')
@Controller('staff')
export class StaffCampusDaysController {
  constructor(private readonly spots: CampusDaySpotsService) {}

  @Get('campus-days/:eventId')
  @ApiOperation({ summary: 'A campus day’s spots with their codes and stamp counts, visitors and completions' })
  @ApiOkResponse({ type: StaffCampusDayResponseDto })
  @ApiErrors('CAMPUS_DAY_NOT_FOUND', 'FORBIDDEN')
  overview(@Param('eventId', ParseUUIDPipe) eventId: string): Promise<StaffCampusDayDto> {
    return this.spots.overview(eventId);
  }

  @Post('campus-days/:eventId/spots')
  @ApiOperation({ summary: 'Add a spot to a campus day (an event of kind campus_day), audited' })
  @ApiCreatedResponse({ type: StaffCampusDaySpotResponseDto })
  @ApiErrors('CAMPUS_DAY_NOT_FOUND', 'CAMPUS_DAY_SPOT_LIMIT', 'FORBIDDEN')
  create(
    @CurrentUser() user: AuthUserDto,
    @Param('eventId', ParseUUIDPipe) eventId: string,
    @Body() dto: SpotBodyDto,
  ): Promise<StaffCampusDaySpotDto> {
    return this.spots.create(user, eventId, dto);
  }

  @Patch('campus-day-spots/:id')
  @ApiOperation({ summary: 'Rename, describe or reorder a spot (the fields sent), audited' })
  @ApiOkResponse({ type: StaffCampusDaySpotResponseDto })
  @ApiErrors('CAMPUS_DAY_SPOT_NOT_FOUND', 'FORBIDDEN')
  update(
    @CurrentUser() user: AuthUserDto,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: SpotPatchDto,
  ): Promise<StaffCampusDaySpotDto> {
    return this.spots.update(user, id, dto);
  }

  @Post('campus-day-spots/:id/replace-code')
  @HttpCode(200)
  @ApiOperation({ summary: 'Give the spot a new code: printed copies of the old one stop working at once' })
  @ApiOkResponse({ type: StaffCampusDaySpotResponseDto })
  @ApiErrors('CAMPUS_DAY_SPOT_NOT_FOUND', 'FORBIDDEN')
  rotate(@CurrentUser() user: AuthUserDto, @Param('id', ParseUUIDPipe) id: string): Promise<StaffCampusDaySpotDto> {
    return this.spots.rotate(user, id);
  }

  @Post('campus-day-spots/:id/retire')
  @HttpCode(200)
  @ApiOperation({ summary: 'Take the spot off the stamp card; stamps collected there stay' })
  @ApiOkResponse({ type: StaffCampusDaySpotResponseDto })
  @ApiErrors('CAMPUS_DAY_SPOT_NOT_FOUND', 'FORBIDDEN')
  retire(@CurrentUser() user: AuthUserDto, @Param('id', ParseUUIDPipe) id: string): Promise<StaffCampusDaySpotDto> {
    return this.spots.retire(user, id);
  }

  @Get('campus-day-spots/:id/code')
  @ApiOperation({ summary: 'The spot’s mini-program code to print (PNG or JPEG); scanning it collects the stamp' })
  @ApiProduces('image/png', 'image/jpeg')
  @ApiErrors('CAMPUS_DAY_SPOT_NOT_FOUND', 'WECHAT_QRCODE_PAGE_INVALID', 'WECHAT_RATE_LIMITED', 'WECHAT_UNAVAILABLE', 'FORBIDDEN')
  async code(@Param('id', ParseUUIDPipe) id: string, @Res() reply: FastifyReply): Promise<void> {
    const image = await this.spots.code(id);
    await reply.header('content-type', image.contentType).header('cache-control', 'private, max-age=3600').send(image.body);
  }
}
