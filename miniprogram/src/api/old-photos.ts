import type {
  MemoryCommentDto,
  MemoryImageDto,
  MemoryPhotoDto,
  MemoryPhotoInput,
  MemoryWallsDto,
  Page,
  PendingPhotoTagDto,
  PhotoTagDto,
  PhotoTagInput,
  PresenceDto,
  TagCandidateDto,
  TimelineDecadeDto,
  TimelineEntryDto,
  TimelineEntryInput,
} from '@alumni/shared';
import type { PageQuery } from './groups';
import { request, uploadFile, type UploadOptions } from './request';

/** Old photos (老照片) and the campus timeline: docs/memories.md. */
const photo = (id: string) => `/api/v1/memories/photos/${encodeURIComponent(id)}`;

export function getMemoryWalls(): Promise<MemoryWallsDto> {
  return request<MemoryWallsDto>({ path: '/api/v1/memories/walls' });
}

export type WallQuery = { classGroupId?: string; year?: number; place?: string } & PageQuery;

/** A class wall or a year wall, newest first (my own photos still being checked included). */
export function listMemoryPhotos(query: WallQuery): Promise<Page<MemoryPhotoDto>> {
  return request<Page<MemoryPhotoDto>>({ path: '/api/v1/memories/photos', query });
}

/** Uploads one picked picture (location data is stripped on the server); the photo uses it by id. */
export function uploadMemoryImage(filePath: string, options?: UploadOptions): Promise<MemoryImageDto> {
  return uploadFile<MemoryImageDto>('/api/v1/memories/images', filePath, options);
}

/** Shown once WeChat's image check passes it (`checking` until then); risky caption text fails with CONTENT_RISKY. */
export function createMemoryPhoto(input: MemoryPhotoInput): Promise<MemoryPhotoDto> {
  return request<MemoryPhotoDto>({ method: 'POST', path: '/api/v1/memories/photos', body: input });
}

export function getMemoryPhoto(id: string): Promise<MemoryPhotoDto> {
  return request<MemoryPhotoDto>({ path: photo(id) });
}

export function deleteMemoryPhoto(id: string): Promise<void> {
  return request<void>({ method: 'DELETE', path: photo(id) });
}

/** Tagging myself shows at once; anyone else is asked first. */
export function tagMemoryPhoto(id: string, input: PhotoTagInput): Promise<PhotoTagDto> {
  return request<PhotoTagDto>({ method: 'POST', path: `${photo(id)}/tags`, body: input });
}

export function listTagCandidates(id: string): Promise<TagCandidateDto[]> {
  return request<TagCandidateDto[]>({ path: `${photo(id)}/tag-candidates` });
}

export function listPendingTags(): Promise<PendingPhotoTagDto[]> {
  return request<PendingPhotoTagDto[]>({ path: '/api/v1/memories/tags/pending' });
}

/** The person tagged lets their name show, or takes the tag off. */
export function decidePhotoTag(id: string, accept: boolean): Promise<PhotoTagDto> {
  return request<PhotoTagDto>({ method: 'POST', path: `/api/v1/memories/tags/${encodeURIComponent(id)}/decision`, body: { accept } });
}

export function setPresence(id: string, present: boolean): Promise<PresenceDto> {
  return request<PresenceDto>({ method: present ? 'PUT' : 'DELETE', path: `${photo(id)}/presence` });
}

export function listPhotoComments(id: string, query: PageQuery = {}): Promise<Page<MemoryCommentDto>> {
  return request<Page<MemoryCommentDto>>({ path: `${photo(id)}/comments`, query });
}

export function createPhotoComment(id: string, text: string): Promise<MemoryCommentDto> {
  return request<MemoryCommentDto>({ method: 'POST', path: `${photo(id)}/comments`, body: { text } });
}

export function deletePhotoComment(id: string): Promise<void> {
  return request<void>({ method: 'DELETE', path: `/api/v1/memories/photo-comments/${encodeURIComponent(id)}` });
}

export function reportMemoryPhoto(id: string, reason: string): Promise<void> {
  return request<void>({ method: 'POST', path: `${photo(id)}/reports`, body: { reason } });
}

export function reportPhotoComment(id: string, reason: string): Promise<void> {
  return request<void>({ method: 'POST', path: `/api/v1/memories/photo-comments/${encodeURIComponent(id)}/reports`, body: { reason } });
}

export function getTimeline(query: { decade?: number; year?: number; place?: string } = {}): Promise<TimelineEntryDto[]> {
  return request<TimelineEntryDto[]>({ path: '/api/v1/memories/timeline', query });
}

export function getTimelineDecades(): Promise<TimelineDecadeDto[]> {
  return request<TimelineDecadeDto[]>({ path: '/api/v1/memories/timeline/decades' });
}

// Staff

export function listTimelineForStaff(query: { decade?: number } = {}): Promise<TimelineEntryDto[]> {
  return request<TimelineEntryDto[]>({ path: '/api/v1/staff/memories/timeline', query });
}

export function saveTimelineEntry(id: string | null, input: TimelineEntryInput): Promise<TimelineEntryDto> {
  return id === null
    ? request<TimelineEntryDto>({ method: 'POST', path: '/api/v1/staff/memories/timeline', body: input })
    : request<TimelineEntryDto>({ method: 'PUT', path: `/api/v1/staff/memories/timeline/${encodeURIComponent(id)}`, body: input });
}

export function deleteTimelineEntry(id: string): Promise<void> {
  return request<void>({ method: 'DELETE', path: `/api/v1/staff/memories/timeline/${encodeURIComponent(id)}` });
}
