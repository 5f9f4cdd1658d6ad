import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { DEGREES, type Degree, type Page, ROSTER_CLAIM_STATES, type RosterClaimState, type StaffRosterEntryDto } from '@alumni/shared';
import { PageQueryDto } from '../../common/pagination.js';
import { RosterCandidateResponseDto } from '../../verification/dto/claim-response.dto.js';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() || undefined : value);

/** `?graduationYear=&departmentId=&className=&claim=&name=`: every filter optional, newest entries first. */
export class StaffRosterEntriesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 2016 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1900)
  @Max(2100)
  graduationYear?: number;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  departmentId?: string;

  @ApiPropertyOptional({ example: '机械1201班', description: 'The class exactly as the roster names it' })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(64)
  className?: string;

  @ApiPropertyOptional({ enum: ROSTER_CLAIM_STATES, description: 'Both when left out' })
  @IsOptional()
  @IsIn(ROSTER_CLAIM_STATES)
  claim?: RosterClaimState;

  @ApiPropertyOptional({ description: 'Part of the name, or a whole student number' })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(64)
  name?: string;
}

export class StaffRosterEntryResponseDto extends RosterCandidateResponseDto implements StaffRosterEntryDto {
  @ApiProperty({ enum: DEGREES, nullable: true }) degree: Degree | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) claimedAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class StaffRosterEntryPageResponseDto implements Page<StaffRosterEntryDto> {
  @ApiProperty({ type: [StaffRosterEntryResponseDto] }) items: StaffRosterEntryResponseDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
