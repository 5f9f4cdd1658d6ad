import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** One reader's report of a story comment: one per reader and comment, so a repeat changes nothing. */
@Entity({ name: 'story_comment_reports' })
export class StoryCommentReportEntity {
  @PrimaryColumn({ type: 'uuid' })
  commentId: string;

  @PrimaryColumn({ type: 'uuid' })
  reporterId: string;

  @Column({ type: 'text' })
  reason: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
