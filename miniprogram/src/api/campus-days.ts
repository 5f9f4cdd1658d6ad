import type {
  ApproveReunionRequest,
  CampusDayDto,
  CampusDaySpotInput,
  ClassWallDto,
  CollectStampResultDto,
  Page,
  ReunionClassDto,
  ReunionProposalDto,
  ReunionProposalInput,
  ReunionStatus,
  StaffCampusDayDto,
  StaffCampusDaySpotDto,
  StaffReunionProposalDto,
} from '@alumni/shared';
import type { PageQuery } from './groups';
import { downloadFile, request } from './request';

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

// Staff: a campus day's spots and their codes, and the reunion queue.

const staffSpot = (id: string) => `/api/v1/staff/campus-day-spots/${encodeURIComponent(id)}`;

/** The spots with their codes and stamp counts, visitors and completions. */
export function getStaffCampusDay(eventId: string): Promise<StaffCampusDayDto> {
  return request<StaffCampusDayDto>({ path: `/api/v1/staff/campus-days/${encodeURIComponent(eventId)}` });
}

export function addCampusDaySpot(eventId: string, input: CampusDaySpotInput): Promise<StaffCampusDaySpotDto> {
  return request<StaffCampusDaySpotDto>({
    method: 'POST',
    path: `/api/v1/staff/campus-days/${encodeURIComponent(eventId)}/spots`,
    body: input,
  });
}

/** A new code for the spot: printed copies of the old one stop working at once. */
export function replaceSpotCode(id: string): Promise<StaffCampusDaySpotDto> {
  return request<StaffCampusDaySpotDto>({ method: 'POST', path: `${staffSpot(id)}/replace-code` });
}

/** Takes the spot off the stamp card; stamps collected there stay. */
export function retireSpot(id: string): Promise<StaffCampusDaySpotDto> {
  return request<StaffCampusDaySpotDto>({ method: 'POST', path: `${staffSpot(id)}/retire` });
}

/** The spot's mini-program code, downloaded to a temp path to show, save or print. */
export function downloadSpotCode(id: string): Promise<string> {
  return downloadFile(`${staffSpot(id)}/code`);
}

const staffReunion = (id: string) => `/api/v1/staff/reunions/${encodeURIComponent(id)}`;

export function listStaffReunions(status: ReunionStatus = 'open', query: PageQuery = {}): Promise<Page<StaffReunionProposalDto>> {
  return request<Page<StaffReunionProposalDto>>({ path: '/api/v1/staff/reunions', query: { status, ...query } });
}

/** Makes the proposal an event with sign-up for the class, published at once; the class is told. */
export function approveReunion(id: string, input: ApproveReunionRequest): Promise<StaffReunionProposalDto> {
  return request<StaffReunionProposalDto>({ method: 'POST', path: `${staffReunion(id)}/approve`, body: input });
}

export function declineReunion(id: string, note: string): Promise<StaffReunionProposalDto> {
  return request<StaffReunionProposalDto>({ method: 'POST', path: `${staffReunion(id)}/decline`, body: { note } });
}
