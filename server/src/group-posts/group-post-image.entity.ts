import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An uploaded post image: its uploader's until a post takes it, then that post's. */
@Entity({ name: 'group_post_images' })
export class GroupPostImageEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  uploaderId: string;

  /** Storage key, `group-posts/<uuid>.<ext>`. */
  @Column({ type: 'text' })
  storageKey: string;

  @Column({ type: 'uuid', nullable: true })
  postId: string | null;

  /** Display order within the post. */
  @Column({ type: 'smallint', nullable: true })
  position: number | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
