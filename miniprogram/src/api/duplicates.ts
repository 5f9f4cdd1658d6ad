import type {
  DuplicateCandidateDto,
  DuplicateComparisonDto,
  DuplicateQueueDto,
  DuplicateQueueQuery,
  DuplicateScanResultDto,
  MergeDuplicateResultDto,
} from '@alumni/shared';
import { request } from './request';

const candidate = (id: string) => `/api/v1/staff/duplicates/${encodeURIComponent(id)}`;

/** Staff: a page of the open pairs (of one kind if asked), two accounts of one person first, then highest score. */
export function listDuplicates(query: DuplicateQueueQuery = {}): Promise<DuplicateQueueDto> {
  return request<DuplicateQueueDto>({ path: '/api/v1/staff/duplicates', query: { ...query } });
}

export function scanDuplicates(): Promise<DuplicateScanResultDto> {
  return request<DuplicateScanResultDto>({ method: 'POST', path: '/api/v1/staff/duplicates/scan', body: {} });
}

export function compareDuplicate(id: string): Promise<DuplicateComparisonDto> {
  return request<DuplicateComparisonDto>({ path: candidate(id) });
}

/** 不是同一人: the pair leaves the queue for good. */
export function dismissDuplicate(id: string): Promise<DuplicateCandidateDto> {
  return request<DuplicateCandidateDto>({ method: 'POST', path: `${candidate(id)}/dismiss`, body: {} });
}

export function mergeDuplicate(id: string, survivorId: string): Promise<MergeDuplicateResultDto> {
  return request<MergeDuplicateResultDto>({ method: 'POST', path: `${candidate(id)}/merge`, body: { survivorId } });
}
