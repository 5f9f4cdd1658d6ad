import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthUserDto, ClaimDto, ClaimStatsDto, Page, StaffClaimDto } from '@alumni/shared';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import { ApiErrors } from '../common/api-errors.decorator.js';
import { RateLimit } from '../common/rate-limit/rate-limits.js';
import { PageQueryDto } from '../common/pagination.js';
import { ApproveClaimDto, CreateClaimDto, RejectClaimDto, StaffClaimsQueryDto } from './dto/claim-request.dto.js';
import { ClaimPageResponseDto, ClaimResponseDto, ClaimStatsResponseDto, StaffClaimPageResponseDto } from './dto/claim-response.dto.js';
import { VerificationService } from './verification.service.js';

@ApiTags('verification')
@Controller('me/claims')
export class ClaimsController {
  constructor(private readonly verification: VerificationService) {}

  @Post()
  @RateLimit('verification')
  @ApiOperation({ summary: 'Claim a roster entry: verified at once on a unique match, otherwise queued for staff' })
  @ApiCreatedResponse({ type: ClaimResponseDto })
  @ApiErrors(
    'CLAIM_IDENTIFIER_REQUIRED',
    'DEPARTMENT_NOT_FOUND',
    'CLAIM_ALREADY_VERIFIED',
    'CLAIM_RATE_LIMITED',
    'CONSENT_REQUIRED',
    'ALUMNUS_NOT_FOUND',
  )
  create(@CurrentUser() user: AuthUserDto, @Body() dto: CreateClaimDto): Promise<ClaimDto> {
    return this.verification.createClaim(user, dto);
  }

  @Get()
  @ApiOperation({ summary: 'My claims and their outcomes, newest first' })
  @ApiOkResponse({ type: ClaimPageResponseDto })
  @ApiErrors('INVALID_CURSOR')
  listMine(@CurrentUser() user: AuthUserDto, @Query() query: PageQueryDto): Promise<Page<ClaimDto>> {
    return this.verification.listMine(user, query);
  }

  @Post(':id/evidence')
  @HttpCode(200)
  @ApiOperation({ summary: 'Attach a photo of a diploma or student card (JPEG, PNG or WebP, at most 2 MB) to my pending claim' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiOkResponse({ type: ClaimResponseDto })
  @ApiErrors(
    'UPLOAD_FILE_MISSING',
    'UPLOAD_TOO_LARGE',
    'UPLOAD_TYPE_UNSUPPORTED',
    'UNSUPPORTED_MEDIA_TYPE',
    'CLAIM_NOT_FOUND',
    'CLAIM_NOT_PENDING',
    'CONSENT_REQUIRED',
  )
  attachEvidence(
    @CurrentUser() user: AuthUserDto,
    @Param('id', ParseUUIDPipe) id: string,
    @Req() request: FastifyRequest,
  ): Promise<ClaimDto> {
    return this.verification.attachEvidence(user, id, request);
  }
}

@ApiTags('verification')
@Roles('staff')
@Controller('staff/claims')
export class StaffClaimsController {
  constructor(private readonly verification: VerificationService) {}

  @Get()
  @ApiOperation({
    summary: 'The review queue: claims of one status (pending by default), oldest first, with waiting time and candidate roster entries',
  })
  @ApiOkResponse({ type: StaffClaimPageResponseDto })
  @ApiErrors('INVALID_CURSOR', 'FORBIDDEN')
  list(@Query() query: StaffClaimsQueryDto): Promise<Page<StaffClaimDto>> {
    return this.verification.listForStaff(query.status, query);
  }

  @Get('stats')
  @ApiOperation({ summary: 'Pending count and the median time from claim to verified over the last 30 days' })
  @ApiOkResponse({ type: ClaimStatsResponseDto })
  @ApiErrors('FORBIDDEN')
  stats(): Promise<ClaimStatsDto> {
    return this.verification.stats();
  }

  @Get(':id/evidence')
  @ApiOperation({ summary: 'The evidence photo of a claim' })
  @ApiProduces('image/jpeg', 'image/png', 'image/webp')
  @ApiErrors('CLAIM_NOT_FOUND', 'CLAIM_EVIDENCE_NOT_FOUND', 'FORBIDDEN')
  async evidence(@Param('id', ParseUUIDPipe) id: string, @Res() reply: FastifyReply): Promise<void> {
    const object = await this.verification.evidence(id);
    await reply.header('content-type', object.contentType).header('cache-control', 'private, no-store').send(object.body);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @ApiOperation({ summary: 'Verify the claimant, with the chosen roster entry or without one' })
  @ApiOkResponse({ type: ClaimResponseDto })
  @ApiErrors(
    'CLAIM_NOT_FOUND',
    'CLAIM_NOT_PENDING',
    'CLAIM_ALREADY_VERIFIED',
    'ROSTER_ENTRY_NOT_FOUND',
    'ROSTER_ENTRY_ALREADY_CLAIMED',
    'ALUMNUS_NOT_FOUND',
    'FORBIDDEN',
  )
  approve(@CurrentUser() user: AuthUserDto, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ApproveClaimDto): Promise<ClaimDto> {
    return this.verification.approve(user, id, dto);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @ApiOperation({ summary: 'Refuse the claim with a reason the alumnus sees' })
  @ApiOkResponse({ type: ClaimResponseDto })
  @ApiErrors('CLAIM_NOT_FOUND', 'CLAIM_NOT_PENDING', 'FORBIDDEN')
  reject(@CurrentUser() user: AuthUserDto, @Param('id', ParseUUIDPipe) id: string, @Body() dto: RejectClaimDto): Promise<ClaimDto> {
    return this.verification.reject(user, id, dto);
  }
}
