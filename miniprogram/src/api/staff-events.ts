import type {
  CheckInRequest,
  CheckInResultDto,
  EventCoverDto,
  EventDetailDto,
  EventInput,
  EventStatus,
  Page,
  RegistrantCountsDto,
  RegistrantDto,
  RegistrationStatus,
} from '@alumni/shared';
import type { ExportFormat } from './exports';
import { downloadFile, partialUpdate, request, type UploadOptions, uploadFile } from './request';

const base = (id: string) => `/api/v1/staff/events/${encodeURIComponent(id)}`;

export function listStaffEvents(query: { status?: EventStatus; cursor?: string; limit?: number } = {}): Promise<Page<EventDetailDto>> {
  return request<Page<EventDetailDto>>({ path: '/api/v1/staff/events', query });
}

export function getStaffEvent(id: string): Promise<EventDetailDto> {
  return request<EventDetailDto>({ path: base(id) });
}

export function createEvent(input: EventInput): Promise<EventDetailDto> {
  return request<EventDetailDto>({ method: 'POST', path: '/api/v1/staff/events', body: input });
}

export function updateEvent(id: string, input: Partial<EventInput>): Promise<EventDetailDto> {
  return partialUpdate<EventDetailDto>(base(id), input);
}

export type EventTransition = 'publish' | 'cancel' | 'finish';

export function transitionEvent(id: string, action: EventTransition): Promise<EventDetailDto> {
  return request<EventDetailDto>({ method: 'POST', path: `${base(id)}/${action}` });
}

export type RegistrantPage = Page<RegistrantDto> & { counts: RegistrantCountsDto };

export function listRegistrants(
  id: string,
  query: { status?: RegistrationStatus; cursor?: string; limit?: number } = {},
): Promise<RegistrantPage> {
  return request<RegistrantPage>({ path: `${base(id)}/registrations`, query });
}

export type { ExportFormat } from './exports';

/** Downloads the registrant export to a local temp path (a blob URL in the H5 build). */
export function downloadRegistrants(id: string, format: ExportFormat, status?: RegistrationStatus): Promise<string> {
  return downloadFile(`${base(id)}/registrations/export?format=${format}${status ? `&status=${status}` : ''}`);
}

export function checkIn(eventId: string, proof: CheckInRequest): Promise<CheckInResultDto> {
  return request<CheckInResultDto>({ method: 'POST', path: `/api/v1/events/${encodeURIComponent(eventId)}/check-ins`, body: proof });
}

export function addWalkIn(eventId: string, alumnusId: string): Promise<CheckInResultDto> {
  return request<CheckInResultDto>({
    method: 'POST',
    path: `/api/v1/events/${encodeURIComponent(eventId)}/walk-ins`,
    body: { alumnusId },
  });
}

/** A cover picture, uploaded before the event names it in `coverUrl`. */
export function uploadEventCover(filePath: string, options?: UploadOptions): Promise<EventCoverDto> {
  return uploadFile<EventCoverDto>('/api/v1/staff/events/covers', filePath, options);
}
