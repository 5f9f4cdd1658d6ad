import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  GIVING_DAY_CHALLENGE_KINDS,
  GIVING_DAY_MAX_CAMPAIGNS,
  GIVING_DAY_MAX_CHALLENGES,
  GIVING_DAY_METRICS,
  GIVING_DAY_STATUSES,
  type GivingDayChallengeInput,
  type GivingDayChallengeKind,
  type GivingDayInput,
  type GivingDayMetric,
  type GivingDayStatus,
} from '@alumni/shared';
import { NullableField, OptionalField } from '../../common/text-fields.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const MAX_FEN = 10_000_000_000;

export class GivingDayChallengeBodyDto implements GivingDayChallengeInput {
  @ApiPropertyOptional({ format: 'uuid', description: 'Sent back by PATCH to keep a challenge’s id' })
  @OptionalField()
  @IsUUID()
  id?: string;

  @ApiProperty({ enum: GIVING_DAY_CHALLENGE_KINDS })
  @IsIn(GIVING_DAY_CHALLENGE_KINDS)
  kind: GivingDayChallengeKind;

  @ApiProperty({ example: '500 位校友参与，解锁 5 万元配捐' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  title: string;

  @ApiPropertyOptional({ enum: GIVING_DAY_METRICS, default: 'donors' })
  @OptionalField()
  @IsIn(GIVING_DAY_METRICS)
  metric?: GivingDayMetric;

  @ApiPropertyOptional({ type: Number, nullable: true, description: 'donor_unlock: donors needed' })
  @NullableField()
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  donorTarget?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true, description: 'donor_unlock: the sponsor’s bonus, fen' })
  @NullableField()
  @IsInt()
  @Min(1)
  @Max(MAX_FEN)
  bonusFen?: number | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @NullableField()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  sponsorName?: string | null;
}

export class GivingDayInputDto implements GivingDayInput {
  @ApiProperty({ example: '百年校庆捐赠日' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  title: string;

  @ApiPropertyOptional()
  @OptionalField()
  @Transform(trim)
  @IsString()
  @MaxLength(500)
  summary?: string;

  @ApiProperty({ format: 'date-time' })
  @IsISO8601({ strict: true })
  startsAt: string;

  @ApiProperty({ format: 'date-time' })
  @IsISO8601({ strict: true })
  endsAt: string;

  @ApiProperty({ description: 'fen' })
  @IsInt()
  @Min(1)
  @Max(MAX_FEN)
  goalFen: number;

  @ApiPropertyOptional({ type: Number, nullable: true })
  @NullableField()
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  goalDonors?: number | null;

  @ApiProperty({ type: [String], format: 'uuid' })
  @IsArray()
  @ArrayMaxSize(GIVING_DAY_MAX_CAMPAIGNS)
  @IsUUID('all', { each: true })
  campaignIds: string[];

  @ApiPropertyOptional({ type: [GivingDayChallengeBodyDto] })
  @OptionalField()
  @IsArray()
  @ArrayMaxSize(GIVING_DAY_MAX_CHALLENGES)
  @ValidateNested({ each: true })
  @Type(() => GivingDayChallengeBodyDto)
  challenges?: GivingDayChallengeBodyDto[];

  @ApiPropertyOptional({ enum: GIVING_DAY_STATUSES, default: 'draft' })
  @OptionalField()
  @IsIn(GIVING_DAY_STATUSES)
  status?: GivingDayStatus;
}

export class UpdateGivingDayDto extends PartialType(GivingDayInputDto, { skipNullProperties: false }) {}
