import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID, Matches } from 'class-validator';
import {
  CAMPAIGN_KINDS,
  type CampaignKind,
  type DonationCertificateDto,
  type DonorWallEntryDto,
  type MyDonationDto,
  type Page,
} from '@alumni/shared';
import { SpreadsheetQueryDto } from '../../common/spreadsheet.js';
import { CampaignSummaryResponseDto } from './campaign-summary-response.dto.js';
import { DonationResponseDto } from './donation-response.dto.js';

export class MyDonationResponseDto extends DonationResponseDto implements MyDonationDto {
  @ApiProperty({ type: CampaignSummaryResponseDto })
  campaign: CampaignSummaryResponseDto;
}

export class MyDonationPageResponseDto implements Page<MyDonationDto> {
  @ApiProperty({ type: [MyDonationResponseDto] })
  items: MyDonationResponseDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}

export class DonorWallEntryResponseDto implements DonorWallEntryDto {
  @ApiProperty({ format: 'uuid' })
  donationId: string;

  @ApiProperty({ example: '匿名校友' })
  name: string;

  @ApiProperty()
  anonymous: boolean;

  @ApiProperty({ type: Number, nullable: true, description: 'Null when the donor hid the amount' })
  amountFen: number | null;

  @ApiProperty({ type: Number, nullable: true })
  units: number | null;

  @ApiProperty()
  message: string;

  @ApiProperty({ format: 'date-time' })
  paidAt: string;
}

export class DonorWallPageResponseDto implements Page<DonorWallEntryDto> {
  @ApiProperty({ type: [DonorWallEntryResponseDto] })
  items: DonorWallEntryResponseDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}

const DAY = /^\d{4}-\d\d-\d\d$/;

/** `?from=&to=` (Beijing days, inclusive) and `format`. */
export class ExportDonationsQueryDto extends SpreadsheetQueryDto {
  @ApiPropertyOptional({ example: '2026-11-01', description: 'First day, Beijing time' })
  @Matches(DAY, { message: 'from must be a day like 2026-11-01' })
  from: string;

  @ApiPropertyOptional({ example: '2026-11-30', description: 'Last day, Beijing time, inclusive' })
  @Matches(DAY, { message: 'to must be a day like 2026-11-30' })
  to: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only this campaign’s gifts' })
  @IsOptional()
  @IsUUID()
  campaignId?: string;
}

class CertificateTreeNumbersDto {
  @ApiProperty()
  first: number;

  @ApiProperty()
  last: number;
}

export class DonationCertificateResponseDto implements DonationCertificateDto {
  @ApiProperty({ example: 'GIV-1A2B3C4D-000042' })
  certificateNo: string;

  @ApiProperty({ format: 'uuid' })
  donationId: string;

  @ApiProperty({ example: '东海职业技术学院' })
  schoolName: string;

  @ApiProperty({ description: '匿名校友 for an anonymous gift; otherwise the real name when known, else the display name' })
  donorName: string;

  @ApiProperty()
  campaignTitle: string;

  @ApiProperty({ enum: CAMPAIGN_KINDS })
  campaignKind: CampaignKind;

  @ApiProperty({ type: Number, nullable: true, description: 'Null when the donor hid the amount' })
  amountFen: number | null;

  @ApiProperty()
  units: number;

  @ApiProperty({ type: String, nullable: true })
  unitName: string | null;

  @ApiProperty({ type: CertificateTreeNumbersDto, nullable: true })
  treeNumbers: CertificateTreeNumbersDto | null;

  @ApiProperty({ format: 'date-time' })
  paidAt: string;
}
