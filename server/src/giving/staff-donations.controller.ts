import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthUserDto, DonationRefundDto, Page, StaffDonationDto, StaffDonationRefundDto } from '@alumni/shared';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import { ApiErrors } from '../common/api-errors.decorator.js';
import { sendSpreadsheet } from '../common/spreadsheet.js';
import { DonationRecordsService } from './donation-records.service.js';
import { ExportDonationsQueryDto } from './dto/donation-records.dto.js';
import { ApplyAbnormalRefundDto, CreateRefundDto, DonationRefundResponseDto, StaffDonationRefundResponseDto } from './dto/refund.dto.js';
import { ListStaffDonationsQueryDto, StaffDonationPageResponseDto } from './dto/staff-donations.dto.js';
import { RefundsService } from './refunds.service.js';
import { StaffDonationsService } from './staff-donations.service.js';

@ApiTags('giving (staff)')
@Controller('staff/donations')
export class StaffDonationsController {
  constructor(
    private readonly refunds: RefundsService,
    private readonly records: DonationRecordsService,
    private readonly donations: StaffDonationsService,
  ) {}

  @Get()
  @Roles('staff')
  @ApiOperation({
    summary:
      'Paid and refunded gifts, latest payment first, by campaign, period (Beijing days), status or donor; with what is left to refund',
  })
  @ApiOkResponse({ type: StaffDonationPageResponseDto })
  @ApiErrors('VALIDATION_FAILED', 'INVALID_CURSOR', 'FORBIDDEN')
  list(@Query() query: ListStaffDonationsQueryDto): Promise<Page<StaffDonationDto>> {
    return this.donations.list(query);
  }

  @Get('export')
  @Roles('staff')
  @ApiOperation({
    summary: 'Finance export: paid and refunded gifts of a period (Beijing days), of one campaign or all, CSV (UTF-8 with BOM) or XLSX',
  })
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiErrors('VALIDATION_FAILED', 'FORBIDDEN')
  async export(@Query() query: ExportDonationsQueryDto, @Res() reply: FastifyReply): Promise<void> {
    await sendSpreadsheet(reply, await this.records.exportForFinance(query));
  }

  @Post(':id/refunds')
  @Roles('admin')
  @ApiOperation({ summary: 'Refund a paid donation in full or in part (admins; audited); the outcome arrives from WeChat Pay' })
  @ApiCreatedResponse({ type: DonationRefundResponseDto })
  @ApiErrors(
    'DONATION_NOT_FOUND',
    'DONATION_NOT_REFUNDABLE',
    'REFUND_EXCEEDS_PAID',
    'REFUND_ORDER_UNKNOWN',
    'REFUND_FUNDS_INSUFFICIENT',
    'REFUND_REFUSED',
    'PAYMENT_REJECTED',
    'FORBIDDEN',
  )
  refund(
    @CurrentUser() admin: AuthUserDto,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CreateRefundDto,
  ): Promise<DonationRefundDto> {
    return this.refunds.request(admin, id, dto);
  }

  @Get(':id/refunds')
  @Roles('staff')
  @ApiOperation({ summary: "A gift's refunds, newest first, with where staff sent an abnormal one" })
  @ApiOkResponse({ type: StaffDonationRefundResponseDto, isArray: true })
  @ApiErrors('DONATION_NOT_FOUND', 'FORBIDDEN')
  listRefunds(@Param('id', ParseUUIDPipe) id: string): Promise<StaffDonationRefundDto[]> {
    return this.refunds.list(id);
  }

  @Post(':id/refunds/:refundId/abnormal')
  @Roles('admin')
  @ApiOperation({
    summary:
      "Send a refund WeChat Pay reports abnormal to the donor's debit card (number and name sent encrypted, never stored) or to the school's account (admins; audited; the donor is told)",
  })
  @ApiCreatedResponse({ type: StaffDonationRefundResponseDto })
  @ApiErrors(
    'REFUND_NOT_FOUND',
    'REFUND_NOT_ABNORMAL',
    'REFUND_REFUSED',
    'PAYMENT_UNAVAILABLE',
    'PAYMENT_REJECTED',
    'VALIDATION_FAILED',
    'FORBIDDEN',
  )
  applyAbnormal(
    @CurrentUser() admin: AuthUserDto,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('refundId', ParseUUIDPipe) refundId: string,
    @Body() dto: ApplyAbnormalRefundDto,
  ): Promise<StaffDonationRefundDto> {
    return this.refunds.applyAbnormal(admin, id, refundId, dto);
  }
}
