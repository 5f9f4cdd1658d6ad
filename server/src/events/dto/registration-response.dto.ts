import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';
import {
  type CheckInResultDto,
  type CheckInTokenDto,
  type MyRegistrationDto,
  type Page,
  type RegistrantCountsDto,
  type RegistrantDto,
  REGISTRATION_STATUSES,
  type RegistrationAnswers,
  type RegistrationDto,
  type RegistrationStatus,
  type TicketDto,
} from '@alumni/shared';
import { EventSummaryResponseDto } from './event-summary-response.dto.js';

const ANSWERS_SCHEMA: ApiPropertyOptions = {
  type: 'object',
  additionalProperties: { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
  example: { q1: '是', q2: ['素食'] },
};

export class RegistrationResponseDto implements RegistrationDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  eventId: string;

  @ApiProperty({ enum: REGISTRATION_STATUSES })
  status: RegistrationStatus;

  @ApiProperty(ANSWERS_SCHEMA)
  answers: RegistrationAnswers;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  checkedInAt: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class MyRegistrationResponseDto implements MyRegistrationDto {
  @ApiProperty({ type: RegistrationResponseDto, nullable: true, description: 'null: I never signed up' })
  registration: RegistrationResponseDto | null;
}

export class TicketResponseDto extends RegistrationResponseDto implements TicketDto {
  @ApiProperty({ type: EventSummaryResponseDto })
  event: EventSummaryResponseDto;
}

export class TicketPageResponseDto implements Page<TicketDto> {
  @ApiProperty({ type: [TicketResponseDto] })
  items: TicketResponseDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}

export class CheckInTokenResponseDto implements CheckInTokenDto {
  @ApiProperty({ description: 'Goes into the QR code; valid for this 60-second step and the next' })
  token: string;

  @ApiProperty({ example: 'K7M2QX9D', description: 'The same proof, to type in H5' })
  shortCode: string;

  @ApiProperty({ format: 'date-time' })
  refreshAt: string;
}

export class CheckInResultResponseDto implements CheckInResultDto {
  @ApiProperty({ format: 'uuid' })
  registrationId: string;

  @ApiProperty({ format: 'uuid' })
  alumnusId: string;

  @ApiProperty()
  displayName: string;

  @ApiProperty({ format: 'date-time' })
  checkedInAt: string;

  @ApiProperty({ description: 'true when the ticket had been checked in before: nothing changed' })
  alreadyCheckedIn: boolean;
}

export class RegistrantResponseDto extends RegistrationResponseDto implements RegistrantDto {
  @ApiProperty({ format: 'uuid' })
  alumnusId: string;

  @ApiProperty()
  displayName: string;

  @ApiProperty({ type: String, nullable: true })
  realName: string | null;

  @ApiProperty({ type: Number, nullable: true })
  graduationYear: number | null;

  @ApiProperty()
  walkIn: boolean;
}

export class RegistrantCountsResponseDto implements RegistrantCountsDto {
  @ApiProperty()
  confirmed: number;

  @ApiProperty()
  waitlisted: number;

  @ApiProperty()
  cancelled: number;

  @ApiProperty()
  checkedIn: number;
}

export class RegistrantPageResponseDto implements Page<RegistrantDto> {
  @ApiProperty({ type: [RegistrantResponseDto] })
  items: RegistrantResponseDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;

  @ApiProperty({ type: RegistrantCountsResponseDto })
  counts: RegistrantCountsResponseDto;
}
