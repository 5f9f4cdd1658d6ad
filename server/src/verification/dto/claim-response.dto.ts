import { ApiProperty } from '@nestjs/swagger';
import {
  CLAIM_STATUSES,
  type ClaimDto,
  type ClaimStatsDto,
  type ClaimStatus,
  type Page,
  type RosterCandidateDto,
  type StaffClaimDto,
} from '@alumni/shared';

class DepartmentRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '机械工程学院' }) name: string;
}

export class ClaimResponseDto implements ClaimDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: CLAIM_STATUSES }) status: ClaimStatus;
  @ApiProperty({ example: '张伟' }) name: string;
  @ApiProperty({ example: 2016 }) graduationYear: number;
  @ApiProperty({ type: DepartmentRefDto }) department: DepartmentRefDto;
  @ApiProperty({ type: String, nullable: true }) studentNumber: string | null;
  @ApiProperty({ type: String, nullable: true }) className: string | null;
  @ApiProperty() hasEvidence: boolean;
  @ApiProperty({ type: String, nullable: true }) rejectReason: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt: string | null;
}

export class ClaimPageResponseDto implements Page<ClaimDto> {
  @ApiProperty({ type: [ClaimResponseDto] }) items: ClaimResponseDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class RosterCandidateResponseDto implements RosterCandidateDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() studentNumber: string;
  @ApiProperty() graduationYear: number;
  @ApiProperty({ type: DepartmentRefDto }) department: DepartmentRefDto;
  @ApiProperty({ type: String, nullable: true }) major: string | null;
  @ApiProperty({ type: String, nullable: true }) className: string | null;
  @ApiProperty({ description: 'Already claimed by an account' }) claimed: boolean;
}

class ClaimantResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() displayName: string;
}

export class StaffClaimResponseDto extends ClaimResponseDto implements StaffClaimDto {
  @ApiProperty({ type: ClaimantResponseDto }) alumnus: ClaimantResponseDto;
  @ApiProperty({ description: 'Seconds since the claim was filed (until it was decided)' }) waitingSeconds: number;
  @ApiProperty({ type: [RosterCandidateResponseDto] }) candidates: RosterCandidateResponseDto[];
}

export class StaffClaimPageResponseDto implements Page<StaffClaimDto> {
  @ApiProperty({ type: [StaffClaimResponseDto] }) items: StaffClaimResponseDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class ClaimStatsResponseDto implements ClaimStatsDto {
  @ApiProperty() pendingCount: number;
  @ApiProperty({ type: Number, nullable: true }) medianSecondsToVerified: number | null;
  @ApiProperty() verifiedLast30Days: number;
}
