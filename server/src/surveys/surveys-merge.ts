import { Injectable } from '@nestjs/common';
import { dropCollisions, MergeParticipant, moveReferences, type MergeContext } from '../duplicates/merge-participant.js';

/** Responses move; a survey answers one response per alumnus, so where both answered the survivor's response stands. */
@Injectable()
@MergeParticipant()
export class SurveysMerge implements MergeParticipant {
  readonly columns = ['survey_responses.alumnus_id', 'surveys.created_by', 'survey_imports.imported_by'] as const;

  async merge(context: MergeContext): Promise<void> {
    await dropCollisions(context, 'survey_responses.alumnus_id', ['survey_id']);
    await moveReferences(context, this.columns);
  }
}
