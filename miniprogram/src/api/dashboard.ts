import type {
  DashboardDimension,
  DashboardList,
  DashboardListItemDto,
  DashboardSummaryDto,
  DashboardTrendsDto,
  Page,
  RosterCoverageDto,
} from '@alumni/shared';
import type { ExportFormat } from './exports';
import { downloadFile, request } from './request';

const BASE = '/api/v1/staff/dashboard';

/** Contact coverage against the rosters, with the month-end figures of the last `months` months. */
export function getDashboardCoverage(months = 12): Promise<RosterCoverageDto> {
  return request<RosterCoverageDto>({ path: `${BASE}/coverage`, query: { months } });
}

/** Headline figures; with `by`, also one group per graduation year, department or city. */
export function getDashboardSummary(by?: DashboardDimension): Promise<DashboardSummaryDto> {
  return request<DashboardSummaryDto>({ path: `${BASE}/summary`, query: { by } });
}

export function getDashboardTrends(months = 12): Promise<DashboardTrendsDto> {
  return request<DashboardTrendsDto>({ path: `${BASE}/trends`, query: { months } });
}

export function listDashboard(list: DashboardList, query: { cursor?: string; limit?: number } = {}): Promise<Page<DashboardListItemDto>> {
  return request<Page<DashboardListItemDto>>({ path: `${BASE}/lists/${list}`, query });
}

/** Downloads an action list to a local temp path (a blob URL in the H5 build). */
export function downloadDashboardList(list: DashboardList, format: ExportFormat): Promise<string> {
  return downloadFile(`${BASE}/lists/${list}/export?format=${format}`);
}
