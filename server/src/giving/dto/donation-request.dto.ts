import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsString, Max, MaxLength, Min } from 'class-validator';
import { type CreateDonationRequest, DONATION_MESSAGE_MAX_LENGTH } from '@alumni/shared';
import { OptionalField } from '../../common/text-fields.js';

/** The donate sheet: an amount in fen, or a number of the campaign's units; never both. */
export class CreateDonationDto implements CreateDonationRequest {
  @ApiPropertyOptional({ description: 'Integer fen, at least the campaign minimum', example: 3000 })
  @OptionalField()
  @IsInt()
  @Min(1)
  @Max(100_000_000)
  amountFen?: number;

  @ApiPropertyOptional({ description: 'Units of a campaign that has one (e.g. saplings)', example: 1 })
  @OptionalField()
  @IsInt()
  @Min(1)
  @Max(10_000)
  units?: number;

  @ApiPropertyOptional({ maxLength: DONATION_MESSAGE_MAX_LENGTH, example: '祝母校越来越好' })
  @OptionalField()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MaxLength(DONATION_MESSAGE_MAX_LENGTH)
  message?: string;

  @ApiPropertyOptional({ default: false, description: 'Shown as 匿名校友 on the wall' })
  @OptionalField()
  @IsBoolean()
  anonymous?: boolean;

  @ApiPropertyOptional({ default: false, description: 'Shown on the wall without the amount' })
  @OptionalField()
  @IsBoolean()
  hideAmount?: boolean;
}
