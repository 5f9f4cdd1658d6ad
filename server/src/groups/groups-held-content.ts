import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { HeldContentOwner, type HeldItem } from '../content-security/held-content.js';
import { GroupEntity } from './group.entity.js';

/** Staff decisions on group covers: a rejected cover comes off the group if it is still the one shown. */
@Injectable()
@HeldContentOwner()
export class GroupsHeldContent implements HeldContentOwner {
  readonly kinds = ['group-cover'] as const;

  async approve(): Promise<void> {}

  async reject(manager: EntityManager, item: HeldItem): Promise<string[]> {
    if (item.imageKey === null) return [];
    const taken = await manager.update(GroupEntity, { id: item.subjectId, coverKey: item.imageKey }, { coverKey: null });
    return taken.affected === 1 ? [item.imageKey] : [];
  }
}
