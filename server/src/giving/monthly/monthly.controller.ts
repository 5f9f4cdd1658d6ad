import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type {
  AuthUserDto,
  MonthlyContractSigningDto,
  MonthlyInstalmentDetailDto,
  MonthlyInstalmentOrderDto,
  MonthlyPledgeDto,
  StaffMonthlyReportDto,
} from '@alumni/shared';
import { CurrentUser, Roles } from '../../auth/auth.decorators.js';
import { ApiErrors } from '../../common/api-errors.decorator.js';
import { RateLimit } from '../../common/rate-limit/rate-limits.js';
import {
  CreateMonthlyPledgeDto,
  MonthlyContractSigningResponseDto,
  MonthlyInstalmentDetailResponseDto,
  MonthlyInstalmentOrderResponseDto,
  MonthlyPledgeResponseDto,
  MonthlyReportQueryDto,
  MonthlyRunDto,
  MonthlyRunResponseDto,
  StaffMonthlyReportResponseDto,
  UpdateMonthlyPledgeDto,
} from './monthly.dto.js';
import { MonthlyDeductionService } from './monthly-deduction.service.js';
import { MonthlyPledgesService } from './monthly-pledges.service.js';
import { MonthlyReportService } from './monthly-report.service.js';
import { type MonthlyRunOutcome, MonthlyRunsService } from './monthly-runs.service.js';

/** Monthly giving (月捐) for donors: docs/giving.md, Monthly giving. */
@ApiTags('giving')
@Controller()
export class MonthlyPledgesController {
  constructor(
    private readonly pledges: MonthlyPledgesService,
    private readonly deduction: MonthlyDeductionService,
  ) {}

  @Post('me/monthly-pledges')
  @ApiOperation({ summary: 'Pledge a monthly gift to a campaign; this month is due at once (pay it with …/instalments/:id/pay)' })
  @ApiCreatedResponse({ type: MonthlyPledgeResponseDto })
  @ApiErrors(
    'CAMPAIGN_NOT_FOUND',
    'CAMPAIGN_NOT_OPEN',
    'MONTHLY_AMOUNT_INVALID',
    'MONTHLY_PLEDGE_EXISTS',
    'ALUMNUS_NOT_FOUND',
    'DONATION_PAYER_UNKNOWN',
  )
  create(@CurrentUser() user: AuthUserDto, @Body() dto: CreateMonthlyPledgeDto): Promise<MonthlyPledgeDto> {
    return this.pledges.create(user, dto);
  }

  @Get('me/monthly-pledges')
  @ApiOperation({ summary: 'My monthly pledges, newest first, each with its months' })
  @ApiOkResponse({ type: [MonthlyPledgeResponseDto] })
  listMine(@CurrentUser() user: AuthUserDto): Promise<MonthlyPledgeDto[]> {
    return this.pledges.listMine(user);
  }

  @Get('me/monthly-pledges/:id')
  @ApiOperation({ summary: 'One of my monthly pledges' })
  @ApiOkResponse({ type: MonthlyPledgeResponseDto })
  @ApiErrors('MONTHLY_PLEDGE_NOT_FOUND')
  one(@CurrentUser() user: AuthUserDto, @Param('id', ParseUUIDPipe) id: string): Promise<MonthlyPledgeDto> {
    return this.pledges.one(user, id);
  }

  @Patch('me/monthly-pledges/:id')
  @ApiOperation({ summary: 'Change the amount or day (from the next unpaid month), pause or resume' })
  @ApiOkResponse({ type: MonthlyPledgeResponseDto })
  @ApiErrors('MONTHLY_PLEDGE_NOT_FOUND', 'MONTHLY_PLEDGE_STATE_CONFLICT', 'MONTHLY_AMOUNT_INVALID')
  update(
    @CurrentUser() user: AuthUserDto,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateMonthlyPledgeDto,
  ): Promise<MonthlyPledgeDto> {
    return this.pledges.update(user, id, dto);
  }

