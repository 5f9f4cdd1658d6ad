import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { HeldContentOwner, type HeldItem } from '../content-security/held-content.js';
import { VerificationClaimEntity } from './verification-claim.entity.js';

/**
 * Staff decisions on claim evidence photos: a rejected photo is unlinked from its claim (the
 * claimant may attach another while the claim is pending) and its file goes.
 */
@Injectable()
@HeldContentOwner()
export class VerificationHeldContent implements HeldContentOwner {
  readonly kinds = ['claim-evidence'] as const;

  async approve(): Promise<void> {}

  async reject(manager: EntityManager, item: HeldItem): Promise<string[]> {
    if (item.imageKey === null) return [];
    const taken = await manager.update(VerificationClaimEntity, { id: item.subjectId, evidenceKey: item.imageKey }, { evidenceKey: null });
    return taken.affected === 1 ? [item.imageKey] : [];
  }
}
