/**
 * Stories and news (docs/memories.md): association news, alumni stories and profiles of
 * outstanding alumni (杰出校友). Alumni submit, staff review and publish; a story about
 * someone waits for that person's consent.
 */
import { uuidOfScene, uuidScene } from '../scenes.js';
import type { MemoryCommentDto } from './memories.js';

/** A story's page; its poster's mini-program code opens it with scene `s=<story id, base64url>`. */
export const STORY_PAGE_PATH = 'packages/stories/pages/story/index';

/** The scene of a story's mini-program code: `s=` and the id (scenes.ts). */
export function storyScene(id: string): string {
  return uuidScene('s', id);
}

/** The story id of a scene made by `storyScene` (as WeChat hands it over, maybe percent-encoded), or null. */
export function storyIdOfScene(scene: string): string | null {
  return uuidOfScene('s', scene);
}

export const STORY_KINDS = ['news', 'alumni_story', 'outstanding_alumnus'] as const;
export type StoryKind = (typeof STORY_KINDS)[number];

export const STORY_KIND_LABELS: Record<StoryKind, string> = {
  news: '校友会新闻',
  alumni_story: '校友故事',
  outstanding_alumnus: '杰出校友',
};

/**
 * `draft`: being written (the author's, or staff's); `submitted`: an alumnus sent it for review;
 * `returned`: staff sent it back with a note; `published`: everyone reads it; `withdrawn`: its
 * author took it back, or staff took it down.
 */
export const STORY_STATUSES = ['draft', 'submitted', 'returned', 'published', 'withdrawn'] as const;
export type StoryStatus = (typeof STORY_STATUSES)[number];

export const STORY_STATUS_LABELS: Record<StoryStatus, string> = {
  draft: '草稿',
  submitted: '待审核',
  returned: '已退回',
  published: '已发布',
  withdrawn: '已撤下',
};

/**
 * The consent of the person a story is about: `not_needed` (news, or a story the author wrote
 * about themself), `pending` (not asked yet, or asked about an earlier version), `requested`,
 * `given`, `refused`. A story that needs consent is published only with `given` for its
 * current version.
 */
export const STORY_CONSENT_STATUSES = ['not_needed', 'pending', 'requested', 'given', 'refused'] as const;
export type StoryConsentStatus = (typeof STORY_CONSENT_STATUSES)[number];

export const STORY_CONSENT_LABELS: Record<StoryConsentStatus, string> = {
  not_needed: '无需授权',
  pending: '待征求本人同意',
  requested: '已请本人确认',
  given: '本人已同意',
  refused: '本人不同意',
};

/** How a consent was given: by the person in the app, or on paper / by phone, recorded by staff. */
export const STORY_CONSENT_METHODS = ['in_app', 'offline'] as const;
export type StoryConsentMethod = (typeof STORY_CONSENT_METHODS)[number];

/** What a story of a donor or mentor links to: a campaign, or the mentoring programme (校友导师计划). */
export const STORY_LINK_KINDS = ['campaign', 'mentoring'] as const;
export type StoryLinkKind = (typeof STORY_LINK_KINDS)[number];

export interface StoryLinkInput {
  kind: StoryLinkKind;
  /** The campaign; none for the mentoring programme. */
  id?: string | null;
}

export interface StoryLinkDto {
  kind: StoryLinkKind;
  id: string | null;
  /** What the link reads, e.g. the campaign's title. */
  title: string;
  /** The mini-program page it opens, with its query, starting with `/`. */
  page: string;
}

export const STORY_LIMITS = {
  title: 60,
  summary: 120,
  /** Characters of the body as sent (rich text, before sanitising). */
  body: 20000,
  subjectName: 40,
  links: 3,
  reviewNote: 200,
  consentNote: 200,
  comment: 500,
  reportReason: 200,
  /** A cover as uploaded (UPLOAD_TOO_LARGE above it, as for group covers). */
  coverMaxBytes: 2 * 1024 * 1024,
} as const;

export interface StoryPersonDto {
  id: string;
  displayName: string;
  avatarUrl: string | null;
}

/** A story in a list. */
export interface StorySummaryDto {
  id: string;
  kind: StoryKind;
  status: StoryStatus;
  title: string;
  summary: string;
  coverUrl: string | null;
  /** Who the story is about, as shown (e.g. `张伟 · 1998届机械`), or null. */
  subjectName: string | null;
  publishedAt: string | null;
  readCount: number;
  likeCount: number;
  commentCount: number;
  /** Whether the person it is about has agreed (staff publish only with `given` or `not_needed`). */
  consentStatus: StoryConsentStatus;
}

/** A story as its reader sees it. */
export interface StoryDto extends StorySummaryDto {
  /** Sanitised rich text. */
  body: string;
  author: StoryPersonDto | null;
  subject: StoryPersonDto | null;
  links: StoryLinkDto[];
  likedByMe: boolean;
  /** What the viewer may do. */
  mayLike: boolean;
  mayComment: boolean;
  mayEdit: boolean;
  /** The person the story is about, asked for their consent and not yet answered for this version. */
  mayConsent: boolean;
  /** The poster's mini-program code image (GET), for a published story. */
  posterCodeUrl: string | null;
  /** Staff's note when they returned it (author and staff). */
  reviewNote: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A story as its author and staff manage it. */
export interface StoryManageDto extends StoryDto {
  subjectAlumnusId: string | null;
  linkInputs: StoryLinkInput[];
  revision: number;
  consent: {
    status: StoryConsentStatus;
    method: StoryConsentMethod | null;
    at: string | null;
    /** The version consented to; publishing needs the current one. */
    revision: number | null;
    note: string | null;
  };
  /** WeChat's label when the text check asked for review, else null. */
  checkLabel: number | null;
  submittedAt: string | null;
}

export interface StoryInput {
  kind: StoryKind;
  title: string;
  summary?: string;
  body: string;
  /** The alumnus the story is about (an outstanding alumnus's profile needs one, or a subjectName). */
  subjectAlumnusId?: string | null;
  subjectName?: string | null;
  links?: StoryLinkInput[];
}

/** POST /stories/:id/consent, by the person the story is about. */
export interface StoryConsentRequest {
  given: boolean;
  note?: string | null;
}

/** POST /staff/stories/:id/consent: a consent given outside the app (signed form, phone call). */
export interface OfflineConsentRequest {
  note: string;
}

export interface StoryReviewRequest {
  note: string;
}

export interface StoryLikeDto {
  liked: boolean;
  likeCount: number;
}

export type StoryCommentDto = MemoryCommentDto;
