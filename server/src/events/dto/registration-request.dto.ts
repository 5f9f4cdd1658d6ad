import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsObject, IsOptional, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';
import {
  type CheckInRequest,
  type CreateRegistrationRequest,
  REGISTRATION_STATUSES,
  type RegistrationAnswers,
  type RegistrationStatus,
} from '@alumni/shared';
import { PageQueryDto } from '../../common/pagination.js';
import { EVENT_LIST_WHEN, type EventListWhen } from './list-events-query.dto.js';
import { OptionalField } from '../../common/text-fields.js';

/** POST /events/:id/registrations. The answers are checked against the event's questions by the service. */
export class CreateRegistrationDto implements CreateRegistrationRequest {
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
    description: 'By question id: text, one option, or an array of options',
    example: { q1: '是' },
  })
  @OptionalField()
  @IsObject()
  answers?: RegistrationAnswers;
}

export class ListTicketsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: EVENT_LIST_WHEN, default: 'upcoming' })
  @IsOptional()
  @IsIn(EVENT_LIST_WHEN)
  when: EventListWhen = 'upcoming';
}

/** POST /events/:id/check-ins: the QR token, or the short code typed in H5. */
export class CheckInDto implements CheckInRequest {
  @ApiPropertyOptional({ description: 'The QR code content' })
  // Required without a short code, and checked whenever sent (an object here reached the service).
  @ValidateIf((o: CheckInDto) => o.shortCode === undefined || o.token !== undefined)
  @IsString()
  @MaxLength(200)
  token?: string;

  @ApiPropertyOptional({ example: 'K7M2QX9D' })
  @OptionalField()
  @IsString()
  @MaxLength(20)
  shortCode?: string;
}

/** POST /events/:id/walk-ins: an alumnus who came without signing up. */
export class WalkInDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  alumnusId: string;
}

export class ListRegistrantsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: REGISTRATION_STATUSES })
  @IsOptional()
  @IsIn(REGISTRATION_STATUSES)
  status?: RegistrationStatus;
}

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;

export class ExportRegistrantsQueryDto {
  @ApiPropertyOptional({ enum: EXPORT_FORMATS, default: 'csv' })
  @IsOptional()
  @IsIn(EXPORT_FORMATS)
  format: (typeof EXPORT_FORMATS)[number] = 'csv';

  @ApiPropertyOptional({ enum: REGISTRATION_STATUSES })
  @IsOptional()
  @IsIn(REGISTRATION_STATUSES)
  status?: RegistrationStatus;
}
