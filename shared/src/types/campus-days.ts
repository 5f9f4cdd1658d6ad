/**
 * Return-to-campus days and class reunions (docs/memories.md): spots on campus with signed
 * codes, the stamp set alumni collect by scanning them, the keepsake at the end, the wall of
 * classes that came back together; and reunions a class proposes and staff turn into events.
 */
import type { EventStatus } from './events.js';

/** The page a spot's mini-program code opens (scene `t=<token>`): it collects that spot's stamp. */
export const CAMPUS_DAY_STAMP_PAGE_PATH = 'packages/campus-days/pages/stamp/index';

export const CAMPUS_DAY_LIMITS = {
  spotName: 30,
  spotDescription: 200,
  /** Spots of one campus day: a stamp card fits on a phone screen. */
  spots: 24,
  /** Codes are accepted from this long before the day starts until this long after it ends. */
  graceMinutes: 60,
  /** A class shows on the day's wall once this many of its alumni are back. */
  classWallMinimum: 2,
  /** Names listed per class on the wall. */
  classWallNames: 12,
} as const;

/** A spot as alumni see it on their stamp card. */
export interface CampusDaySpotDto {
  id: string;
  name: string;
  description: string | null;
  position: number;
  /** When the viewer collected this spot's stamp; null when not (or not signed in). */
  collectedAt: string | null;
}

/** GET /campus-days/:eventId: the day and the viewer's stamp card. */
export interface CampusDayDto {
  event: { id: string; title: string; status: EventStatus; startsAt: string; endsAt: string; venue: string | null };
  spots: CampusDaySpotDto[];
  collectedCount: number;
  /** Every spot stamped: the keepsake is theirs. */
  complete: boolean;
  /** The keepsake's content once complete, else null. */
  keepsake: CampusDayKeepsakeDto | null;
  /** Whether codes are accepted now (the day is on, give or take the grace). */
  open: boolean;
}

/** What the keepsake image shows; drawn on the phone. */
export interface CampusDayKeepsakeDto {
  name: string;
  /** The verified class, e.g. `2016届机械1201班`, or null. */
  className: string | null;
  eventTitle: string;
  /** Beijing day of the event, `2026-05-01`. */
  day: string;
  spotNames: string[];
  completedAt: string;
  /** The n-th alumnus to complete the set that day. */
  completionNumber: number;
  schoolName: string;
}

/** POST /campus-days/stamps: the scanned code. */
export interface CollectStampRequest {
  token: string;
}

export interface CollectStampResultDto {
  spot: { id: string; name: string };
  /** True when this scan collected the stamp; false when it was collected before. */
  collected: boolean;
  day: CampusDayDto;
}

/** One class on the day's wall. */
export interface ClassWallEntryDto {
  groupId: string;
  name: string;
  /** Alumni of the class who collected at least one stamp. */
  count: number;
  names: string[];
}

export interface ClassWallDto {
  eventId: string;
  classes: ClassWallEntryDto[];
  /** Alumni back today, of every class and none. */
  alumniCount: number;
}

/** A spot as staff manage it, with its code. */
export interface StaffCampusDaySpotDto {
  id: string;
  eventId: string;
  name: string;
  description: string | null;
  position: number;
  status: 'active' | 'retired';
  /** The signed code a scan carries (the mini-program code's scene, or a plain QR). */
  token: string;
  /** Stamps collected here. */
  stampCount: number;
  createdAt: string;
}

export interface CampusDaySpotInput {
  name: string;
  description?: string | null;
  position?: number;
}

/** Staff's figures of a campus day. */
export interface StaffCampusDayDto {
  event: CampusDayDto['event'];
  spots: StaffCampusDaySpotDto[];
  /** Alumni with at least one stamp, and with every stamp. */
  visitors: number;
  completed: number;
}

// Reunions

export const REUNION_LIMITS = {
  title: 40,
  message: 500,
  venue: 60,
  city: 20,
  decisionNote: 200,
  /** Open proposals per class at once. */
  openPerClass: 3,
  /** How far ahead a reunion may be proposed. */
  maxDaysAhead: 730,
  capacity: 2000,
} as const;

/**
 * `open`: classmates can say they are interested; `approved`: staff made it an event with
 * sign-up; `declined` by staff; `withdrawn` by its proposer.
 */
export const REUNION_STATUSES = ['open', 'approved', 'declined', 'withdrawn'] as const;
export type ReunionStatus = (typeof REUNION_STATUSES)[number];

export const REUNION_STATUS_LABELS: Record<ReunionStatus, string> = {
  open: '征集中',
  approved: '已成行',
  declined: '未通过',
  withdrawn: '已撤回',
};

export interface ReunionProposalInput {
  classGroupId: string;
  title: string;
  message: string;
  /** ISO times; the end after the start, both ahead. */
  startsAt: string;
  endsAt: string;
  city?: string | null;
  venue?: string | null;
}

export interface ReunionProposalDto {
  id: string;
  classGroup: { id: string; name: string };
  proposer: { id: string; displayName: string };
  title: string;
  message: string;
  startsAt: string;
  endsAt: string;
  city: string | null;
  venue: string | null;
  status: ReunionStatus;
  interestCount: number;
  interestedByMe: boolean;
  /** The event staff made of it, once approved. */
  eventId: string | null;
  decisionNote: string | null;
  /** What the viewer may do now. */
  mayWithdraw: boolean;
  mayExpressInterest: boolean;
  createdAt: string;
}

/** GET /reunions/classes: the classes the caller may propose for, and why not where not. */
export interface ReunionClassDto {
  groupId: string;
  name: string;
  mayPropose: boolean;
  openProposals: number;
}

/**
 * Staff approve a proposal into an event (offline, for the class's members, with sign-up):
 * the place as events need it, the seats, and the time if staff agreed another.
 */
export interface ApproveReunionRequest {
  capacity: number;
  venue: string;
  address: string;
  latitude: number;
  longitude: number;
  city?: string | null;
  startsAt?: string;
  endsAt?: string;
  note?: string | null;
}

export interface DeclineReunionRequest {
  note: string;
}

/** Staff's view adds who is interested. */
export interface StaffReunionProposalDto extends ReunionProposalDto {
  interested: { id: string; displayName: string }[];
}
