import type {
  ClassInvitationDto,
  ClassInvitationPreviewDto,
  LiaisonLeaderboardDto,
  ClassRosterDto,
  LiaisonCandidateDto,
  LiaisonClassDto,
  StaffLiaisonClassDto,
} from '@alumni/shared';
import { downloadFile, request } from './request';

const klass = (id: string) => `/api/v1/liaison-classes/${encodeURIComponent(id)}`;
const staffClass = (id: string) => `/api/v1/staff/liaison-classes/${encodeURIComponent(id)}`;

/** The classes I am liaison of (empty for everyone else). */
export function listMyLiaisonClasses(): Promise<LiaisonClassDto[]> {
  return request<LiaisonClassDto[]>({ path: '/api/v1/me/liaison-classes' });
}

export function getClassRoster(classGroupId: string): Promise<ClassRosterDto> {
  return request<ClassRosterDto>({ path: `${klass(classGroupId)}/classmates` });
}

export function inviteClassmate(classGroupId: string, rosterEntryId: string): Promise<ClassInvitationDto> {
  return request<ClassInvitationDto>({ method: 'POST', path: `${klass(classGroupId)}/invitations`, body: { rosterEntryId } });
}

/** The invitation's mini-program code, to a local temp path (a blob URL in the H5 build). */
export function downloadInvitationCode(classGroupId: string, token: string): Promise<string> {
  return downloadFile(`${klass(classGroupId)}/invitations/${encodeURIComponent(token)}/code`);
}

export function getClassLeaderboard(limit = 20): Promise<LiaisonLeaderboardDto> {
  return request<LiaisonLeaderboardDto>({ path: '/api/v1/liaison-classes/leaderboard', query: { limit } });
}

/** What an invitation says, for the invited classmate (no sign-in needed). */
export function getClassInvitation(token: string): Promise<ClassInvitationPreviewDto> {
  return request<ClassInvitationPreviewDto>({ path: `/api/v1/class-invitations/${encodeURIComponent(token)}` });
}

export function listStaffLiaisonClasses(query: { graduationYear?: number; departmentId?: string } = {}): Promise<StaffLiaisonClassDto[]> {
  return request<StaffLiaisonClassDto[]>({ path: '/api/v1/staff/liaison-classes', query });
}

/**
 * Where appointments are made: staff's routes, or a branch admin's for the classes within
 * their branch (docs/reach.md). The same answers either way.
 */
export type LiaisonScope = { branchId: string } | null;

const scopedClass = (scope: LiaisonScope, id: string) =>
  scope ? `/api/v1/branches/${encodeURIComponent(scope.branchId)}/liaison-classes/${encodeURIComponent(id)}` : staffClass(id);

/** The classes within the branch (those a member of the branch is verified in), for its admins. */
export function listBranchLiaisonClasses(branchId: string): Promise<StaffLiaisonClassDto[]> {
  return request<StaffLiaisonClassDto[]>({ path: `/api/v1/branches/${encodeURIComponent(branchId)}/liaison-classes` });
}

export function listLiaisonCandidates(classGroupId: string, scope: LiaisonScope = null): Promise<LiaisonCandidateDto[]> {
  return request<LiaisonCandidateDto[]>({ path: `${scopedClass(scope, classGroupId)}/candidates` });
}

export function appointLiaison(classGroupId: string, alumnusId: string, scope: LiaisonScope = null): Promise<StaffLiaisonClassDto> {
  return request<StaffLiaisonClassDto>({ method: 'POST', path: `${scopedClass(scope, classGroupId)}/liaisons`, body: { alumnusId } });
}

export function endLiaison(classGroupId: string, alumnusId: string, scope: LiaisonScope = null): Promise<StaffLiaisonClassDto> {
  return request<StaffLiaisonClassDto>({
    method: 'POST',
    path: `${scopedClass(scope, classGroupId)}/liaisons/${encodeURIComponent(alumnusId)}/end`,
    body: {},
  });
}
