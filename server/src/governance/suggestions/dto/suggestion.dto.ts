import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import {
  GOVERNANCE_LIMITS,
  type Page,
  SUGGESTION_CATEGORIES,
  SUGGESTION_STAGES,
  SUGGESTION_STATUSES,
  SUGGESTION_STEPS,
  type SuggestionCategory,
  type SuggestionDto,
  type SuggestionHistoryDto,
  type SuggestionInput,
  type SuggestionStage,
  type SuggestionStatus,
  type SuggestionStep,
  type SuggestionStepInput,
  type SuggestionSummaryDto,
} from '@alumni/shared';
import { PageQueryDto } from '../../../common/pagination.js';
import { NullableText, OneOf, RequiredText } from '../../../common/text-fields.js';

const STAGES = Object.keys(SUGGESTION_STAGES) as SuggestionStage[];

/** POST /governance/suggestions. */
export class SuggestionBodyDto implements SuggestionInput {
  @RequiredText(GOVERNANCE_LIMITS.suggestionTitle, '建议开放校史馆周末参观') title: string;
  @OneOf(SUGGESTION_CATEGORIES) category: SuggestionCategory;
  @RequiredText(GOVERNANCE_LIMITS.suggestionBody, '校史馆目前只在工作日开放，返校校友多在周末，建议周末也能预约参观。') body: string;
}

/** POST /staff/governance/suggestions/:id/advance. */
export class SuggestionStepBodyDto implements SuggestionStepInput {
  @OneOf(SUGGESTION_STEPS, 'under_review, or an answer: answered, adopted, declined') to: SuggestionStep;
  @NullableText(GOVERNANCE_LIMITS.answer, 'the public answer (required for an answer); a note for under_review') answer?: string | null;
}

/** POST /staff/governance/suggestions/:id/remove. */
export class SuggestionRemoveBodyDto {
  @RequiredText(GOVERNANCE_LIMITS.reason, '内容涉及个人隐私，请修改后重新提交') reason: string;
}

/** GET /governance/suggestions. */
export class SuggestionListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    enum: STAGES,
    description: 'collecting; processing (received, under review); answered (answered, adopted, declined)',
  })
  @IsOptional()
  @IsIn(STAGES)
  stage?: SuggestionStage;
}

/** GET /staff/governance/suggestions. */
export class StaffSuggestionQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: SUGGESTION_STATUSES, default: 'received' })
  @IsOptional()
  @IsIn(SUGGESTION_STATUSES)
  status: SuggestionStatus = 'received';
}

class SuggestionHistoryResponseDto implements SuggestionHistoryDto {
  @ApiProperty({ enum: SUGGESTION_STATUSES }) status: SuggestionStatus;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
}

class SuggestionMeResponseDto {
  @ApiProperty() author: boolean;
  @ApiProperty() cosigned: boolean;
  @ApiProperty() mayCosign: boolean;
  @ApiProperty() mayWithdraw: boolean;
  @ApiProperty({ type: String, nullable: true }) blockedReason: string | null;
}

export class SuggestionSummaryResponseDto implements SuggestionSummaryDto {
  @ApiProperty() id: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: SUGGESTION_CATEGORIES }) category: SuggestionCategory;
  @ApiProperty({ enum: SUGGESTION_STATUSES }) status: SuggestionStatus;
  @ApiProperty() cosignCount: number;
  @ApiProperty({ description: 'co-signatures it needs to reach the school' }) threshold: number;
  @ApiProperty() authorName: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) collectUntil: string;
}

export class SuggestionResponseDto extends SuggestionSummaryResponseDto implements SuggestionDto {
  @ApiProperty() body: string;
  @ApiProperty({ type: String, nullable: true }) answer: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) answeredAt: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'author and staff only' }) moderationNote: string | null;
  @ApiProperty({ type: [SuggestionHistoryResponseDto] }) history: SuggestionHistoryDto[];
  @ApiProperty({ type: SuggestionMeResponseDto, nullable: true }) me: SuggestionDto['me'];
}

export class SuggestionPageResponseDto implements Page<SuggestionSummaryDto> {
  @ApiProperty({ type: [SuggestionSummaryResponseDto] }) items: SuggestionSummaryDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
