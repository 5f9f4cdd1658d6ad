import { CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** One co-signature: once per alumnus and suggestion (the key). */
@Entity({ name: 'suggestion_cosigns' })
export class SuggestionCosignEntity {
  @PrimaryColumn({ type: 'uuid' })
  suggestionId: string;

  @PrimaryColumn({ type: 'uuid' })
  alumnusId: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
