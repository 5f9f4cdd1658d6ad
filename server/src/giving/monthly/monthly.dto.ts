import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsISO8601, IsUUID, Matches, Max, Min } from 'class-validator';
import {
  type CreateMonthlyPledgeRequest,
  MONTHLY_CONTRACT_STATES,
  MONTHLY_INSTALMENT_STATUSES,
  MONTHLY_MAX_DAY,
  MONTHLY_MAX_FEN,
  MONTHLY_MIN_FEN,
  MONTHLY_PLEDGE_MODES,
  MONTHLY_PLEDGE_STATUSES,
  type MonthlyContractDto,
  type MonthlyContractSigningDto,
  type MonthlyContractState,
  type MonthlyInstalmentDetailDto,
  type MonthlyInstalmentDto,
  type MonthlyInstalmentStatus,
  type MonthlyPledgeBaseDto,
  type MonthlyPledgeDto,
  type MonthlyPledgeMode,
  type MonthlyPledgeStatus,
  type StaffMissedInstalmentDto,
  type StaffMonthlyPledgeDto,
  type StaffMonthlyReportDto,
  type UpdateMonthlyPledgeRequest,
} from '@alumni/shared';
import { OptionalField } from '../../common/text-fields.js';
import { DonationOrderResponseDto } from '../dto/donation-response.dto.js';

export class CreateMonthlyPledgeDto implements CreateMonthlyPledgeRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  campaignId: string;

  @ApiProperty({ minimum: MONTHLY_MIN_FEN, maximum: MONTHLY_MAX_FEN, description: 'Each month, integer fen' })
  @IsInt()
  @Min(MONTHLY_MIN_FEN)
  @Max(MONTHLY_MAX_FEN)
  amountFen: number;

  @ApiProperty({ minimum: 1, maximum: MONTHLY_MAX_DAY, description: 'Day of the month (Beijing) the invitation goes out' })
  @IsInt()
  @Min(1)
  @Max(MONTHLY_MAX_DAY)
  dayOfMonth: number;
}

export class UpdateMonthlyPledgeDto implements UpdateMonthlyPledgeRequest {
  @ApiPropertyOptional({ minimum: MONTHLY_MIN_FEN, maximum: MONTHLY_MAX_FEN })
  @OptionalField()
  @IsInt()
  @Min(MONTHLY_MIN_FEN)
  @Max(MONTHLY_MAX_FEN)
  amountFen?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: MONTHLY_MAX_DAY })
  @OptionalField()
  @IsInt()
  @Min(1)
  @Max(MONTHLY_MAX_DAY)
  dayOfMonth?: number;

  @ApiPropertyOptional({ enum: ['active', 'paused'], description: 'Pause or resume' })
  @OptionalField()
  @IsIn(['active', 'paused'])
  status?: 'active' | 'paused';
}

export class MonthlyReportQueryDto {
  @ApiPropertyOptional({ example: '2026-12', description: 'Beijing month; this month by default' })
  @OptionalField()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month must be like 2026-12' })
  month?: string;
}

export class MonthlyRunDto {
  @ApiPropertyOptional({ format: 'date-time', description: 'The clock the run uses (demo only)' })
  @OptionalField()
  @Matches(/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/, { message: 'at must be an ISO 8601 date-time' })
  // The shape alone lets 2026-13-45T99:00Z through, which no clock can run at.
  @IsISO8601({ strict: true }, { message: 'at must be a real date and time' })
  at?: string;
}

export class MonthlyInstalmentResponseDto implements MonthlyInstalmentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) pledgeId: string;
  @ApiProperty({ example: '2026-12' }) month: string;
  @ApiProperty() amountFen: number;
  @ApiProperty({ enum: MONTHLY_INSTALMENT_STATUSES }) status: MonthlyInstalmentStatus;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) donationId: string | null;
  @ApiProperty({ format: 'date-time' }) invitedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) paidAt: string | null;
}

export class MonthlyInstalmentDetailResponseDto extends MonthlyInstalmentResponseDto implements MonthlyInstalmentDetailDto {
  @ApiProperty({ format: 'uuid' }) campaignId: string;
  @ApiProperty() campaignTitle: string;
  @ApiProperty({ enum: MONTHLY_PLEDGE_STATUSES }) pledgeStatus: MonthlyPledgeStatus;
}

export class MonthlyInstalmentOrderResponseDto extends DonationOrderResponseDto {
  @ApiProperty({ type: MonthlyInstalmentResponseDto }) instalment: MonthlyInstalmentResponseDto;
}

