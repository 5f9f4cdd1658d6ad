export const EVENT_KINDS = ['homecoming', 'reunion', 'lecture', 'meetup', 'campus_day', 'online'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const EVENT_KIND_LABELS: Record<EventKind, string> = {
  homecoming: '返校日',
  reunion: '同学聚会',
  lecture: '讲座',
  meetup: '校友沙龙',
  campus_day: '校园开放日',
  online: '线上活动',
};

export const EVENT_STATUSES = ['draft', 'published', 'cancelled', 'finished'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

/** What a list of events shows for each one. */
export interface EventSummaryDto {
  id: string;
  title: string;
  kind: EventKind;
  status: EventStatus;
  startsAt: string;
  endsAt: string;
  city: string | null;
  /** Place name for offline events, null for online ones. */
  venue: string | null;
  online: boolean;
  capacity: number;
  confirmedCount: number;
  coverUrl: string | null;
}
