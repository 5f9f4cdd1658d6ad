export const EVENT_KINDS = ['homecoming', 'reunion', 'lecture', 'meetup', 'campus_day', 'online'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const EVENT_KIND_LABELS: Record<EventKind, string> = {
  homecoming: '返校日',
  reunion: '同学聚会',
  lecture: '讲座',
  meetup: '校友沙龙',
  campus_day: '校庆返校日',
  online: '线上活动',
};

export const EVENT_STATUSES = ['draft', 'published', 'cancelled', 'finished'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

export const EVENT_STATUS_LABELS: Record<EventStatus, string> = {
  draft: '草稿',
  published: '已发布',
  cancelled: '已取消',
  finished: '已结束',
};

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

export const EVENT_AUDIENCE_KINDS = ['everyone', 'verified', 'group', 'graduation_years'] as const;
export type EventAudienceKind = (typeof EVENT_AUDIENCE_KINDS)[number];

/** Who may sign up. `group` admits the members of one group, `graduation_years` one inclusive range of years. */
export interface EventAudience {
  kind: EventAudienceKind;
  groupId?: string | null;
  yearFrom?: number | null;
  yearTo?: number | null;
}

export const EVENT_QUESTION_KINDS = ['text', 'single', 'multiple'] as const;
export type EventQuestionKind = (typeof EVENT_QUESTION_KINDS)[number];

/** A custom sign-up question; `options` only for single and multiple choice. */
export interface EventQuestion {
  id: string;
  kind: EventQuestionKind;
  label: string;
  required: boolean;
  options?: string[];
}

export const EVENT_LIMITS = {
  title: 100,
  description: 20_000,
  place: 200,
  url: 1000,
  contact: 50,
  questions: 20,
  questionLabel: 200,
  options: 20,
  optionLabel: 100,
  /** Longest answer to a text question, in characters. */
  textAnswer: 500,
  capacity: 100_000,
  /** An uploaded cover picture (cleaned and capped on the server). */
  coverMaxBytes: 5 * 1024 * 1024,
} as const;

/** POST /staff/events/covers: where the uploaded cover is; name it in the event's `coverUrl`. */
export interface EventCoverDto {
  url: string;
}

/** Everything the event page shows. */
export interface EventDetailDto extends EventSummaryDto {
  description: string;
  address: string | null;
  latitude: number | null;
  longitude: number | null;
  onlineUrl: string | null;
  signupOpensAt: string | null;
  signupClosesAt: string | null;
  waitlistEnabled: boolean;
  audience: EventAudience;
  questions: EventQuestion[];
  contactName: string | null;
  contactPhone: string | null;
}

/** POST /staff/events (all fields) and PATCH /staff/events/:id (any of them). */
export interface EventInput {
  title: string;
  kind: EventKind;
  description?: string;
  coverUrl?: string | null;
  online: boolean;
  onlineUrl?: string | null;
  city?: string | null;
  venue?: string | null;
  address?: string | null;
  latitude?: number | null;
  longitude?: number | null;
  startsAt: string;
  endsAt: string;
  signupOpensAt?: string | null;
  signupClosesAt?: string | null;
  capacity: number;
  waitlistEnabled: boolean;
  audience?: EventAudience;
  questions?: EventQuestion[];
  contactName?: string | null;
  contactPhone?: string | null;
}

export const REGISTRATION_STATUSES = ['confirmed', 'waitlisted', 'cancelled'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

export const REGISTRATION_STATUS_LABELS: Record<RegistrationStatus, string> = {
  confirmed: '已确认',
  waitlisted: '候补中',
  cancelled: '已取消',
};

export const EVENT_AUDIENCE_LABELS: Record<EventAudienceKind, string> = {
  everyone: '所有人',
  verified: '已认证校友',
  group: '指定群组成员',
  graduation_years: '指定毕业年份',
};

export const EVENT_QUESTION_KIND_LABELS: Record<EventQuestionKind, string> = {
  text: '填空',
  single: '单选',
  multiple: '多选',
};

/** Answers by question id: text for text questions, one option for single, options for multiple choice. */
export type RegistrationAnswers = Record<string, string | string[]>;

export interface CreateRegistrationRequest {
  answers?: RegistrationAnswers;
}

export interface RegistrationDto {
  id: string;
  eventId: string;
  status: RegistrationStatus;
  answers: RegistrationAnswers;
  checkedInAt: string | null;
  createdAt: string;
}

/** GET /events/:id/registrations/mine: null when I never signed up for the event. */
export interface MyRegistrationDto {
  registration: RegistrationDto | null;
}

/** One of my tickets: the registration with its event. */
export interface TicketDto extends RegistrationDto {
  event: EventSummaryDto;
}

export interface CheckInTokenDto {
  /** Goes into the QR code. */
  token: string;
  /** The same proof, short enough to type. */
  shortCode: string;
  /** When the phone should fetch the next token. */
  refreshAt: string;
}

export interface CheckInRequest {
  token?: string;
  shortCode?: string;
}

export interface CheckInResultDto {
  registrationId: string;
  alumnusId: string;
  displayName: string;
  checkedInAt: string;
  alreadyCheckedIn: boolean;
}

/** A registrant as staff see them. */
export interface RegistrantDto extends RegistrationDto {
  alumnusId: string;
  displayName: string;
  realName: string | null;
  graduationYear: number | null;
  walkIn: boolean;
}

export interface RegistrantCountsDto {
  confirmed: number;
  waitlisted: number;
  cancelled: number;
  checkedIn: number;
}
