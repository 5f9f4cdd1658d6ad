import { ApiProperty } from '@nestjs/swagger';
import {
  DEGREES,
  type Degree,
  ROSTER_ROW_PROBLEMS,
  type RosterCommitResultDto,
  type RosterImportStatus,
  type RosterPreviewDto,
  type RosterPreviewRowDto,
  type RosterRowProblemCode,
  type RosterRowProblemDto,
} from '@alumni/shared';

class RosterProblemResponseDto {
  @ApiProperty({ enum: Object.keys(ROSTER_ROW_PROBLEMS) }) code: RosterRowProblemCode;
  @ApiProperty({ example: '毕业年份' }) column: string;
  @ApiProperty({ example: '毕业年份不是有效的四位年份' }) message: string;
}

class RosterRowProblemResponseDto implements RosterRowProblemDto {
  @ApiProperty({ example: 3 }) line: number;
  @ApiProperty({ type: String, nullable: true }) name: string | null;
  @ApiProperty({ type: String, nullable: true }) studentNumber: string | null;
  @ApiProperty({ type: [RosterProblemResponseDto] }) problems: RosterProblemResponseDto[];
}

class RosterPreviewRowResponseDto implements RosterPreviewRowDto {
  @ApiProperty() line: number;
  @ApiProperty({ example: '张伟' }) name: string;
  @ApiProperty({ example: '2012010101' }) studentNumber: string;
  @ApiProperty({ example: 2016 }) graduationYear: number;
  @ApiProperty({ example: '机械工程学院' }) departmentName: string;
  @ApiProperty({ type: String, nullable: true }) major: string | null;
  @ApiProperty({ type: String, nullable: true }) className: string | null;
  @ApiProperty({ enum: DEGREES, nullable: true }) degree: Degree | null;
}

export class RosterPreviewResponseDto implements RosterPreviewDto {
  @ApiProperty({ format: 'uuid' }) importId: string;
  @ApiProperty({ example: '2016届毕业生.xlsx' }) fileName: string;
  @ApiProperty({ enum: ['previewed', 'committed'] }) status: RosterImportStatus;
  @ApiProperty() totalRows: number;
  @ApiProperty({ description: 'Rows a commit will add' }) validRows: number;
  @ApiProperty() invalidRows: number;
  @ApiProperty() alreadyPresentRows: number;
  @ApiProperty({ type: [String] }) ignoredColumns: string[];
  @ApiProperty({ type: [RosterRowProblemResponseDto] }) problems: RosterRowProblemResponseDto[];
  @ApiProperty() problemsTruncated: boolean;
  @ApiProperty({ type: [RosterPreviewRowResponseDto] }) sample: RosterPreviewRowResponseDto[];
}

export class RosterCommitResponseDto implements RosterCommitResultDto {
  @ApiProperty({ format: 'uuid' }) importId: string;
  @ApiProperty() insertedRows: number;
  @ApiProperty() skippedRows: number;
  @ApiProperty({ format: 'date-time' }) committedAt: string;
}
