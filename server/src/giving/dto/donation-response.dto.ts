import { ApiProperty } from '@nestjs/swagger';
import { DONATION_STATUSES, type DonationDto, type DonationOrderDto, type DonationStatus, type RequestPaymentDto } from '@alumni/shared';

class TreeNumbersDto {
  @ApiProperty()
  first: number;

  @ApiProperty()
  last: number;
}

export class DonationResponseDto implements DonationDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  campaignId: string;

  @ApiProperty({ example: 'AL2611290A1B2C3D4E5F60718293A4' })
  outTradeNo: string;

  @ApiProperty({ description: 'Integer fen' })
  amountFen: number;

  @ApiProperty({ description: 'Given back by refunds so far, fen' })
  refundedFen: number;

  @ApiProperty({ description: 'What sponsors matched of this gift (配捐), fen' })
  matchedFen: number;

  @ApiProperty()
  units: number;

  @ApiProperty()
  message: string;

  @ApiProperty()
  anonymous: boolean;

  @ApiProperty()
  hideAmount: boolean;

  @ApiProperty({ enum: DONATION_STATUSES })
  status: DonationStatus;

  @ApiProperty({ type: String, nullable: true })
  certificateNo: string | null;

  @ApiProperty({ type: TreeNumbersDto, nullable: true })
  treeNumbers: TreeNumbersDto | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  paidAt: string | null;

  @ApiProperty({ format: 'date-time' })
  expiresAt: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class RequestPaymentResponseDto implements RequestPaymentDto {
  @ApiProperty({ description: 'Unix seconds, as a string' })
  timeStamp: string;

  @ApiProperty()
  nonceStr: string;

  @ApiProperty({ example: 'prepay_id=wx201410272009395522657a690389285100' })
  package: string;

  @ApiProperty({ enum: ['RSA'] })
  signType: 'RSA';

  @ApiProperty()
  paySign: string;
}

export class DonationOrderResponseDto implements DonationOrderDto {
  @ApiProperty({ type: DonationResponseDto })
  donation: DonationResponseDto;

  @ApiProperty({ type: RequestPaymentResponseDto, description: 'Pass to wx.requestPayment' })
  payment: RequestPaymentResponseDto;
}
