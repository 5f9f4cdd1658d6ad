import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ResourceFileType } from '@alumni/shared';

/**
 * A PDF or image uploaded for a resource, kept through the storage port (folder
 * `career-files`, never served by the public uploads route: downloads go through the
 * library's own route, which checks access and counts them).
 */
@Entity({ name: 'career_resource_files' })
export class CareerResourceFileEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  uploaderId: string;

  /** Null between the upload and the save that attaches it. */
  @Column({ type: 'uuid', nullable: true })
  resourceId: string | null;

  @Column({ type: 'smallint', default: 0 })
  position: number;

  @Column({ type: 'text' })
  storageKey: string;

  /** The name the file was uploaded with, without any path. */
  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  contentType: ResourceFileType;

  @Column({ type: 'int' })
  size: number;

  @Column({ type: 'int', default: 0 })
  downloadCount: number;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
