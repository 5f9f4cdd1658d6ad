import type { CreateReceiptRequest, DonationReceiptDto, ReceiptStatus, StaffDonationReceiptDto, VoidReceiptRequest } from '@alumni/shared';
import Taro from '@tarojs/taro';
import { saveInBrowser } from './events-files';
import { downloadFile, request, uploadFile } from './request';

/** Ask for a 公益事业捐赠票据 for some of my paid gifts. */
export function requestReceipt(body: CreateReceiptRequest): Promise<DonationReceiptDto> {
  return request<DonationReceiptDto>({ method: 'POST', path: '/api/v1/me/receipts', body });
}

export function listMyReceipts(): Promise<DonationReceiptDto[]> {
  return request<DonationReceiptDto[]>({ path: '/api/v1/me/receipts' });
}

/** Downloads my issued e-receipt and opens it (WeChat: the document viewer or the image preview; browser: a download). */
export async function openMyReceipt(receipt: DonationReceiptDto): Promise<void> {
  const path = await downloadFile(`/api/v1/me/receipts/${encodeURIComponent(receipt.id)}/file`);
  const name = `捐赠票据-${receipt.receiptNo ?? receipt.id}`;
  if (process.env.TARO_ENV !== 'weapp') return saveInBrowser(path, `${name}.pdf`);
  try {
    await Taro.openDocument({ filePath: path, fileType: 'pdf', showMenu: true });
  } catch {
    // Not a PDF: the e-receipt was attached as a picture.
    await Taro.previewImage({ urls: [path], current: path });
  }
}

export function listReceiptQueue(status?: ReceiptStatus): Promise<StaffDonationReceiptDto[]> {
  return request<StaffDonationReceiptDto[]>({ path: '/api/v1/staff/receipts', query: status ? { status } : {} });
}

/** Staff attach the e-receipt file (PDF or picture) chosen on the phone or computer. */
export function attachReceiptFile(id: string, filePath: string, fileName?: string): Promise<StaffDonationReceiptDto> {
  return uploadFile<StaffDonationReceiptDto>(`/api/v1/staff/receipts/${encodeURIComponent(id)}/file`, filePath, { fileName });
}

export function issueReceipt(id: string, receiptNo: string): Promise<StaffDonationReceiptDto> {
  return request<StaffDonationReceiptDto>({
    method: 'POST',
    path: `/api/v1/staff/receipts/${encodeURIComponent(id)}/issue`,
    body: { receiptNo },
  });
}

/** Staff record that an issued receipt was voided (作废) or reversed (红冲) in the finance system; the donor is told. */
export function voidReceipt(id: string, body: VoidReceiptRequest): Promise<StaffDonationReceiptDto> {
  return request<StaffDonationReceiptDto>({ method: 'POST', path: `/api/v1/staff/receipts/${encodeURIComponent(id)}/void`, body });
}

export function downloadReceiptExport(format: 'csv' | 'xlsx'): Promise<string> {
  return downloadFile(`/api/v1/staff/receipts/export?format=${format}`);
}
