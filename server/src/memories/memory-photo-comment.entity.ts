import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A comment on an old photo: `held` text waits for staff (only its author sees it). */
@Entity({ name: 'memory_photo_comments' })
export class MemoryPhotoCommentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  photoId: string;

  @Column({ type: 'uuid' })
  authorId: string;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'text' })
  status: 'published' | 'held' | 'removed';

  @Column({ type: 'int', nullable: true })
  checkLabel: number | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
