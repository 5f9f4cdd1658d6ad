import {
  type AudienceDto,
  type AuthUserDto,
  type MyVoteStandingDto,
  type VoteDto,
  type VoteResultsDto,
  type VoteSummaryDto,
  votePhaseOf,
} from '@alumni/shared';
import { isStaffUser } from '../../groups/group-access.js';
import type { VoteEntity } from './vote.entity.js';
import type { VoteParticipationEntity } from './vote-participation.entity.js';

/** Where a vote is now (shared's votePhaseOf on the row). */
export const phaseOf = (vote: Pick<VoteEntity, 'status' | 'opensAt' | 'closesAt'>, now: Date = new Date()) =>
  votePhaseOf({ status: vote.status, opensAt: vote.opensAt.toISOString(), closesAt: vote.closesAt.toISOString() }, now);

/**
 * Who may see a vote's figures, and when (docs/governance.md, Results):
 * - while it runs, everyone who may read it when the figures are `live`, nobody otherwise —
 *   staff included, and a secret ballot is never live;
 * - once closed, staff at once (to check and publish the result), alumni once it is published.
 */
export function resultsFor(vote: VoteEntity, user: AuthUserDto, now: Date): { visible: true } | { visible: false; reason: string } {
  const phase = phaseOf(vote, now);
  if (phase === 'draft') return { visible: false, reason: '投票尚未发布' };
  if (phase === 'cancelled') return { visible: false, reason: '投票已取消' };
  if (phase === 'upcoming') return { visible: false, reason: '投票尚未开始' };
  if (phase === 'open') return vote.resultsVisibility === 'live' ? { visible: true } : { visible: false, reason: '投票结束后公布结果' };
  if (vote.resultsPublishedAt !== null || isStaffUser(user)) return { visible: true };
  return { visible: false, reason: '投票已结束，结果待校友会公布' };
}

/** Where the reader stands: voted (and how, for an open ballot), or why they cannot vote now. */
export async function ballotStanding(
  vote: VoteEntity,
  participation: VoteParticipationEntity | null,
  now: Date,
  eligibility: () => Promise<string | null>,
): Promise<MyVoteStandingDto> {
  const phase = phaseOf(vote, now);
  const notEligible = await eligibility();
  const timing =
    phase === 'upcoming'
      ? '投票尚未开始'
      : phase === 'closed'
        ? '投票已结束'
        : phase === 'cancelled'
          ? '投票已取消'
          : phase === 'draft'
            ? '投票尚未发布'
            : null;
  return {
    eligible: notEligible === null,
    voted: participation !== null,
    choices: participation?.choices ?? null,
    blockedReason: participation !== null ? '你已投票' : (timing ?? notEligible),
  };
}

export function presentVoteSummary(vote: VoteEntity, audienceLabel: string, ballots: number, voted: boolean | null): VoteSummaryDto {
  return {
    id: vote.id,
    title: vote.title,
    purpose: vote.purpose,
    choice: vote.choice,
    phase: phaseOf(vote),
    secret: vote.secret,
    opensAt: vote.opensAt.toISOString(),
    closesAt: vote.closesAt.toISOString(),
    audienceLabel,
    ballots,
    resultsPublished: vote.resultsPublishedAt !== null,
    voted,
  };
}

export function presentVote(
  vote: VoteEntity,
  shown: { audience: AudienceDto; ballots: number; results: VoteResultsDto | null; hiddenReason: string | null; me: MyVoteStandingDto },
): VoteDto {
  return {
    ...presentVoteSummary(vote, shown.audience.label, shown.ballots, shown.me.voted),
    description: vote.description,
    maxChoices: vote.maxChoices,
    options: vote.options,
    audience: shown.audience,
    resultsVisibility: vote.resultsVisibility,
    resultsPublishedAt: vote.resultsPublishedAt?.toISOString() ?? null,
    resultNote: vote.resultNote,
    results: shown.results,
    resultsHiddenReason: shown.hiddenReason,
    me: shown.me,
    createdAt: vote.createdAt.toISOString(),
  };
}
