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
  url: string;
  /**
   * The picture at most 480 px on its longest side, for feeds and the composer; serves the
   * picture itself for one uploaded before thumbnails were made.
   */
  thumbnailUrl: string;
}

/**
 * What the viewer may do with a post, computed by the server from their membership and role
 * (the same rules its routes enforce), so the page shows only the buttons that work.
 */
export interface GroupPostPermissions {
  mayLike: boolean;
  mayComment: boolean;
  mayEdit: boolean;
  mayDelete: boolean;
  mayReport: boolean;
  mayPin: boolean;
}

/** What the viewer may do with a comment (see GroupPostPermissions). */
export type GroupCommentPermissions = Pick<GroupPostPermissions, 'mayDelete' | 'mayReport'>;

export interface GroupPostDto extends GroupPostPermissions {
  id: string;
  group: { id: string; name: string };
  author: GroupPostAuthorDto;
  text: string;
  images: GroupPostImageDto[];
  /** Only `published` or `held` (the viewer's own, or any for staff) are ever shown. */
  status: 'published' | 'held';
  pinned: boolean;
  likeCount: number;
  commentCount: number;
  likedByMe: boolean;
  createdAt: string;
  editedAt: string | null;
}

/** One group's feed page; the pinned announcements come with the first page only. */
export interface GroupFeedPageDto extends Page<GroupPostDto> {
  pinned: GroupPostDto[];
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
