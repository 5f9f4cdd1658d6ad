import type { CampaignSummaryDto } from './campaigns.js';
import { uuidOfScene, uuidScene } from '../scenes.js';

/** pending: ordered, not yet paid · paid · closed: never paid, the order is closed at WeChat Pay · refunded. */
export const DONATION_STATUSES = ['pending', 'paid', 'closed', 'refunded'] as const;
export type DonationStatus = (typeof DONATION_STATUSES)[number];

/** A gift's limits, in fen: at least ¥1 unless the campaign says otherwise. */
export const DEFAULT_MIN_DONATION_FEN = 100;
export const DONATION_MESSAGE_MAX_LENGTH = 200;

/** A campaign page: the summary plus the story and what the donate sheet needs. Amounts are integer fen. */
export interface CampaignDetailDto extends CampaignSummaryDto {
  story: string;
  beneficiary: string;
  suggestedAmountsFen: number[];
  minAmountFen: number;
  maxAmountFen: number | null;
  /** What the fund-use ledger says was spent, fen. */
  spentFen: number;
  startsAt: string;
  /** What sponsors matched so far (配捐), on top of raisedFen; fen. */
  matchedFen: number;
  /** The sponsors' matching pledges, oldest first (ended ones too). */
  matches: CampaignMatchDto[];
}

/** Who pledges a match: an alumnus, a company, or the school's foundation. */
export const MATCH_SPONSOR_KINDS = ['alumnus', 'company', 'foundation'] as const;
export type MatchSponsorKind = (typeof MATCH_SPONSOR_KINDS)[number];

/** The largest ratio a match may have: ¥10 matched for every ¥1 given. */
export const MATCH_RATIO_PERCENT_MAX = 1000;

/**
 * A sponsor's pledge (配捐): every paid gift to the campaign inside the window (and, if set,
 * from a first-time donor or one class) is matched at `ratioPercent` (100 = 1:1, 50 = ¥1 for
 * every ¥2, 200 = ¥2 for every ¥1), rounded down to the fen, until `capFen` is reached.
 */
export interface CampaignMatchDto {
  id: string;
  sponsorKind: MatchSponsorKind;
  sponsorName: string;
  ratioPercent: number;
  capFen: number;
  matchedFen: number;
  /** capFen − matchedFen. */
  remainingFen: number;
  startsAt: string;
  endsAt: string;
  /** Only gifts of donors who had never given before (to any campaign). */
  firstTimeOnly: boolean;
  /** Only gifts of this class's alumni. */
  forClass: MatchClassDto | null;
}

export interface MatchClassDto {
  graduationYear: number;
  departmentId: string;
  className: string;
}

/** What staff see of a match: also what the sponsor has paid of it so far (pledge fulfilment). */
export interface StaffCampaignMatchDto extends CampaignMatchDto {
  sponsorAlumnusId: string | null;
  /** The sponsor's payments recorded so far (bank transfer etc.), fen. */
  paidFen: number;
  /** matchedFen − paidFen: what the sponsor still owes for the gifts matched (negative when paid ahead). */
  owedFen: number;
  createdAt: string;
}

/** POST /staff/campaigns/:id/matches. */
export interface CreateCampaignMatchRequest {
  sponsorKind: MatchSponsorKind;
  sponsorName: string;
  /** An alumnus sponsor's account, when there is one. */
  sponsorAlumnusId?: string | null;
  ratioPercent: number;
  capFen: number;
  startsAt: string;
  endsAt: string;
  firstTimeOnly?: boolean;
  forClass?: MatchClassDto | null;
}

/** POST /staff/campaigns/:id/matches/:matchId/payments: the sponsor paid part of its pledge. */
export interface CreateMatchPaymentRequest {
  amountFen: number;
  /** Beijing calendar day the money arrived, YYYY-MM-DD. */
  receivedOn: string;
  /** The bank reference or voucher number. */
  reference: string;
}

