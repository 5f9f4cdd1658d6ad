import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { EventDetailDto, EventSummaryDto, Page } from '@alumni/shared';
import { Public } from '../auth/auth.decorators.js';
import { ApiErrors } from '../common/api-errors.decorator.js';
import { EventDetailResponseDto } from './dto/event-detail-response.dto.js';
import { EventPageResponseDto } from './dto/event-summary-response.dto.js';
import { ListEventsQueryDto } from './dto/list-events-query.dto.js';
import { EventsService } from './events.service.js';

@ApiTags('events')
@Public()
@Controller('events')
export class EventsController {
  constructor(private readonly events: EventsService) {}

  @Get()
  @ApiOperation({ summary: 'Published events, upcoming or past, cursor-paginated' })
  @ApiOkResponse({ type: EventPageResponseDto })
  @ApiErrors('INVALID_CURSOR')
  list(@Query() query: ListEventsQueryDto): Promise<Page<EventSummaryDto>> {
    return this.events.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One published, finished or cancelled event with its sign-up questions; drafts are not found' })
  @ApiOkResponse({ type: EventDetailResponseDto })
  @ApiErrors('EVENT_NOT_FOUND')
  detail(@Param('id', ParseUUIDPipe) id: string): Promise<EventDetailDto> {
    return this.events.detail(id);
  }
}
