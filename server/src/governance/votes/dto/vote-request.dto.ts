import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsUUID,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  type BallotInput,
  GOVERNANCE_LIMITS,
  type PublishResultsInput,
  VOTE_CHOICES,
  VOTE_PURPOSES,
  VOTE_RESULTS_VISIBILITIES,
  type VoteChoice,
  type VoteInput,
  type VoteOptionInput,
  type VotePurpose,
  type VoteResultsVisibility,
} from '@alumni/shared';
import { AudienceBodyDto } from '../../../audiences/dto/audience.dto.js';
import { NullableField, NullableText, OneOf, OptionalText, RequiredText } from '../../../common/text-fields.js';

export class VoteOptionBodyDto implements VoteOptionInput {
  @RequiredText(GOVERNANCE_LIMITS.optionLabel, '同意') label: string;
  @NullableText(GOVERNANCE_LIMITS.optionDescription, 'a line under the option, e.g. a candidate’s class and work') description?:
    string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'an election: the verified alumnus this option elects',
  })
  @NullableField()
  @ValidateIf((_, value) => value !== null)
  @IsUUID()
  candidateId?: string | null;
}

/** POST /staff/governance/votes and PUT /staff/governance/votes/:id (a draft). */
export class VoteBodyDto implements VoteInput {
  @RequiredText(GOVERNANCE_LIMITS.voteTitle, '2027 年校友返校日主题征集') title: string;
  @OptionalText(GOVERNANCE_LIMITS.voteDescription, 'what is decided, and how the result is used') description: string = '';
  @OneOf(VOTE_PURPOSES, 'an election’s options are candidates; its winners may join the council') purpose: VotePurpose;
  @OneOf(VOTE_CHOICES) choice: VoteChoice;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    minimum: 2,
    maximum: GOVERNANCE_LIMITS.maxOptions,
    description: 'multiple choice: at most this many per ballot (default: all)',
  })
  @ValidateIf((_, value) => value !== undefined && value !== null)
  @IsInt()
  @Min(2)
  @Max(GOVERNANCE_LIMITS.maxOptions)
  maxChoices?: number | null;

  @ApiProperty({ type: [VoteOptionBodyDto], minItems: GOVERNANCE_LIMITS.minOptions, maxItems: GOVERNANCE_LIMITS.maxOptions })
  @IsArray()
  @ArrayMinSize(GOVERNANCE_LIMITS.minOptions)
  @ArrayMaxSize(GOVERNANCE_LIMITS.maxOptions)
  @ValidateNested({ each: true })
  @Type(() => VoteOptionBodyDto)
  options: VoteOptionBodyDto[];

  @ApiProperty({ type: AudienceBodyDto })
  @ValidateNested()
  @Type(() => AudienceBodyDto)
  audience: AudienceBodyDto;

  @ApiProperty({ format: 'date-time', description: 'in the past: the vote opens when published' })
  @IsISO8601({ strict: true })
  opensAt: string;

  @ApiProperty({ format: 'date-time', description: 'after opensAt and now; at most 90 days after opensAt' })
  @IsISO8601({ strict: true })
  closesAt: string;

  @ApiProperty({ enum: VOTE_RESULTS_VISIBILITIES, description: 'a secret ballot only after_close' })
  @IsIn(VOTE_RESULTS_VISIBILITIES)
  resultsVisibility: VoteResultsVisibility;

  @ApiProperty({ description: 'a secret ballot: nobody can tell from the database how anyone voted' })
  @IsBoolean()
  secret: boolean;
}

/** POST /governance/votes/:id/ballot. */
export class BallotBodyDto implements BallotInput {
  @ApiProperty({ type: [Number], minItems: 1, maxItems: GOVERNANCE_LIMITS.maxOptions, example: [2], description: 'option numbers' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(GOVERNANCE_LIMITS.maxOptions)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(GOVERNANCE_LIMITS.maxOptions, { each: true })
  choices: number[];
}

/** POST /staff/governance/votes/:id/publish-results. */
export class PublishResultsBodyDto implements PublishResultsInput {
  @NullableText(GOVERNANCE_LIMITS.resultNote, 'shown with the result: what happens next') note?: string | null;
}
