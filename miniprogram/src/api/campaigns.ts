import type {
  CampaignDetailDto,
  CampaignKind,
  CampaignStatus,
  CampaignSummaryDto,
  CreateCampaignMatchRequest,
  CreateDisbursementRequest,
  CreateMatchPaymentRequest,
  MatchPaymentDto,
  StaffCampaignMatchDto,
  DisbursementDto,
  NoticeReachDto,
  DonorWallEntryDto,
  Page,
} from '@alumni/shared';
import { partialUpdate, request } from './request';

export type CampaignListQuery = {
  /** Alumni see open and closed drives; drafts stay with staff. */
  status?: 'open' | 'closed';
  limit?: number;
  cursor?: string;
};

const path = (id: string) => `/api/v1/campaigns/${encodeURIComponent(id)}`;

export function listCampaigns(query: CampaignListQuery = {}): Promise<Page<CampaignSummaryDto>> {
  return request<Page<CampaignSummaryDto>>({ path: '/api/v1/campaigns', query });
}

export function getCampaign(id: string): Promise<CampaignDetailDto> {
  return request<CampaignDetailDto>({ path: path(id) });
}

/** Recent paid gifts to the drive, newest first, as each donor's privacy choices allow. */
export function listDonorWall(id: string, query: { cursor?: string; limit?: number } = {}): Promise<Page<DonorWallEntryDto>> {
  return request<Page<DonorWallEntryDto>>({ path: `${path(id)}/donors`, query });
}

/** 善款去向: what staff recorded the money did, latest first. */
export function listDisbursements(id: string, query: { cursor?: string; limit?: number } = {}): Promise<Page<DisbursementDto>> {
  return request<Page<DisbursementDto>>({ path: `${path(id)}/disbursements`, query });
}

/** A drive as staff write it; amounts in integer fen. */
export interface CampaignInput {
  title: string;
  kind: CampaignKind;
  summary: string;
  story: string;
  coverUrl: string | null;
  goalFen: number;
  unitName: string | null;
  unitPriceFen: number | null;
  suggestedAmountsFen: number[];
  minAmountFen: number;
  maxAmountFen: number | null;
  startsAt: string;
  endsAt: string | null;
  beneficiary: string;
}

const staffPath = (id: string) => `/api/v1/staff/campaigns/${encodeURIComponent(id)}`;

/** Every drive, drafts included, newest first. */
export function listStaffCampaigns(query: { cursor?: string; limit?: number } = {}): Promise<Page<CampaignDetailDto>> {
  return request<Page<CampaignDetailDto>>({ path: '/api/v1/staff/campaigns', query });
}

export function getStaffCampaign(id: string): Promise<CampaignDetailDto> {
  return request<CampaignDetailDto>({ path: staffPath(id) });
}

/** Creates a draft. */
export function createCampaign(input: CampaignInput): Promise<CampaignDetailDto> {
  return request<CampaignDetailDto>({ method: 'POST', path: '/api/v1/staff/campaigns', body: input });
}

/** Edits fields and/or the status (draft → open ⇄ closed). */
export function updateCampaign(id: string, change: Partial<CampaignInput> & { status?: CampaignStatus }): Promise<CampaignDetailDto> {
  return partialUpdate<CampaignDetailDto>(staffPath(id), change);
}

/** Before recording a disbursement: how many donors it reaches by WeChat message, how many only in 消息. */
export function getDisbursementAudience(id: string): Promise<NoticeReachDto> {
  return request<NoticeReachDto>({ path: `${staffPath(id)}/disbursements/audience` });
}

/** Staff record a disbursement; the drive's donors are told. */
export function addDisbursement(id: string, body: CreateDisbursementRequest): Promise<DisbursementDto> {
  return request<DisbursementDto>({ method: 'POST', path: `${staffPath(id)}/disbursements`, body });
}

/** 配捐: the drive's matching pledges with what each matched and what its sponsor paid. */
export function listCampaignMatches(id: string): Promise<StaffCampaignMatchDto[]> {
  return request<StaffCampaignMatchDto[]>({ path: `${staffPath(id)}/matches` });
}

export function createCampaignMatch(id: string, body: CreateCampaignMatchRequest): Promise<StaffCampaignMatchDto> {
  return request<StaffCampaignMatchDto>({ method: 'POST', path: `${staffPath(id)}/matches`, body });
}

/** The sponsor paid part of its pledge (bank transfer etc.). */
export function recordMatchPayment(id: string, matchId: string, body: CreateMatchPaymentRequest): Promise<MatchPaymentDto> {
  return request<MatchPaymentDto>({
    method: 'POST',
    path: `${staffPath(id)}/matches/${encodeURIComponent(matchId)}/payments`,
    body,
  });
}
