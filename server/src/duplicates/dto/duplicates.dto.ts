import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import {
  DUPLICATE_KINDS,
  DUPLICATE_REASONS,
  type DuplicateCandidateDto,
  type DuplicateComparisonDto,
  type DuplicateKind,
  type DuplicateQueueDto,
  type DuplicateQueueQuery,
  type DuplicateReason,
  type DuplicateRecordDto,
  type DuplicateRosterEntryDto,
  type DuplicateScanResultDto,
  type DuplicateStatus,
  type MergeDuplicateRequest,
  type MergeDuplicateResultDto,
} from '@alumni/shared';
import { PageQueryDto } from '../../common/pagination.js';
import { ClaimResponseDto as ClaimEntryResponseDto } from '../../verification/dto/claim-response.dto.js';

export class DuplicateQueueQueryDto extends PageQueryDto implements DuplicateQueueQuery {
  @ApiPropertyOptional({ enum: DUPLICATE_KINDS, description: 'only pairs of two accounts, or only an account and a roster entry' })
  @IsOptional()
  @IsIn(DUPLICATE_KINDS)
  kind?: DuplicateKind;
}

export class MergeDuplicateDto implements MergeDuplicateRequest {
  @ApiProperty({ format: 'uuid', description: 'The record that stays: one of the two accounts, or (kind roster) the account' })
  @IsUUID()
  survivorId!: string;
}

class DuplicateSideResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ type: Number, nullable: true }) graduationYear!: number | null;
  @ApiProperty({ type: String, nullable: true }) departmentName!: string | null;
}

export class DuplicateCandidateResponseDto implements DuplicateCandidateDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['accounts', 'roster'], description: 'two accounts, or an account and an unclaimed roster entry (b)' })
  kind!: DuplicateKind;
  @ApiProperty({ minimum: 0, maximum: 100 }) score!: number;
  @ApiProperty({ enum: Object.keys(DUPLICATE_REASONS), isArray: true }) reasons!: DuplicateReason[];
  @ApiProperty({ enum: ['open', 'dismissed', 'merged'] }) status!: DuplicateStatus;
  @ApiProperty({ format: 'date-time' }) foundAt!: string;
  @ApiProperty({ type: DuplicateSideResponseDto }) a!: DuplicateSideResponseDto;
  @ApiProperty({ type: DuplicateSideResponseDto }) b!: DuplicateSideResponseDto;
}

class OpenByKindResponseDto {
  @ApiProperty() accounts!: number;
  @ApiProperty() roster!: number;
}

export class DuplicateQueueResponseDto implements DuplicateQueueDto {
  @ApiProperty({ type: [DuplicateCandidateResponseDto] }) items!: DuplicateCandidateResponseDto[];
  @ApiProperty({ type: String, nullable: true, description: 'null on the last page' }) nextCursor!: string | null;
  @ApiProperty({ description: 'open pairs in all, whatever the filter' }) open!: number;
  @ApiProperty({ type: OpenByKindResponseDto }) openByKind!: OpenByKindResponseDto;
}

class ClaimResponseDto {
  @ApiProperty() name!: string;
  @ApiProperty() graduationYear!: number;
  @ApiProperty({ type: String, nullable: true }) className!: string | null;
  @ApiProperty({ type: String, nullable: true }) studentNumber!: string | null;
}

class DonationsSummaryResponseDto {
  @ApiProperty() count!: number;
  @ApiProperty({ description: 'fen, refunds deducted' }) totalFen!: number;
}

class DuplicateRecordResponseDto implements DuplicateRecordDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ type: String, nullable: true }) realName!: string | null;
  @ApiProperty({ type: Number, nullable: true }) graduationYear!: number | null;
  @ApiProperty({ type: String, nullable: true }) departmentName!: string | null;
  @ApiProperty({ type: String, nullable: true }) className!: string | null;
  @ApiProperty({ type: String, nullable: true }) city!: string | null;
  @ApiProperty({ type: String, nullable: true }) employer!: string | null;
  @ApiProperty({ type: String, nullable: true }) phoneMasked!: string | null;
  @ApiProperty() hasWechat!: boolean;
  @ApiProperty() verified!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: ClaimResponseDto, nullable: true }) claim!: ClaimResponseDto | null;
  @ApiProperty() registrations!: number;
  @ApiProperty({ type: DonationsSummaryResponseDto }) donations!: DonationsSummaryResponseDto;
  @ApiProperty() memberships!: number;
  @ApiProperty() posts!: number;
  @ApiProperty() interactions!: number;
  @ApiProperty() engagementScore!: number;
}

class DuplicateRosterEntryResponseDto implements DuplicateRosterEntryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() studentNumber!: string;
  @ApiProperty() graduationYear!: number;
  @ApiProperty({ type: String, nullable: true }) departmentName!: string | null;
  @ApiProperty({ type: String, nullable: true }) major!: string | null;
  @ApiProperty({ type: String, nullable: true }) className!: string | null;
}

export class DuplicateComparisonResponseDto implements DuplicateComparisonDto {
  @ApiProperty({ type: DuplicateCandidateResponseDto }) candidate!: DuplicateCandidateResponseDto;
  @ApiProperty({ type: [DuplicateRecordResponseDto], minItems: 1, maxItems: 2, description: 'both accounts, or (kind roster) the account' })
  records!: DuplicateRecordResponseDto[];
  @ApiProperty({ type: DuplicateRosterEntryResponseDto, nullable: true, description: 'kind roster: the unclaimed entry' })
  rosterEntry!: DuplicateRosterEntryResponseDto | null;
  @ApiProperty({ type: [ClaimEntryResponseDto], description: 'kind roster: the account’s claims that matched no entry, newest first' })
  claims!: ClaimEntryResponseDto[];
}

export class DuplicateScanResponseDto implements DuplicateScanResultDto {
  @ApiProperty() open!: number;
  @ApiProperty() added!: number;
  @ApiProperty() milliseconds!: number;
}

export class MergeDuplicateResponseDto implements MergeDuplicateResultDto {
  @ApiProperty({ format: 'uuid' }) survivorId!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null for kind roster' }) mergedId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'kind roster: the entry the account now holds' })
  rosterEntryId!: string | null;
}
