import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { EVENT_KINDS, EVENT_LIMITS, type EventKind } from '@alumni/shared';
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

  @ApiPropertyOptional({ enum: EVENT_KINDS })
  @IsOptional()
  @IsIn(EVENT_KINDS)
  kind?: EventKind;

  @ApiPropertyOptional({ maxLength: EVENT_LIMITS.place, example: '上海', description: 'events in this city (exact name)' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @IsNotEmpty()
  @MaxLength(EVENT_LIMITS.place)
  city?: string;
}
