import type { Page, StaffMemberDto } from '@alumni/shared';
import { request } from './request';

export function listStaff(query: { cursor?: string; limit?: number } = {}): Promise<Page<StaffMemberDto>> {
  return request<Page<StaffMemberDto>>({ path: '/api/v1/admin/staff', query });
}

/** Alumni whose name starts with `q`, to make staff. */
export function findStaffCandidates(q: string): Promise<StaffMemberDto[]> {
  return request<StaffMemberDto[]>({ path: '/api/v1/admin/staff/candidates', query: { q } });
}

export function grantStaff(alumnusId: string, admin: boolean): Promise<StaffMemberDto> {
  return request<StaffMemberDto>({ method: 'PUT', path: `/api/v1/admin/staff/${encodeURIComponent(alumnusId)}`, body: { admin } });
}

export function revokeStaff(alumnusId: string): Promise<StaffMemberDto> {
  return request<StaffMemberDto>({ method: 'DELETE', path: `/api/v1/admin/staff/${encodeURIComponent(alumnusId)}` });
}
