import { ApiProperty } from '@nestjs/swagger';
import {
  type BallotReceiptDto,
  type MyVoteStandingDto,
  type Page,
  VOTE_CHOICES,
  VOTE_PHASES,
  VOTE_PURPOSES,
  VOTE_RESULTS_VISIBILITIES,
  type VoteChoice,
  type VoteDto,
  type VoteOptionDto,
  type VoteOptionResultDto,
  type VotePhase,
  type VotePurpose,
  type VoteResultsDto,
  type VoteResultsVisibility,
  type VoterDto,
  type VoteSummaryDto,
} from '@alumni/shared';
import { AudienceResponseDto } from '../../../audiences/dto/audience.dto.js';

class VoteOptionResponseDto implements VoteOptionDto {
  @ApiProperty() number: number;
  @ApiProperty() label: string;
  @ApiProperty({ type: String, nullable: true }) description: string | null;
  @ApiProperty({ type: String, nullable: true }) candidateId: string | null;
}

class VoteOptionResultResponseDto implements VoteOptionResultDto {
  @ApiProperty() number: number;
  @ApiProperty() label: string;
  @ApiProperty() count: number;
  @ApiProperty({ type: Number, nullable: true, description: 'whole percent of ballots' }) shareOfBallots: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'whole percent of all choices made' }) shareOfChoices: number | null;
}

class VoteResultsResponseDto implements VoteResultsDto {
  @ApiProperty() ballots: number;
  @ApiProperty() choices: number;
  @ApiProperty({ description: 'verified alumni in the audience now' }) eligible: number;
  @ApiProperty({ type: Number, nullable: true }) turnout: number | null;
  @ApiProperty() final: boolean;
  @ApiProperty({ type: [VoteOptionResultResponseDto] }) options: VoteOptionResultDto[];
}

class MyVoteStandingResponseDto implements MyVoteStandingDto {
  @ApiProperty() eligible: boolean;
  @ApiProperty() voted: boolean;
  @ApiProperty({ type: [Number], nullable: true, description: 'open ballots only' }) choices: number[] | null;
  @ApiProperty({ type: String, nullable: true }) blockedReason: string | null;
}

export class VoteSummaryResponseDto implements VoteSummaryDto {
  @ApiProperty() id: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: VOTE_PURPOSES }) purpose: VotePurpose;
  @ApiProperty({ enum: VOTE_CHOICES }) choice: VoteChoice;
  @ApiProperty({ enum: VOTE_PHASES }) phase: VotePhase;
  @ApiProperty() secret: boolean;
  @ApiProperty({ format: 'date-time' }) opensAt: string;
  @ApiProperty({ format: 'date-time' }) closesAt: string;
  @ApiProperty() audienceLabel: string;
  @ApiProperty() ballots: number;
  @ApiProperty() resultsPublished: boolean;
  @ApiProperty({ type: Boolean, nullable: true }) voted: boolean | null;
}

export class VoteResponseDto extends VoteSummaryResponseDto implements VoteDto {
  @ApiProperty() description: string;
  @ApiProperty() maxChoices: number;
  @ApiProperty({ type: [VoteOptionResponseDto] }) options: VoteOptionDto[];
  @ApiProperty({ type: AudienceResponseDto }) audience: AudienceResponseDto;
  @ApiProperty({ enum: VOTE_RESULTS_VISIBILITIES }) resultsVisibility: VoteResultsVisibility;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) resultsPublishedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) resultNote: string | null;
  @ApiProperty({ type: VoteResultsResponseDto, nullable: true }) results: VoteResultsDto | null;
  @ApiProperty({ type: String, nullable: true }) resultsHiddenReason: string | null;
  @ApiProperty({ type: MyVoteStandingResponseDto, nullable: true }) me: MyVoteStandingDto | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class VoteSummaryPageResponseDto implements Page<VoteSummaryDto> {
  @ApiProperty({ type: [VoteSummaryResponseDto] }) items: VoteSummaryDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class BallotReceiptResponseDto implements BallotReceiptDto {
  @ApiProperty() voteId: string;
  @ApiProperty({ type: [Number], nullable: true, description: 'null for a secret ballot: kept nowhere' }) choices: number[] | null;
  @ApiProperty({ type: VoteResponseDto }) vote: VoteDto;
}

class VoterResponseDto implements VoterDto {
  @ApiProperty() alumnusId: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: Number, nullable: true }) graduationYear: number | null;
  @ApiProperty({ type: [Number], nullable: true, description: 'open ballots only' }) choices: number[] | null;
}

export class VoterPageResponseDto implements Page<VoterDto> {
  @ApiProperty({ type: [VoterResponseDto] }) items: VoterDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
