import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One thing that happened between an alumnus and the school. Append-only: the database
 * refuses updates and deletes (see the identity-core migration).
 */
@Entity({ name: 'interactions' })
export class InteractionEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  /** Null once the alumnus's account has been erased. */
  @Column({ type: 'uuid', nullable: true })
  alumnusId: string | null;

  @Column({ type: 'text' })
  kind: string;

  @Column({ type: 'text', nullable: true })
  subjectType: string | null;

  @Column({ type: 'text', nullable: true })
  subjectId: string | null;

  @Column({ type: 'jsonb', default: {} })
  detail: Record<string, unknown>;

  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  occurredAt: Date;
}
