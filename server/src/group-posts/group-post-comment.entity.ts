import { Column, Entity } from 'typeorm';
import { ModeratedContentEntity } from './moderated-content.entity.js';

/** A comment on a group post; checked and moderated like posts. */
@Entity({ name: 'group_post_comments' })
export class GroupPostCommentEntity extends ModeratedContentEntity {
  @Column({ type: 'uuid' })
  postId: string;
}
