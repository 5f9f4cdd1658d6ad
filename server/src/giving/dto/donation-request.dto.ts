import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { type CreateDonationRequest, DONATION_MESSAGE_MAX_LENGTH } from '@alumni/shared';

/** The donate sheet: an amount in fen, or a number of the campaign's units; never both. */
export class CreateDonationDto implements CreateDonationRequest {
  @ApiPropertyOptional({ description: 'Integer fen, at least the campaign minimum', example: 3000 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000_000)
  amountFen?: number;

  @ApiPropertyOptional({ description: 'Units of a campaign that has one (e.g. saplings)', example: 1 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10_000)
  units?: number;

  @ApiPropertyOptional({ maxLength: DONATION_MESSAGE_MAX_LENGTH, example: '祝母校越来越好' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MaxLength(DONATION_MESSAGE_MAX_LENGTH)
  message?: string;

  @ApiPropertyOptional({ default: false, description: 'Shown as 匿名校友 on the wall' })
  @IsOptional()
  @IsBoolean()
  anonymous?: boolean;

  @ApiPropertyOptional({ default: false, description: 'Shown on the wall without the amount' })
  @IsOptional()
  @IsBoolean()
  hideAmount?: boolean;
}
