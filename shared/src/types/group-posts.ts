import type { Page } from './pagination.js';

export const GROUP_POST_LIMITS = {
  /** Characters of a post; msgSecCheck takes at most 2,500. */
  text: 2000,
  comment: 500,
  images: 9,
  imageMaxBytes: 2 * 1024 * 1024,
  reportReason: 200,
  moderationNote: 200,
  /** Pinned announcements per group. */
  pinned: 3,
} as const;

/**
 * `published`: everyone who may read the feed sees it. `held`: waiting for staff (the
 * content check said review, or could not answer); only its author and staff see it.
 * `rejected` (by staff) and `removed` (by its author, a group admin or staff): nobody does.
 */
export const GROUP_POST_STATUSES = ['published', 'held', 'rejected', 'removed'] as const;
export type GroupPostStatus = (typeof GROUP_POST_STATUSES)[number];

/** What WeChat's content check said; `unavailable` when it gave no verdict (the item is held). */
export const CONTENT_CHECK_OUTCOMES = ['pass', 'review', 'risky', 'unavailable'] as const;
export type ContentCheckOutcome = (typeof CONTENT_CHECK_OUTCOMES)[number];

export interface GroupPostAuthorDto {
  id: string;
  displayName: string;
  avatarUrl: string | null;
}

export interface GroupPostImageDto {
  id: string;
  /** The picture; its thumbnail is at `postImageThumbnailUrl(url)`. */
  url: string;
}

/**
 * Where a post image's thumbnail is served, beside the picture (`….jpg` → `….thumb.jpg`): at
 * most 480 px on its longest side, for feeds and the composer; the picture itself for one
 * uploaded before thumbnails were made. Derived rather than sent: a feed page has dozens.
 */
export function postImageThumbnailUrl(url: string): string {
  return url.replace(/(\.[a-z]+)$/, '.thumb$1');
}

/**
 * What the viewer may do with a post, computed by the server from their membership and role
 * (the same rules its routes enforce), so the page shows only the buttons that work. Only the
 * flags that are true are sent: one left out means no.
 */
export interface GroupPostPermissions {
  mayLike?: true;
  mayComment?: true;
  mayEdit?: true;
  mayDelete?: true;
  mayReport?: true;
  mayPin?: true;
}

/** What the viewer may do with a comment (see GroupPostPermissions). */
export type GroupCommentPermissions = Pick<GroupPostPermissions, 'mayDelete' | 'mayReport'>;

/**
 * A post as a group's own feed shows it: that group is the one asked for, so it is not
 * repeated in every post. As with the permissions, `pinned`, `likedByMe` and `editedAt` are
 * left out when false or never.
 */
export interface GroupFeedPostDto extends GroupPostPermissions {
  id: string;
  author: GroupPostAuthorDto;
  text: string;
  images: GroupPostImageDto[];
  /** Only `published` or `held` (the viewer's own, or any for staff) are ever shown. */
  status: 'published' | 'held';
  pinned?: true;
  likeCount: number;
  commentCount: number;
  likedByMe?: true;
  createdAt: string;
  editedAt?: string;
}

/** A post on its own or in the "my groups" feed, which names the group it is from. */
export interface GroupPostDto extends GroupFeedPostDto {
  group: { id: string; name: string };
}

/** One group's feed page; the pinned announcements come with the first page only. */
export interface GroupFeedPageDto extends Page<GroupFeedPostDto> {
  pinned: GroupFeedPostDto[];
}

export interface GroupCommentDto extends GroupCommentPermissions {
  id: string;
  postId: string;
  author: GroupPostAuthorDto;
  text: string;
  status: 'published' | 'held';
  createdAt: string;
}

export interface GroupPostLikeDto {
  liked: boolean;
  likeCount: number;
}

/** A member's open report of a post, or of a comment (`commentId` set). */
export interface GroupPostReportDto {
  id: string;
  postId: string;
  commentId: string | null;
  reason: string;
  createdAt: string;
}

/** A held or reported post or comment in the staff moderation queue (oldest first). */
export interface ModerationItemDto {
  kind: 'post' | 'comment';
  id: string;
  group: { id: string; name: string };
  postId: string;
  author: GroupPostAuthorDto;
  text: string;
  images: GroupPostImageDto[];
  status: 'published' | 'held';
  checkOutcome: ContentCheckOutcome;
  reports: { count: number; reasons: string[] };
  queuedAt: string;
  createdAt: string;
}

export interface CreateGroupPostRequest {
  text: string;
  /** Ids from POST /group-posts/images, in display order. */
  imageIds?: string[];
}

export interface CreateGroupCommentRequest {
  text: string;
}

export interface ReportGroupPostRequest {
  reason: string;
}

export interface ModerationDecisionRequest {
  note?: string;
}
