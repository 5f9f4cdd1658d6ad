import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, In } from 'typeorm';
import type { AuthUserDto, GroupCommentDto, GroupFeedPostDto, GroupPostAuthorDto, GroupPostDto, ModerationItemDto } from '@alumni/shared';
import { AlumniService } from '../alumni/alumni.service.js';
import { canSee } from '../alumni/alumnus-view.js';
import type { AlumnusEntity } from '../alumni/alumnus.entity.js';
import { OBJECT_STORAGE, type ObjectStorage } from '../storage/storage.port.js';
import { FeedAccessService } from './feed-access.service.js';
import { commentPermissions, type FeedStanding, postPermissions } from './feed-permissions.js';
import type { GroupPostCommentEntity } from './group-post-comment.entity.js';
import { GroupPostLikeEntity } from './group-post-like.entity.js';
import type { GroupPostEntity } from './group-post.entity.js';
import { PostImagesService } from './post-images.service.js';

type Authors = (id: string) => GroupPostAuthorDto;

/** Turns post and comment rows into what one viewer sees, with a few batched reads per page. */
@Injectable()
export class PostPresenterService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
    private readonly alumni: AlumniService,
    private readonly access: FeedAccessService,
    private readonly images: PostImagesService,
  ) {}

  /** Posts as a group's own feed shows them: without the group, which the reader asked for. */
  async feedPosts(posts: GroupPostEntity[], user: AuthUserDto): Promise<GroupFeedPostDto[]> {
    if (posts.length === 0) return [];
    const postIds = posts.map((p) => p.id);
    const groupIds = [...new Set(posts.map((p) => p.groupId))];
    // One read of the viewer's standing in these groups serves the authors' visibility and the permissions.
    const standingsRead = this.access.standings(groupIds, user);
    const [authors, images, liked, standings] = await Promise.all([
      this.authors(posts, user, standingsRead),
      this.images.ofPosts(postIds),
      this.dataSource.getRepository(GroupPostLikeEntity).findBy({ postId: In(postIds), alumnusId: user.id }),
      standingsRead,
    ]);
    const likedIds = new Set(liked.map((like) => like.postId));
    // What is false or never is left out (GroupFeedPostDto): most posts are neither pinned, liked nor edited.
    return posts.map((post) => ({
      id: post.id,
      author: authors(post.authorId),
      text: post.text,
      images: images.get(post.id) ?? [],
      status: post.status as 'published' | 'held',
      ...(post.pinnedAt !== null && { pinned: true }),
      likeCount: post.likeCount,
      commentCount: post.commentCount,
      ...(likedIds.has(post.id) && { likedByMe: true }),
      createdAt: post.createdAt.toISOString(),
      ...(post.editedAt !== null && { editedAt: post.editedAt.toISOString() }),
      ...postPermissions(post, standings.get(post.groupId)!),
    }));
  }

  /** Posts with the group each is from, for the "my groups" feed and a post on its own. */
  async posts(posts: GroupPostEntity[], user: AuthUserDto): Promise<GroupPostDto[]> {
    const [shown, names] = await Promise.all([this.feedPosts(posts, user), this.access.groupNames(posts.map((p) => p.groupId))]);
    return shown.map((post, i) => {
      const groupId = posts[i]!.groupId;
      return { ...post, group: { id: groupId, name: names.get(groupId) ?? '' } };
    });
  }

  async post(post: GroupPostEntity, user: AuthUserDto): Promise<GroupPostDto> {
    const [dto] = await this.posts([post], user);
    return dto!;
  }

  async comments(comments: GroupPostCommentEntity[], post: GroupPostEntity, user: AuthUserDto): Promise<GroupCommentDto[]> {
    if (comments.length === 0) return [];
    const [authors, standing] = await Promise.all([
      this.authors(
        comments.map((c) => ({ authorId: c.authorId, groupId: post.groupId })),
        user,
      ),
      this.access.standing(post.groupId, user),
    ]);
    return comments.map((comment) => ({
      id: comment.id,
      postId: comment.postId,
      author: authors(comment.authorId),
      text: comment.text,
      status: comment.status as 'published' | 'held',
      createdAt: comment.createdAt.toISOString(),
      ...commentPermissions(comment, standing),
    }));
  }

  /** Queue entries for staff: posts with their images, comments with their post's group. */
  async moderationItems(
    entries: { kind: 'post' | 'comment'; row: GroupPostEntity | GroupPostCommentEntity; post: GroupPostEntity; reasons: string[] }[],
    user: AuthUserDto,
  ): Promise<ModerationItemDto[]> {
    const postIds = entries.filter((e) => e.kind === 'post').map((e) => e.row.id);
    const [authors, names, images] = await Promise.all([
      this.authors(
        entries.map((e) => ({ authorId: e.row.authorId, groupId: e.post.groupId })),
        user,
      ),
      this.access.groupNames(entries.map((e) => e.post.groupId)),
      this.images.ofPosts(postIds),
    ]);
    return entries.map(({ kind, row, post, reasons }) => ({
      kind,
      id: row.id,
      group: { id: post.groupId, name: names.get(post.groupId) ?? '' },
      postId: post.id,
      author: authors(row.authorId),
      text: row.text,
      images: kind === 'post' ? (images.get(row.id) ?? []) : [],
      status: row.status as 'published' | 'held',
      checkOutcome: row.checkOutcome,
      reports: { count: reasons.length, reasons },
      queuedAt: row.queuedAt!.toISOString(),
      createdAt: row.createdAt.toISOString(),
    }));
  }

  /**
   * Authors as the viewer may see them: the display name always, the avatar as its owner's
   * visibility allows. An author shares the group they wrote in with the viewer when the
   * viewer is a member of it ("my groups" visibility); `standings` when the caller reads them anyway.
   */
  private async authors(
    items: { authorId: string; groupId: string }[],
    user: AuthUserDto,
    standings?: Promise<Map<string, FeedStanding>>,
  ): Promise<Authors> {
    const [rows, standing] = await Promise.all([
      this.alumni.findByIds([...new Set(items.map((i) => i.authorId))]),
      standings ?? this.access.standings([...new Set(items.map((i) => i.groupId))], user),
    ]);
    const byId = new Map<string, AlumnusEntity>(rows.map((row) => [row.id, row]));
    const groupPeers = new Set(items.filter((i) => standing.get(i.groupId)?.role != null).map((i) => i.authorId));
    return (id) => {
      const alumnus = byId.get(id);
      if (!alumnus || alumnus.deletedAt !== null) return { id, displayName: '已注销校友', avatarUrl: null };
      const avatar = alumnus.avatarKey !== null && canSee(alumnus, 'avatar', { viewer: user, groupPeers });
      return { id, displayName: alumnus.displayName, avatarUrl: avatar ? this.storage.urlFor(alumnus.avatarKey!) : null };
    };
  }
}
