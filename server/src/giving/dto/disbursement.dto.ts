import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsNotEmpty, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import type { CreateDisbursementRequest, DisbursementDto, Page } from '@alumni/shared';
import { IsPhotoUrls } from './photo-urls.js';

export class CreateDisbursementDto implements CreateDisbursementRequest {
  @ApiProperty({ example: '2026-11-20', description: 'The day the money was spent (Beijing), not in the future' })
  @Matches(/^\d{4}-\d\d-\d\d$/, { message: 'spentOn must be a day like 2026-11-20' })
  spentOn: string;

  @ApiProperty({ description: 'Integer fen', example: 360_000 })
  @IsInt()
  @Min(1)
  @Max(10_000_000_000)
  amountFen: number;

  @ApiProperty({ example: '在东坡种下 120 棵树苗' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  purpose: string;

  @IsPhotoUrls()
  photoUrls?: string[];
}

export class DisbursementResponseDto implements DisbursementDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  campaignId: string;

  @ApiProperty({ example: '2026-11-20' })
  spentOn: string;

  @ApiProperty()
  amountFen: number;

  @ApiProperty()
  purpose: string;

  @ApiProperty({ type: [String] })
  photoUrls: string[];

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class DisbursementPageResponseDto implements Page<DisbursementDto> {
  @ApiProperty({ type: [DisbursementResponseDto] })
  items: DisbursementResponseDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}
