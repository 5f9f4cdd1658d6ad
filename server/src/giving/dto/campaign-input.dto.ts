import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsISO8601, IsNotEmpty, IsString, IsUrl, Max, MaxLength, Min } from 'class-validator';
import { CAMPAIGN_KINDS, CAMPAIGN_STATUSES, type CampaignKind, type CampaignStatus, DEFAULT_MIN_DONATION_FEN } from '@alumni/shared';
import { RichText } from '../../common/rich-text.js';
import { NullableField, OptionalField } from '../../common/text-fields.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
/** ¥1,000,000 in fen: far above any gift, far below 2^53. */
const MAX_FEN = 100_000_000;

/** A campaign as staff write it; amounts in integer fen. */
export class CreateCampaignDto {
  @ApiProperty({ example: '百年校庆·种下一棵树' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  title: string;

  @ApiProperty({ enum: CAMPAIGN_KINDS })
  @IsIn(CAMPAIGN_KINDS)
  kind: CampaignKind;

  @ApiPropertyOptional({ description: 'One line for lists' })
  @OptionalField()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  summary?: string;

  @ApiPropertyOptional({
    maxLength: 20_000,
    description: 'The story, rich text (an HTML subset) with photos, sanitised before it is stored',
  })
  @OptionalField()
  @RichText(20_000)
  story?: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @NullableField()
  @IsUrl({ require_tld: false })
  @MaxLength(500)
  coverUrl?: string | null;

  @ApiProperty({ description: 'Goal in fen', example: 10_000_000 })
  @IsInt()
  @Min(1)
  @Max(MAX_FEN * 100)
  goalFen: number;

  @ApiPropertyOptional({ type: String, nullable: true, example: '棵树苗', description: 'With unitPriceFen: "1 棵树苗 = ¥30"' })
  @NullableField()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(20)
  unitName?: string | null;

  @ApiPropertyOptional({ type: Number, nullable: true, example: 3000 })
  @NullableField()
  @IsInt()
  @Min(1)
  @Max(MAX_FEN)
  unitPriceFen?: number | null;

  @ApiPropertyOptional({ type: [Number], example: [3000, 10000, 50000], description: 'Amount chips, fen' })
  @OptionalField()
  @IsArray()
  @ArrayMaxSize(8)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(MAX_FEN, { each: true })
  suggestedAmountsFen?: number[];

  @ApiPropertyOptional({ default: DEFAULT_MIN_DONATION_FEN, description: 'Smallest gift, fen' })
  @OptionalField()
  @IsInt()
  @Min(1)
  @Max(MAX_FEN)
  minAmountFen?: number;

  @ApiPropertyOptional({ type: Number, nullable: true, description: 'Largest single gift, fen' })
  @NullableField()
  @IsInt()
  @Min(1)
  @Max(MAX_FEN)
  maxAmountFen?: number | null;

  @ApiProperty({ format: 'date-time' })
  @IsISO8601({ strict: true })
  startsAt: string;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  @NullableField()
  @IsISO8601({ strict: true })
  endsAt?: string | null;

  @ApiPropertyOptional({ description: 'Who the money helps and how' })
  @OptionalField()
  @Transform(trim)
  @IsString()
  @MaxLength(1000)
  beneficiary?: string;
}

export class UpdateCampaignDto extends PartialType(CreateCampaignDto, { skipNullProperties: false }) {
  @ApiPropertyOptional({ enum: CAMPAIGN_STATUSES, description: 'draft → open ⇄ closed; back to draft only before any gift' })
  @OptionalField()
  @IsIn(CAMPAIGN_STATUSES)
  status?: CampaignStatus;
}
