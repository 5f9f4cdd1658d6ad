export const GROUP_KINDS = ['class', 'interest', 'city', 'industry'] as const;
export type GroupKind = (typeof GROUP_KINDS)[number];

export const GROUP_KIND_LABELS: Record<GroupKind, string> = {
  class: '班级',
  interest: '兴趣',
  city: '城市',
  industry: '行业',
};

/** Kinds verified alumni may propose; class groups come from the roster only. */
export const PROPOSABLE_GROUP_KINDS = ['interest', 'city', 'industry'] as const;
export type ProposableGroupKind = (typeof PROPOSABLE_GROUP_KINDS)[number];

/** `roster_only` is the class groups' policy: only alumni verified in that class may join. */
export const GROUP_JOIN_POLICIES = ['open', 'approval', 'roster_only'] as const;
export type GroupJoinPolicy = (typeof GROUP_JOIN_POLICIES)[number];

export const GROUP_JOIN_POLICY_LABELS: Record<GroupJoinPolicy, string> = {
  open: '自由加入',
  approval: '申请加入',
  roster_only: '仅限本班认证校友',
};

export const GROUP_STATUSES = ['proposed', 'active', 'rejected', 'archived'] as const;
export type GroupStatus = (typeof GROUP_STATUSES)[number];

export const GROUP_MEMBER_ROLES = ['owner', 'admin', 'member'] as const;
export type GroupMemberRole = (typeof GROUP_MEMBER_ROLES)[number];

export const GROUP_MEMBERSHIP_STATUSES = ['pending', 'active', 'left', 'removed', 'rejected'] as const;
export type GroupMembershipStatus = (typeof GROUP_MEMBERSHIP_STATUSES)[number];

export const GROUP_LIMITS = {
  name: 40,
  intro: 500,
  place: 40,
  requestNote: 200,
  rejectReason: 200,
  search: 40,
  coverMaxBytes: 2 * 1024 * 1024,
  suggestions: 20,
} as const;

/** What a list of groups shows for each one. */
export interface GroupSummaryDto {
  id: string;
  kind: GroupKind;
  name: string;
  coverUrl: string | null;
  /** The cover at most 480 px on its longest side, for the small picture lists show; null without a cover. */
  coverThumbnailUrl: string | null;
  joinPolicy: GroupJoinPolicy;
  status: GroupStatus;
  memberCount: number;
  /** Class groups: `2016 届 · 机械工程学院 · 机械1201班`; city or industry for those kinds; else null. */
  subtitle: string | null;
}

/** The caller's standing in a group; null fields when they have none. */
export interface GroupMyStandingDto {
  status: GroupMembershipStatus | null;
  role: GroupMemberRole | null;
  muted: boolean;
  /** Whether POST /groups/:id/join would succeed now, and whether it would only file a request. */
  canJoin: boolean;
  joinNeedsApproval: boolean;
}

export interface GroupDetailDto extends GroupSummaryDto {
  intro: string;
  graduationYear: number | null;
  department: { id: string; name: string } | null;
  className: string | null;
  city: string | null;
  industry: string | null;
  createdAt: string;
  rejectReason: string | null;
  /** Null for anonymous callers. */
  me: GroupMyStandingDto | null;
  /** The scene of the group's mini-program code (`g=…`). */
  scene: string;
}

export interface GroupMemberDto {
  alumnus: { id: string; displayName: string; avatarUrl: string | null };
  role: GroupMemberRole;
  muted: boolean;
  joinedAt: string;
}

export interface GroupJoinRequestDto {
  alumnus: { id: string; displayName: string; avatarUrl: string | null };
  note: string | null;
  requestedAt: string;
}

/** POST /groups/:id/join: `active` when joined at once, `pending` when it waits for the group admins. */
export interface GroupJoinResultDto {
  status: 'active' | 'pending';
  memberCount: number;
}

/** Where my latest request to join a group stands (`withdrawn`: I took it back before a decision). */
export const GROUP_REQUEST_OUTCOMES = ['pending', 'approved', 'rejected', 'withdrawn'] as const;
export type GroupRequestOutcome = (typeof GROUP_REQUEST_OUTCOMES)[number];

/** GET /me/group-requests: one of my join requests, newest first. */
export interface MyGroupJoinRequestDto {
  group: GroupSummaryDto;
  outcome: GroupRequestOutcome;
  /** My word to the group admins. */
  note: string | null;
  requestedAt: string;
  decidedAt: string | null;
  /** The group admins' reason, when they rejected it and gave one. */
  reason: string | null;
}

/** GET /me/group-proposals: a group I proposed; `group.status` says where it stands. */
export interface MyGroupProposalDto {
  group: GroupSummaryDto;
  proposedAt: string;
  decidedAt: string | null;
  /** The staff's reason when they rejected it. */
  reason: string | null;
}

/** POST /groups (staff create) and POST /groups/proposals (verified alumni propose). */
export interface CreateGroupRequest {
  kind: GroupKind;
  name: string;
  intro?: string;
  city?: string;
  industry?: string;
  joinPolicy?: GroupJoinPolicy;
}

/**
 * The mini-program page a group's code and share card open; it reads the group from
 * `options.scene` (the code) or `options.id` (the share card). Path without a leading `/`.
 */
export const GROUP_PAGE_PATH = 'packages/groups/pages/group/index';
