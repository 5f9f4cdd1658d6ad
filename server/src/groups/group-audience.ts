import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AudienceSpec } from '@alumni/shared';
import { AudienceResolver, audienceProblem } from '../audiences/audience-resolver.js';
import { GroupEntity } from './group.entity.js';

/** The active members of one active group. */
@Injectable()
@AudienceResolver()
export class GroupAudience implements AudienceResolver {
  readonly kind = 'group' as const;
  readonly membersSql = `
    SELECT m.alumnus_id FROM group_memberships m
     WHERE m.group_id = ($1->>'groupId')::uuid AND m.status = 'active'`;

  async normalise(spec: AudienceSpec, manager: EntityManager): Promise<AudienceSpec> {
    if (!spec.groupId) throw audienceProblem('groupId', 'groupId is required for a group audience');
    const group = await manager.findOneBy(GroupEntity, { id: spec.groupId });
    if (!group || group.status !== 'active') throw audienceProblem('groupId', 'no active group has this id');
    return { kind: 'group', groupId: spec.groupId };
  }

  async label(spec: AudienceSpec, manager: EntityManager): Promise<string> {
    const group = spec.groupId ? await manager.findOneBy(GroupEntity, { id: spec.groupId }) : null;
    return `「${group?.name ?? '已删除的群组'}」成员`;
  }
}
