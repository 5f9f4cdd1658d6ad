import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Degree } from '@alumni/shared';

/** A graduate as the registrar lists them; claimed by at most one account. */
@Entity({ name: 'roster_entries' })
export class RosterEntryEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text', unique: true })
  studentNumber: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'smallint' })
  graduationYear: number;

  @Column({ type: 'uuid' })
  departmentId: string;

  @Column({ type: 'text', nullable: true })
  major: string | null;

  @Column({ type: 'text', nullable: true })
  className: string | null;

  @Column({ type: 'text', nullable: true })
  degree: Degree | null;

  @Column({ type: 'uuid', nullable: true })
  importId: string | null;

  @Column({ type: 'uuid', nullable: true, unique: true })
  claimedBy: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  claimedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
