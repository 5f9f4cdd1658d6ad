/**
 * Class liaisons (班级联络人): staff appoint verified alumni per class; a liaison sees their
 * class roster with each classmate's contact state (names and the class only) and invites
 * the unreached (docs/reach.md).
 */

/** Where a classmate on the roster stands: verified, a claim waiting for staff, or not reached. */
export const CLASSMATE_STATES = ['unreached', 'pending', 'verified'] as const;
export type ClassmateState = (typeof CLASSMATE_STATES)[number];

export const CLASSMATE_STATE_LABELS: Record<ClassmateState, string> = {
  unreached: '未联系上',
  pending: '认证审核中',
  verified: '已认证',
};

/** The page a class invitation opens (share card path and mini-program code page). */
export const CLASS_INVITATION_PAGE = 'packages/verification/pages/invitation/index';

/** A mini-program code's scene for an invitation: `ci=` and the 22-character token (≤ 32 characters). */
export function classInvitationScene(token: string): string {
  return `ci=${token}`;
}

/** The token a scene (or a `token` query value) carries, or null when it is not one of ours. */
export function classInvitationToken(value: string): string | null {
  const token = value.startsWith('ci=') ? value.slice(3) : value;
  return /^[A-Za-z0-9_-]{22}$/.test(token) ? token : null;
}

/** The share card's path: the invitation page with the token. */
export function classInvitationPath(token: string): string {
  return `/${CLASS_INVITATION_PAGE}?token=${token}`;
}

export interface LiaisonClassDto {
  /** The class group standing for the class (year + department + class). */
  classGroupId: string;
  /** 2016届机械1201班 */
  name: string;
  graduationYear: number;
  department: { id: string; name: string };
  className: string;
  /** Entries on the roster for the class. */
  graduates: number;
  /** Of those, verified (a verified account holds the entry). */
  reached: number;
  /** reached / graduates, 0–100, one decimal. */
  percent: number;
  /** Place on the class leaderboard (1 = best coverage; classes with equal coverage share a place); null without roster entries. */
  rank: number | null;
}

export interface ClassmateDto {
  rosterEntryId: string;
  name: string;
  className: string;
  state: ClassmateState;
  /** When a liaison of the class last invited them (null: never). */
  invitedAt: string | null;
}

/** GET /liaison-classes/:classGroupId/classmates */
export interface ClassRosterDto {
  class: LiaisonClassDto;
  /** Unreached first, then pending, then verified; by name within each. */
  classmates: ClassmateDto[];
}

export interface CreateClassInvitationRequest {
  rosterEntryId: string;
}

/** An invitation a liaison made for one unreached classmate. */
export interface ClassInvitationDto {
  token: string;
  /** The share card's path (onShareAppMessage). */
  path: string;
  /** The mini-program code's scene. */
  scene: string;
  rosterEntryId: string;
  classmateName: string;
  createdAt: string;
}

/** GET /class-invitations/:token — what the invited classmate sees, and the claim's prefill. */
export interface ClassInvitationPreviewDto {
  token: string;
  classGroupName: string;
  name: string;
  graduationYear: number;
  department: { id: string; name: string };
  className: string;
  /** The liaison's display name. */
  invitedBy: string;
  /** The entry is verified already (by this classmate or someone else). */
  claimed: boolean;
}

/** One row of the class leaderboard. */
export interface LiaisonLeaderboardRowDto {
  rank: number;
  classGroupId: string;
  name: string;
  graduates: number;
  reached: number;
  percent: number;
  liaisonCount: number;
}

/** GET /liaison-classes/leaderboard */
export interface LiaisonLeaderboardDto {
  /** Classes on the roster, ranked. */
  classCount: number;
  items: LiaisonLeaderboardRowDto[];
}

export interface LiaisonDto {
  alumnusId: string;
  name: string;
  appointedAt: string;
}

/** GET /staff/liaison-classes: a class with its coverage and liaisons. */
export interface StaffLiaisonClassDto extends LiaisonClassDto {
  liaisons: LiaisonDto[];
}

/** A verified classmate staff may appoint. */
export interface LiaisonCandidateDto {
  alumnusId: string;
  name: string;
  isLiaison: boolean;
}

export interface AppointLiaisonRequest {
  alumnusId: string;
}
