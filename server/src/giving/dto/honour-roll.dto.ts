import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';
import type { GivingPreferencesDto, HonourRollEntryDto } from '@alumni/shared';

export class GivingPreferencesBodyDto implements GivingPreferencesDto {
  @ApiProperty({ description: 'Show me, with my yearly total of named gifts, on the honour roll' })
  @IsBoolean()
  honourRoll: boolean;
}

export class HonourRollQueryDto {
  @ApiPropertyOptional({ description: 'Calendar year (Beijing time); this year by default', example: 2026 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
}

export class HonourRollEntryResponseDto implements HonourRollEntryDto {
  @ApiProperty()
  rank: number;

  @ApiProperty({ format: 'uuid' })
  alumnusId: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ description: 'Paid minus refunded, named gifts only, fen' })
  totalFen: number;

  @ApiProperty()
  gifts: number;
}
