import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type {
  AuthUserDto,
  DisbursementDto,
  DonationCertificateDto,
  DonationDto,
  DonationOrderDto,
  MyDonationDto,
  Page,
} from '@alumni/shared';
import { PageQueryDto } from '../common/pagination.js';
import { CurrentUser } from '../auth/auth.decorators.js';
import { ApiErrors } from '../common/api-errors.decorator.js';
import { RateLimit } from '../common/rate-limit/rate-limits.js';
import { DisbursementsService } from './disbursements.service.js';
import { DonationRecordsService } from './donation-records.service.js';
import { DisbursementPageResponseDto } from './dto/disbursement.dto.js';
import { DonationsService } from './donations.service.js';
import { DonationCertificateResponseDto, MyDonationPageResponseDto } from './dto/donation-records.dto.js';
import { CreateDonationDto } from './dto/donation-request.dto.js';
import { DonationOrderResponseDto, DonationResponseDto } from './dto/donation-response.dto.js';

@ApiTags('giving')
@Controller()
export class DonationsController {
  constructor(
    private readonly donations: DonationsService,
    private readonly records: DonationRecordsService,
    private readonly disbursements: DisbursementsService,
  ) {}

  @Get('me/giving/disbursements')
  @ApiOperation({ summary: 'What my money did: fund-use entries of every campaign I gave to, newest first' })
  @ApiOkResponse({ type: DisbursementPageResponseDto })
  @ApiErrors('INVALID_CURSOR')
  myDisbursements(@CurrentUser() user: AuthUserDto, @Query() query: PageQueryDto): Promise<Page<DisbursementDto>> {
    return this.disbursements.mine(user, query);
  }

  @Get('me/donations')
  @ApiOperation({ summary: 'My giving: my gifts newest first, with their campaigns, certificates and refunds' })
  @ApiOkResponse({ type: MyDonationPageResponseDto })
  @ApiErrors('INVALID_CURSOR')
  listMine(@CurrentUser() user: AuthUserDto, @Query() query: PageQueryDto): Promise<Page<MyDonationDto>> {
    return this.records.listMine(user, query);
  }

  @Post('campaigns/:id/donations')
  @RateLimit('donation')
  @ApiOperation({
    summary:
      'Order a gift: an amount or units; answers the order and the wx.requestPayment parameters (a repeat with the same key: the same order)',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A retried request with the same key gets the same order' })
  @ApiCreatedResponse({ type: DonationOrderResponseDto })
  @ApiErrors(
    'CAMPAIGN_NOT_FOUND',
    'CAMPAIGN_NOT_OPEN',
    'DONATION_AMOUNT_REQUIRED',
    'DONATION_AMOUNT_TOO_SMALL',
    'DONATION_AMOUNT_TOO_LARGE',
    'DONATION_UNITS_NOT_OFFERED',
    'DONATION_PAYER_UNKNOWN',
    'ALUMNUS_NOT_FOUND',
    'IDEMPOTENCY_KEY_INVALID',
    'IDEMPOTENCY_KEY_REUSED',
    'DONATION_NOT_PAYABLE',
    'PAYMENT_NOT_CONFIGURED',
    'PAYMENT_UNAVAILABLE',
    'DONATION_PAYMENT_REFUSED',
    'PAYMENT_REJECTED',
  )
  async create(
    @CurrentUser() user: AuthUserDto,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CreateDonationDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<DonationOrderDto> {
    const { status, body } = await this.donations.create(user, id, dto, idempotencyKey);
    void reply.status(status);
    return body;
  }

  @Get('donations/:id')
  @ApiOperation({ summary: 'My gift; poll it after wx.requestPayment — a pending one is checked with WeChat Pay' })
  @ApiOkResponse({ type: DonationResponseDto })
  @ApiErrors('DONATION_NOT_FOUND')
  get(@CurrentUser() user: AuthUserDto, @Param('id', ParseUUIDPipe) id: string): Promise<DonationDto> {
    return this.donations.getMine(user, id);
  }

  @Post('donations/:id/simulate-payment')
  @HttpCode(202)
  @ApiOperation({ summary: 'Development and demo only: the local WeChat Pay fake pays my order and notifies, as the payment sheet would' })
  @ApiAcceptedResponse({ type: DonationResponseDto, description: 'Paid at the fake; poll the donation until it is paid' })
  @ApiErrors('PAYMENT_SIMULATION_UNAVAILABLE', 'DONATION_NOT_FOUND', 'DONATION_NOT_PAYABLE')
  simulatePayment(@CurrentUser() user: AuthUserDto, @Param('id', ParseUUIDPipe) id: string): Promise<DonationDto> {
    return this.donations.simulatePayment(user, id);
  }

  @Get('donations/:id/certificate')
  @ApiOperation({ summary: 'What my paid gift’s certificate shows (number, name, campaign, amount, tree numbers), for the client to draw' })
  @ApiOkResponse({ type: DonationCertificateResponseDto })
  @ApiErrors('DONATION_NOT_FOUND', 'CERTIFICATE_NOT_ISSUED', 'ALUMNUS_NOT_FOUND')
  certificate(@CurrentUser() user: AuthUserDto, @Param('id', ParseUUIDPipe) id: string): Promise<DonationCertificateDto> {
    return this.records.certificate(user, id);
  }
}
