import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { BranchKind } from '@alumni/shared';

/**
 * A branch (分会) of the association. Its members are the members of its home group, whose
 * join policy is the branch's (see docs/branches.md).
 */
@Entity({ name: 'branches' })
export class BranchEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  kind: BranchKind;

  @Column({ type: 'text' })
  name: string;

  /** The city, the region abroad or the industry; null for interest branches. */
  @Column({ type: 'text', nullable: true })
  place: string | null;

  @Column({ type: 'text' })
  intro: string;

  /** The home group: its memberships are the branch's, its feed the branch's posts and announcements. */
  @Column({ type: 'uuid' })
  groupId: string;

  @Column({ type: 'text' })
  status: 'active' | 'archived';

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
