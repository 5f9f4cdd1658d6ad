import { CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'story_likes' })
export class StoryLikeEntity {
  @PrimaryColumn({ type: 'uuid' })
  storyId: string;

  @PrimaryColumn({ type: 'uuid' })
  alumnusId: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
