import type { EventSummaryDto, Page } from '@alumni/shared';
import { request } from './request';

export type EventListQuery = {
  /** upcoming: not yet ended, soonest first; past: ended, latest first. */
  when?: 'upcoming' | 'past';
  limit?: number;
  cursor?: string;
};

export function listEvents(query: EventListQuery = {}): Promise<Page<EventSummaryDto>> {
  return request<Page<EventSummaryDto>>({ path: '/api/v1/events', query });
}
