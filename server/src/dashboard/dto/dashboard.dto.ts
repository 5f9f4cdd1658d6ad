import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import {
  DASHBOARD_DIMENSIONS,
  DASHBOARD_LISTS,
  type DashboardDimension,
  type DashboardGroupDto,
  type DashboardList,
  type DashboardListItemDto,
  type DashboardMonthDto,
  type DashboardSummaryDto,
  type DashboardTrendsDto,
  ENGAGEMENT_SEGMENTS,
  type EngagementSegment,
  type HeadlineFigures,
  type Page,
  type CoverageFigures,
  type CoverageGroupDto,
  type CoverageMonthDto,
  type RosterCoverageDto,
} from '@alumni/shared';
import { PageQueryDto } from '../../common/pagination.js';
import { SpreadsheetQueryDto } from '../../common/spreadsheet.js';

export class DashboardSummaryQueryDto {
  @ApiPropertyOptional({ enum: DASHBOARD_DIMENSIONS, description: 'Break every figure down by this' })
  @IsOptional()
  @IsIn(DASHBOARD_DIMENSIONS)
  by?: DashboardDimension;
}

export class DashboardCoverageQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 36, default: 12, description: 'How many calendar months, the current one last' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(36)
  months: number = 12;
}

export class DashboardTrendsQueryDto extends DashboardCoverageQueryDto {
  @ApiPropertyOptional({ example: 2012 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1900)
  @Max(2200)
  graduationYear?: number;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  departmentId?: string;

  @ApiPropertyOptional({ example: '杭州' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  city?: string;
}

export class DashboardListParamsDto {
  @ApiProperty({ enum: DASHBOARD_LISTS })
  @IsIn(DASHBOARD_LISTS)
  list: DashboardList;
}

export class DashboardListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 20, default: 5, description: 'top-engaged only: how many per city' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(20)
  perCity: number = 5;
}

export class DashboardExportQueryDto extends IntersectionType(DashboardListQueryDto, SpreadsheetQueryDto) {}

class SegmentCountsResponseDto implements Record<EngagementSegment, number> {
  @ApiProperty() uncontacted: number;
  @ApiProperty() contacted: number;
  @ApiProperty() participating: number;
  @ApiProperty() core: number;
}

export class HeadlineFiguresResponseDto implements HeadlineFigures {
  @ApiProperty() alumni: number;
  @ApiProperty() signedIn: number;
  @ApiProperty() verified: number;
  @ApiProperty() withCurrentContact: number;
  @ApiProperty({ example: 54.2 }) contactCoveragePercent: number;
  @ApiProperty() engaged12Months: number;
  @ApiProperty() donorsThisYear: number;
  @ApiProperty({ description: 'fen' }) raisedThisYearFen: number;
  @ApiProperty({ type: SegmentCountsResponseDto }) segments: SegmentCountsResponseDto;
}

export class DashboardGroupResponseDto implements DashboardGroupDto {
  @ApiProperty({ type: String, nullable: true }) key: string | null;
  @ApiProperty({ example: '2012届' }) label: string;
  @ApiProperty({ type: HeadlineFiguresResponseDto }) figures: HeadlineFiguresResponseDto;
}

export class DashboardSummaryResponseDto implements DashboardSummaryDto {
  @ApiProperty({ format: 'date-time' }) asOf: string;
  @ApiProperty({ type: HeadlineFiguresResponseDto }) totals: HeadlineFiguresResponseDto;
  @ApiProperty({ enum: DASHBOARD_DIMENSIONS, nullable: true }) by: DashboardDimension | null;
  @ApiProperty({ type: [DashboardGroupResponseDto] }) groups: DashboardGroupResponseDto[];
}

export class DashboardMonthResponseDto implements DashboardMonthDto {
  @ApiProperty({ example: '2026-11' }) month: string;
  @ApiProperty() signedUp: number;
  @ApiProperty() verified: number;
  @ApiProperty() engaged: number;
  @ApiProperty() donors: number;
  @ApiProperty() raisedFen: number;
}

export class DashboardTrendsResponseDto implements DashboardTrendsDto {
  @ApiProperty({ type: [DashboardMonthResponseDto] }) months: DashboardMonthResponseDto[];
}

export class DashboardListItemResponseDto implements DashboardListItemDto {
  @ApiProperty({ format: 'uuid' }) alumnusId: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ type: String, nullable: true }) realName: string | null;
  @ApiProperty({ type: Number, nullable: true }) graduationYear: number | null;
  @ApiProperty({ type: String, nullable: true }) department: string | null;
  @ApiProperty({ type: String, nullable: true }) city: string | null;
  @ApiProperty() score: number;
  @ApiProperty({ enum: ENGAGEMENT_SEGMENTS }) segment: EngagementSegment;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) contactUpdatedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastDonationAt: string | null;
  @ApiProperty() donatedFen: number;
}

export class DashboardListPageResponseDto implements Page<DashboardListItemDto> {
  @ApiProperty({ type: [DashboardListItemResponseDto] }) items: DashboardListItemResponseDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

class CoverageFiguresResponseDto implements CoverageFigures {
  @ApiProperty({ description: 'Graduates on the rosters' }) graduates: number;
  @ApiProperty({ description: 'Roster entries a verified account holds' }) reached: number;
  @ApiProperty({ example: 38.5, description: 'reached / graduates, 0–100, one decimal' }) percent: number;
}

export class CoverageGroupResponseDto extends CoverageFiguresResponseDto implements CoverageGroupDto {
  @ApiProperty({ description: 'Department id, or the graduation year' }) key: string;
  @ApiProperty({ example: '2016届' }) label: string;
}

export class CoverageMonthResponseDto extends CoverageFiguresResponseDto implements CoverageMonthDto {
  @ApiProperty({ example: '2026-11' }) month: string;
}

export class DashboardCoverageResponseDto implements RosterCoverageDto {
  @ApiProperty({ format: 'date-time' }) asOf: string;
  @ApiProperty({ type: CoverageFiguresResponseDto }) totals: CoverageFiguresResponseDto;
  @ApiProperty({ type: [CoverageGroupResponseDto] }) byDepartment: CoverageGroupResponseDto[];
  @ApiProperty({ type: [CoverageGroupResponseDto] }) byYear: CoverageGroupResponseDto[];
  @ApiProperty({ type: [CoverageMonthResponseDto] }) months: CoverageMonthResponseDto[];
}
