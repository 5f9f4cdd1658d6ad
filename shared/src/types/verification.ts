import type { Degree } from './profile.js';

/** How a claim stands: verified at once by a roster match, waiting for staff, or decided by staff. */
export const CLAIM_STATUSES = ['matched', 'pending', 'approved', 'rejected', 'withdrawn'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

export const CLAIM_STATUS_LABELS: Record<ClaimStatus, string> = {
  matched: '已认证（名册匹配）',
  pending: '等待审核',
  approved: '已认证（人工审核）',
  rejected: '未通过',
  withdrawn: '已被新的申请替代',
};

export const CLAIM_LIMITS = {
  name: 30,
  studentNumber: 30,
  className: 30,
  rejectReason: 200,
  evidenceMaxBytes: 2 * 1024 * 1024,
  /** Claims without a roster match an alumnus may file per day (wrong guesses). */
  unmatchedPerDay: 5,
} as const;

/** POST /me/claims: who the alumnus says they are. studentNumber or className is required. */
export interface CreateClaimRequest {
  name: string;
  graduationYear: number;
  departmentId: string;
  studentNumber?: string;
  className?: string;
}

/** A claim as its author sees it. */
export interface ClaimDto {
  id: string;
  status: ClaimStatus;
  name: string;
  graduationYear: number;
  department: { id: string; name: string };
  studentNumber: string | null;
  className: string | null;
  hasEvidence: boolean;
  rejectReason: string | null;
  createdAt: string;
  decidedAt: string | null;
}

/** A roster entry staff may attach to a claim they approve. */
export interface RosterCandidateDto {
  id: string;
  name: string;
  studentNumber: string;
  graduationYear: number;
  department: { id: string; name: string };
  major: string | null;
  className: string | null;
  claimed: boolean;
}

/** A claim in the staff queue, with how long it has waited and the entries it could be. */
export interface StaffClaimDto extends ClaimDto {
  alumnus: { id: string; displayName: string };
  waitingSeconds: number;
  candidates: RosterCandidateDto[];
}

export interface ApproveClaimRequest {
  /** The roster entry the alumnus is; left out, the verification stands without one. */
  rosterEntryId?: string;
}

export interface RejectClaimRequest {
  reason: string;
}

export interface ClaimStatsDto {
  pendingCount: number;
  /** Median seconds from claim to verified over the last 30 days (roster matches count 0); null when none. */
  medianSecondsToVerified: number | null;
  verifiedLast30Days: number;
}

/** Whether a roster entry has been claimed by an account: the staff roster list's filter. */
export const ROSTER_CLAIM_STATES = ['claimed', 'unclaimed'] as const;
export type RosterClaimState = (typeof ROSTER_CLAIM_STATES)[number];

/** A roster entry in the staff roster list (GET /staff/roster/entries). */
export interface StaffRosterEntryDto extends RosterCandidateDto {
  degree: Degree | null;
  /** When the entry was claimed; null while unclaimed. */
  claimedAt: string | null;
  /** When the entry entered the roster (its import's commit); the list's order, newest first. */
  createdAt: string;
}
