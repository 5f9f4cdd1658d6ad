import { Injectable } from '@nestjs/common';
import { dropCollisions, MergeParticipant, moveReferences, type MergeContext } from '../duplicates/merge-participant.js';

/**
 * Suggestions, co-signatures, council seats and vote participation move. A suggestion both
 * co-signed loses the second signature. A vote both took part in keeps one participation row;
 * the ballots themselves are secret and unlinked, so the tally cannot be corrected (docs/reach.md).
 */
@Injectable()
@MergeParticipant()
export class GovernanceMerge implements MergeParticipant {
  readonly columns = [
    'votes.created_by',
    'vote_participations.alumnus_id',
    'suggestions.author_id',
    'suggestions.answered_by',
    'suggestions.moderated_by',
    'suggestion_steps.actor_id',
    'suggestion_cosigns.alumnus_id',
    'council_members.alumnus_id',
    'council_members.created_by',
    'governance_settings.updated_by',
  ] as const;

  async merge(context: MergeContext): Promise<void> {
    const cosigns = await dropCollisions<{ suggestion_id: string }>(context, 'suggestion_cosigns.alumnus_id', ['suggestion_id'], {
      returning: 'm.suggestion_id',
    });
    for (const { suggestion_id } of cosigns)
      await context.manager.query('UPDATE suggestions SET cosign_count = cosign_count - 1 WHERE id = $1', [suggestion_id]);
    await dropCollisions(context, 'vote_participations.alumnus_id', ['vote_id']);
    await moveReferences(context, this.columns);
  }
}
