import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { InteractionEntity } from './interaction.entity.js';

export interface InteractionInput {
  alumnusId: string;
  /** Dotted lower-case kind, e.g. `identity.consented`, `events.registered`. */
  kind: string;
  subjectType?: string;
  subjectId?: string;
  detail?: Record<string, unknown>;
}

/**
 * Writes the interaction log. Always called with the transaction's manager, so the row
 * commits or rolls back with the change it records.
 */
@Injectable()
export class InteractionsService {
  constructor(@InjectRepository(InteractionEntity) private readonly interactions: Repository<InteractionEntity>) {}

  async record(manager: EntityManager, input: InteractionInput): Promise<void> {
    await manager.save(InteractionEntity, {
      alumnusId: input.alumnusId,
      kind: input.kind,
      subjectType: input.subjectType ?? null,
      subjectId: input.subjectId ?? null,
      detail: input.detail ?? {},
    });
  }

  /** Account erasure: the rows stay (they are the school's history), the actor is forgotten. */
  async anonymise(manager: EntityManager, alumnusId: string): Promise<void> {
    await manager.update(InteractionEntity, { alumnusId }, { alumnusId: null });
  }

  /** Every interaction of one alumnus, oldest first (their data export). */
  listFor(alumnusId: string): Promise<InteractionEntity[]> {
    return this.interactions.find({ where: { alumnusId }, order: { occurredAt: 'ASC', id: 'ASC' } });
  }
}
