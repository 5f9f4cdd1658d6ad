import type {
  Page,
  StoryCommentDto,
  StoryDto,
  StoryInput,
  StoryKind,
  StoryLikeDto,
  StoryManageDto,
  StoryStatus,
  StorySummaryDto,
} from '@alumni/shared';
import { request, uploadFile } from './request';

interface PageQuery {
  cursor?: string;
  limit?: number;
}

const base = (id: string) => `/api/v1/stories/${encodeURIComponent(id)}`;

/** Published stories and news, newest first. */
export function listStories(query: PageQuery & { kind?: StoryKind } = {}): Promise<Page<StorySummaryDto>> {
  return request<Page<StorySummaryDto>>({ path: '/api/v1/stories', query: { ...query } });
}

/** The stories I wrote, and those about me I was asked to consent to. */
export function listMyStories(query: PageQuery = {}): Promise<Page<StorySummaryDto>> {
  return request<Page<StorySummaryDto>>({ path: '/api/v1/me/stories', query: { ...query } });
}

/** A story (counts my read once a day); its author, staff and the person it is about also get the managing fields. */
export function getStory(id: string): Promise<StoryDto & Partial<StoryManageDto>> {
  return request<StoryDto & Partial<StoryManageDto>>({ path: base(id) });
}

export function createStory(input: StoryInput): Promise<StoryManageDto> {
  return request<StoryManageDto>({ method: 'POST', path: '/api/v1/stories', body: input });
}

export function updateStory(id: string, input: StoryInput): Promise<StoryManageDto> {
  return request<StoryManageDto>({ method: 'PUT', path: base(id), body: input });
}

export function uploadStoryCover(id: string, filePath: string): Promise<StoryManageDto> {
  return uploadFile<StoryManageDto>(`${base(id)}/cover`, filePath);
}

export function submitStory(id: string): Promise<StoryManageDto> {
  return request<StoryManageDto>({ method: 'POST', path: `${base(id)}/submit` });
}

/** The person a story is about answers whether this version may be published. */
export function answerStoryConsent(id: string, given: boolean, note?: string): Promise<StoryManageDto> {
  return request<StoryManageDto>({ method: 'POST', path: `${base(id)}/consent`, body: { given, ...(note ? { note } : {}) } });
}

export function likeStory(id: string): Promise<StoryLikeDto> {
  return request<StoryLikeDto>({ method: 'PUT', path: `${base(id)}/like` });
}

export function unlikeStory(id: string): Promise<StoryLikeDto> {
  return request<StoryLikeDto>({ method: 'DELETE', path: `${base(id)}/like` });
}

export function listStoryComments(id: string, query: PageQuery = {}): Promise<Page<StoryCommentDto>> {
  return request<Page<StoryCommentDto>>({ path: `${base(id)}/comments`, query: { ...query } });
}

export function commentOnStory(id: string, text: string): Promise<StoryCommentDto> {
  return request<StoryCommentDto>({ method: 'POST', path: `${base(id)}/comments`, body: { text } });
}

export function deleteStoryComment(commentId: string): Promise<void> {
  return request<void>({ method: 'DELETE', path: `/api/v1/story-comments/${encodeURIComponent(commentId)}` });
}

export function reportStoryComment(commentId: string, reason: string): Promise<void> {
  return request<void>({ method: 'POST', path: `/api/v1/story-comments/${encodeURIComponent(commentId)}/reports`, body: { reason } });
}

// Staff

export function listStaffStories(status: StoryStatus, query: PageQuery = {}): Promise<Page<StorySummaryDto>> {
  return request<Page<StorySummaryDto>>({ path: '/api/v1/staff/stories', query: { status, ...query } });
}

export type StaffStoryAction = 'publish' | 'return' | 'withdraw' | 'consent';

/** Publish (no note), return or withdraw (the note tells the author why), or record an offline consent (the note says how). */
export function decideStory(id: string, action: StaffStoryAction, note?: string): Promise<StoryManageDto> {
  return request<StoryManageDto>({
    method: 'POST',
    path: `/api/v1/staff/stories/${encodeURIComponent(id)}/${action}`,
    body: note ? { note } : {},
  });
}
