import type { DonationOrderDto } from './giving.js';

/**
 * Monthly giving (月捐, docs/giving.md "Monthly giving"): a pledge of a fixed amount each
 * month to a campaign, and one instalment row per month (pledge + `YYYY-MM`, unique).
 */
export const MONTHLY_PLEDGE_STATUSES = ['active', 'paused', 'cancelled'] as const;
export type MonthlyPledgeStatus = (typeof MONTHLY_PLEDGE_STATUSES)[number];

/** `invite`: each month a subscription message invites a one-tap payment (the default). `deduction`: 委托代扣. */
export const MONTHLY_PLEDGE_MODES = ['invite', 'deduction'] as const;
export type MonthlyPledgeMode = (typeof MONTHLY_PLEDGE_MODES)[number];

/**
 * `invited`: due, waiting for the donor's payment; `paid`; `missed`: the month ended unpaid;
 * `skipped`: the pledge was paused or cancelled before it was paid.
 */
export const MONTHLY_INSTALMENT_STATUSES = ['invited', 'paid', 'missed', 'skipped'] as const;
export type MonthlyInstalmentStatus = (typeof MONTHLY_INSTALMENT_STATUSES)[number];

/** ¥5 to ¥5,000 a month, in fen. */
export const MONTHLY_MIN_FEN = 500;
export const MONTHLY_MAX_FEN = 500_000;
/** Days 1–28 exist in every month. */
export const MONTHLY_MAX_DAY = 28;

export interface CreateMonthlyPledgeRequest {
  campaignId: string;
  amountFen: number;
  dayOfMonth: number;
}

/** Change the amount (from the next unpaid month) and/or the day; pause, resume. */
export interface UpdateMonthlyPledgeRequest {
  amountFen?: number;
  dayOfMonth?: number;
  status?: 'active' | 'paused';
}

export interface MonthlyInstalmentDto {
  id: string;
  pledgeId: string;
  /** `YYYY-MM`, Beijing time. */
  month: string;
  amountFen: number;
  status: MonthlyInstalmentStatus;
  /** The gift that paid it (or the open order), when the donor tapped pay. */
  donationId: string | null;
  invitedAt: string;
  paidAt: string | null;
}

/**
 * 委托代扣 contract of a pledge (docs/wechat-pay.md, Entrusted deduction): `signing` until WeChat
 * Pay reports the signature, `signed` while each month is charged by deduction, `terminating`
 * while our termination request is pending, `terminated` for good (by us, by the donor in
 * WeChat, or never signed before the pledge ended).
 */
export const MONTHLY_CONTRACT_STATES = ['signing', 'signed', 'terminating', 'terminated'] as const;
export type MonthlyContractState = (typeof MONTHLY_CONTRACT_STATES)[number];

export interface MonthlyContractDto {
  state: MonthlyContractState;
  signedAt: string | null;
  terminatedAt: string | null;
}

/**
 * What the mini-program passes to `wx.navigateToMiniProgram` to open WeChat Pay's signing
 * mini-program (小程序纯签约): its fixed appId and path, and the signed request as extraData.
 */
export interface MonthlyContractSigningDto {
  appId: string;
  path: string;
  extraData: Record<string, string>;
  contract: MonthlyContractDto;
}

/** What the donor and staff both see of a pledge. */
export interface MonthlyPledgeBaseDto {
  id: string;
  campaignId: string;
  campaignTitle: string;
  amountFen: number;
  dayOfMonth: number;
  status: MonthlyPledgeStatus;
  mode: MonthlyPledgeMode;
  createdAt: string;
  cancelledAt: string | null;
  paidMonths: number;
  missedMonths: number;
}

/** The donor's own pledge: what it has paid and its months. */
export interface MonthlyPledgeDto extends MonthlyPledgeBaseDto {
  paidFen: number;
  /** This month's instalment, or null before its day. */
  current: MonthlyInstalmentDto | null;
  /** Newest first, at most 24. */
  instalments: MonthlyInstalmentDto[];
  /** The merchant has 委托代扣 and it is switched on: the donor may sign automatic deduction (签约自动扣款). */
  deductionAvailable: boolean;
  /** The latest contract of the pledge, or null when none was ever started. */
  contract: MonthlyContractDto | null;
}

/** What the one-tap page shows before paying. */
export interface MonthlyInstalmentDetailDto extends MonthlyInstalmentDto {
  campaignId: string;
  campaignTitle: string;
  pledgeStatus: MonthlyPledgeStatus;
}

/** Paying an instalment: an ordinary donation order with its wx.requestPayment parameters. */
export type MonthlyInstalmentOrderDto = DonationOrderDto & { instalment: MonthlyInstalmentDto };

/** A pledge in the staff list: whose it is. */
export interface StaffMonthlyPledgeDto extends MonthlyPledgeBaseDto {
  alumnusId: string;
  alumnusName: string;
}

export interface StaffMissedInstalmentDto {
  instalmentId: string;
  pledgeId: string;
  alumnusName: string;
  campaignTitle: string;
  month: string;
  amountFen: number;
}

/** The 月捐 report for one month (Beijing): fulfilment = paid ÷ due, churn = cancelled ÷ active at its start. */
export interface StaffMonthlyReportDto {
  month: string;
  activePledges: number;
  pausedPledges: number;
  monthlyFen: number;
  /** Instalments of the month that are paid or missed (the month decided them). */
  dueInstalments: number;
  paidInstalments: number;
  /** paid ÷ due, 0–1; null when nothing was due. */
  fulfilmentRate: number | null;
  activeAtStart: number;
  cancelledInMonth: number;
  /** cancelled ÷ active at the start, 0–1; null when none was active. */
  churnRate: number | null;
  /** Months of the month whose automatic deduction failed every attempt and fell back to an invitation. */
  deductionFallbacks: number;
  missed: StaffMissedInstalmentDto[];
  pledges: StaffMonthlyPledgeDto[];
}
