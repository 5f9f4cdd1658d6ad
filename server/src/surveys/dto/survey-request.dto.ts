import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  SURVEY_LIMITS,
  SURVEY_QUESTION_KINDS,
  type SurveyAnswer,
  type SurveyInput,
  type SurveyQuestionInput,
  type SurveyQuestionKind,
  type SurveyResponseInput,
  type SurveyRulesDto,
  type SurveyRulesInput,
} from '@alumni/shared';
import { AudienceBodyDto } from '../../audiences/dto/audience.dto.js';
import { NullableText, OneOf, OptionalText, RequiredText } from '../../common/text-fields.js';
import { SpreadsheetQueryDto } from '../../common/spreadsheet.js';

const ScaleEnd = (description: string) =>
  applyDecorators(
    ApiPropertyOptional({ type: Number, nullable: true, minimum: SURVEY_LIMITS.minScale, maximum: SURVEY_LIMITS.maxScale, description }),
    ValidateIf((_, value) => value !== undefined && value !== null),
    IsInt(),
    Min(SURVEY_LIMITS.minScale),
    Max(SURVEY_LIMITS.maxScale),
  );

export class SurveyQuestionBodyDto implements SurveyQuestionInput {
  @OneOf(SURVEY_QUESTION_KINDS) kind: SurveyQuestionKind;
  @RequiredText(SURVEY_LIMITS.questionTitle, '您对母校校友工作的总体满意度') title: string;

  @ApiProperty()
  @IsBoolean()
  required: boolean;

  @ApiPropertyOptional({ type: [String], nullable: true, maxItems: SURVEY_LIMITS.maxOptions, description: 'single and multiple choice' })
  @ValidateIf((_, value) => value !== undefined && value !== null)
  @IsArray()
  @ArrayMaxSize(SURVEY_LIMITS.maxOptions)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(SURVEY_LIMITS.optionLabel, { each: true })
  options?: string[] | null;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    minimum: 2,
    maximum: SURVEY_LIMITS.maxOptions,
    description: 'multiple choice: at most this many',
  })
  @ValidateIf((_, value) => value !== undefined && value !== null)
  @IsInt()
  @Min(2)
  @Max(SURVEY_LIMITS.maxOptions)
  maxChoices?: number | null;

  @ScaleEnd('scale: the low end (default 1)') scaleMin?: number | null;
  @ScaleEnd('scale: the high end (default 5)') scaleMax?: number | null;
  @NullableText(SURVEY_LIMITS.scaleLabel, 'scale: what the low end means') minLabel?: string | null;
  @NullableText(SURVEY_LIMITS.scaleLabel, 'scale: what the high end means') maxLabel?: string | null;
}

export class SurveyRulesBodyDto implements SurveyRulesDto {
  @ApiProperty({ description: 'valid only with every required question answered' })
  @IsBoolean()
  requireComplete: boolean;

  @ApiProperty({ minimum: 0, maximum: SURVEY_LIMITS.maxMinSeconds, description: 'valid only if not answered faster (0: no limit)' })
  @IsInt()
  @Min(0)
  @Max(SURVEY_LIMITS.maxMinSeconds)
  minSeconds: number;
}

/** PUT /staff/surveys/:id/rules. */
export class SurveyRulesInputBodyDto extends SurveyRulesBodyDto implements SurveyRulesInput {
  @ApiProperty({ minimum: 0, maximum: SURVEY_LIMITS.maxPaperIssued, description: 'paper copies handed out (added to the issued figure)' })
  @IsInt()
  @Min(0)
  @Max(SURVEY_LIMITS.maxPaperIssued)
  paperIssued: number;
}

/** POST /staff/surveys and PUT /staff/surveys/:id (a draft). */
export class SurveyBodyDto implements SurveyInput {
  @RequiredText(SURVEY_LIMITS.title, '2026 年校友发展状况调查') title: string;
  @OptionalText(SURVEY_LIMITS.intro, 'what the survey is for, how long it takes, how answers are used') intro: string = '';

  @ApiProperty({ type: [SurveyQuestionBodyDto], minItems: 1, maxItems: SURVEY_LIMITS.maxQuestions })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(SURVEY_LIMITS.maxQuestions)
  @ValidateNested({ each: true })
  @Type(() => SurveyQuestionBodyDto)
  questions: SurveyQuestionBodyDto[];

  @ApiProperty({ type: AudienceBodyDto })
  @ValidateNested()
  @Type(() => AudienceBodyDto)
  audience: AudienceBodyDto;

  @ApiProperty({ format: 'date-time', description: 'in the future, at most 180 days ahead' })
  @IsISO8601({ strict: true })
  closesAt: string;

  @ApiProperty({ type: SurveyRulesBodyDto })
  @ValidateNested()
  @Type(() => SurveyRulesBodyDto)
  rules: SurveyRulesBodyDto;

  @ApiProperty({ minimum: 0, maximum: SURVEY_LIMITS.maxPaperIssued })
  @IsInt()
  @Min(0)
  @Max(SURVEY_LIMITS.maxPaperIssued)
  paperIssued: number;
}

/** POST /surveys/:id/responses. */
export class SurveyResponseBodyDto implements SurveyResponseInput {
  @ApiProperty({
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'integer' }, { type: 'array', items: { type: 'integer' } }, { type: 'string' }] },
    example: { q1: 2, q2: [1, 3], q3: 4, q4: '希望多办行业沙龙' },
    description: 'by question key: an option number, option numbers, a scale point, or text',
  })
  @IsObject()
  answers: Record<string, SurveyAnswer>;

  @ApiProperty({ description: 'the startToken of GET /surveys/:id' })
  @IsString()
  @MaxLength(64)
  startToken: string;
}

/** GET /staff/surveys/:id/results. */
export class SurveyResultsQueryDto {
  @ApiPropertyOptional({
    maxLength: 60,
    description: 'a respondent attribute (院系, 毕业年份, 城市, or an imported column) for the columns',
  })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  by?: string;
}

/** GET /staff/surveys/:id/results/export. */
export class SurveyResultsExportQueryDto extends SpreadsheetQueryDto {
  @ApiPropertyOptional({ maxLength: 60, description: 'as for the results' })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  by?: string;
}
