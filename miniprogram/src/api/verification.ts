import type {
  ApproveClaimRequest,
  ClaimDto,
  ClaimStatsDto,
  ClaimStatus,
  CreateClaimRequest,
  Page,
  RejectClaimRequest,
  StaffClaimDto,
} from '@alumni/shared';
import { downloadFile, request, uploadFile } from './request';

const id = (claimId: string) => encodeURIComponent(claimId);

/** Files a claim: `matched` means verified at once; `pending` waits for staff. */
export function createClaim(claim: CreateClaimRequest): Promise<ClaimDto> {
  return request<ClaimDto>({ method: 'POST', path: '/api/v1/me/claims', body: claim });
}

export function listMyClaims(query: { cursor?: string; limit?: number } = {}): Promise<Page<ClaimDto>> {
  return request<Page<ClaimDto>>({ path: '/api/v1/me/claims', query });
}

/** A photo of a diploma or student card for a pending claim (JPEG, PNG or WebP, at most 2 MB). */
export function attachClaimEvidence(claimId: string, filePath: string): Promise<ClaimDto> {
  return uploadFile<ClaimDto>(`/api/v1/me/claims/${id(claimId)}/evidence`, filePath);
}

export function listStaffClaims(query: { status?: ClaimStatus; cursor?: string; limit?: number } = {}): Promise<Page<StaffClaimDto>> {
  return request<Page<StaffClaimDto>>({ path: '/api/v1/staff/claims', query });
}

export function getClaimStats(): Promise<ClaimStatsDto> {
  return request<ClaimStatsDto>({ path: '/api/v1/staff/claims/stats' });
}

export function approveClaim(claimId: string, body: ApproveClaimRequest): Promise<ClaimDto> {
  return request<ClaimDto>({ method: 'POST', path: `/api/v1/staff/claims/${id(claimId)}/approve`, body });
}

export function rejectClaim(claimId: string, body: RejectClaimRequest): Promise<ClaimDto> {
  return request<ClaimDto>({ method: 'POST', path: `/api/v1/staff/claims/${id(claimId)}/reject`, body });
}

/** The claim's evidence photo, downloaded with the staff member's token, as a local path. */
export function downloadClaimEvidence(claimId: string): Promise<string> {
  return downloadFile(`/api/v1/staff/claims/${id(claimId)}/evidence`);
}
