/**
 * Memories (docs/memories.md): old photos on class and year walls (老照片), the people tagged
 * in them with their consent, 我在这里, comments; and the campus timeline staff curate.
 */

export const MEMORY_LIMITS = {
  caption: 500,
  place: 40,
  /** The earliest year a photo may be from (the school's founding decade at the latest). */
  earliestYear: 1900,
  comment: 500,
  reportReason: 200,
  moderationNote: 200,
  imageMaxBytes: 8 * 1024 * 1024,
  /** People tagged in one photo. */
  tags: 50,
  timelineTitle: 60,
  timelineBody: 1000,
  timelinePhotos: 9,
  /** Names listed under 我在这里. */
  presenceNames: 20,
} as const;

/**
 * `checking`: WeChat's image check has not answered yet (only its uploader and staff see it);
 * `published`: every verified alumnus sees it; `held`: the check asked for review (staff decide);
 * `rejected` by the check or staff; `removed` by its uploader or staff.
 */
export const MEMORY_PHOTO_STATUSES = ['checking', 'published', 'held', 'rejected', 'removed'] as const;
export type MemoryPhotoStatus = (typeof MEMORY_PHOTO_STATUSES)[number];

export const MEMORY_PHOTO_STATUS_LABELS: Record<MemoryPhotoStatus, string> = {
  checking: '审核中',
  published: '已发布',
  held: '待人工审核',
  rejected: '未通过审核',
  removed: '已删除',
};

/** An image uploaded for a photo or a story cover, before it is used. */
export interface MemoryImageDto {
  id: string;
  url: string;
  thumbnailUrl: string;
}

/**
 * A tag waits (`pending`) until the tagged alumnus says their name may show (`accepted`) or
 * not (`declined`); tagging oneself is accepted at once.
 */
export const PHOTO_TAG_STATUSES = ['pending', 'accepted', 'declined'] as const;
export type PhotoTagStatus = (typeof PHOTO_TAG_STATUSES)[number];

export interface PhotoTagDto {
  id: string;
  /** The tagged alumnus: the name shows to others only once accepted. */
  alumnus: { id: string; displayName: string } | null;
  status: PhotoTagStatus;
  /** Where on the photo (0–1 from the left and the top), or null. */
  x: number | null;
  y: number | null;
  taggedByMe: boolean;
  isMe: boolean;
}

export interface MemoryPhotoDto {
  id: string;
  url: string;
  thumbnailUrl: string;
  year: number;
  place: string | null;
  caption: string;
  /** The class wall it is on, or null for the school's wall of its year. */
  classGroup: { id: string; name: string } | null;
  uploader: { id: string; displayName: string } | null;
  status: MemoryPhotoStatus;
  tags: PhotoTagDto[];
  presenceCount: number;
  /** Up to MEMORY_LIMITS.presenceNames names of those who said 我在这里. */
  presenceNames: string[];
  presentByMe: boolean;
  commentCount: number;
  mayTag: boolean;
  mayComment: boolean;
  mayDelete: boolean;
  mayReport: boolean;
  createdAt: string;
}

export interface MemoryPhotoInput {
  imageId: string;
  year: number;
  place?: string | null;
  caption: string;
  classGroupId?: string | null;
}

export interface PhotoTagInput {
  alumnusId: string;
  x?: number | null;
  y?: number | null;
}

/** A tag waiting for the caller's answer (GET /memories/tags/pending), with the photo it is on. */
export interface PendingPhotoTagDto {
  id: string;
  photo: { id: string; thumbnailUrl: string; year: number; place: string | null; caption: string };
  taggedBy: { id: string; displayName: string } | null;
  createdAt: string;
}

/** Someone who may be tagged in a photo: a verified classmate of its class. */
export interface TagCandidateDto {
  id: string;
  displayName: string;
}

export interface PhotoTagDecisionRequest {
  accept: boolean;
}

export interface PresenceDto {
  present: boolean;
  presenceCount: number;
}

/** GET /memories/walls: what there is to browse. */
export interface MemoryWallsDto {
  years: { year: number; photoCount: number }[];
  classes: { groupId: string; name: string; photoCount: number; mine: boolean }[];
}

// Comments (photos and stories)

export const MEMORY_COMMENT_STATUSES = ['published', 'held'] as const;

export interface MemoryCommentDto {
  id: string;
  author: { id: string; displayName: string; avatarUrl: string | null };
  text: string;
  status: 'published' | 'held';
  createdAt: string;
  mayDelete: boolean;
  mayReport: boolean;
}

export interface MemoryCommentInput {
  text: string;
}

export interface MemoryReportInput {
  reason: string;
}

// Timeline

export interface TimelineEntryDto {
  id: string;
  year: number;
  month: number | null;
  title: string;
  place: string | null;
  body: string;
  photos: { id: string; url: string; thumbnailUrl: string; caption: string }[];
  status: 'draft' | 'published';
  createdAt: string;
}

export interface TimelineEntryInput {
  year: number;
  month?: number | null;
  title: string;
  place?: string | null;
  body?: string;
  photoIds?: string[];
  published?: boolean;
}

/** The decades the timeline covers, for its navigation. */
export interface TimelineDecadeDto {
  decade: number;
  entryCount: number;
}
