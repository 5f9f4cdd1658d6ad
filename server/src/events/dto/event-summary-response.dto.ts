import { ApiProperty } from '@nestjs/swagger';
import { EVENT_KINDS, EVENT_STATUSES, type EventKind, type EventStatus, type EventSummaryDto, type Page } from '@alumni/shared';

export class EventSummaryResponseDto implements EventSummaryDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: '2026 年秋季校友返校日' })
  title: string;

  @ApiProperty({ enum: EVENT_KINDS })
  kind: EventKind;

  @ApiProperty({ enum: EVENT_STATUSES })
  status: EventStatus;

  @ApiProperty({ format: 'date-time' })
  startsAt: string;

  @ApiProperty({ format: 'date-time' })
  endsAt: string;

  @ApiProperty({ type: String, nullable: true })
  city: string | null;

  @ApiProperty({ type: String, nullable: true })
  venue: string | null;

  @ApiProperty()
  online: boolean;

  @ApiProperty()
  capacity: number;

  @ApiProperty()
  confirmedCount: number;

  @ApiProperty({ type: String, nullable: true })
  coverUrl: string | null;
}

export class EventPageResponseDto implements Page<EventSummaryDto> {
  @ApiProperty({ type: [EventSummaryResponseDto] })
  items: EventSummaryResponseDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}
