import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * A mini-program code image WeChat made for a page and a scene: codes never expire and
 * WeChat limits how many it makes a minute and a day, so each is asked for once and kept.
 */
@Entity({ name: 'mini_program_codes' })
export class MiniProgramCodeEntity {
  @PrimaryColumn({ type: 'text' })
  page: string;

  @PrimaryColumn({ type: 'text' })
  scene: string;

  @PrimaryColumn({ type: 'text' })
  envVersion: string;

  /** Storage key of the image (folder `mini-program-codes`). */
  @Column({ type: 'text' })
  storageKey: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
