import { Column, Entity } from 'typeorm';
import { ModeratedContentEntity } from './moderated-content.entity.js';

/** One post in a group's feed (see docs/group-feeds.md for its states). */
@Entity({ name: 'group_posts' })
export class GroupPostEntity extends ModeratedContentEntity {
  @Column({ type: 'uuid' })
  groupId: string;

  /** Pinned announcements show above the feed; only published posts can be pinned. */
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  pinnedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  pinnedBy: string | null;

  @Column({ type: 'int', default: 0 })
  likeCount: number;

  /** Published comments. */
  @Column({ type: 'int', default: 0 })
  commentCount: number;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  editedAt: Date | null;
}