export interface MatchPaymentDto {
  id: string;
  matchId: string;
  amountFen: number;
  receivedOn: string;
  reference: string;
  createdAt: string;
}

/** The donate sheet: an amount, or a number of units of a campaign that has a unit. */
export interface CreateDonationRequest {
  amountFen?: number;
  units?: number;
  message?: string;
  anonymous?: boolean;
  /** Show the gift on the donor wall without its amount. */
  hideAmount?: boolean;
}

export interface DonationDto {
  id: string;
  campaignId: string;
  outTradeNo: string;
  amountFen: number;
  /** Given back by refunds so far. */
  refundedFen: number;
  /** What sponsors matched of this gift (配捐), set when it is posted; a refund gives back its share. */
  matchedFen: number;
  units: number;
  message: string;
  anonymous: boolean;
  hideAmount: boolean;
  status: DonationStatus;
  /** Set once paid, e.g. `GIV-1A2B3C4D-000042`. */
  certificateNo: string | null;
  /** Sapling drives: this gift's tree numbers ("你种下了第 1,024 棵树"). */
  treeNumbers: { first: number; last: number } | null;
  paidAt: string | null;
  /** Unpaid after this moment, the order is closed. */
  expiresAt: string;
  createdAt: string;
}

/** What the mini-program passes to `wx.requestPayment` (the appId is signed but not passed). */
export interface RequestPaymentDto {
  timeStamp: string;
  nonceStr: string;
  package: string;
  signType: 'RSA';
  paySign: string;
}

export interface DonationOrderDto {
  donation: DonationDto;
  payment: RequestPaymentDto;
}

/** processing at WeChat Pay · succeeded (money back) · closed (failed, nothing refunded) · abnormal (needs staff, e.g. a frozen card). */
export const REFUND_STATUSES = ['processing', 'succeeded', 'closed', 'abnormal'] as const;
export type RefundStatusName = (typeof REFUND_STATUSES)[number];

/** WeChat Pay shows the reason to the payer and takes at most 80 bytes (26 Chinese characters). */
export const REFUND_REASON_MAX_BYTES = 80;

/** POST /staff/donations/:id/refunds (admin). */
export interface CreateRefundRequest {
  amountFen: number;
  reason: string;
}

export interface DonationRefundDto {
  id: string;
  donationId: string;
  outRefundNo: string;
  amountFen: number;
  reason: string;
  status: RefundStatusName;
  createdAt: string;
  settledAt: string | null;
}

/**
 * Where an abnormal refund (the money could not go back the way it came, e.g. a closed card) is
 * sent instead (WeChat Pay 发起异常退款): the donor's debit card, or the school's (merchant's)
 * settlement account, from which the association returns it another way.
 */
export const ABNORMAL_REFUND_ROUTES = ['user_bank_card', 'merchant_bank_card'] as const;
export type AbnormalRefundRoute = (typeof ABNORMAL_REFUND_ROUTES)[number];

/** The debit cards WeChat Pay takes for a refund to the donor's card: its bank_type ids and the banks' names. */
export const ABNORMAL_REFUND_BANKS = [
  { code: 'ICBC_DEBIT', name: '工商银行' },
  { code: 'ABC_DEBIT', name: '农业银行' },
  { code: 'BOC_DEBIT', name: '中国银行' },
  { code: 'CCB_DEBIT', name: '建设银行' },
  { code: 'COMM_DEBIT', name: '交通银行' },
  { code: 'PSBC_DEBIT', name: '邮储银行' },
  { code: 'CMB_DEBIT', name: '招商银行' },
  { code: 'SPDB_DEBIT', name: '浦发银行' },
  { code: 'CITIC_DEBIT', name: '中信银行' },
  { code: 'CEB_DEBIT', name: '光大银行' },
  { code: 'CMBC_DEBIT', name: '民生银行' },
  { code: 'CIB_DEBIT', name: '兴业银行' },
  { code: 'GDB_DEBIT', name: '广发银行' },
  { code: 'PAB_DEBIT', name: '平安银行' },
  { code: 'NBCB_DEBIT', name: '宁波银行' },
] as const;
export type AbnormalRefundBank = (typeof ABNORMAL_REFUND_BANKS)[number]['code'];

