import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A comment on a published story: `held` while staff look at what WeChat's check did not clear. */
@Entity({ name: 'story_comments' })
export class StoryCommentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  storyId: string;

  @Column({ type: 'uuid' })
  authorId: string;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'text' })
  status: 'published' | 'held' | 'removed';

  @Column({ type: 'text' })
  checkOutcome: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
