import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthUserDto, GroupMemberRole } from '@alumni/shared';
import { isStaff } from '../alumni/alumnus-view.js';
import { AppError } from '../common/app-error.js';
import { GroupsService } from '../groups/groups.service.js';
import { type FeedStanding, mayReact, maySpeak, moderates } from './feed-permissions.js';
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
 * Who may do what in a group's feed: reading is asked of GroupsService (canReadFeed), the
 * rest follows from the viewer's standing by the rules in feed-permissions.ts.
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

  /** Posting, commenting and editing: members who are not muted; staff anywhere. Returns the member role. */
  async assertCanSpeak(groupId: string, user: AuthUserDto, manager?: EntityManager): Promise<GroupMemberRole | null> {
    const standing = await this.assertMember(groupId, user, manager);
    if (!maySpeak(standing)) throw new AppError('GROUP_FEED_MUTED');
    return standing.role;
  }

  /** Liking and reporting: members (muted ones too); staff anywhere. */
  async assertMember(groupId: string, user: AuthUserDto, manager?: EntityManager): Promise<FeedStanding> {
    const standing = await this.standing(groupId, user, manager);
    if (!mayReact(standing)) throw new AppError('GROUP_FEED_MEMBERS_ONLY');
    return standing;
  }

  /** Staff, or the group's owner or an admin: they may pin and delete anything in its feed. */
  async moderatesGroup(groupId: string, user: AuthUserDto, manager?: EntityManager): Promise<boolean> {
    return moderates(await this.standing(groupId, user, manager));
  }

  async standing(groupId: string, user: AuthUserDto, manager?: EntityManager): Promise<FeedStanding> {
    return (await this.standings([groupId], user, manager)).get(groupId)!;
  }

  /** The viewer's standing in each of these groups, in one read (a page of posts from many groups). */
  async standings(groupIds: string[], user: AuthUserDto, manager?: EntityManager): Promise<Map<string, FeedStanding>> {
    const memberships = await this.groups.activeMemberships(groupIds, user.id, manager);
    const staff = isStaff(user);
    return new Map(
      groupIds.map((id) => {
        const membership = memberships.get(id);
        return [id, { viewerId: user.id, role: membership?.role ?? null, muted: membership?.muted ?? false, staff }];
      }),
    );
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
