import { ApiProperty } from '@nestjs/swagger';
import type { DepartmentDto, SchoolDto } from '@alumni/shared';

export class DepartmentResponseDto implements DepartmentDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: '计算机科学与技术学院' })
  name: string;
}

class SchoolStatsDto {
  @ApiProperty({ description: 'Alumni the association keeps records of' })
  alumni: number;

  @ApiProperty()
  groups: number;
}

export class SchoolResponseDto implements SchoolDto {
  @ApiProperty({ example: '江州学院' })
  name: string;

  @ApiProperty({ example: '江院' })
  shortName: string;

  @ApiProperty({ type: String, nullable: true })
  motto: string | null;

  @ApiProperty()
  intro: string;

  @ApiProperty({ type: String, nullable: true })
  logoUrl: string | null;

  @ApiProperty({ type: Number, nullable: true })
  foundedYear: number | null;

  @ApiProperty()
  city: string;

  @ApiProperty({ type: [DepartmentResponseDto] })
  departments: DepartmentResponseDto[];

  @ApiProperty({ type: SchoolStatsDto })
  stats: SchoolStatsDto;
}
