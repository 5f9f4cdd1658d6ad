import type {
  GroupCommentDto,
  GroupFeedPageDto,
  GroupPostDto,
  GroupPostImageDto,
  GroupPostLikeDto,
  GroupPostReportDto,
  ModerationItemDto,
  Page,
} from '@alumni/shared';
import type { PageQuery } from './groups';
import { partialUpdate, request, uploadFile, type UploadOptions } from './request';

const post = (id: string) => `/api/v1/group-posts/${encodeURIComponent(id)}`;

/** One group's feed, newest first; the pinned announcements come with the first page. */
export function getGroupFeed(groupId: string, query: PageQuery = {}): Promise<GroupFeedPageDto> {
  return request<GroupFeedPageDto>({ path: `/api/v1/groups/${encodeURIComponent(groupId)}/posts`, query });
}

/** Posts of all my groups, newest first. */
export function getMyGroupFeed(query: PageQuery = {}): Promise<Page<GroupPostDto>> {
  return request<Page<GroupPostDto>>({ path: '/api/v1/me/group-feed', query });
}

/** Published at once, or `held` for staff review (then only its author sees it). Risky text fails with CONTENT_RISKY. */
export function createGroupPost(groupId: string, input: { text: string; imageIds: string[] }): Promise<GroupPostDto> {
  return request<GroupPostDto>({ method: 'POST', path: `/api/v1/groups/${encodeURIComponent(groupId)}/posts`, body: input });
}

/** The author edits text and images; the text is checked again, so an edit may be held like a new post. */
export function updateGroupPost(id: string, input: { text: string; imageIds: string[] }): Promise<GroupPostDto> {
  return partialUpdate<GroupPostDto>(post(id), input);
}

/** Uploads one picked image; the post attaches it by id. */
export function uploadGroupPostImage(filePath: string, options?: UploadOptions): Promise<GroupPostImageDto> {
  return uploadFile<GroupPostImageDto>('/api/v1/group-posts/images', filePath, options);
}

export function getGroupPost(id: string): Promise<GroupPostDto> {
  return request<GroupPostDto>({ path: post(id) });
}

export function deleteGroupPost(id: string): Promise<void> {
  return request<void>({ method: 'DELETE', path: post(id) });
}

export function setGroupPostPinned(id: string, pinned: boolean): Promise<GroupPostDto> {
  return request<GroupPostDto>({ method: pinned ? 'PUT' : 'DELETE', path: `${post(id)}/pin` });
}

export function setGroupPostLiked(id: string, liked: boolean): Promise<GroupPostLikeDto> {
  return request<GroupPostLikeDto>({ method: liked ? 'PUT' : 'DELETE', path: `${post(id)}/like` });
}

export function reportGroupPost(id: string, reason: string): Promise<GroupPostReportDto> {
  return request<GroupPostReportDto>({ method: 'POST', path: `${post(id)}/reports`, body: { reason } });
}

export function reportGroupComment(id: string, reason: string): Promise<GroupPostReportDto> {
  return request<GroupPostReportDto>({
    method: 'POST',
    path: `/api/v1/group-comments/${encodeURIComponent(id)}/reports`,
    body: { reason },
  });
}

/** Comments oldest first: published ones and my held ones. */
export function listGroupComments(postId: string, query: PageQuery = {}): Promise<Page<GroupCommentDto>> {
  return request<Page<GroupCommentDto>>({ path: `${post(postId)}/comments`, query });
}

export function createGroupComment(postId: string, text: string): Promise<GroupCommentDto> {
  return request<GroupCommentDto>({ method: 'POST', path: `${post(postId)}/comments`, body: { text } });
}

export function deleteGroupComment(id: string): Promise<void> {
  return request<void>({ method: 'DELETE', path: `/api/v1/group-comments/${encodeURIComponent(id)}` });
}

/** Staff: held and reported posts and comments, oldest first. */
export function listModerationQueue(query: PageQuery = {}): Promise<Page<ModerationItemDto>> {
  return request<Page<ModerationItemDto>>({ path: '/api/v1/staff/group-moderation', query });
}

export type ModerationAction = 'approve' | 'reject' | 'remove';

export function decideModeration(item: Pick<ModerationItemDto, 'kind' | 'id'>, action: ModerationAction, note?: string): Promise<void> {
  return request<void>({
    method: 'POST',
    path: `/api/v1/staff/group-moderation/${item.kind === 'post' ? 'posts' : 'comments'}/${encodeURIComponent(item.id)}/${action}`,
    body: note ? { note } : {},
  });
}