  @Post('me/monthly-pledges/:id/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel the pledge for good; nothing more is asked of me' })
  @ApiOkResponse({ type: MonthlyPledgeResponseDto })
  @ApiErrors('MONTHLY_PLEDGE_NOT_FOUND', 'MONTHLY_PLEDGE_STATE_CONFLICT')
  cancel(@CurrentUser() user: AuthUserDto, @Param('id', ParseUUIDPipe) id: string): Promise<MonthlyPledgeDto> {
    return this.pledges.cancel(user, id);
  }

  @Post('me/monthly-pledges/:id/contract')
  @ApiOperation({
    summary:
      '签约自动扣款 (委托代扣, only where the merchant has it): the signed request to open WeChat Pay’s signing mini-program with wx.navigateToMiniProgram',
  })
  @ApiCreatedResponse({ type: MonthlyContractSigningResponseDto })
  @ApiErrors(
    'MONTHLY_DEDUCTION_UNAVAILABLE',
    'MONTHLY_PLEDGE_NOT_FOUND',
    'MONTHLY_PLEDGE_STATE_CONFLICT',
    'MONTHLY_CONTRACT_EXISTS',
    'DONATION_PAYER_UNKNOWN',
  )
  sign(@CurrentUser() user: AuthUserDto, @Param('id', ParseUUIDPipe) id: string): Promise<MonthlyContractSigningDto> {
    return this.deduction.signingRequest(user, id);
  }

  @Post('me/monthly-pledges/:id/contract/check')
  @HttpCode(200)
  @ApiOperation({ summary: 'Back from the signing mini-program: asks WeChat Pay whether the contract is signed; the pledge as it now is' })
  @ApiOkResponse({ type: MonthlyPledgeResponseDto })
  @ApiErrors('MONTHLY_DEDUCTION_UNAVAILABLE', 'MONTHLY_CONTRACT_NOT_FOUND')
  async checkContract(@CurrentUser() user: AuthUserDto, @Param('id', ParseUUIDPipe) id: string): Promise<MonthlyPledgeDto> {
    await this.deduction.check(user, id);
    return this.pledges.one(user, id);
  }

  @Get('me/monthly-instalments/:id')
  @ApiOperation({ summary: 'A month of my pledge (what the invitation opens)' })
  @ApiOkResponse({ type: MonthlyInstalmentDetailResponseDto })
  @ApiErrors('MONTHLY_INSTALMENT_NOT_FOUND')
  instalment(@CurrentUser() user: AuthUserDto, @Param('id', ParseUUIDPipe) id: string): Promise<MonthlyInstalmentDetailDto> {
    return this.pledges.instalment(user, id);
  }

  @Post('me/monthly-instalments/:id/pay')
  @RateLimit('donation')
  @ApiOperation({
    summary: 'Pay a month in one tap: an ordinary donation order and its wx.requestPayment parameters (the open order again, if any)',
  })
  @ApiCreatedResponse({ type: MonthlyInstalmentOrderResponseDto })
  @ApiErrors(
    'MONTHLY_INSTALMENT_NOT_FOUND',
    'MONTHLY_INSTALMENT_NOT_PAYABLE',
    'CAMPAIGN_NOT_FOUND',
    'CAMPAIGN_NOT_OPEN',
    'DONATION_AMOUNT_TOO_SMALL',
    'DONATION_AMOUNT_TOO_LARGE',
    'DONATION_PAYER_UNKNOWN',
    'ALUMNUS_NOT_FOUND',
    'DONATION_NOT_PAYABLE',
    'PAYMENT_NOT_CONFIGURED',
    'PAYMENT_UNAVAILABLE',
    'DONATION_PAYMENT_REFUSED',
    'PAYMENT_REJECTED',
  )
  pay(@CurrentUser() user: AuthUserDto, @Param('id', ParseUUIDPipe) id: string): Promise<MonthlyInstalmentOrderDto> {
    return this.pledges.payInstalment(user, id);
  }
}

/** Staff's 月捐 page. */
@ApiTags('giving (staff)')
@Roles('staff')
@Controller('staff/monthly-giving')
export class StaffMonthlyGivingController {
  constructor(
    private readonly reports: MonthlyReportService,
    private readonly runs: MonthlyRunsService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'A month’s 月捐: pledges, fulfilment (paid ÷ due), churn (cancelled ÷ active at the start), missed months' })
  @ApiOkResponse({ type: StaffMonthlyReportResponseDto })
  @ApiErrors('FORBIDDEN')
  report(@Query() query: MonthlyReportQueryDto): Promise<StaffMonthlyReportDto> {
    return this.reports.report(query.month);
  }

  @Post('run')
  @HttpCode(200)
  @ApiOperation({ summary: 'Demo only: run the monthly job now, optionally with another clock (to show the next month)' })
  @ApiOkResponse({ type: MonthlyRunResponseDto })
  @ApiErrors('MONTHLY_RUN_UNAVAILABLE', 'FORBIDDEN')
  run(@Body() dto: MonthlyRunDto): Promise<MonthlyRunOutcome> {
    return this.runs.runForDemo(dto.at === undefined ? undefined : new Date(dto.at));
  }
}