export function abnormalRefundBankName(code: string | null | undefined): string {
  return ABNORMAL_REFUND_BANKS.find((bank) => bank.code === code)?.name ?? '银行';
}

/** A debit card number: digits only (spaces a person types are removed first), 12 to 30 of them. */
export const BANK_CARD_PATTERN = /^\d{12,30}$/;
export const BANK_CARD_NAME_MAX = 50;

/**
 * POST /staff/donations/:id/refunds/:refundId/abnormal (admin). For `user_bank_card`, the
 * card's bank, number and holder's name: sent to WeChat Pay encrypted, never stored (only the
 * bank and the last four digits are kept).
 */
export interface ApplyAbnormalRefundRequest {
  route: AbnormalRefundRoute;
  bankType?: AbnormalRefundBank;
  bankAccount?: string;
  realName?: string;
}

/** A refund as staff see it on a gift: with where an abnormal one was sent, once staff chose. */
export interface StaffDonationRefundDto extends DonationRefundDto {
  abnormal: {
    route: AbnormalRefundRoute;
    bankType: AbnormalRefundBank | null;
    cardLast4: string | null;
    appliedAt: string;
  } | null;
}

/** How a donor who chose anonymity appears on walls and rolls. */
export const ANONYMOUS_DONOR_NAME = '匿名校友';

/** My giving: each gift with its campaign. */
export interface MyDonationDto extends DonationDto {
  campaign: CampaignSummaryDto;
}

/** One line of a campaign's donor wall, as the donor's privacy choices allow. */
export interface DonorWallEntryDto {
  donationId: string;
  /** The display name, or 匿名校友. */
  name: string;
  anonymous: boolean;
  /** Null when the donor hid the amount (units too, as they give the amount away). */
  amountFen: number | null;
  units: number | null;
  message: string;
  paidAt: string;
}

/**
 * A paid donation and WeChat Pay's trade bill disagree: `missing_here` (paid in the bill, not
 * paid here), `missing_there` (paid here, not in the bill), `amount_differs`.
 */
export const RECONCILIATION_DIFFERENCE_KINDS = ['missing_here', 'missing_there', 'amount_differs'] as const;
export type ReconciliationDifferenceKind = (typeof RECONCILIATION_DIFFERENCE_KINDS)[number];

export interface ReconciliationDifferenceDto {
  kind: ReconciliationDifferenceKind;
  outTradeNo: string;
  /** Our amount, when we have the gift as paid. */
  ourFen: number | null;
  /** The bill's amount, when the bill has it. */
  billFen: number | null;
}

/** One day's check of the trade bill (Beijing day). */
export interface ReconciliationDto {
  billDate: string;
  status: 'matched' | 'differences';
  differences: ReconciliationDifferenceDto[];
  ourCount: number;
  ourFen: number;
  billCount: number;
  billFen: number;
  checkedAt: string;
}

/** One entry of a campaign's fund-use ledger ("planted 120 saplings on the east slope"). */
export interface DisbursementDto {
  id: string;
  campaignId: string;
  /** `YYYY-MM-DD` */
  spentOn: string;
  amountFen: number;
  purpose: string;
  photoUrls: string[];
  createdAt: string;
}

export interface CreateDisbursementRequest {
  spentOn: string;
  amountFen: number;
  purpose: string;
  photoUrls?: string[];
}

/** My giving choices; the honour roll is opt-in. */
export interface GivingPreferencesDto {
  honourRoll: boolean;
}

