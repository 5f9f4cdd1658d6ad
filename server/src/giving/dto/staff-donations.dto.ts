import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import {
  type Page,
  STAFF_DONATION_REFUND_FILTERS,
  STAFF_DONATION_STATUSES,
  type StaffDonationDto,
  type StaffDonationRefundFilter,
  type StaffDonationStatus,
} from '@alumni/shared';
import { PageQueryDto } from '../../common/pagination.js';
import { DonationResponseDto } from './donation-response.dto.js';

const DAY = /^\d{4}-\d\d-\d\d$/;

/** `?campaignId=&from=&to=&status=&refund=&q=`: every filter optional; the period is of Beijing days of payment. */
export class ListStaffDonationsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  campaignId?: string;

  @ApiPropertyOptional({ example: '2026-11-01', description: 'First day paid, Beijing time' })
  @IsOptional()
  @Matches(DAY, { message: 'from must be a day like 2026-11-01' })
  from?: string;

  @ApiPropertyOptional({ example: '2026-11-30', description: 'Last day paid, Beijing time, inclusive' })
  @IsOptional()
  @Matches(DAY, { message: 'to must be a day like 2026-11-30' })
  to?: string;

  @ApiPropertyOptional({ enum: STAFF_DONATION_STATUSES, description: 'Both when left out' })
  @IsOptional()
  @IsIn(STAFF_DONATION_STATUSES)
  status?: StaffDonationStatus;

  @ApiPropertyOptional({
    enum: STAFF_DONATION_REFUND_FILTERS,
    description: 'abnormal: only gifts with a refund WeChat Pay reports abnormal',
  })
  @IsOptional()
  @IsIn(STAFF_DONATION_REFUND_FILTERS)
  refund?: StaffDonationRefundFilter;

  @ApiPropertyOptional({ description: 'Part of the donor’s name or real name, or a whole order or certificate number' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() || undefined : value))
  @IsString()
  @MaxLength(64)
  q?: string;
}

export class StaffDonationResponseDto extends DonationResponseDto implements StaffDonationDto {
  @ApiProperty()
  campaignTitle: string;

  @ApiProperty({ type: String, nullable: true, description: 'Null once the account is erased' })
  donorName: string | null;

  @ApiProperty({ type: String, nullable: true })
  realName: string | null;

  @ApiProperty({ description: 'What a new refund may take, fen: paid minus every refund not closed' })
  refundableFen: number;

  @ApiProperty({ description: 'Refunds WeChat Pay reports abnormal, fen: for staff to settle in the merchant console' })
  abnormalRefundFen: number;
}

export class StaffDonationPageResponseDto implements Page<StaffDonationDto> {
  @ApiProperty({ type: [StaffDonationResponseDto] })
  items: StaffDonationResponseDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}
