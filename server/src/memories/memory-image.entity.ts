import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An image uploaded (cleaned, with its thumbnail) for an old photo or a story cover, until it is used. */
@Entity({ name: 'memory_images' })
export class MemoryImageEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  uploaderId: string;

  @Column({ type: 'text' })
  storageKey: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
