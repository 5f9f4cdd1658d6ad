import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { GroupEntity } from './group.entity.js';

@Injectable()
export class GroupsService {
  constructor(@InjectRepository(GroupEntity) private readonly groups: Repository<GroupEntity>) {}

  count(): Promise<number> {
    return this.groups.count();
  }

  /**
   * The alumni who share at least one group with `viewerId`: they see the profile fields
   * their owners opened to "my groups". Groups have no members yet (the groups issue adds
   * memberships), so nobody shares a group and such fields stay hidden from other alumni.
   */
  sharedGroupMembers(_viewerId: string | null): Promise<Set<string>> {
    return Promise.resolve(new Set());
  }

  /** Whether the group exists (an event's audience may name it), inside the caller's transaction if given. */
  exists(groupId: string, manager?: EntityManager): Promise<boolean> {
    return (manager ? manager.getRepository(GroupEntity) : this.groups).existsBy({ id: groupId });
  }

  /**
   * Whether the alumnus belongs to the group: events open to "members of one group" admit
   * them. Groups have no members yet (the groups issue adds memberships and implements
   * this), so such events admit nobody but staff until then.
   */
  isMember(groupId: string, alumnusId: string): Promise<boolean> {
    void groupId;
    void alumnusId;
    return Promise.resolve(false);
  }
}
