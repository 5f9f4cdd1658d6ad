import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { GroupJoinPolicy, GroupKind, GroupStatus } from '@alumni/shared';

/** A class, interest, city or industry group alumni join (see docs/groups.md). */
@Entity({ name: 'groups' })
export class GroupEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  kind: GroupKind;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  intro: string;

  /** Storage key of the cover image; its URL is derived, so storage can move. */
  @Column({ type: 'text', nullable: true })
  coverKey: string | null;

  /** Class groups: the roster class (year + department + class name), unique together. */
  @Column({ type: 'smallint', nullable: true })
  graduationYear: number | null;

  @Column({ type: 'uuid', nullable: true })
  departmentId: string | null;

  @Column({ type: 'text', nullable: true })
  className: string | null;

  /** City groups. */
  @Column({ type: 'text', nullable: true })
  city: string | null;

  /** Industry groups. */
  @Column({ type: 'text', nullable: true })
  industry: string | null;

  @Column({ type: 'text' })
  joinPolicy: GroupJoinPolicy;

  @Column({ type: 'text' })
  status: GroupStatus;

  /** Active members; changed only in the transaction that changes a membership. */
  @Column({ type: 'int', default: 0 })
  memberCount: number;

  /** Staff or the proposing alumnus; null for class groups the roster created. */
  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @Column({ type: 'text', nullable: true })
  rejectReason: string | null;

  @Column({ type: 'uuid', nullable: true })
  decidedBy: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  decidedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
