import type {
  CreateMonthlyPledgeRequest,
  MonthlyContractSigningDto,
  MonthlyInstalmentDetailDto,
  MonthlyInstalmentOrderDto,
  MonthlyPledgeDto,
  StaffMonthlyReportDto,
  UpdateMonthlyPledgeRequest,
} from '@alumni/shared';
import { partialUpdate, request } from './request';

const pledgePath = (id: string) => `/api/v1/me/monthly-pledges/${encodeURIComponent(id)}`;
const instalmentPath = (id: string) => `/api/v1/me/monthly-instalments/${encodeURIComponent(id)}`;

/** Pledges a monthly gift (月捐); this month's gift is due at once (pay it with payInstalment). */
export function createMonthlyPledge(body: CreateMonthlyPledgeRequest): Promise<MonthlyPledgeDto> {
  return request<MonthlyPledgeDto>({ method: 'POST', path: '/api/v1/me/monthly-pledges', body });
}

export function listMyMonthlyPledges(): Promise<MonthlyPledgeDto[]> {
  return request<MonthlyPledgeDto[]>({ path: '/api/v1/me/monthly-pledges' });
}

/** Change the amount or day, pause (`status: 'paused'`) or resume (`'active'`). */
export function updateMonthlyPledge(id: string, body: UpdateMonthlyPledgeRequest): Promise<MonthlyPledgeDto> {
  return partialUpdate<MonthlyPledgeDto>(pledgePath(id), body);
}

export function cancelMonthlyPledge(id: string): Promise<MonthlyPledgeDto> {
  return request<MonthlyPledgeDto>({ method: 'POST', path: `${pledgePath(id)}/cancel` });
}

/** 签约自动扣款: the signed request that opens WeChat Pay's signing mini-program (wx.navigateToMiniProgram). */
export function signMonthlyContract(id: string): Promise<MonthlyContractSigningDto> {
  return request<MonthlyContractSigningDto>({ method: 'POST', path: `${pledgePath(id)}/contract` });
}

/** Back from the signing mini-program: the server asks WeChat Pay whether the contract was signed. */
export function checkMonthlyContract(id: string): Promise<MonthlyPledgeDto> {
  return request<MonthlyPledgeDto>({ method: 'POST', path: `${pledgePath(id)}/contract/check` });
}

/** A month of my pledge: what the month's invitation opens. */
export function getInstalment(id: string): Promise<MonthlyInstalmentDetailDto> {
  return request<MonthlyInstalmentDetailDto>({ path: instalmentPath(id) });
}

/** Orders the month's gift (or gets its open order again) with the wx.requestPayment parameters. */
export function payInstalment(id: string): Promise<MonthlyInstalmentOrderDto> {
  return request<MonthlyInstalmentOrderDto>({ method: 'POST', path: `${instalmentPath(id)}/pay` });
}

/** Staff: a month's 月捐 report (pledges, fulfilment, churn, missed months). */
export function getMonthlyReport(month?: string): Promise<StaffMonthlyReportDto> {
  return request<StaffMonthlyReportDto>({ path: '/api/v1/staff/monthly-giving', query: { month } });
}

/** Staff, demo only: run the monthly job now with the given clock (to show next month's invitation). */
export function runMonthlyForDemo(at?: string): Promise<{ invited: number; reminded: number; missed: number; skipped: number }> {
  return request({ method: 'POST', path: '/api/v1/staff/monthly-giving/run', body: at ? { at } : {} });
}
