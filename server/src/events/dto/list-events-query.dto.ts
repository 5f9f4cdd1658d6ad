import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../common/pagination.js';

export const EVENT_LIST_WHEN = ['upcoming', 'past'] as const;
export type EventListWhen = (typeof EVENT_LIST_WHEN)[number];

export class ListEventsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    enum: EVENT_LIST_WHEN,
    default: 'upcoming',
    description: 'upcoming: not yet ended, soonest first; past: ended, latest first',
  })
  @IsOptional()
  @IsIn(EVENT_LIST_WHEN)
  when: EventListWhen = 'upcoming';
}
