import type { Page, RosterClaimState, RosterCommitResultDto, RosterPreviewDto, StaffRosterEntryDto } from '@alumni/shared';
import { request, uploadFile } from './request';

export type RosterTemplateFormat = 'xlsx' | 'csv';

/** The template is public (headers and department names only), so a plain link can fetch it. */
export function rosterTemplateUrl(format: RosterTemplateFormat): string {
  return `${API_BASE_URL}/api/v1/roster/template?format=${format}`;
}

/** Uploads a roster file and answers what it holds; nothing is written to the roster yet. */
export function previewRoster(filePath: string, fileName: string, onProgress: (percent: number) => void): Promise<RosterPreviewDto> {
  return uploadFile<RosterPreviewDto>('/api/v1/staff/roster/imports', filePath, { fileName, onProgress });
}

export function commitRoster(importId: string): Promise<RosterCommitResultDto> {
  return request<RosterCommitResultDto>({ method: 'POST', path: `/api/v1/staff/roster/imports/${encodeURIComponent(importId)}/commit` });
}

/** The staff roster list's filters; every one optional. `name`: part of a name or a whole student number. */
export interface RosterEntryFilters {
  graduationYear?: number;
  departmentId?: string;
  className?: string;
  claim?: RosterClaimState;
  name?: string;
}

/** The roster, newest entries first (staff). */
export function listRosterEntries(filters: RosterEntryFilters & { cursor?: string; limit?: number }): Promise<Page<StaffRosterEntryDto>> {
  return request<Page<StaffRosterEntryDto>>({ path: '/api/v1/staff/roster/entries', query: { ...filters } });
}