/** One line of the yearly honour roll: an alumnus who opted in, with their total of named gifts. */
export interface HonourRollEntryDto {
  rank: number;
  alumnusId: string;
  name: string;
  totalFen: number;
  gifts: number;
}

/**
 * Classes smaller than this are left off the class leaderboard: in a tiny class a share
 * would all but name who gave (anonymous gifts included).
 */
export const CLASS_LEADERBOARD_MIN_SIZE = 5;
export const CLASS_LEADERBOARD_MAX_LIMIT = 100;

/** One class on the leaderboard: how many of its alumni gave. No amounts: they could give a hidden gift away. */
export interface ClassLeaderboardEntryDto {
  rank: number;
  graduationYear: number;
  departmentId: string;
  departmentName: string | null;
  className: string;
  /** Alumni on record in the class (erased accounts left out). */
  alumni: number;
  /** Of them, how many have a paid gift in the period or campaign (anonymous ones included). */
  donors: number;
  /** donors / alumni, in percent, one decimal. */
  sharePercent: number;
}

/** The class leaderboard of a year (Beijing time) and/or a campaign. */
export interface ClassLeaderboardDto {
  year: number | null;
  campaignId: string | null;
  minClassSize: number;
  entries: ClassLeaderboardEntryDto[];
}

/**
 * What a certificate shows, with the gift's privacy choices applied: the image is made to be
 * shared. The client draws it (canvas) for the alumnus to save and share.
 */
export interface DonationCertificateDto {
  certificateNo: string;
  donationId: string;
  /** The school that thanks the donor. */
  schoolName: string;
  /** 匿名校友 for an anonymous gift; otherwise the real name when known, else the display name. */
  donorName: string;
  campaignTitle: string;
  campaignKind: CampaignSummaryDto['kind'];
  /** Null when the donor hid the amount. Tree numbers stay: they are what a sapling certificate is for. */
  amountFen: number | null;
  units: number;
  unitName: string | null;
  treeNumbers: { first: number; last: number } | null;
  paidAt: string;
}

/** A numbered sapling of a sapling drive, once staff have said where it stands. */
export interface TreeDto {
  campaignId: string;
  treeNo: number;
  location: string;
  latitude: number | null;
  longitude: number | null;
  photoUrls: string[];
  updatedAt: string | null;
}

export interface UpdateTreeRequest {
  location: string;
  latitude?: number | null;
  longitude?: number | null;
  photoUrls?: string[];
}

/** Evidence photos of the fund-use ledger and of trees: uploaded one by one first, at most 9 per entry. */
export const GIVING_PHOTO_LIMITS = {
  photos: 9,
  photoMaxBytes: 2 * 1024 * 1024,
} as const;

/** An uploaded evidence photo: its `url` goes into `photoUrls`. */
export interface GivingPhotoDto {
  url: string;
}

/** The gifts staff list: paid ones (refunded in part or not) and ones refunded in full. */
export const STAFF_DONATION_STATUSES = ['paid', 'refunded'] as const;
export type StaffDonationStatus = (typeof STAFF_DONATION_STATUSES)[number];

/** A gift as staff see it (finance sees who gave; anonymity is for the public), with what a refund may still take. */
export interface StaffDonationDto extends DonationDto {
  campaignTitle: string;
  /** Display name; null once the donor's account is erased. */
  donorName: string | null;
  realName: string | null;
  /** Paid minus every refund not closed (ones still processing included). */
  refundableFen: number;
  /**
   * Refunds WeChat Pay reports abnormal (the money could not reach the payer, e.g. a closed
   * card): for staff to settle in the merchant console; followed until WeChat Pay reports the outcome.
   */
  abnormalRefundFen: number;
}

/** `GET /staff/donations?refund=abnormal`: only gifts with an abnormal refund. */
export const STAFF_DONATION_REFUND_FILTERS = ['abnormal'] as const;
export type StaffDonationRefundFilter = (typeof STAFF_DONATION_REFUND_FILTERS)[number];

