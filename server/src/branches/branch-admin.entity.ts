import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A verified alumnus staff appointed to run a branch: the scoped role docs/security.md describes. */
@Entity({ name: 'branch_admins' })
export class BranchAdminEntity {
  @PrimaryColumn({ type: 'uuid' })
  branchId: string;

  @PrimaryColumn({ type: 'uuid' })
  alumnusId: string;

  @Column({ type: 'uuid', nullable: true })
  appointedBy: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  appointedAt: Date;
}
