import type { ClassLeaderboardDto, GivingPreferencesDto, HonourRollEntryDto } from '@alumni/shared';
import { request } from './request';

/** The year's honour roll (Beijing year): alumni who opted in, by their total of named gifts. */
export function getHonourRoll(year: number): Promise<HonourRollEntryDto[]> {
  return request<HonourRollEntryDto[]>({ path: '/api/v1/giving/honour-roll', query: { year } });
}

/** Classes by the share of their alumni who gave in the year; counts only. */
export function getClassLeaderboard(year: number): Promise<ClassLeaderboardDto> {
  return request<ClassLeaderboardDto>({ path: '/api/v1/giving/class-leaderboard', query: { year } });
}

export function getGivingPreferences(): Promise<GivingPreferencesDto> {
  return request<GivingPreferencesDto>({ path: '/api/v1/me/giving/preferences' });
}

/** Opts in to (or out of) the honour roll. */
export function setGivingPreferences(preferences: GivingPreferencesDto): Promise<GivingPreferencesDto> {
  return request<GivingPreferencesDto>({ method: 'PUT', path: '/api/v1/me/giving/preferences', body: preferences });
}
