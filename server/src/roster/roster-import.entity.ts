import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { RosterImportStatus } from '@alumni/shared';
import type { StagedRosterRow } from './roster-file.js';

/**
 * One upload of a roster file. The preview stores the valid rows here (staged_rows) so the
 * commit writes exactly what staff saw, without a second upload; the commit clears them.
 */
@Entity({ name: 'roster_imports' })
export class RosterImportEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  status: RosterImportStatus;

  @Column({ type: 'text' })
  fileName: string;

  @Column({ type: 'uuid', nullable: true })
  importedBy: string | null;

  @Column({ type: 'int' })
  totalRows: number;

  @Column({ type: 'int' })
  validRows: number;

  @Column({ type: 'int' })
  invalidRows: number;

  @Column({ type: 'int' })
  alreadyPresentRows: number;

  @Column({ type: 'int', nullable: true })
  insertedRows: number | null;

  @Column({ type: 'jsonb', nullable: true, select: false })
  stagedRows: StagedRosterRow[] | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  committedAt: Date | null;
}
