import type {
  CampusDayDto,
  ClassWallDto,
  CollectStampResultDto,
  Page,
  ReunionClassDto,
  ReunionProposalDto,
  ReunionProposalInput,
} from '@alumni/shared';
import type { PageQuery } from './groups';
import { request } from './request';

/** Return-to-campus days and class reunions: docs/memories.md. */

/** The day and, signed in, my stamp card (and the keepsake once complete). */
export function getCampusDay(eventId: string): Promise<CampusDayDto> {
  return request<CampusDayDto>({ path: `/api/v1/campus-days/${encodeURIComponent(eventId)}` });
}

/** What a scan gave: the token, `t=…`, or the code's page path carrying `scene=`. */
export function collectStamp(token: string): Promise<CollectStampResultDto> {
  return request<CollectStampResultDto>({ method: 'POST', path: '/api/v1/campus-days/stamps', body: { token } });
}

export function getClassWall(eventId: string): Promise<ClassWallDto> {
  return request<ClassWallDto>({ path: `/api/v1/campus-days/${encodeURIComponent(eventId)}/class-wall` });
}

const reunion = (id: string) => `/api/v1/reunions/${encodeURIComponent(id)}`;

export function listReunionClasses(): Promise<ReunionClassDto[]> {
  return request<ReunionClassDto[]>({ path: '/api/v1/reunions/classes' });
}

export function listReunions(classGroupId: string, query: PageQuery = {}): Promise<Page<ReunionProposalDto>> {
  return request<Page<ReunionProposalDto>>({ path: '/api/v1/reunions', query: { classGroupId, ...query } });
}

/** Text checked by WeChat: risky fails with CONTENT_RISKY; review keeps it from the class until staff decide. */
export function proposeReunion(input: ReunionProposalInput): Promise<ReunionProposalDto> {
  return request<ReunionProposalDto>({ method: 'POST', path: '/api/v1/reunions', body: input });
}

export function getReunion(id: string): Promise<ReunionProposalDto> {
  return request<ReunionProposalDto>({ path: reunion(id) });
}

export function setReunionInterest(id: string, interested: boolean): Promise<ReunionProposalDto> {
  return request<ReunionProposalDto>({ method: interested ? 'PUT' : 'DELETE', path: `${reunion(id)}/interest` });
}

export function withdrawReunion(id: string): Promise<ReunionProposalDto> {
  return request<ReunionProposalDto>({ method: 'POST', path: `${reunion(id)}/withdraw` });
}
