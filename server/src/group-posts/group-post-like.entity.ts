import { CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** One alumnus likes one post: the primary key makes a second like a no-op. */
@Entity({ name: 'group_post_likes' })
export class GroupPostLikeEntity {
  @PrimaryColumn({ type: 'uuid' })
  postId: string;

  @PrimaryColumn({ type: 'uuid' })
  alumnusId: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
