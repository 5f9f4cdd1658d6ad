/**
 * Content security beyond group posts and comments (docs/content-security.md): text an
 * alumnus writes elsewhere (profile fields, a donor's message) and every uploaded image. What WeChat could not clear waits here for staff.
 */

/** Kinds of held content; each is owned by one module, which applies the staff's decision. */
export const HELD_CONTENT_KINDS = [
  'profile-text',
  'donation-message',
  'avatar',
  'group-cover',
  'post-image',
  'claim-evidence',
  'campaign-photo',
  'memory-photo',
  'memory-comment',
  'story-cover',
  'story-comment',
  'event-cover',
] as const;
export type HeldContentKind = (typeof HELD_CONTENT_KINDS)[number];

/**
 * Why an item waits: WeChat asked for a person (`review`), gave no verdict (`unavailable`), or
 * alumni reported it (`reported`: `detail` carries the latest reason given).
 */
export const CONTENT_REVIEW_REASONS = ['review', 'unavailable', 'reported'] as const;
export type ContentReviewReason = (typeof CONTENT_REVIEW_REASONS)[number];

export const CONTENT_REVIEW_LIMITS = { note: 200 } as const;

export interface ContentReviewDto {
  id: string;
  kind: HeldContentKind;
  /** The record it belongs to (the alumnus, the donation, the group, the image…). */
  subjectId: string;
  /** For text: which field (`bio`, `message`, `name`…); empty for images. */
  field: string;
  author: { id: string; displayName: string } | null;
  /** The text as written, or null for an image. */
  text: string | null;
  /** The image, for staff to look at; null for text. */
  imageUrl: string | null;
  reason: ContentReviewReason;
  /** WeChat's label (e.g. 20012 vulgar) when it asked for review; null when it gave none. */
  label: number | null;
  /** Why WeChat gave no verdict (timeout, an errcode…), in the log's words; null otherwise. */
  detail: string | null;
  /** For reason `reported`: how many readers reported it (each counted once); 0 otherwise. */
  reportCount: number;
  queuedAt: string;
}

export interface ContentReviewDecisionRequest {
  note?: string;
}
