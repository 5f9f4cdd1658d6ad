import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthUserDto, DonationReceiptDto, StaffDonationReceiptDto } from '@alumni/shared';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import { ApiErrors } from '../common/api-errors.decorator.js';
import { contentDisposition, sendSpreadsheet } from '../common/spreadsheet.js';
import {
  CreateReceiptDto,
  DonationReceiptResponseDto,
  IssueReceiptDto,
  ReceiptExportQueryDto,
  ReceiptQueueQueryDto,
  StaffDonationReceiptResponseDto,
  VoidReceiptDto,
} from './dto/receipt.dto.js';
import { ReceiptsService } from './receipts.service.js';

/** A donor's receipts (公益事业捐赠票据): docs/giving.md, Receipts. */
@ApiTags('giving')
@Controller('me/receipts')
export class MyReceiptsController {
  constructor(private readonly receipts: ReceiptsService) {}

  @Post()
  @ApiOperation({ summary: 'Ask for a receipt for one or several of my paid gifts; the ID or tax number is stored encrypted' })
  @ApiCreatedResponse({ type: DonationReceiptResponseDto })
  @ApiErrors('RECEIPT_GIFTS_INVALID', 'RECEIPT_ALREADY_REQUESTED', 'RECEIPT_TAX_ID_INVALID', 'VALIDATION_FAILED')
  request(@CurrentUser() user: AuthUserDto, @Body() dto: CreateReceiptDto): Promise<DonationReceiptDto> {
    return this.receipts.request(user, dto);
  }

  @Get()
  @ApiOperation({ summary: 'My receipt requests, newest first, the tax number masked' })
  @ApiOkResponse({ type: [DonationReceiptResponseDto] })
  mine(@CurrentUser() user: AuthUserDto): Promise<DonationReceiptDto[]> {
    return this.receipts.mine(user);
  }

  @Get(':id/file')
  @ApiOperation({ summary: 'Download my issued e-receipt' })
  @ApiProduces('application/pdf', 'image/jpeg', 'image/png', 'image/webp')
  @ApiErrors('RECEIPT_NOT_FOUND', 'RECEIPT_NOT_ISSUED', 'RECEIPT_VOIDED')
  async download(@CurrentUser() user: AuthUserDto, @Param('id', ParseUUIDPipe) id: string, @Res() reply: FastifyReply): Promise<void> {
    const file = await this.receipts.download(user, id);
    await reply
      .header('content-type', file.contentType)
      .header('content-disposition', contentDisposition(file.name))
      .header('cache-control', 'private, no-store')
      .header('x-content-type-options', 'nosniff')
      .send(file.body);
  }
}

@ApiTags('giving (staff)')
@Roles('staff')
@Controller('staff/receipts')
export class StaffReceiptsController {
  constructor(private readonly receipts: ReceiptsService) {}

  @Get()
  @ApiOperation({ summary: 'The receipt queue: waiting requests first, oldest first (the tax number in full)' })
  @ApiOkResponse({ type: [StaffDonationReceiptResponseDto] })
  @ApiErrors('VALIDATION_FAILED', 'FORBIDDEN')
  queue(@Query() query: ReceiptQueueQueryDto): Promise<StaffDonationReceiptDto[]> {
    return this.receipts.queue(query.status);
  }

  @Get('export')
  @ApiOperation({ summary: 'Every receipt for the finance office, CSV (UTF-8 with BOM) or XLSX' })
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiErrors('VALIDATION_FAILED', 'FORBIDDEN')
  async export(@Query() query: ReceiptExportQueryDto, @Res() reply: FastifyReply): Promise<void> {
    await sendSpreadsheet(reply, await this.receipts.exportForFinance(query.format));
  }

  // POST, as wx.uploadFile sends it.
  @Post(':id/file')
  @ApiOperation({
    summary: 'Attach the e-receipt (PDF, JPEG, PNG or WebP, at most 5 MB), multipart field `file`; replaces an earlier one (audited)',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiCreatedResponse({ type: StaffDonationReceiptResponseDto })
  @ApiErrors(
    'RECEIPT_NOT_FOUND',
    'RECEIPT_STATE_CONFLICT',
    'UPLOAD_FILE_MISSING',
    'UPLOAD_TOO_LARGE',
    'UPLOAD_TYPE_UNSUPPORTED',
    'UNSUPPORTED_MEDIA_TYPE',
    'FORBIDDEN',
  )
  attach(
    @CurrentUser() user: AuthUserDto,
    @Param('id', ParseUUIDPipe) id: string,
    @Req() request: FastifyRequest,
  ): Promise<StaffDonationReceiptDto> {
    return this.receipts.attachFile(user, id, request);
  }

  @Post(':id/issue')
  @ApiOperation({ summary: 'Record the receipt number: issued, and the donor told (audited)' })
  @ApiCreatedResponse({ type: StaffDonationReceiptResponseDto })
  @ApiErrors('RECEIPT_NOT_FOUND', 'RECEIPT_STATE_CONFLICT', 'RECEIPT_FILE_MISSING', 'RECEIPT_NO_TAKEN', 'VALIDATION_FAILED', 'FORBIDDEN')
  issue(
    @CurrentUser() user: AuthUserDto,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: IssueReceiptDto,
  ): Promise<StaffDonationReceiptDto> {
    return this.receipts.issue(user, id, dto);
  }

  @Post(':id/void')
  @ApiOperation({
    summary:
      'Record that an issued receipt was voided (作废) or reversed (红冲) in the finance system: its gifts released, the donor told (audited)',
  })
  @ApiCreatedResponse({ type: StaffDonationReceiptResponseDto })
  @ApiErrors('RECEIPT_NOT_FOUND', 'RECEIPT_NOT_VOIDABLE', 'VALIDATION_FAILED', 'FORBIDDEN')
  void(
    @CurrentUser() user: AuthUserDto,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: VoidReceiptDto,
  ): Promise<StaffDonationReceiptDto> {
    return this.receipts.void(user, id, dto);
  }
}
