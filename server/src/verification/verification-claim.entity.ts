import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ClaimStatus } from '@alumni/shared';

/** An alumnus saying who they are on the roster; verified at once on a unique match, else reviewed by staff. */
@Entity({ name: 'verification_claims' })
export class VerificationClaimEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  alumnusId: string;

  @Column({ type: 'text' })
  status: ClaimStatus;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'smallint' })
  graduationYear: number;

  @Column({ type: 'uuid' })
  departmentId: string;

  @Column({ type: 'text', nullable: true })
  studentNumber: string | null;

  @Column({ type: 'text', nullable: true })
  className: string | null;

  /** Storage key of the diploma or student-card photo; never sent to clients. */
  @Column({ type: 'text', nullable: true })
  evidenceKey: string | null;

  @Column({ type: 'uuid', nullable: true })
  rosterEntryId: string | null;

  @Column({ type: 'text', nullable: true })
  rejectReason: string | null;

  @Column({ type: 'uuid', nullable: true })
  decidedBy: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  decidedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
