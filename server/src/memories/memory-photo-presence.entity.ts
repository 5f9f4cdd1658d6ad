import { CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** 我在这里: an alumnus says they were there (no face to point at, no consent to ask: it is their own word). */
@Entity({ name: 'memory_photo_presence' })
export class MemoryPhotoPresenceEntity {
  @PrimaryColumn({ type: 'uuid' })
  photoId: string;

  @PrimaryColumn({ type: 'uuid' })
  alumnusId: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
