import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import {
  type CreateReceiptRequest,
  type IssueReceiptRequest,
  type VoidReceiptRequest,
  RECEIPT_MAX_GIFTS,
  RECEIPT_PAYER_KINDS,
  RECEIPT_STATUSES,
  type ReceiptPayerKind,
  type ReceiptStatus,
} from '@alumni/shared';
import { SpreadsheetQueryDto } from '../../common/spreadsheet.js';
import { OptionalField, RequiredText } from '../../common/text-fields.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateReceiptDto implements CreateReceiptRequest {
  @ApiProperty({ type: [String], format: 'uuid', description: 'Your paid gifts, each on at most one receipt' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(RECEIPT_MAX_GIFTS)
  @IsUUID('all', { each: true })
  donationIds: string[];

  @ApiProperty({ enum: RECEIPT_PAYER_KINDS })
  @IsIn(RECEIPT_PAYER_KINDS)
  payerKind: ReceiptPayerKind;

  @ApiProperty({ example: '李明', description: 'The name on the receipt' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  payerName: string;

  @ApiProperty({ example: '11010119900307123X', description: 'ID number or 统一社会信用代码; stored encrypted' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.replace(/\s/g, '') : value))
  @IsString()
  @IsNotEmpty()
  @MaxLength(18)
  taxId: string;
}

export class IssueReceiptDto implements IssueReceiptRequest {
  @ApiProperty({ example: '浙财0123456789', description: 'The number printed on the e-receipt' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  @Matches(/^[\p{L}\p{N}-]+$/u, { message: 'receiptNo must be letters, digits or dashes' })
  receiptNo: string;
}

export class VoidReceiptDto implements VoidReceiptRequest {
  @RequiredText(100, '捐赠已退款')
  reason: string;

  @ApiPropertyOptional({ example: '浙财0123456790', description: 'The red-letter receipt (红冲) number, if the finance system made one' })
  @Transform(trim)
  @OptionalField()
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  @Matches(/^[\p{L}\p{N}-]+$/u, { message: 'reversalNo must be letters, digits or dashes' })
  reversalNo?: string;
}

export class ReceiptQueueQueryDto {
  @ApiPropertyOptional({ enum: RECEIPT_STATUSES })
  @IsOptional()
  @IsIn(RECEIPT_STATUSES)
  status?: ReceiptStatus;
}

export class ReceiptExportQueryDto extends SpreadsheetQueryDto {}

export class DonationReceiptResponseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: RECEIPT_STATUSES })
  status: ReceiptStatus;

  @ApiProperty({ enum: RECEIPT_PAYER_KINDS })
  payerKind: ReceiptPayerKind;

  @ApiProperty()
  payerName: string;

  @ApiProperty({ example: '1101**********123X' })
  taxIdMasked: string;

  @ApiProperty({ description: 'fen' })
  amountFen: number;

  @ApiProperty({ type: [String] })
  donationIds: string[];

  @ApiProperty({ type: String, nullable: true })
  receiptNo: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  issuedAt: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Issued, and a gift on it refunded since: to be voided' })
  voidDueAt: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  voidedAt: string | null;

  @ApiProperty({ type: String, nullable: true })
  voidReason: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'The red-letter receipt (红冲), if any' })
  reversalNo: string | null;
}

export class StaffDonationReceiptResponseDto extends DonationReceiptResponseDto {
  @ApiProperty({ description: 'In full: staff write the receipt with it' })
  taxId: string;

  @ApiProperty({ format: 'uuid' })
  alumnusId: string;

  @ApiProperty()
  donorName: string;

  @ApiProperty()
  hasFile: boolean;
}
