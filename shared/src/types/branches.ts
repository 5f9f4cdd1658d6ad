/**
 * Branches (分会): city, industry, overseas and interest chapters of the association, run by
 * volunteer alumni (branch admins) whom staff appoint. A branch's members are the members of
 * its home group (same join policies as groups); it may own further groups, and events and
 * campaigns are linked to it. See docs/branches.md.
 */
import type { EventSummaryDto } from './events.js';
import type { GroupJoinPolicy, GroupKind } from './groups.js';

export const BRANCH_KINDS = ['city', 'industry', 'overseas', 'interest'] as const;
export type BranchKind = (typeof BRANCH_KINDS)[number];

export const BRANCH_KIND_LABELS: Record<BranchKind, string> = {
  city: '城市分会',
  industry: '行业分会',
  overseas: '海外分会',
  interest: '兴趣分会',
};

/** Branches join like groups, but never roster-only (that is the class groups' policy). */
export const BRANCH_JOIN_POLICIES = ['open', 'approval'] as const satisfies readonly GroupJoinPolicy[];
export type BranchJoinPolicy = (typeof BRANCH_JOIN_POLICIES)[number];

/** Groups a branch admin may open under the branch. */
export const BRANCH_GROUP_KINDS = ['interest', 'city', 'industry'] as const satisfies readonly GroupKind[];
export type BranchGroupKind = (typeof BRANCH_GROUP_KINDS)[number];

export const BRANCH_LIMITS = {
  name: 40,
  intro: 500,
  /** The city, region abroad or industry the branch serves. */
  place: 40,
  /** Activity in a branch report counts this many days back. */
  reportDays: 30,
} as const;

/** Where a branch's kind needs its `place`: the city, the region abroad, the industry. */
export const BRANCH_PLACE_LABELS: Record<BranchKind, string | null> = {
  city: '城市',
  industry: '行业',
  overseas: '国家或地区',
  interest: null,
};

export interface CreateBranchRequest {
  kind: BranchKind;
  name: string;
  place?: string | null;
  intro?: string;
  joinPolicy: BranchJoinPolicy;
}

export interface CreateBranchGroupRequest {
  kind: BranchGroupKind;
  name: string;
  intro?: string;
  /** City groups: the city; industry groups: the industry. */
  place?: string | null;
  joinPolicy: BranchJoinPolicy;
}

export interface BranchSummaryDto {
  id: string;
  kind: BranchKind;
  name: string;
  place: string | null;
  intro: string;
  joinPolicy: BranchJoinPolicy;
  /** The home group: its members are the branch's members, its feed the branch's posts and announcements. */
  groupId: string;
  memberCount: number;
  status: 'active' | 'archived';
}

export interface BranchGroupDto {
  id: string;
  name: string;
  kind: GroupKind;
  memberCount: number;
  home: boolean;
}

export interface BranchAdminDto {
  id: string;
  displayName: string;
}

export interface BranchCampaignDto {
  id: string;
  title: string;
  raisedFen: number;
  goalFen: number;
}

/** Where the caller stands in the branch (null when not signed in). */
export interface BranchStandingDto {
  membership: 'active' | 'pending' | null;
  admin: boolean;
}

export interface BranchDetailDto extends BranchSummaryDto {
  groups: BranchGroupDto[];
  admins: BranchAdminDto[];
  /** Published events of the branch not yet over, soonest first. */
  upcomingEvents: EventSummaryDto[];
  campaigns: BranchCampaignDto[];
  me: BranchStandingDto | null;
}

export interface MyBranchDto extends BranchSummaryDto {
  admin: boolean;
}

/** Figures only: a report names nobody, so it shows a branch admin nothing visibility would hide. */
export interface BranchReportDto {
  branchId: string;
  name: string;
  /** The window activity and joins are counted in, in days. */
  days: number;
  members: { total: number; joined: number; pendingRequests: number };
  activity: { interactions: number; activeAlumni: number };
  events: { held: number; upcoming: number; attendees: number };
  funds: { campaigns: number; raisedFen: number; donorCount: number };
  groups: number;
}

/** A verified alumnus staff may appoint as a branch admin (GET /staff/branches/admin-candidates). */
export interface BranchAdminCandidateDto {
  id: string;
  displayName: string;
  realName: string | null;
  graduationYear: number | null;
}
