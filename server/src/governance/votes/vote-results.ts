import { percentOf, type VoteResultsDto } from '@alumni/shared';
import type { VoteEntity } from './vote.entity.js';

/**
 * The figures of a vote from its tally: each option's count, its share of ballots (for multiple
 * choice a column that sums past 100%) and of all choices made (one that sums to about 100%),
 * and the turnout against the electorate counted now.
 */
export function voteResults(
  vote: VoteEntity,
  tally: { ballots: number; counts: number[] },
  eligible: number,
  final: boolean,
): VoteResultsDto {
  const choices = tally.counts.reduce((sum, count) => sum + count, 0);
  return {
    ballots: tally.ballots,
    choices,
    eligible,
    turnout: percentOf(tally.ballots, eligible),
    final,
    options: vote.options.map((option, i) => {
      const count = tally.counts[i] ?? 0;
      return {
        number: option.number,
        label: option.label,
        count,
        shareOfBallots: percentOf(count, tally.ballots),
        shareOfChoices: percentOf(count, choices),
      };
    }),
  };
}

/** A ballot's problem in words, or null when it is a valid ballot for this vote. */
export function ballotProblem(vote: Pick<VoteEntity, 'choice' | 'maxChoices' | 'optionCount'>, choices: number[]): string | null {
  if (new Set(choices).size !== choices.length) return 'choices must not repeat';
  if (choices.some((n) => !Number.isInteger(n) || n < 1 || n > vote.optionCount))
    return `choices must be option numbers 1–${vote.optionCount}`;
  if (vote.choice === 'single' && choices.length !== 1) return 'a single-choice ballot names exactly one option';
  if (choices.length < 1 || choices.length > vote.maxChoices) return `choose 1–${vote.maxChoices} options`;
  return null;
}
