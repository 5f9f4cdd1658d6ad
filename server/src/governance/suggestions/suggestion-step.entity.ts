import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { SuggestionStatus } from '@alumni/shared';

/** A suggestion's public history: each status it reached, when, and the note that came with it. */
@Entity({ name: 'suggestion_steps' })
export class SuggestionStepEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  suggestionId: string;

  @Column({ type: 'text' })
  status: SuggestionStatus;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  /** Who moved it (staff, or the author); null for the system's own steps. */
  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  at: Date;
}