/**
 * Giving days (校庆日, 99 公益日-style): a window, the campaigns in it, goals, and challenges.
 * `donor_unlock`: a sponsor's bonus unlocks once `donorTarget` donors gave in the day;
 * `class_competition` / `department_competition`: classes or departments ranked by donors or amount.
 */
export const GIVING_DAY_CHALLENGE_KINDS = ['donor_unlock', 'class_competition', 'department_competition'] as const;
export type GivingDayChallengeKind = (typeof GIVING_DAY_CHALLENGE_KINDS)[number];
export const GIVING_DAY_METRICS = ['donors', 'amount'] as const;
export type GivingDayMetric = (typeof GIVING_DAY_METRICS)[number];
export const GIVING_DAY_STATUSES = ['draft', 'published'] as const;
export type GivingDayStatus = (typeof GIVING_DAY_STATUSES)[number];
/** How often the giving-day page reads its live view again (the server caches it between payments). */
export const GIVING_DAY_REFRESH_SECONDS = 5;

/** A giving day's page; its poster's mini-program code opens it with scene `gd=<day id, base64url>` (scenes.ts). */
export const GIVING_DAY_PAGE_PATH = 'packages/giving/pages/giving-day/index';

export function givingDayScene(id: string): string {
  return uuidScene('gd', id);
}

/** The giving day a scene made by `givingDayScene` names (maybe percent-encoded), or null. */
export function givingDayIdOfScene(scene: string): string | null {
  return uuidOfScene('gd', scene);
}
/** An amount board shows a class or department only once this many donors gave: a sum of one or two gifts would name them. */
export const GIVING_DAY_AMOUNT_MIN_DONORS = 3;
export const GIVING_DAY_MAX_CAMPAIGNS = 10;
export const GIVING_DAY_MAX_CHALLENGES = 10;

export interface GivingDayChallengeInput {
  /** PATCH: sent back to keep a challenge's id (an unlocked one must be). */
  id?: string;
  kind: GivingDayChallengeKind;
  title: string;
  /** Competitions: what ranks (default donors). */
  metric?: GivingDayMetric;
  /** donor_unlock: donors needed. */
  donorTarget?: number | null;
  /** donor_unlock: the bonus the sponsor gives when unlocked, fen. */
  bonusFen?: number | null;
  sponsorName?: string | null;
}

/** POST /staff/giving-days (PATCH takes any part; campaignIds and challenges replace the old lists). */
export interface GivingDayInput {
  title: string;
  summary?: string;
  startsAt: string;
  endsAt: string;
  goalFen: number;
  goalDonors?: number | null;
  campaignIds: string[];
  challenges?: GivingDayChallengeInput[];
  status?: GivingDayStatus;
}

export interface GivingDayChallengeDto {
  id: string;
  kind: GivingDayChallengeKind;
  title: string;
  metric: GivingDayMetric;
  donorTarget: number | null;
  bonusFen: number | null;
  sponsorName: string | null;
}

export interface GivingDayDto {
  id: string;
  title: string;
  summary: string;
  status: GivingDayStatus;
  startsAt: string;
  endsAt: string;
  goalFen: number;
  goalDonors: number | null;
  campaignIds: string[];
  challenges: GivingDayChallengeDto[];
}

/** One class or department on a giving day's board. */
export interface GivingDayBoardEntryDto {
  rank: number;
  /** "2015 届 计科1班" or the department's name. */
  name: string;
  donors: number;
  /** Null on a donors board. */
  amountFen: number | null;
}

export interface GivingDayBoardDto {
  metric: GivingDayMetric;
  entries: GivingDayBoardEntryDto[];
}

export interface GivingDayChallengeProgressDto extends GivingDayChallengeDto {
  /** donor_unlock: donors so far; competitions: the leader's figure. */
  progress: number;
  /** donor_unlock: the target was reached. */
  unlocked: boolean;
  /** Competitions: the board. */
  board: GivingDayBoardDto | null;
}

