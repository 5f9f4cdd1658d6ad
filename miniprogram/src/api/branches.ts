import type {
  BranchAdminCandidateDto,
  BranchDetailDto,
  BranchKind,
  BranchReportDto,
  BranchSummaryDto,
  CreateBranchGroupRequest,
  CreateBranchRequest,
  EventDetailDto,
  EventInput,
  MyBranchDto,
  Page,
} from '@alumni/shared';
import { request } from './request';

const id = (value: string) => encodeURIComponent(value);

// Alumni (joining, members, requests and posts go through the home group: api/groups.ts)

export function listBranches(query: { kind?: BranchKind; cursor?: string; limit?: number } = {}): Promise<Page<BranchSummaryDto>> {
  return request<Page<BranchSummaryDto>>({ path: '/api/v1/branches', query });
}

export function getBranch(branchId: string): Promise<BranchDetailDto> {
  return request<BranchDetailDto>({ path: `/api/v1/branches/${id(branchId)}` });
}

export function listMyBranches(): Promise<MyBranchDto[]> {
  return request<MyBranchDto[]>({ path: '/api/v1/me/branches' });
}

// Branch admins (and staff)

export function getBranchReport(branchId: string): Promise<BranchReportDto> {
  return request<BranchReportDto>({ path: `/api/v1/branches/${id(branchId)}/report` });
}

export function openBranchGroup(branchId: string, input: CreateBranchGroupRequest): Promise<BranchDetailDto> {
  return request<BranchDetailDto>({ method: 'POST', path: `/api/v1/branches/${id(branchId)}/groups`, body: input });
}

export function postBranchEvent(branchId: string, input: EventInput): Promise<EventDetailDto> {
  return request<EventDetailDto>({ method: 'POST', path: `/api/v1/branches/${id(branchId)}/events`, body: input });
}

// Staff

export function listStaffBranches(query: { cursor?: string; limit?: number } = {}): Promise<Page<BranchSummaryDto>> {
  return request<Page<BranchSummaryDto>>({ path: '/api/v1/staff/branches', query });
}

export function createBranch(input: CreateBranchRequest): Promise<BranchDetailDto> {
  return request<BranchDetailDto>({ method: 'POST', path: '/api/v1/staff/branches', body: input });
}

export function findBranchAdminCandidates(q: string): Promise<BranchAdminCandidateDto[]> {
  return request<BranchAdminCandidateDto[]>({ path: '/api/v1/staff/branches/admin-candidates', query: { q } });
}

export function appointBranchAdmin(branchId: string, alumnusId: string): Promise<BranchDetailDto> {
  return request<BranchDetailDto>({ method: 'PUT', path: `/api/v1/staff/branches/${id(branchId)}/admins/${id(alumnusId)}` });
}

export function dismissBranchAdmin(branchId: string, alumnusId: string): Promise<BranchDetailDto> {
  return request<BranchDetailDto>({ method: 'DELETE', path: `/api/v1/staff/branches/${id(branchId)}/admins/${id(alumnusId)}` });
}

export function linkBranchCampaign(branchId: string, campaignId: string): Promise<BranchDetailDto> {
  return request<BranchDetailDto>({ method: 'PUT', path: `/api/v1/staff/branches/${id(branchId)}/campaigns/${id(campaignId)}` });
}
