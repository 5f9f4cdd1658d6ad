import { Injectable } from '@nestjs/common';
import { dropCollisions, MergeParticipant, moveReferences, type MergeContext } from '../duplicates/merge-participant.js';

/** Photos, comments, tags and presence move; a photo both were tagged or present in keeps one row; one report per item and reporter. */
@Injectable()
@MergeParticipant()
export class MemoriesMerge implements MergeParticipant {
  readonly columns = [
    'memory_images.uploader_id',
    'memory_photos.uploader_id',
    'memory_photo_comments.author_id',
    'memory_photo_presence.alumnus_id',
    'memory_photo_tags.alumnus_id',
    'memory_photo_tags.tagged_by',
    'memory_reports.reporter_id',
  ] as const;

  async merge(context: MergeContext): Promise<void> {
    await dropCollisions(context, 'memory_photo_presence.alumnus_id', ['photo_id']);
    await dropCollisions(context, 'memory_photo_tags.alumnus_id', ['photo_id']);
    await dropCollisions(context, 'memory_reports.reporter_id', ['subject_id']);
    await moveReferences(context, this.columns);
  }
}
