import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthUserDto, GroupMemberRole } from '@alumni/shared';
import { isStaff } from '../alumni/alumnus-view.js';
import { AppError } from '../common/app-error.js';
import { GroupsService } from '../groups/groups.service.js';
import { GroupPostEntity } from './group-post.entity.js';

/** A post or comment as far as visibility goes. */
interface Visible {
  status: string;
  authorId: string;
}

/**
 * Published items are seen by every reader of the feed; held ones only by their author and
 * staff; rejected and removed ones by nobody (they answer "not found").
 */
export function isVisibleTo(item: Visible, user: AuthUserDto): boolean {
  return item.status === 'published' || (item.status === 'held' && (item.authorId === user.id || isStaff(user)));
}

/**
 * Who may do what in a group's feed, asked of GroupsService (never its tables): read
 * (canReadFeed), speak (a member who is not muted, or staff), moderate the group (its
 * owner and admins, and staff).
 */
@Injectable()
export class FeedAccessService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly groups: GroupsService,
  ) {}

  async assertCanRead(groupId: string, user: AuthUserDto): Promise<void> {
    if (await this.groups.canReadFeed(groupId, { alumnusId: user.id, roles: user.roles })) return;
    throw new AppError((await this.groups.exists(groupId)) ? 'GROUP_FEED_FORBIDDEN' : 'GROUP_NOT_FOUND');
  }

  /** Posting and commenting: members who are not muted; staff anywhere. Returns the member role. */
  async assertCanSpeak(groupId: string, user: AuthUserDto, manager?: EntityManager): Promise<GroupMemberRole | null> {
    const role = await this.assertMember(groupId, user, manager);
    if (role !== null && !isStaff(user) && (await this.groups.isMuted(groupId, user.id, manager))) throw new AppError('GROUP_FEED_MUTED');
    return role;
  }

  /** Liking and reporting: members (muted ones too); staff anywhere. */
  async assertMember(groupId: string, user: AuthUserDto, manager?: EntityManager): Promise<GroupMemberRole | null> {
    const role = await this.groups.memberRole(groupId, user.id, manager);
    if (role === null && !isStaff(user)) throw new AppError('GROUP_FEED_MEMBERS_ONLY');
    return role;
  }

  /** Staff, or the group's owner or an admin: they may pin and delete anything in its feed. */
  async moderatesGroup(groupId: string, user: AuthUserDto, manager?: EntityManager): Promise<boolean> {
    if (isStaff(user)) return true;
    const role = await this.groups.memberRole(groupId, user.id, manager);
    return role === 'owner' || role === 'admin';
  }

  /** The groups whose feed the "my groups" timeline merges. */
  myGroupIds(user: AuthUserDto): Promise<string[]> {
    return this.groups.groupIdsOf(user.id);
  }

  /**
   * A post the user may see, in a feed they may read; locked for update when a manager is
   * given. A post they may not see is not found, whoever asks.
   */
  async visiblePost(postId: string, user: AuthUserDto, manager?: EntityManager): Promise<GroupPostEntity> {
    const post = manager
      ? await manager.findOne(GroupPostEntity, { where: { id: postId }, lock: { mode: 'pessimistic_write' } })
      : await this.dataSource.getRepository(GroupPostEntity).findOneBy({ id: postId });
    if (!post || !isVisibleTo(post, user)) throw new AppError('GROUP_POST_NOT_FOUND');
    if (!manager) await this.assertCanRead(post.groupId, user);
    return post;
  }

  /** Group names by id, for post cards and the reply notification. */
  groupNames(groupIds: string[], manager?: EntityManager): Promise<Map<string, string>> {
    return this.groups.groupNames(groupIds, manager);
  }
}
