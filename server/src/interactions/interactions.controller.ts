import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUserDto, InteractionDto, Page } from '@alumni/shared';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import { ApiErrors } from '../common/api-errors.decorator.js';
import { PageQueryDto } from '../common/pagination.js';
import { InteractionPageResponseDto, InteractionResponseDto, LogInteractionDto } from './dto/interaction.dto.js';
import { InteractionsService } from './interactions.service.js';

@ApiTags('interactions')
@Controller('me/interactions')
export class MyInteractionsController {
  constructor(private readonly interactions: InteractionsService) {}

  @Get()
  @ApiOperation({ summary: 'My history with the school, newest first' })
  @ApiOkResponse({ type: InteractionPageResponseDto })
  @ApiErrors('INVALID_CURSOR')
  mine(@CurrentUser() user: AuthUserDto, @Query() query: PageQueryDto): Promise<Page<InteractionDto>> {
    return this.interactions.timeline(user.id, query);
  }
}

@ApiTags('interactions (staff)')
@Roles('staff')
@Controller('staff/alumni/:id/interactions')
export class StaffInteractionsController {
  constructor(private readonly interactions: InteractionsService) {}

  @Get()
  @ApiOperation({ summary: 'One alumnus’s history with the school, newest first' })
  @ApiOkResponse({ type: InteractionPageResponseDto })
  @ApiErrors('ALUMNUS_NOT_FOUND', 'INVALID_CURSOR', 'FORBIDDEN')
  list(@Param('id', ParseUUIDPipe) id: string, @Query() query: PageQueryDto): Promise<Page<InteractionDto>> {
    return this.interactions.timelineForStaff(id, query);
  }

  @Post()
  @ApiOperation({ summary: 'Log a visit, phone call, lecture, job posting or mentoring session that happened offline' })
  @ApiCreatedResponse({ type: InteractionResponseDto })
  @ApiErrors('ALUMNUS_NOT_FOUND', 'INTERACTION_TIME_INVALID', 'FORBIDDEN')
  log(@CurrentUser() user: AuthUserDto, @Param('id', ParseUUIDPipe) id: string, @Body() dto: LogInteractionDto): Promise<InteractionDto> {
    return this.interactions.logOffline(user, id, dto);
  }
}
