import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsString, MaxLength } from 'class-validator';
import {
  INTERACTION_LIMITS,
  type InteractionDto,
  type LogInteractionRequest,
  OFFLINE_INTERACTION_KINDS,
  type OfflineInteractionKind,
  type Page,
} from '@alumni/shared';
import { OptionalField } from '../../common/text-fields.js';

/** POST /staff/alumni/:id/interactions */
export class LogInteractionDto implements LogInteractionRequest {
  @ApiProperty({ enum: OFFLINE_INTERACTION_KINDS, description: 'Stored as kind `offline.<kind>`' })
  @IsIn(OFFLINE_INTERACTION_KINDS)
  kind: OfflineInteractionKind;

  @ApiPropertyOptional({ maxLength: INTERACTION_LIMITS.notes, description: 'Seen by the alumnus too, in their own timeline' })
  @OptionalField()
  @IsString()
  @MaxLength(INTERACTION_LIMITS.notes)
  notes?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'When it happened; now if left out, never in the future' })
  @OptionalField()
  @IsISO8601({ strict: true })
  occurredAt?: string;
}

export class InteractionResponseDto implements InteractionDto {
  @ApiProperty({ example: '1024' }) id: string;
  @ApiProperty({ example: 'events.checked_in', description: 'Show interactionKindLabel(kind) from shared' }) kind: string;
  @ApiProperty({ type: String, nullable: true, example: 'event' }) subjectType: string | null;
  @ApiProperty({ type: String, nullable: true }) subjectId: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '2025 返校日',
    description: 'The event, campaign or group the row is about, by its current title',
  })
  subjectTitle: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) detail: Record<string, unknown>;
  @ApiProperty({ format: 'date-time' }) occurredAt: string;
}

export class InteractionPageResponseDto implements Page<InteractionDto> {
  @ApiProperty({ type: [InteractionResponseDto] }) items: InteractionResponseDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
