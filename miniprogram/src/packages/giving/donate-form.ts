import {
  type CampaignDetailDto,
  type CreateDonationRequest,
  DONATION_MESSAGE_MAX_LENGTH,
  type ErrorDetail,
  formatFenShort,
  parseYuanToFen,
} from '@alumni/shared';

/** What the alumnus picked: a number of units (sapling drives), a suggested amount, or a typed amount. */
export type AmountChoice = { kind: 'units'; units: number } | { kind: 'amount'; fen: number } | { kind: 'custom'; text: string };

export interface AmountChip {
  key: string;
  /** "1 棵树苗" or "¥50". */
  label: string;
  /** Under a unit chip: its price, "¥30". */
  hint: string | null;
  choice: AmountChoice;
}

/** Unit chips offered on a drive with a unit, before the bounds drop the ones out of range. */
const UNIT_STEPS = [1, 3, 5, 10];

/** A drive without suggested amounts still offers a few, in fen. */
const FALLBACK_AMOUNTS_FEN = [1000, 5000, 10000, 50000];

type Limits = Pick<CampaignDetailDto, 'minAmountFen' | 'maxAmountFen'>;

const withinLimits = (fen: number, { minAmountFen, maxAmountFen }: Limits) =>
  fen >= minAmountFen && (maxAmountFen === null || fen <= maxAmountFen);

/**
 * The chips of the donate sheet: unit chips on a drive with a unit ("1 棵树苗 · ¥30"),
 * otherwise its suggested amounts; only what the drive's minimum and maximum allow.
 */
export function amountChips(campaign: CampaignDetailDto): AmountChip[] {
  const { unit } = campaign;
  if (unit) {
    return UNIT_STEPS.filter((units) => withinLimits(units * unit.priceFen, campaign)).map((units) => ({
      key: `units-${units}`,
      label: `${units} ${unit.name}`,
      hint: formatFenShort(units * unit.priceFen),
      choice: { kind: 'units', units },
    }));
  }
  const amounts = campaign.suggestedAmountsFen.length > 0 ? campaign.suggestedAmountsFen : FALLBACK_AMOUNTS_FEN;
  return amounts
    .filter((fen) => withinLimits(fen, campaign))
    .map((fen) => ({ key: `fen-${fen}`, label: formatFenShort(fen), hint: null, choice: { kind: 'amount', fen } }));
}

/** The chip picked when the sheet opens: the first one, or the custom field when there are none. */
export function initialChoice(campaign: CampaignDetailDto): AmountChoice {
  return amountChips(campaign)[0]?.choice ?? { kind: 'custom', text: '' };
}

export type AmountCheck = { ok: true; fen: number; units: number } | { ok: false; problem: string | null };

/**
 * The amount in fen and the units it buys, or why it cannot be given. An empty custom field
 * is not yet a problem to show (`problem: null`), only a reason to keep 支付 disabled.
 */
export function checkAmount(campaign: CampaignDetailDto, choice: AmountChoice): AmountCheck {
  const { unit } = campaign;
  let fen: number;
  if (choice.kind === 'units') fen = choice.units * (unit?.priceFen ?? 0);
  else if (choice.kind === 'amount') fen = choice.fen;
  else {
    if (choice.text.trim() === '') return { ok: false, problem: null };
    const parsed = parseYuanToFen(choice.text);
    if (parsed === null) return { ok: false, problem: '请输入正确的金额，最多两位小数' };
    fen = parsed;
  }
  const problem = limitProblem(campaign, fen);
  if (problem) return { ok: false, problem };
  // A gift of an amount on a drive with a unit buys whole units; the rest is a plain gift.
  return { ok: true, fen, units: unit ? Math.floor(fen / unit.priceFen) : 0 };
}

function limitProblem({ minAmountFen, maxAmountFen }: Limits, fen: number): string | null {
  if (fen < minAmountFen) return `单笔最少 ${formatFenShort(minAmountFen)}`;
  if (maxAmountFen !== null && fen > maxAmountFen) return `单笔最多 ${formatFenShort(maxAmountFen)}`;
  return null;
}

export interface DonateDraft {
  choice: AmountChoice;
  message: string;
  anonymous: boolean;
  hideAmount: boolean;
}

/** The order's body: units for a unit chip, otherwise the amount in fen. */
export function toDonationRequest(draft: DonateDraft, fen: number): CreateDonationRequest {
  const amount = draft.choice.kind === 'units' ? { units: draft.choice.units } : { amountFen: fen };
  return {
    ...amount,
    message: draft.message.trim().slice(0, DONATION_MESSAGE_MAX_LENGTH),
    anonymous: draft.anonymous,
    hideAmount: draft.hideAmount,
  };
}

/**
 * The server's refusal of an amount, said against this drive's limits (the sheet may be
 * stale: staff changed them meanwhile); null when the refusal is not about the amount.
 */
export function amountProblemFromServer(code: string, details: ErrorDetail[], campaign: CampaignDetailDto): string | null {
  switch (code) {
    case 'DONATION_AMOUNT_TOO_SMALL':
      return `单笔最少 ${formatFenShort(campaign.minAmountFen)}`;
    case 'DONATION_AMOUNT_TOO_LARGE':
      return campaign.maxAmountFen === null ? '金额超过单笔上限' : `单笔最多 ${formatFenShort(campaign.maxAmountFen)}`;
    case 'DONATION_AMOUNT_REQUIRED':
    case 'DONATION_UNITS_NOT_OFFERED':
      return '请重新选择捐赠金额';
    case 'VALIDATION_FAILED':
      return details.some((d) => d.field === 'amountFen' || d.field === 'units') ? '请输入正确的金额，最多两位小数' : null;
    default:
      return null;
  }
}

/** One order attempt: the key goes in the Idempotency-Key header. */
export interface OrderAttempt {
  key: string;
  body: string;
}

/** 8–64 letters, digits or hyphens, as the server requires. */
export function newDonationKey(now: number = Date.now(), random: () => number = Math.random): string {
  const part = () =>
    Math.floor(random() * 36 ** 8)
      .toString(36)
      .padStart(8, '0');
  return `give-${now.toString(36)}-${part()}${part()}`;
}

/**
 * The attempt for this order: tapping 支付 again with the same gift (after cancelling the
 * payment sheet, or a lost answer) keeps the key, so the server answers the same order; a
 * changed gift is a new order with a new key.
 */
export function attemptFor(
  previous: OrderAttempt | null,
  request: CreateDonationRequest,
  makeKey: () => string = newDonationKey,
): OrderAttempt {
  const body = JSON.stringify(request);
  return previous && previous.body === body ? previous : { key: makeKey(), body };
}
