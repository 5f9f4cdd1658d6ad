import type { AlumnusEngagementDto, EngagementSettingsDto, UpdateEngagementSettingsRequest } from '@alumni/shared';
import { request } from './request';

export function getEngagementSettings(): Promise<EngagementSettingsDto> {
  return request<EngagementSettingsDto>({ path: '/api/v1/staff/engagement/weights' });
}

/** Replaces every weight at once; kinds left out weigh 0. */
export function updateEngagementSettings(settings: UpdateEngagementSettingsRequest): Promise<EngagementSettingsDto> {
  return request<EngagementSettingsDto>({ method: 'PUT', path: '/api/v1/staff/engagement/weights', body: settings });
}

export function getAlumnusEngagement(alumnusId: string): Promise<AlumnusEngagementDto> {
  return request<AlumnusEngagementDto>({ path: `/api/v1/staff/alumni/${encodeURIComponent(alumnusId)}/engagement` });
}
