import { Injectable } from '@nestjs/common';
import { dropCollisions, MergeParticipant, moveReferences, type MergeContext } from '../../duplicates/merge-participant.js';

/** Resources, their files and bookmarks move; a resource both bookmarked keeps one bookmark. */
@Injectable()
@MergeParticipant()
export class ResourcesMerge implements MergeParticipant {
  readonly columns = [
    'career_resources.author_id',
    'career_resources.moderated_by',
    'career_resource_files.uploader_id',
    'career_resource_bookmarks.alumnus_id',
  ] as const;

  async merge(context: MergeContext): Promise<void> {
    await dropCollisions(context, 'career_resource_bookmarks.alumnus_id', ['resource_id']);
    await moveReferences(context, this.columns);
  }
}
