import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { CLASS_LEADERBOARD_MAX_LIMIT, type ClassLeaderboardDto, type ClassLeaderboardEntryDto } from '@alumni/shared';
import { HonourRollQueryDto } from './honour-roll.dto.js';

export class ClassLeaderboardQueryDto extends HonourRollQueryDto {
  @ApiPropertyOptional({
    description: 'Only gifts to this campaign; without `year`, over the whole campaign (otherwise this Beijing year by default)',
    format: 'uuid',
  })
  @IsOptional()
  @IsUUID()
  campaignId?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: CLASS_LEADERBOARD_MAX_LIMIT, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(CLASS_LEADERBOARD_MAX_LIMIT)
  limit: number = 50;
}

export class ClassLeaderboardEntryResponseDto implements ClassLeaderboardEntryDto {
  @ApiProperty()
  rank: number;

  @ApiProperty({ example: 2010 })
  graduationYear: number;

  @ApiProperty({ format: 'uuid' })
  departmentId: string;

  @ApiProperty({ type: String, nullable: true, example: '计算机科学与技术学院' })
  departmentName: string | null;

  @ApiProperty({ example: '计科2006级1班' })
  className: string;

  @ApiProperty({ description: 'Alumni on record in the class' })
  alumni: number;

  @ApiProperty({ description: 'Of them, alumni with a paid gift in the period (anonymous gifts count, never named)' })
  donors: number;

  @ApiProperty({ description: 'donors / alumni in percent, one decimal', example: 42.9 })
  sharePercent: number;
}

export class ClassLeaderboardResponseDto implements ClassLeaderboardDto {
  @ApiProperty({ type: Number, nullable: true, description: 'Calendar year (Beijing time) of the gifts; null for a whole campaign' })
  year: number | null;

  @ApiProperty({ type: String, nullable: true, format: 'uuid' })
  campaignId: string | null;

  @ApiProperty({ description: 'Smaller classes are left off' })
  minClassSize: number;

  @ApiProperty({ type: [ClassLeaderboardEntryResponseDto] })
  entries: ClassLeaderboardEntryResponseDto[];
}
