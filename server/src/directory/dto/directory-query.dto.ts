import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { type DirectoryQuery, PROFILE_LIMITS } from '@alumni/shared';
import { PageQueryDto } from '../../common/pagination.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** A text filter: trimmed, and an empty one is refused rather than matching everyone. */
const textFilter = (maxLength: number, description: string) => (target: object, property: string) => {
  ApiPropertyOptional({ maxLength, description })(target, property);
  Transform(trim)(target, property);
  IsOptional()(target, property);
  IsString()(target, property);
  IsNotEmpty()(target, property);
  MaxLength(maxLength)(target, property);
};

export class DirectoryQueryDto extends PageQueryDto implements DirectoryQuery {
  @textFilter(
    PROFILE_LIMITS.realName,
    'Any part of the display or real name: 张, 伟 or 张伟 finds 张伟 (the real name only where the searcher may see it)',
  )
  q?: string;

  @ApiPropertyOptional({ example: 2012 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(PROFILE_LIMITS.minGraduationYear)
  @Max(2100)
  graduationYear?: number;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  departmentId?: string;

  @textFilter(PROFILE_LIMITS.className, 'Exact class name') className?: string;
  @textFilter(PROFILE_LIMITS.city, 'Exact city') city?: string;
  @textFilter(PROFILE_LIMITS.industry, 'Exact industry') industry?: string;
}
