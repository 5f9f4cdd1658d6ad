import { ApiProperty } from '@nestjs/swagger';
import type { EventDetailDto, Page } from '@alumni/shared';
import { EventAudienceDto, EventQuestionDto } from './event-input.dto.js';
import { EventSummaryResponseDto } from './event-summary-response.dto.js';

export class EventDetailResponseDto extends EventSummaryResponseDto implements EventDetailDto {
  @ApiProperty()
  description: string;

  @ApiProperty({ type: String, nullable: true })
  address: string | null;

  @ApiProperty({ type: Number, nullable: true })
  latitude: number | null;

  @ApiProperty({ type: Number, nullable: true })
  longitude: number | null;

  @ApiProperty({ type: String, nullable: true })
  onlineUrl: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  signupOpensAt: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  signupClosesAt: string | null;

  @ApiProperty()
  waitlistEnabled: boolean;

  @ApiProperty({ type: EventAudienceDto })
  audience: EventAudienceDto;

  @ApiProperty({ type: [EventQuestionDto] })
  questions: EventQuestionDto[];

  @ApiProperty({ type: String, nullable: true })
  contactName: string | null;

  @ApiProperty({ type: String, nullable: true })
  contactPhone: string | null;
}

export class EventDetailPageResponseDto implements Page<EventDetailDto> {
  @ApiProperty({ type: [EventDetailResponseDto] })
  items: EventDetailResponseDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}
