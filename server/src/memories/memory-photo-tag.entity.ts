import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { PhotoTagStatus } from '@alumni/shared';

/** Someone in a photo: their name shows to others only once they accepted the tag. */
@Entity({ name: 'memory_photo_tags' })
export class MemoryPhotoTagEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  photoId: string;

  @Column({ type: 'uuid' })
  alumnusId: string;

  /** Who tagged them (themself for 我在这里-style self tags); null once the tagger erased their account. */
  @Column({ type: 'uuid', nullable: true })
  taggedBy: string | null;

  @Column({ type: 'text' })
  status: PhotoTagStatus;

  @Column({ type: 'real', nullable: true })
  x: number | null;

  @Column({ type: 'real', nullable: true })
  y: number | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  answeredAt: Date | null;
}
