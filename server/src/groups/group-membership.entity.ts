import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { GroupMemberRole, GroupMembershipStatus, GroupRequestOutcome } from '@alumni/shared';

/**
 * One alumnus's standing in one group: a single row per pair whose status moves between
 * pending, active, left, removed and rejected, so a removal is remembered when they come back.
 */
@Entity({ name: 'group_memberships' })
export class GroupMembershipEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  groupId: string;

  @Column({ type: 'uuid' })
  alumnusId: string;

  @Column({ type: 'text' })
  role: GroupMemberRole;

  @Column({ type: 'text' })
  status: GroupMembershipStatus;

  /** Set while a group admin has muted the member: they stay in the group but cannot post. */
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  mutedAt: Date | null;

  /**
   * When an admin last removed the member. Coming back takes an approved request, whatever
   * the policy, until one is approved: withdrawing a request does not clear it.
   */
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  removedAt: Date | null;

  /** The join request's note to the group admins. */
  @Column({ type: 'text', nullable: true })
  requestNote: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  requestedAt: Date | null;

  /** Where the latest join request stands; null when the alumnus never asked. */
  @Column({ type: 'text', nullable: true })
  requestOutcome: GroupRequestOutcome | null;

  /** The group admins' reason for rejecting it, shown to the requester. */
  @Column({ type: 'text', nullable: true })
  requestReason: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  requestDecidedAt: Date | null;

  /** When the membership last became active; the member list is ordered by it. */
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  joinedAt: Date | null;

  /** Who approved, rejected or removed, and when. */
  @Column({ type: 'uuid', nullable: true })
  decidedBy: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  decidedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
