import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * The cached mini-program code image of a group, for one page and environment: codes never
 * expire, so WeChat is asked once per group (the scene is derived from the group id).
 */
@Entity({ name: 'group_qrcodes' })
export class GroupQrcodeEntity {
  @PrimaryColumn({ type: 'uuid' })
  groupId: string;

  @PrimaryColumn({ type: 'text' })
  page: string;

  @PrimaryColumn({ type: 'text' })
  envVersion: string;

  @Column({ type: 'text' })
  scene: string;

  /** Storage key of the image (folder `group-qrcodes`). */
  @Column({ type: 'text' })
  storageKey: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
