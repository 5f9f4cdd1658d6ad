import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsNotEmpty, IsString, Max, MaxLength, Min } from 'class-validator';
import { type CreateRefundRequest, type DonationRefundDto, REFUND_STATUSES, type RefundStatusName } from '@alumni/shared';

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
