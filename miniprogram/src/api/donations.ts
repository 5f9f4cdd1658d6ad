import type {
  CreateDonationRequest,
  DisbursementDto,
  DonationCertificateDto,
  DonationDto,
  DonationOrderDto,
  MyDonationDto,
  Page,
} from '@alumni/shared';
import { request } from './request';

const path = (id: string) => `/api/v1/donations/${encodeURIComponent(id)}`;

/**
 * Orders a gift and gets the wx.requestPayment parameters. The same `idempotencyKey` on a
 * retry (a lost answer, a double tap) gets the same order back instead of a second one.
 */
export function createDonation(campaignId: string, body: CreateDonationRequest, idempotencyKey: string): Promise<DonationOrderDto> {
  return request<DonationOrderDto>({
    method: 'POST',
    path: `/api/v1/campaigns/${encodeURIComponent(campaignId)}/donations`,
    body,
    headers: { 'Idempotency-Key': idempotencyKey },
  });
}

/** My gift; while it is pending the server also asks WeChat Pay, so polling this settles it. */
export function getDonation(id: string): Promise<DonationDto> {
  return request<DonationDto>({ path: path(id) });
}

/** What my paid gift's certificate shows, the donor's privacy choices applied; the client draws it. */
export function getCertificate(id: string): Promise<DonationCertificateDto> {
  return request<DonationCertificateDto>({ path: `${path(id)}/certificate` });
}

/** Demo only (the H5 build has no WeChat Pay): the server's WeChat Pay fake pays the order. */
export function simulatePayment(id: string): Promise<DonationDto> {
  return request<DonationDto>({ method: 'POST', path: `${path(id)}/simulate-payment` });
}

/** My gifts, newest first. */
export function listMyDonations(query: { cursor?: string; limit?: number } = {}): Promise<Page<MyDonationDto>> {
  return request<Page<MyDonationDto>>({ path: '/api/v1/me/donations', query });
}

/** What the money of the drives I gave to did, latest first (my giving's 善款去向). */
export function listMyDisbursements(query: { cursor?: string; limit?: number } = {}): Promise<Page<DisbursementDto>> {
  return request<Page<DisbursementDto>>({ path: '/api/v1/me/giving/disbursements', query });
}
