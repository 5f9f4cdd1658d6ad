import type { InteractionDto, LogInteractionRequest, Page } from '@alumni/shared';
import { request } from './request';

export type PageQuery = { cursor?: string; limit?: number };

/** My own history with the school, newest first. */
export function listMyInteractions(query: PageQuery = {}): Promise<Page<InteractionDto>> {
  return request<Page<InteractionDto>>({ path: '/api/v1/me/interactions', query });
}

const staffPath = (alumnusId: string) => `/api/v1/staff/alumni/${encodeURIComponent(alumnusId)}/interactions`;

export function listAlumnusInteractions(alumnusId: string, query: PageQuery = {}): Promise<Page<InteractionDto>> {
  return request<Page<InteractionDto>>({ path: staffPath(alumnusId), query });
}

/** Logs a visit, call, lecture, job posting or mentoring session that happened offline. */
export function logInteraction(alumnusId: string, input: LogInteractionRequest): Promise<InteractionDto> {
  return request<InteractionDto>({ method: 'POST', path: staffPath(alumnusId), body: input });
}
