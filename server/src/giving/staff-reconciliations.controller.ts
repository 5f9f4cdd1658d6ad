import { Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { Page, ReconciliationDto } from '@alumni/shared';
import { Roles } from '../auth/auth.decorators.js';
import { ApiErrors } from '../common/api-errors.decorator.js';
import { AppError } from '../common/app-error.js';
import { PageQueryDto } from '../common/pagination.js';
import { ReconciliationService } from './reconciliation.service.js';

class ReconciliationDifferenceResponseDto {
  @ApiProperty({ enum: ['missing_here', 'missing_there', 'amount_differs'] })
  kind: string;

  @ApiProperty()
  outTradeNo: string;

  @ApiProperty({ type: Number, nullable: true })
  ourFen: number | null;

  @ApiProperty({ type: Number, nullable: true })
  billFen: number | null;
}

class ReconciliationResponseDto {
  @ApiProperty({ example: '2026-11-28' })
  billDate: string;

  @ApiProperty({ enum: ['matched', 'differences'] })
  status: string;

  @ApiProperty({ type: [ReconciliationDifferenceResponseDto] })
  differences: ReconciliationDifferenceResponseDto[];

  @ApiProperty()
  ourCount: number;

  @ApiProperty()
  ourFen: number;

  @ApiProperty()
  billCount: number;

  @ApiProperty()
  billFen: number;

  @ApiProperty({ format: 'date-time' })
  checkedAt: string;
}

class ReconciliationPageResponseDto {
  @ApiProperty({ type: [ReconciliationResponseDto] })
  items: ReconciliationResponseDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}

@ApiTags('giving (staff)')
@Roles('staff')
@Controller('staff/giving/reconciliations')
export class StaffReconciliationsController {
  constructor(private readonly reconciliation: ReconciliationService) {}

  @Get()
  @ApiOperation({ summary: 'Days checked against the WeChat Pay trade bill, latest first, with their differences' })
  @ApiOkResponse({ type: ReconciliationPageResponseDto })
  @ApiErrors('INVALID_CURSOR', 'FORBIDDEN')
  list(@Query() query: PageQueryDto): Promise<Page<ReconciliationDto>> {
    return this.reconciliation.list(query);
  }

  @Post(':date')
  @ApiOperation({ summary: 'Check one Beijing day now (the daily job checks yesterday at 11:30); differences are listed, never fixed' })
  @ApiParam({ name: 'date', example: '2026-11-28' })
  @ApiOkResponse({ type: ReconciliationResponseDto })
  @ApiErrors('VALIDATION_FAILED', 'PAYMENT_NOT_CONFIGURED', 'PAYMENT_UNAVAILABLE', 'FORBIDDEN')
  run(@Param('date') date: string): Promise<ReconciliationDto> {
    if (!/^\d{4}-\d\d-\d\d$/.test(date) || Number.isNaN(Date.parse(date)))
      throw new AppError('VALIDATION_FAILED', [{ field: 'date', issue: 'must be a day like 2026-11-28' }]);
    return this.reconciliation.reconcile(date);
  }
}