/** The giving-day page: everything it shows, read from the cache a payment's posting drops. */
export interface GivingDayLiveDto {
  day: GivingDayDto;
  /** The server's clock, for the countdown. */
  now: string;
  phase: 'upcoming' | 'live' | 'ended';
  totals: {
    /** Paid during the day to its campaigns, less refunds, fen. */
    raisedFen: number;
    /** Sponsors' matches of those gifts. */
    matchedFen: number;
    /** Bonuses of unlocked challenges. */
    bonusFen: number;
    donors: number;
    gifts: number;
  };
  campaigns: CampaignSummaryDto[];
  /** The latest gifts of the day, as the donor wall shows them. */
  recentDonors: (DonorWallEntryDto & { campaignTitle: string })[];
  classBoard: GivingDayBoardDto;
  departmentBoard: GivingDayBoardDto;
  challenges: GivingDayChallengeProgressDto[];
  /** The poster's mini-program code (an image; opens this day's page). */
  posterCodeUrl: string;
}

/** Who the receipt (公益事业捐赠票据) is made out to: a person (ID number) or a company (统一社会信用代码). */
export const RECEIPT_PAYER_KINDS = ['person', 'company'] as const;
export type ReceiptPayerKind = (typeof RECEIPT_PAYER_KINDS)[number];
/**
 * requested: waiting for staff · issued: the number recorded and the file attached ·
 * voided: 作废 (or 红冲) — staff voided an issued receipt in the finance system, or a request
 * whose gifts were all refunded was withdrawn; its gifts may be receipted again for what is left.
 */
export const RECEIPT_STATUSES = ['requested', 'issued', 'voided'] as const;
export type ReceiptStatus = (typeof RECEIPT_STATUSES)[number];
export const RECEIPT_MAX_GIFTS = 50;
/** The e-receipt file staff attach: a PDF or an image, at most 5 MB. */
export const RECEIPT_FILE_MAX_BYTES = 5 * 1024 * 1024;

/** POST /me/receipts. */
export interface CreateReceiptRequest {
  donationIds: string[];
  payerKind: ReceiptPayerKind;
  /** The name as it is to appear on the receipt. */
  payerName: string;
  /** 18-character ID number or unified social credit code; stored encrypted. */
  taxId: string;
}

/** A receipt as its donor sees it: the tax number masked. */
export interface DonationReceiptDto {
  id: string;
  status: ReceiptStatus;
  payerKind: ReceiptPayerKind;
  payerName: string;
  /** e.g. `1101**********123X`. */
  taxIdMasked: string;
  /** The gifts' amounts less refunds, fen. */
  amountFen: number;
  donationIds: string[];
  receiptNo: string | null;
  createdAt: string;
  issuedAt: string | null;
  /** An issued receipt one of whose gifts was refunded since: staff are to void it (待作废). */
  voidDueAt: string | null;
  voidedAt: string | null;
  voidReason: string | null;
  /** The number of the red-letter receipt (红字票据) when the finance system reversed it, if any. */
  reversalNo: string | null;
}

/** What staff see in the queue: the tax number in full (they write the receipt) and who asked. */
export interface StaffDonationReceiptDto extends DonationReceiptDto {
  taxId: string;
  alumnusId: string;
  donorName: string;
  /** The e-receipt file is attached (it can be issued). */
  hasFile: boolean;
}

/** POST /staff/receipts/:id/issue. */
export interface IssueReceiptRequest {
  receiptNo: string;
}

/** POST /staff/receipts/:id/void: an issued receipt voided (作废) or reversed (红冲) in the finance system. */
export interface VoidReceiptRequest {
  /** Shown to the donor, e.g. 捐赠已退款. */
  reason: string;
  /** The red-letter receipt's number (红冲), when the finance system made one. */
  reversalNo?: string;
}
