import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  type CampaignMatchDto,
  type CreateCampaignMatchRequest,
  type CreateMatchPaymentRequest,
  MATCH_RATIO_PERCENT_MAX,
  MATCH_SPONSOR_KINDS,
  type MatchClassDto,
  type MatchPaymentDto,
  type MatchSponsorKind,
  type StaffCampaignMatchDto,
} from '@alumni/shared';
import { NullableField, OptionalField } from '../../common/text-fields.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
/** ¥100,000,000 in fen. */
const MAX_CAP_FEN = 10_000_000_000;

export class MatchClassBodyDto implements MatchClassDto {
  @ApiProperty({ example: 2015 })
  @IsInt()
  @Min(1900)
  @Max(2100)
  graduationYear: number;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  departmentId: string;

  @ApiProperty({ example: '计算机 1 班' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  className: string;
}

export class CreateCampaignMatchDto implements CreateCampaignMatchRequest {
  @ApiProperty({ enum: MATCH_SPONSOR_KINDS })
  @IsIn(MATCH_SPONSOR_KINDS)
  sponsorKind: MatchSponsorKind;

  @ApiProperty({ example: '某某科技有限公司', description: 'Shown on the campaign page' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  sponsorName: string;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'An alumnus sponsor’s account' })
  @NullableField()
  @IsUUID()
  sponsorAlumnusId?: string | null;

  @ApiProperty({ example: 100, minimum: 1, maximum: MATCH_RATIO_PERCENT_MAX, description: '100 = 1:1, 50 = ¥1 per ¥2 given' })
  @IsInt()
  @Min(1)
  @Max(MATCH_RATIO_PERCENT_MAX)
  ratioPercent: number;

  @ApiProperty({ example: 1_000_000, description: 'The most the sponsor matches in all, fen' })
  @IsInt()
  @Min(1)
  @Max(MAX_CAP_FEN)
  capFen: number;

  @ApiProperty({ format: 'date-time' })
  @IsISO8601({ strict: true })
  startsAt: string;

  @ApiProperty({ format: 'date-time', description: 'After startsAt; gifts paid from this moment on are not matched' })
  @IsISO8601({ strict: true })
  endsAt: string;

  @ApiPropertyOptional({ default: false, description: 'Only gifts of donors who never gave before' })
  @OptionalField()
  @IsBoolean()
  firstTimeOnly?: boolean;

  @ApiPropertyOptional({ type: MatchClassBodyDto, nullable: true, description: 'Only gifts of this class’s alumni' })
  @NullableField()
  @ValidateNested()
  @Type(() => MatchClassBodyDto)
  forClass?: MatchClassBodyDto | null;
}

export class CreateMatchPaymentDto implements CreateMatchPaymentRequest {
  @ApiProperty({ description: 'Integer fen', example: 500_000 })
  @IsInt()
  @Min(1)
  @Max(MAX_CAP_FEN)
  amountFen: number;

  @ApiProperty({ example: '2026-11-20', description: 'The day the money arrived (Beijing), not in the future' })
  @Matches(/^\d{4}-\d\d-\d\d$/, { message: 'receivedOn must be a day like 2026-11-20' })
  receivedOn: string;

  @ApiProperty({ example: '银行回单 20261120-0042' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  reference: string;
}

export class MatchClassResponseDto implements MatchClassDto {
  @ApiProperty()
  graduationYear: number;

  @ApiProperty({ format: 'uuid' })
  departmentId: string;

  @ApiProperty()
  className: string;
}

export class CampaignMatchResponseDto implements CampaignMatchDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: MATCH_SPONSOR_KINDS })
  sponsorKind: MatchSponsorKind;

  @ApiProperty()
  sponsorName: string;

  @ApiProperty({ description: '100 = 1:1' })
  ratioPercent: number;

  @ApiProperty({ description: 'fen' })
  capFen: number;

  @ApiProperty({ description: 'fen' })
  matchedFen: number;

  @ApiProperty({ description: 'capFen − matchedFen' })
  remainingFen: number;

  @ApiProperty({ format: 'date-time' })
  startsAt: string;

  @ApiProperty({ format: 'date-time' })
  endsAt: string;

  @ApiProperty()
  firstTimeOnly: boolean;

  @ApiProperty({ type: MatchClassResponseDto, nullable: true })
  forClass: MatchClassResponseDto | null;
}

export class StaffCampaignMatchResponseDto extends CampaignMatchResponseDto implements StaffCampaignMatchDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  sponsorAlumnusId: string | null;

  @ApiProperty({ description: 'The sponsor’s payments recorded so far, fen' })
  paidFen: number;

  @ApiProperty({ description: 'matchedFen − paidFen' })
  owedFen: number;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class MatchPaymentResponseDto implements MatchPaymentDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  matchId: string;

  @ApiProperty()
  amountFen: number;

  @ApiProperty({ example: '2026-11-20' })
  receivedOn: string;

  @ApiProperty()
  reference: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}
