import type { ContactRequestDto, ContactRequestInput, ContactShareInput, ContactStandingDto, MyContactRequestsDto } from '@alumni/shared';
import { request } from './request';

const id = (value: string) => encodeURIComponent(value);

/** 校友录 contact requests (docs/directory.md). */
export function sendContactRequest(input: ContactRequestInput): Promise<ContactRequestDto> {
  return request<ContactRequestDto>({ method: 'POST', path: '/api/v1/contact-requests', body: input });
}

export function listMyContactRequests(): Promise<MyContactRequestsDto> {
  return request<MyContactRequestsDto>({ path: '/api/v1/me/contact-requests' });
}

/** Our latest request and whether I may ask now, for the alumnus's card. */
export function getContactStanding(alumnusId: string): Promise<ContactStandingDto> {
  return request<ContactStandingDto>({ path: `/api/v1/contact-requests/with/${id(alumnusId)}` });
}

export function acceptContactRequest(requestId: string, share: ContactShareInput): Promise<ContactRequestDto> {
  return request<ContactRequestDto>({ method: 'POST', path: `/api/v1/contact-requests/${id(requestId)}/accept`, body: share });
}

export function refuseContactRequest(requestId: string): Promise<ContactRequestDto> {
  return request<ContactRequestDto>({ method: 'POST', path: `/api/v1/contact-requests/${id(requestId)}/refuse`, body: {} });
}

export function blockContactRequest(requestId: string): Promise<ContactRequestDto> {
  return request<ContactRequestDto>({ method: 'POST', path: `/api/v1/contact-requests/${id(requestId)}/block`, body: {} });
}
