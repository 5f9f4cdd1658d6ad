import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsString, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import {
  ABNORMAL_REFUND_BANKS,
  ABNORMAL_REFUND_ROUTES,
  type AbnormalRefundBank,
  type AbnormalRefundRoute,
  type ApplyAbnormalRefundRequest,
  BANK_CARD_NAME_MAX,
  BANK_CARD_PATTERN,
  type CreateRefundRequest,
  type DonationRefundDto,
  REFUND_STATUSES,
  type RefundStatusName,
  type StaffDonationRefundDto,
} from '@alumni/shared';

export class CreateRefundDto implements CreateRefundRequest {
  @ApiProperty({ description: 'Integer fen, at most what is left to refund', example: 3000 })
  @IsInt()
  @Min(1)
  @Max(100_000_000)
  amountFen: number;

  @ApiProperty({ description: 'Shown to the payer; at most 80 bytes (26 Chinese characters)', example: '重复捐赠，原路退回' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @IsNotEmpty()
  @MaxLength(80)
  reason: string;
}

export class DonationRefundResponseDto implements DonationRefundDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  donationId: string;

  @ApiProperty()
  outRefundNo: string;

  @ApiProperty({ description: 'Integer fen' })
  amountFen: number;

  @ApiProperty()
  reason: string;

  @ApiProperty({ enum: REFUND_STATUSES })
  status: RefundStatusName;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  settledAt: string | null;
}

/** Required for the donor's card; checked whenever sent (so `null` is refused, not passed on). */
const forCard = ValidateIf((dto: ApplyAbnormalRefundDto, value: unknown) => dto.route === 'user_bank_card' || value !== undefined);

/**
 * 发起异常退款 from staff. For the donor's card, the bank, number and holder's name are
 * required (and, for the school's account, refused by the service: card data nobody needs is
 * not taken). Number and name are sensitive: never stored, never logged.
 */
export class ApplyAbnormalRefundDto implements ApplyAbnormalRefundRequest {
  @ApiProperty({
    enum: ABNORMAL_REFUND_ROUTES,
    description: "user_bank_card: the donor's debit card; merchant_bank_card: the school's account",
  })
  @IsIn(ABNORMAL_REFUND_ROUTES)
  route: AbnormalRefundRoute;

  @ApiPropertyOptional({ enum: ABNORMAL_REFUND_BANKS.map((b) => b.code), description: 'user_bank_card only' })
  @forCard
  @IsIn(ABNORMAL_REFUND_BANKS.map((b) => b.code), { message: 'must be one of the 15 debit cards WeChat Pay takes' })
  bankType?: AbnormalRefundBank;

  @ApiPropertyOptional({ description: 'user_bank_card only: the debit card number, 12–30 digits (spaces ignored); never stored' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.replace(/[\s-]/g, '') : value))
  @forCard
  @IsString()
  @Matches(BANK_CARD_PATTERN, { message: 'must be the card number, 12 to 30 digits' })
  bankAccount?: string;

  @ApiPropertyOptional({ maxLength: BANK_CARD_NAME_MAX, description: "user_bank_card only: the card holder's name; never stored" })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @forCard
  @IsString()
  @IsNotEmpty()
  @MaxLength(BANK_CARD_NAME_MAX)
  realName?: string;
}

export class StaffDonationRefundAbnormalDto {
  @ApiProperty({ enum: ABNORMAL_REFUND_ROUTES })
  route: AbnormalRefundRoute;

  @ApiProperty({ type: String, nullable: true, enum: ABNORMAL_REFUND_BANKS.map((b) => b.code) })
  bankType: AbnormalRefundBank | null;

  @ApiProperty({ type: String, nullable: true, example: '5678' })
  cardLast4: string | null;

  @ApiProperty({ format: 'date-time' })
  appliedAt: string;
}

export class StaffDonationRefundResponseDto extends DonationRefundResponseDto implements StaffDonationRefundDto {
  @ApiProperty({
    type: StaffDonationRefundAbnormalDto,
    nullable: true,
    description: 'Where staff sent the refund once WeChat Pay reported it abnormal',
  })
  abnormal: StaffDonationRefundAbnormalDto | null;
}
