import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** The first answer to a request made with an `Idempotency-Key`, replayed to its repeats. */
@Entity({ name: 'idempotency_records' })
export class IdempotencyRecordEntity {
  @PrimaryColumn({ type: 'uuid' })
  alumnusId: string;

  @PrimaryColumn({ type: 'text' })
  key: string;

  /** Method and route pattern, e.g. `POST /events/:id/registrations` with the id filled in. */
  @PrimaryColumn({ type: 'text' })
  route: string;

  /** SHA-256 of the request body: the same key with another body is a client bug, refused. */
  @Column({ type: 'text' })
  requestHash: string;

  @Column({ type: 'smallint', nullable: true })
  statusCode: number | null;

  @Column({ type: 'jsonb', nullable: true })
  response: unknown;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
