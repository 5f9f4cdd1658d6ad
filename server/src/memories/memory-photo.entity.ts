import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { MemoryPhotoStatus } from '@alumni/shared';

/**
 * An old photo on a class wall (or, without a class, only on the wall of its year). It shows
 * once both WeChat's image check and the caption's text check cleared it (or staff did).
 */
@Entity({ name: 'memory_photos' })
export class MemoryPhotoEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  uploaderId: string;

  @Column({ type: 'uuid', nullable: true })
  classGroupId: string | null;

  /** The year it was taken (the year wall it is on). */
  @Column({ type: 'smallint' })
  year: number;

  @Column({ type: 'text', nullable: true })
  place: string | null;

  @Column({ type: 'text' })
  caption: string;

  @Column({ type: 'text' })
  storageKey: string;

  @Column({ type: 'text' })
  status: MemoryPhotoStatus;

  /** WeChat's image check (or staff) cleared the picture. */
  @Column({ type: 'boolean', default: false })
  imageCleared: boolean;

  /** The text check (or staff) cleared the caption. */
  @Column({ type: 'boolean', default: false })
  captionCleared: boolean;

  /** Those who said 我在这里; changed only with their row, in its transaction. */
  @Column({ type: 'int', default: 0 })
  presenceCount: number;

  /** Published comments. */
  @Column({ type: 'int', default: 0 })
  commentCount: number;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
