import type {
  CampaignDetailDto,
  DonationCertificateDto,
  DonationDto,
  DonationReceiptDto,
  MonthlyInstalmentDto,
  MonthlyPledgeDto,
  MyDonationDto,
} from '@alumni/shared';

/** An open sapling drive: 1 棵树苗 = ¥30, at least ¥1, at most ¥3,000 a gift. */
export function saplingCampaign(override: Partial<CampaignDetailDto> = {}): CampaignDetailDto {
  return {
    id: 'c1',
    title: '校友林植树',
    kind: 'sapling',
    status: 'open',
    summary: '每 30 元种下一棵树苗',
    coverUrl: null,
    goalFen: 3_000_000,
    raisedFen: 1_071_000,
    donorCount: 297,
    unit: { name: '棵树苗', priceFen: 3000 },
    endsAt: null,
    story: '<p>为母校种下一棵树</p>',
    beneficiary: '南校区东坡校友林',
    suggestedAmountsFen: [],
    minAmountFen: 100,
    maxAmountFen: 300_000,
    unitsRaised: 357,
    spentFen: 360_000,
    startsAt: '2026-11-01T06:00:00.000Z',
    matchedFen: 0,
    matches: [],
    ...override,
  };
}

/** A student-aid drive without a unit, with suggested amounts. */
export function aidCampaign(override: Partial<CampaignDetailDto> = {}): CampaignDetailDto {
  return saplingCampaign({
    id: 'c2',
    title: '春晖助学基金',
    kind: 'student_aid',
    unit: null,
    unitsRaised: 0,
    suggestedAmountsFen: [2000, 5000, 20000],
    ...override,
  });
}

export function donationFixture(override: Partial<DonationDto> = {}): DonationDto {
  return {
    id: 'd1',
    campaignId: 'c1',
    outTradeNo: 'AL261129abcdef0123456789abcd',
    amountFen: 3000,
    refundedFen: 0,
    matchedFen: 0,
    units: 1,
    message: '',
    anonymous: false,
    hideAmount: false,
    status: 'pending',
    certificateNo: null,
    treeNumbers: null,
    paidAt: null,
    expiresAt: '2026-11-29T12:30:00.000Z',
    createdAt: '2026-11-29T12:00:00.000Z',
    ...override,
  };
}

export const paidDonation = (override: Partial<DonationDto> = {}) =>
  donationFixture({
    status: 'paid',
    certificateNo: 'GIV-1A2B3C4D-000358',
    treeNumbers: { first: 1024, last: 1024 },
    paidAt: '2026-11-29T12:00:05.000Z',
    ...override,
  });

/** The certificate of one sapling, paid late on 29 November UTC (already the 30th in Beijing). */
export function certificateFixture(override: Partial<DonationCertificateDto> = {}): DonationCertificateDto {
  return {
    certificateNo: 'GIV-1A2B3C4D-000358',
    donationId: 'd1',
    schoolName: '江州学院',
    donorName: '李明',
    campaignTitle: '校友林植树',
    campaignKind: 'sapling',
    amountFen: 3000,
    units: 1,
    unitName: '棵树苗',
    treeNumbers: { first: 1024, last: 1024 },
    paidAt: '2026-11-29T16:30:00.000Z',
    ...override,
  };
}

/** A gift as 我的捐赠 lists it: paid, with its certificate and drive. */
export const myPaidGift = (override: Partial<MyDonationDto> = {}): MyDonationDto => ({
  ...paidDonation({ id: 'd1', amountFen: 5000, units: 0, treeNumbers: null }),
  campaign: aidCampaign(),
  ...override,
});

/** A receipt the school issued for gift d0. */
export const issuedReceipt = (override: Partial<DonationReceiptDto> = {}): DonationReceiptDto => ({
  id: 'r1',
  status: 'issued',
  payerKind: 'person',
  payerName: '李明',
  taxIdMasked: '1101**********123X',
  amountFen: 3000,
  donationIds: ['d0'],
  receiptNo: '浙财0000001',
  createdAt: '2026-12-01T02:00:00.000Z',
  issuedAt: '2026-12-02T02:00:00.000Z',
  voidDueAt: null,
  voidedAt: null,
  voidReason: null,
  reversalNo: null,
  ...override,
});

export const instalmentFixture = (override: Partial<MonthlyInstalmentDto> = {}): MonthlyInstalmentDto => ({
  id: 'i1',
  pledgeId: 'p1',
  month: '2026-12',
  amountFen: 3000,
  status: 'invited',
  donationId: null,
  invitedAt: '2026-12-05T02:00:00.000Z',
  paidAt: null,
  ...override,
});

export const pledgeFixture = (override: Partial<MonthlyPledgeDto> = {}): MonthlyPledgeDto => ({
  id: 'p1',
  campaignId: 'c1',
  campaignTitle: '助学基金',
  amountFen: 3000,
  dayOfMonth: 5,
  status: 'active',
  mode: 'invite',
  createdAt: '2026-11-05T02:00:00.000Z',
  cancelledAt: null,
  paidMonths: 1,
  paidFen: 3000,
  missedMonths: 0,
  current: instalmentFixture(),
  instalments: [instalmentFixture(), instalmentFixture({ id: 'i0', month: '2026-11', status: 'paid', paidAt: '2026-11-05T03:00:00.000Z' })],
  deductionAvailable: false,
  contract: null,
  ...override,
});
