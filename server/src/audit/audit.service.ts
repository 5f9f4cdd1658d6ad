import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditEntryEntity } from './audit-entry.entity.js';

export interface AuditInput {
  actorId: string;
  /** Dotted action, e.g. `roster.imported`, `claim.approved`, `staff.granted`. */
  action: string;
  subjectType: string;
  subjectId?: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/** Records staff and admin actions in the caller's transaction. */
@Injectable()
export class AuditService {
  async record(manager: EntityManager, input: AuditInput): Promise<void> {
    await manager.save(AuditEntryEntity, {
      actorId: input.actorId,
      action: input.action,
      subjectType: input.subjectType,
      subjectId: input.subjectId ?? null,
      before: input.before ?? null,
      after: input.after ?? null,
    });
  }
}
