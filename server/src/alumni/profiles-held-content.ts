import { Injectable } from '@nestjs/common';
import { type EntityManager, IsNull } from 'typeorm';
import { HeldContentOwner, type HeldItem } from '../content-security/held-content.js';
import { InteractionsService } from '../interactions/interactions.service.js';
import { AlumnusEntity } from './alumnus.entity.js';
import { CHECKED_PROFILE_TEXT } from './profiles.service.js';

/**
 * Staff decisions on profile text and avatars: approved text is applied to its field (the
 * previous value showed meanwhile); a rejected avatar is taken off the profile if it is still
 * the one shown. Rejected text was never applied, so nothing changes.
 */
@Injectable()
@HeldContentOwner()
export class ProfilesHeldContent implements HeldContentOwner {
  readonly kinds = ['profile-text', 'avatar'] as const;

  constructor(private readonly interactions: InteractionsService) {}

  async approve(manager: EntityManager, item: HeldItem): Promise<void> {
    if (item.kind !== 'profile-text' || item.text === null) return;
    const field = CHECKED_PROFILE_TEXT.find((name) => name === item.field);
    if (!field) return;
    const applied = await manager.update(AlumnusEntity, { id: item.subjectId, deletedAt: IsNull() }, { [field]: item.text });
    if (applied.affected === 1) {
      await this.interactions.record(manager, {
        alumnusId: item.subjectId,
        kind: 'identity.profile_updated',
        detail: { fields: [field], visibility: [], approved: true },
      });
    }
  }

  async reject(manager: EntityManager, item: HeldItem): Promise<string[]> {
    if (item.kind !== 'avatar' || item.imageKey === null) return [];
    const taken = await manager.update(AlumnusEntity, { id: item.subjectId, avatarKey: item.imageKey }, { avatarKey: null });
    return taken.affected === 1 ? [item.imageKey] : [];
  }
}
