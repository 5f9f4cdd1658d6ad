import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsNumber, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import {
  type AlumnusEngagementDto,
  type ContactField,
  type ContactFieldStatus,
  ENGAGEMENT_LIMITS,
  ENGAGEMENT_SEGMENTS,
  type EngagementSegment,
  type EngagementSettingsDto,
  type EngagementWeightDto,
  INTERACTION_KINDS,
  type InteractionKind,
  type UpdateEngagementSettingsRequest,
} from '@alumni/shared';

const L = ENGAGEMENT_LIMITS;
const KINDS = Object.keys(INTERACTION_KINDS);

export class EngagementWeightInputDto implements EngagementWeightDto {
  @ApiProperty({ enum: KINDS, example: 'events.checked_in' })
  @IsString()
  @MaxLength(64)
  kind: InteractionKind;

  @ApiProperty({ minimum: L.weightMin, maximum: L.weightMax, example: 3 })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @Min(L.weightMin)
  @Max(L.weightMax)
  weight: number;
}

/** PUT /staff/engagement/weights: the whole set; kinds left out weigh 0. */
export class UpdateEngagementSettingsDto implements UpdateEngagementSettingsRequest {
  @ApiProperty({ minimum: L.halfLifeDaysMin, maximum: L.halfLifeDaysMax, example: 180 })
  @IsInt()
  @Min(L.halfLifeDaysMin)
  @Max(L.halfLifeDaysMax)
  halfLifeDays: number;

  @ApiProperty({ minimum: L.contactCurrentMonthsMin, maximum: L.contactCurrentMonthsMax, example: 24 })
  @IsInt()
  @Min(L.contactCurrentMonthsMin)
  @Max(L.contactCurrentMonthsMax)
  contactCurrentMonths: number;

  @ApiProperty({ type: [EngagementWeightInputDto] })
  @IsArray()
  @ArrayMaxSize(KINDS.length)
  @ValidateNested({ each: true })
  @Type(() => EngagementWeightInputDto)
  weights: EngagementWeightInputDto[];
}

export class EngagementSettingsResponseDto implements EngagementSettingsDto {
  @ApiProperty({ description: 'The half-life scores are computed with now' }) halfLifeDays: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'A half-life change still being applied in the background; scores keep halfLifeDays until it is done',
  })
  pendingHalfLifeDays: number | null;
  @ApiProperty() contactCurrentMonths: number;
  @ApiProperty({ type: [EngagementWeightInputDto] }) weights: EngagementWeightInputDto[];
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class ContactFieldStatusResponseDto implements ContactFieldStatus {
  @ApiProperty() known: boolean;
  @ApiProperty() current: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) confirmedAt: string | null;
}

export class ContactResponseDto implements Record<ContactField, ContactFieldStatus> {
  @ApiProperty({ type: ContactFieldStatusResponseDto }) phone: ContactFieldStatusResponseDto;
  @ApiProperty({ type: ContactFieldStatusResponseDto }) city: ContactFieldStatusResponseDto;
  @ApiProperty({ type: ContactFieldStatusResponseDto }) employer: ContactFieldStatusResponseDto;
  @ApiProperty({ type: ContactFieldStatusResponseDto }) wechat: ContactFieldStatusResponseDto;
}

export class AlumnusEngagementResponseDto implements AlumnusEngagementDto {
  @ApiProperty({ format: 'uuid' }) alumnusId: string;
  @ApiProperty({ example: 12.5 }) score: number;
  @ApiProperty({ enum: ENGAGEMENT_SEGMENTS }) segment: EngagementSegment;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastParticipationAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastDonationAt: string | null;
  @ApiProperty({ type: ContactResponseDto })
  contact: ContactResponseDto;
}
