import type { ContentReviewDto, Page } from '@alumni/shared';
import type { PageQuery } from './groups';
import { request } from './request';

/** Staff: held profile text, donors' messages and images, oldest first, each with why it waits. */
export function listContentReviews(query: PageQuery = {}): Promise<Page<ContentReviewDto>> {
  return request<Page<ContentReviewDto>>({ path: '/api/v1/staff/content-reviews', query });
}

export type ContentReviewAction = 'approve' | 'reject';

export function decideContentReview(id: string, action: ContentReviewAction, note?: string): Promise<void> {
  return request<void>({
    method: 'POST',
    path: `/api/v1/staff/content-reviews/${encodeURIComponent(id)}/${action}`,
    body: note ? { note } : {},
  });
}
