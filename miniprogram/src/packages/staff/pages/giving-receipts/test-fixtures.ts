import type { StaffDonationReceiptDto } from '@alumni/shared';
import { issuedReceipt } from '../../../giving/test-fixtures';

/** A receipt as staff see it: the donor's own receipt with the tax id and who asked for it. */
export const staffReceipt = (override: Partial<StaffDonationReceiptDto> = {}): StaffDonationReceiptDto => ({
  ...issuedReceipt(),
  taxId: '11010119900307123X',
  alumnusId: 'a1',
  donorName: '李明',
  hasFile: true,
  ...override,
});
