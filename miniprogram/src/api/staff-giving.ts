import type {
  ApplyAbnormalRefundRequest,
  CreateRefundRequest,
  DonationRefundDto,
  GivingPhotoDto,
  Page,
  ReconciliationDto,
  StaffDonationDto,
  StaffDonationRefundDto,
  StaffDonationRefundFilter,
  StaffDonationStatus,
} from '@alumni/shared';
import type { ExportFormat } from './exports';
import { downloadFile, request, type UploadOptions, uploadFile } from './request';

export interface StaffDonationFilters {
  campaignId?: string;
  /** Beijing days of payment, `YYYY-MM-DD`, inclusive. */
  from?: string;
  to?: string;
  status?: StaffDonationStatus;
  refund?: StaffDonationRefundFilter;
  /** Part of a donor's name, or a whole order or certificate number. */
  q?: string;
}

/** Paid and refunded gifts, latest payment first, with real names and what a refund may still take (staff). */
export function listStaffDonations(filters: StaffDonationFilters & { cursor?: string; limit?: number }): Promise<Page<StaffDonationDto>> {
  return request<Page<StaffDonationDto>>({ path: '/api/v1/staff/donations', query: { ...filters } });
}

/** Admins only; the money comes back when WeChat Pay says so (the answer is `processing`). */
export function refundDonation(id: string, body: CreateRefundRequest): Promise<DonationRefundDto> {
  return request<DonationRefundDto>({ method: 'POST', path: `/api/v1/staff/donations/${encodeURIComponent(id)}/refunds`, body });
}

/** A gift's refunds, newest first, with where staff sent an abnormal one (staff). */
export function listDonationRefunds(donationId: string): Promise<StaffDonationRefundDto[]> {
  return request<StaffDonationRefundDto[]>({ path: `/api/v1/staff/donations/${encodeURIComponent(donationId)}/refunds` });
}

/**
 * Admins: sends a refund WeChat Pay reports abnormal to the donor's debit card or to the school's
 * account. The card number and name travel in this request only (the server encrypts them for
 * WeChat Pay and keeps the bank and last four digits).
 */
export function applyAbnormalRefund(
  donationId: string,
  refundId: string,
  body: ApplyAbnormalRefundRequest,
): Promise<StaffDonationRefundDto> {
  return request<StaffDonationRefundDto>({
    method: 'POST',
    path: `/api/v1/staff/donations/${encodeURIComponent(donationId)}/refunds/${encodeURIComponent(refundId)}/abnormal`,
    body,
  });
}

/** The finance export of a period (one campaign or all) to a local temp path, for openDownloadedFile. */
export function downloadDonationsExport(period: { from: string; to: string; campaignId?: string }, format: ExportFormat): Promise<string> {
  const campaign = period.campaignId ? `&campaignId=${encodeURIComponent(period.campaignId)}` : '';
  return downloadFile(`/api/v1/staff/donations/export?from=${period.from}&to=${period.to}&format=${format}${campaign}`);
}

/** Days checked against WeChat Pay's trade bill, latest first, with their differences. */
export function listReconciliations(query: { cursor?: string; limit?: number } = {}): Promise<Page<ReconciliationDto>> {
  return request<Page<ReconciliationDto>>({ path: '/api/v1/staff/giving/reconciliations', query });
}

/** One evidence photo for the fund-use ledger; its `url` goes into `photoUrls`. */
export function uploadGivingPhoto(filePath: string, options?: UploadOptions): Promise<GivingPhotoDto> {
  return uploadFile<GivingPhotoDto>('/api/v1/staff/campaigns/photos', filePath, options);
}
