import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export type BranchItemType = 'group' | 'event' | 'campaign';

/**
 * A group, event or campaign that belongs to a branch (one branch at most). The rows
 * themselves stay their modules'; the branch asks their services about them.
 */
@Entity({ name: 'branch_items' })
export class BranchItemEntity {
  @PrimaryColumn({ type: 'text' })
  itemType: BranchItemType;

  @PrimaryColumn({ type: 'uuid' })
  itemId: string;

  @Column({ type: 'uuid' })
  branchId: string;

  @Column({ type: 'uuid', nullable: true })
  addedBy: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  addedAt: Date;
}
