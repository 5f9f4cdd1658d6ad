import type {
  CreateGroupRequest,
  GroupDetailDto,
  GroupJoinRequestDto,
  GroupJoinResultDto,
  GroupKind,
  GroupMemberDto,
  GroupStatus,
  GroupSummaryDto,
  MyGroupJoinRequestDto,
  MyGroupProposalDto,
  Page,
} from '@alumni/shared';
import { downloadFile, request, uploadFile } from './request';

const base = (id: string) => `/api/v1/groups/${encodeURIComponent(id)}`;
const member = (id: string, alumnusId: string) => `${base(id)}/members/${encodeURIComponent(alumnusId)}`;

export type PageQuery = { cursor?: string; limit?: number };

/** Active groups newest first, of one kind, whose name contains `q`, class groups of one 届别 and/or 院系. */
export function listGroups(
  query: { kind?: GroupKind; q?: string; graduationYear?: number; departmentId?: string } & PageQuery = {},
): Promise<Page<GroupSummaryDto>> {
  return request<Page<GroupSummaryDto>>({ path: '/api/v1/groups', query });
}

/** "为你推荐": my class group, then city and industry groups of my profile (one short list). */
export function listGroupSuggestions(): Promise<GroupSummaryDto[]> {
  return request<GroupSummaryDto[]>({ path: '/api/v1/groups/suggestions' });
}

export function listMyGroups(query: PageQuery = {}): Promise<Page<GroupSummaryDto>> {
  return request<Page<GroupSummaryDto>>({ path: '/api/v1/me/groups', query });
}

/** My join requests, newest first, with the group admins' reason when rejected. */
export function listMyGroupRequests(query: PageQuery = {}): Promise<Page<MyGroupJoinRequestDto>> {
  return request<Page<MyGroupJoinRequestDto>>({ path: '/api/v1/me/group-requests', query });
}

/** The groups I proposed, newest first, with the staff's reason when rejected. */
export function listMyGroupProposals(query: PageQuery = {}): Promise<Page<MyGroupProposalDto>> {
  return request<Page<MyGroupProposalDto>>({ path: '/api/v1/me/group-proposals', query });
}

/** The group a mini-program code's scene (`g=…`) opens. */
export function getGroupByScene(scene: string): Promise<GroupSummaryDto> {
  return request<GroupSummaryDto>({ path: `/api/v1/groups/by-scene/${encodeURIComponent(scene)}` });
}

export function getGroup(id: string): Promise<GroupDetailDto> {
  return request<GroupDetailDto>({ path: base(id) });
}

/** Verified alumni propose an interest, city or industry group; staff review it. */
export function proposeGroup(input: CreateGroupRequest): Promise<GroupDetailDto> {
  return request<GroupDetailDto>({ method: 'POST', path: '/api/v1/groups/proposals', body: input });
}

/** Replaces the cover with a picked image (group admins and staff; the proposer while the proposal waits). */
export function uploadGroupCover(id: string, filePath: string): Promise<GroupDetailDto> {
  return uploadFile<GroupDetailDto>(`${base(id)}/cover`, filePath);
}

/** The group's mini-program code, downloaded to a local temp path (a blob URL in H5): the route needs the token. */
export function downloadGroupQrcode(id: string): Promise<string> {
  return downloadFile(`${base(id)}/qrcode`);
}

export function joinGroup(id: string, note?: string): Promise<GroupJoinResultDto> {
  return request<GroupJoinResultDto>({ method: 'POST', path: `${base(id)}/join`, body: note ? { note } : {} });
}

/** Leaves the group, or withdraws a pending request. */
export function leaveGroup(id: string): Promise<void> {
  return request<void>({ method: 'POST', path: `${base(id)}/leave` });
}

export function listGroupMembers(id: string, query: PageQuery = {}): Promise<Page<GroupMemberDto>> {
  return request<Page<GroupMemberDto>>({ path: `${base(id)}/members`, query });
}

export function listJoinRequests(id: string, query: PageQuery = {}): Promise<Page<GroupJoinRequestDto>> {
  return request<Page<GroupJoinRequestDto>>({ path: `${base(id)}/join-requests`, query });
}

export function approveJoinRequest(id: string, alumnusId: string): Promise<void> {
  return request<void>({ method: 'POST', path: `${base(id)}/join-requests/${encodeURIComponent(alumnusId)}/approve` });
}

export function rejectJoinRequest(id: string, alumnusId: string, reason?: string): Promise<void> {
  return request<void>({
    method: 'POST',
    path: `${base(id)}/join-requests/${encodeURIComponent(alumnusId)}/reject`,
    body: reason ? { reason } : {},
  });
}

export function removeGroupMember(id: string, alumnusId: string): Promise<void> {
  return request<void>({ method: 'DELETE', path: member(id, alumnusId) });
}

export function setGroupMemberMuted(id: string, alumnusId: string, muted: boolean): Promise<void> {
  return request<void>({ method: muted ? 'PUT' : 'DELETE', path: `${member(id, alumnusId)}/mute` });
}

export function setGroupMemberRole(id: string, alumnusId: string, role: 'admin' | 'member'): Promise<void> {
  return request<void>({ method: 'PUT', path: `${member(id, alumnusId)}/role`, body: { role } });
}

/** Staff: groups of one status, oldest first (`proposed`: the review queue). */
export function listStaffGroups(query: { status?: GroupStatus } & PageQuery = {}): Promise<Page<GroupDetailDto>> {
  return request<Page<GroupDetailDto>>({ path: '/api/v1/staff/groups', query });
}

export function approveGroupProposal(id: string): Promise<GroupDetailDto> {
  return request<GroupDetailDto>({ method: 'POST', path: `/api/v1/staff/groups/${encodeURIComponent(id)}/approve` });
}

export function rejectGroupProposal(id: string, reason: string): Promise<GroupDetailDto> {
  return request<GroupDetailDto>({ method: 'POST', path: `/api/v1/staff/groups/${encodeURIComponent(id)}/reject`, body: { reason } });
}