/** What the donor and staff both see of a pledge (MonthlyPledgeBaseDto); each view adds its own fields. */
class MonthlyPledgeBaseResponseDto implements MonthlyPledgeBaseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) campaignId: string;
  @ApiProperty() campaignTitle: string;
  @ApiProperty() amountFen: number;
  @ApiProperty() dayOfMonth: number;
  @ApiProperty({ enum: MONTHLY_PLEDGE_STATUSES }) status: MonthlyPledgeStatus;
  @ApiProperty({ enum: MONTHLY_PLEDGE_MODES }) mode: MonthlyPledgeMode;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) cancelledAt: string | null;
  @ApiProperty() paidMonths: number;
  @ApiProperty() missedMonths: number;
}

export class MonthlyContractResponseDto implements MonthlyContractDto {
  @ApiProperty({ enum: MONTHLY_CONTRACT_STATES }) state: MonthlyContractState;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) signedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) terminatedAt: string | null;
}

export class MonthlyContractSigningResponseDto implements MonthlyContractSigningDto {
  @ApiProperty({ description: "WeChat Pay's signing mini-program (wxbd687630cd02ce1d)" }) appId: string;
  @ApiProperty({ description: 'pages/index/index' }) path: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'The signed signing request (小程序纯签约 extraData): pass to wx.navigateToMiniProgram as it is',
  })
  extraData: Record<string, string>;
  @ApiProperty({ type: MonthlyContractResponseDto }) contract: MonthlyContractResponseDto;
}

export class MonthlyPledgeResponseDto extends MonthlyPledgeBaseResponseDto implements MonthlyPledgeDto {
  @ApiProperty() paidFen: number;
  @ApiProperty({ type: MonthlyInstalmentResponseDto, nullable: true }) current: MonthlyInstalmentResponseDto | null;
  @ApiProperty({ type: [MonthlyInstalmentResponseDto] }) instalments: MonthlyInstalmentResponseDto[];
  @ApiProperty({ description: 'The merchant offers 签约自动扣款 (委托代扣)' }) deductionAvailable: boolean;
  @ApiProperty({ type: MonthlyContractResponseDto, nullable: true }) contract: MonthlyContractResponseDto | null;
}

class StaffMonthlyPledgeResponseDto extends MonthlyPledgeBaseResponseDto implements StaffMonthlyPledgeDto {
  @ApiProperty({ format: 'uuid' }) alumnusId: string;
  @ApiProperty() alumnusName: string;
}

class StaffMissedInstalmentResponseDto implements StaffMissedInstalmentDto {
  @ApiProperty({ format: 'uuid' }) instalmentId: string;
  @ApiProperty({ format: 'uuid' }) pledgeId: string;
  @ApiProperty() alumnusName: string;
  @ApiProperty() campaignTitle: string;
  @ApiProperty() month: string;
  @ApiProperty() amountFen: number;
}

export class StaffMonthlyReportResponseDto implements StaffMonthlyReportDto {
  @ApiProperty() month: string;
  @ApiProperty() activePledges: number;
  @ApiProperty() pausedPledges: number;
  @ApiProperty({ description: 'What the active pledges give a month, fen' }) monthlyFen: number;
  @ApiProperty() dueInstalments: number;
  @ApiProperty() paidInstalments: number;
  @ApiProperty({ type: Number, nullable: true, description: 'paid ÷ due' }) fulfilmentRate: number | null;
  @ApiProperty() activeAtStart: number;
  @ApiProperty() cancelledInMonth: number;
  @ApiProperty({ type: Number, nullable: true, description: 'cancelled ÷ active at the start' }) churnRate: number | null;
  @ApiProperty({ description: 'Months whose automatic deduction failed every attempt and fell back to an invitation' })
  deductionFallbacks: number;
  @ApiProperty({ type: [StaffMissedInstalmentResponseDto] }) missed: StaffMissedInstalmentResponseDto[];
  @ApiProperty({ type: [StaffMonthlyPledgeResponseDto] }) pledges: StaffMonthlyPledgeResponseDto[];
}

export class MonthlyRunResponseDto {
  @ApiProperty() invited: number;
  @ApiProperty() reminded: number;
  @ApiProperty() missed: number;
  @ApiProperty() skipped: number;
  @ApiProperty({ description: '委托代扣 deductions asked for (WECHATPAY_PAPAY only)' }) deducted: number;
  @ApiProperty({ description: '委托代扣 attempts that failed' }) deductionFailed: number;
}
