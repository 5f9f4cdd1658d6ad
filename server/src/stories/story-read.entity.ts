import { Entity, PrimaryColumn } from 'typeorm';

/** A reader of a story on one Shanghai day: the read count counts these rows. */
@Entity({ name: 'story_reads' })
export class StoryReadEntity {
  @PrimaryColumn({ type: 'uuid' })
  storyId: string;

  @PrimaryColumn({ type: 'uuid' })
  alumnusId: string;

  @PrimaryColumn({ type: 'date' })
  day: string;
}
