import { ApiProperty } from '@nestjs/swagger';
import {
  type MySurveyDto,
  type Page,
  SURVEY_QUESTION_KINDS,
  SURVEY_STATUSES,
  type SurveyCellDto,
  type SurveyColumnDto,
  type SurveyCountsDto,
  type SurveyDto,
  type SurveyForRespondentDto,
  type SurveyImportCommitDto,
  type SurveyImportPreviewDto,
  type SurveyImportProblemDto,
  type SurveyQuestionDto,
  type SurveyQuestionKind,
  type SurveyQuestionResultDto,
  type SurveyReceiptDto,
  type SurveyResultsDto,
  type SurveyRulesDto,
  type SurveyStatus,
  type SurveySummaryDto,
} from '@alumni/shared';
import { AudienceResponseDto } from '../../audiences/dto/audience.dto.js';
import { SurveyRulesBodyDto } from './survey-request.dto.js';

class SurveyQuestionResponseDto implements SurveyQuestionDto {
  @ApiProperty({ example: 'q1' }) key: string;
  @ApiProperty() number: number;
  @ApiProperty({ enum: SURVEY_QUESTION_KINDS }) kind: SurveyQuestionKind;
  @ApiProperty() title: string;
  @ApiProperty() required: boolean;
  @ApiProperty({ type: [String] }) options: string[];
  @ApiProperty({ type: Number, nullable: true }) maxChoices: number | null;
  @ApiProperty({ type: Number, nullable: true }) scaleMin: number | null;
  @ApiProperty({ type: Number, nullable: true }) scaleMax: number | null;
  @ApiProperty({ type: String, nullable: true }) minLabel: string | null;
  @ApiProperty({ type: String, nullable: true }) maxLabel: string | null;
}

class SurveyCountsResponseDto implements SurveyCountsDto {
  @ApiProperty({ description: 'online (the audience when sent) + paper' }) issued: number;
  @ApiProperty() issuedOnline: number;
  @ApiProperty() paperIssued: number;
  @ApiProperty() returned: number;
  @ApiProperty() returnedOnline: number;
  @ApiProperty() returnedImported: number;
  @ApiProperty() valid: number;
  @ApiProperty({ type: Number, nullable: true, description: 'returned ÷ issued, whole percent' }) returnRate: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'valid ÷ returned, whole percent' }) validityRate: number | null;
  @ApiProperty() incomplete: number;
  @ApiProperty() tooFast: number;
}

export class SurveySummaryResponseDto implements SurveySummaryDto {
  @ApiProperty() id: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: SURVEY_STATUSES }) status: SurveyStatus;
  @ApiProperty({ format: 'date-time' }) closesAt: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) openedAt: string | null;
  @ApiProperty() audienceLabel: string;
  @ApiProperty({ type: SurveyCountsResponseDto }) counts: SurveyCountsDto;
}

export class SurveyResponseDto extends SurveySummaryResponseDto implements SurveyDto {
  @ApiProperty() intro: string;
  @ApiProperty({ type: [SurveyQuestionResponseDto] }) questions: SurveyQuestionDto[];
  @ApiProperty({ type: AudienceResponseDto }) audience: AudienceResponseDto;
  @ApiProperty({ type: SurveyRulesBodyDto }) rules: SurveyRulesDto;
  @ApiProperty() paperIssued: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class SurveySummaryPageResponseDto implements Page<SurveySummaryDto> {
  @ApiProperty({ type: [SurveySummaryResponseDto] }) items: SurveySummaryDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class SurveyForRespondentResponseDto implements SurveyForRespondentDto {
  @ApiProperty() id: string;
  @ApiProperty() title: string;
  @ApiProperty() intro: string;
  @ApiProperty({ enum: SURVEY_STATUSES }) status: SurveyStatus;
  @ApiProperty({ format: 'date-time' }) closesAt: string;
  @ApiProperty({ type: [SurveyQuestionResponseDto] }) questions: SurveyQuestionDto[];
  @ApiProperty() answered: boolean;
  @ApiProperty({ type: String, nullable: true }) blockedReason: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'hand back with the answers' }) startToken: string | null;
}

export class SurveyReceiptResponseDto implements SurveyReceiptDto {
  @ApiProperty() surveyId: string;
  @ApiProperty({ format: 'date-time' }) submittedAt: string;
}

