import type { ClaimDto } from './verification.js';
import type { Page } from './pagination.js';

/**
 * Duplicate records (docs/reach.md): candidate pairs of alumni records that may be one
 * person, scored by the server's scan, reviewed and merged (or dismissed) by staff.
 */

/** Why a pair is a candidate, each adding to the score (docs/reach.md, Duplicate records). */
export const DUPLICATE_REASONS = {
  unionid: { points: 50, label: '微信 unionid 相同' },
  phone: { points: 40, label: '手机号相同' },
  name: { points: 30, label: '姓名相同' },
  pinyin: { points: 25, label: '姓名同音（拼音相同）' },
  similarName: { points: 20, label: '姓名相近（一字之差）' },
  year: { points: 10, label: '毕业年份相同' },
  nearYear: { points: 5, label: '毕业年份相差一年' },
  department: { points: 10, label: '院系相同' },
  className: { points: 10, label: '班级相同' },
} as const;
export type DuplicateReason = keyof typeof DUPLICATE_REASONS;

/** A pair enters the queue from this score on (out of 100). */
export const DUPLICATE_THRESHOLD = 50;

export type DuplicateStatus = 'open' | 'dismissed' | 'merged';

/**
 * What a pair is: two accounts of one person, or an account and an unclaimed roster entry its
 * claim failed to match (merging the latter links the account to the entry, as a claim approval).
 */
export type DuplicateKind = 'accounts' | 'roster';
export const DUPLICATE_KINDS = ['accounts', 'roster'] as const satisfies readonly DuplicateKind[];

/** One record of a pair, as staff compare it. */
export interface DuplicateRecordDto {
  id: string;
  displayName: string;
  realName: string | null;
  graduationYear: number | null;
  departmentName: string | null;
  className: string | null;
  city: string | null;
  employer: string | null;
  phoneMasked: string | null;
  hasWechat: boolean;
  verified: boolean;
  createdAt: string;
  /** The roster entry this record claimed, if any: name, year, class, student number. */
  claim: { name: string; graduationYear: number; className: string | null; studentNumber: string | null } | null;
  registrations: number;
  donations: { count: number; totalFen: number };
  memberships: number;
  posts: number;
  interactions: number;
  engagementScore: number;
}

export interface DuplicateCandidateDto {
  id: string;
  kind: DuplicateKind;
  score: number;
  reasons: DuplicateReason[];
  status: DuplicateStatus;
  foundAt: string;
  /** An account. */
  a: { id: string; displayName: string; graduationYear: number | null; departmentName: string | null };
  /** The other account, or (kind `roster`) the roster entry: its name as the roster lists it. */
  b: { id: string; displayName: string; graduationYear: number | null; departmentName: string | null };
}

/** An unclaimed roster entry, as staff compare it with an account. */
export interface DuplicateRosterEntryDto {
  id: string;
  name: string;
  studentNumber: string;
  graduationYear: number;
  departmentName: string | null;
  major: string | null;
  className: string | null;
}

/**
 * One page of the queue (pairs of two accounts first, then the highest score; `kind` narrows it
 * to one kind), and how many pairs are open, in all and of each kind, whatever the filter.
 */
export interface DuplicateQueueDto extends Page<DuplicateCandidateDto> {
  open: number;
  openByKind: Record<DuplicateKind, number>;
}

/** `GET /staff/duplicates`: `cursor` is the previous page's `nextCursor`. */
export interface DuplicateQueueQuery {
  kind?: DuplicateKind;
  cursor?: string;
  limit?: number;
}

/** The side-by-side view: both records in full, and what a merge would move. */
export interface DuplicateComparisonDto {
  candidate: DuplicateCandidateDto;
  /** Both accounts (kind `accounts`), or the one account (kind `roster`). */
  records: DuplicateRecordDto[];
  /** Kind `roster`: the unclaimed entry; else null. */
  rosterEntry: DuplicateRosterEntryDto | null;
  /** Kind `roster`: what the account's claims that matched no entry said, newest first; else empty. */
  claims: ClaimDto[];
}

export interface DuplicateScanResultDto {
  /** Open pairs in the queue after the scan. */
  open: number;
  /** Pairs the scan found for the first time. */
  added: number;
  milliseconds: number;
}

export interface MergeDuplicateRequest {
  /** The record that stays: one of the two accounts, or (kind `roster`) the account. */
  survivorId: string;
}

export interface MergeDuplicateResultDto {
  survivorId: string;
  /** The account merged into the survivor; null for kind `roster`. */
  mergedId: string | null;
  /** Kind `roster`: the entry the account now holds, verified; else null. */
  rosterEntryId: string | null;
}
