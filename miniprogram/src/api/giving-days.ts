import type { GivingDayDto, GivingDayInput, GivingDayLiveDto } from '@alumni/shared';
import { partialUpdate, request } from './request';

/** Published giving days, the latest start first. */
export function listGivingDays(): Promise<GivingDayDto[]> {
  return request<GivingDayDto[]>({ path: '/api/v1/giving-days' });
}

/** The giving-day page's live view (cached on the server; read again every few seconds). */
export function getGivingDayLive(id: string): Promise<GivingDayLiveDto> {
  return request<GivingDayLiveDto>({ path: `/api/v1/giving-days/${encodeURIComponent(id)}` });
}

export function listStaffGivingDays(): Promise<GivingDayDto[]> {
  return request<GivingDayDto[]>({ path: '/api/v1/staff/giving-days' });
}

export function createGivingDay(input: GivingDayInput): Promise<GivingDayDto> {
  return request<GivingDayDto>({ method: 'POST', path: '/api/v1/staff/giving-days', body: input });
}

export function updateGivingDay(id: string, change: Partial<GivingDayInput>): Promise<GivingDayDto> {
  return partialUpdate<GivingDayDto>(`/api/v1/staff/giving-days/${encodeURIComponent(id)}`, change);
}