export class MySurveyResponseDto implements MySurveyDto {
  @ApiProperty() id: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: SURVEY_STATUSES }) status: SurveyStatus;
  @ApiProperty({ format: 'date-time' }) closesAt: string;
  @ApiProperty() answered: boolean;
  @ApiProperty() questionCount: number;
}

class SurveyColumnResponseDto implements SurveyColumnDto {
  @ApiProperty({ type: String, nullable: true }) value: string | null;
  @ApiProperty() label: string;
  @ApiProperty() respondents: number;
}

class SurveyCellResponseDto implements SurveyCellDto {
  @ApiProperty() count: number;
  @ApiProperty({ type: Number, nullable: true }) percent: number | null;
  @ApiProperty({ type: Number, nullable: true }) percentOfChoices: number | null;
}

class SurveyRowResponseDto {
  @ApiProperty() label: string;
  @ApiProperty({ type: [SurveyCellResponseDto] }) cells: SurveyCellDto[];
}

class SurveyQuestionResultResponseDto implements SurveyQuestionResultDto {
  @ApiProperty() key: string;
  @ApiProperty() number: number;
  @ApiProperty({ enum: SURVEY_QUESTION_KINDS }) kind: SurveyQuestionKind;
  @ApiProperty() title: string;
  @ApiProperty({ type: [Number] }) answered: number[];
  @ApiProperty({ type: [Number], nullable: true }) choices: number[] | null;
  @ApiProperty({ type: [SurveyRowResponseDto] }) rows: { label: string; cells: SurveyCellDto[] }[];
  @ApiProperty({ type: [Number], nullable: true }) means: (number | null)[] | null;
  @ApiProperty({ type: [String], nullable: true }) texts: string[] | null;
}

export class SurveyResultsResponseDto implements SurveyResultsDto {
  @ApiProperty() surveyId: string;
  @ApiProperty({ type: String, nullable: true }) by: string | null;
  @ApiProperty({ type: [String] }) attributes: string[];
  @ApiProperty({ type: [SurveyColumnResponseDto] }) columns: SurveyColumnDto[];
  @ApiProperty({ type: [SurveyQuestionResultResponseDto] }) questions: SurveyQuestionResultDto[];
  @ApiProperty({ type: SurveyCountsResponseDto }) counts: SurveyCountsDto;
}

class ImportProblemItemDto {
  @ApiProperty() column: string;
  @ApiProperty() message: string;
}

class ImportProblemResponseDto implements SurveyImportProblemDto {
  @ApiProperty() line: number;
  @ApiProperty({ type: [ImportProblemItemDto] }) problems: { column: string; message: string }[];
}

class ImportQuestionColumnDto {
  @ApiProperty() header: string;
  @ApiProperty() questionKey: string;
  @ApiProperty() number: number;
}

class ImportAttributeColumnDto {
  @ApiProperty() header: string;
  @ApiProperty() attribute: string;
}

class ImportSampleDto {
  @ApiProperty() line: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) answers: Record<string, string>;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) attributes: Record<string, string>;
}

export class SurveyImportPreviewResponseDto implements SurveyImportPreviewDto {
  @ApiProperty() importId: string;
  @ApiProperty() fileName: string;
  @ApiProperty() totalRows: number;
  @ApiProperty({ description: 'rows with an unreadable value: while there is one, commit is refused' }) problemRows: number;
  @ApiProperty({ description: 'readable rows missing a required answer: returned, not valid' }) incompleteRows: number;
  @ApiProperty({ type: [ImportProblemResponseDto] }) problems: SurveyImportProblemDto[];
  @ApiProperty({ type: [ImportQuestionColumnDto] }) questionColumns: { header: string; questionKey: string; number: number }[];
  @ApiProperty({ type: [ImportAttributeColumnDto] }) attributeColumns: { header: string; attribute: string }[];
  @ApiProperty({ type: [Number] }) unansweredQuestions: number[];
  @ApiProperty({ type: [String] }) ignoredColumns: string[];
  @ApiProperty({ type: [ImportSampleDto] }) sample: { line: number; answers: Record<string, string>; attributes: Record<string, string> }[];
}

export class SurveyImportCommitResponseDto implements SurveyImportCommitDto {
  @ApiProperty() importId: string;
  @ApiProperty() insertedRows: number;
  @ApiProperty({ type: SurveyCountsResponseDto }) counts: SurveyCountsDto;
}
