import {
  ENGAGEMENT_LIMITS,
  type EngagementSettingsDto,
  ERRORS,
  INTERACTION_KINDS,
  type InteractionKind,
  type UpdateEngagementSettingsRequest,
} from '@alumni/shared';

const L = ENGAGEMENT_LIMITS;
const KINDS = Object.keys(INTERACTION_KINDS) as InteractionKind[];

/** The settings as the editor holds them: every known kind, each number as typed. */
export interface WeightsDraft {
  halfLifeDays: string;
  contactCurrentMonths: string;
  weights: Record<InteractionKind, string>;
}

/** `form`: a refusal about the weights as a whole, shown above them. */
export type WeightsProblems = Partial<Record<'form' | 'halfLifeDays' | 'contactCurrentMonths' | InteractionKind, string>>;

/** Kinds the server has no weight for weigh 0, and show as 0. */
export function draftFromSettings(settings: EngagementSettingsDto): WeightsDraft {
  const given = new Map(settings.weights.map((w) => [w.kind, w.weight]));
  return {
    // The half-life staff asked for last, even while it is still being applied.
    halfLifeDays: String(settings.pendingHalfLifeDays ?? settings.halfLifeDays),
    contactCurrentMonths: String(settings.contactCurrentMonths),
    weights: Object.fromEntries(KINDS.map((kind) => [kind, String(given.get(kind) ?? 0)])) as Record<InteractionKind, string>,
  };
}

/** Kinds grouped as the editor lists them: participation first, then the rest. */
export const WEIGHT_GROUPS: { title: string; kinds: InteractionKind[] }[] = [
  { title: '参与（计入“参与”“核心”分层）', kinds: KINDS.filter((k) => INTERACTION_KINDS[k].participation) },
  { title: '其他互动', kinds: KINDS.filter((k) => !INTERACTION_KINDS[k].participation) },
];

const INTEGER = /^-?\d+$/;
const WEIGHT = /^-?\d+(\.\d{1,2})?$/;

function integerIn(text: string, min: number, max: number): number | null {
  const value = Number(text.trim());
  return INTEGER.test(text.trim()) && value >= min && value <= max ? value : null;
}

/**
 * The request, or the fields to fix: the server's own rules (UpdateEngagementSettingsDto):
 * whole days and months within their limits, weights within ±100 with at most two decimals.
 * Zero weights are left out, as the server reads a missing kind as 0.
 */
export function toSettingsRequest(draft: WeightsDraft): { input: UpdateEngagementSettingsRequest | null; problems: WeightsProblems } {
  const problems: WeightsProblems = {};
  const halfLifeDays = integerIn(draft.halfLifeDays, L.halfLifeDaysMin, L.halfLifeDaysMax);
  if (halfLifeDays === null) problems.halfLifeDays = `请填写 ${L.halfLifeDaysMin}–${L.halfLifeDaysMax} 之间的整数天数`;
  const contactCurrentMonths = integerIn(draft.contactCurrentMonths, L.contactCurrentMonthsMin, L.contactCurrentMonthsMax);
  if (contactCurrentMonths === null)
    problems.contactCurrentMonths = `请填写 ${L.contactCurrentMonthsMin}–${L.contactCurrentMonthsMax} 之间的整数月数`;
  const weights: UpdateEngagementSettingsRequest['weights'] = [];
  for (const kind of KINDS) {
    const text = (draft.weights[kind] ?? '').trim() || '0';
    const weight = Number(text);
    if (!WEIGHT.test(text) || weight < L.weightMin || weight > L.weightMax)
      problems[kind] = `权重为 ${L.weightMin} 到 ${L.weightMax} 之间的数，最多两位小数`;
    else if (weight !== 0) weights.push({ kind, weight });
  }
  if (halfLifeDays === null || contactCurrentMonths === null || Object.keys(problems).length > 0) return { input: null, problems };
  return { input: { halfLifeDays, contactCurrentMonths, weights }, problems };
}

/** The server's refusals: a field named in the details, or the codes of the weights as a whole. */
export function weightsProblemsFromServer(
  code: string,
  message: string,
  fields: (string | undefined)[],
  sent: UpdateEngagementSettingsRequest | null,
): WeightsProblems {
  const problems: WeightsProblems = {};
  for (const field of fields) {
    if (field === 'halfLifeDays' || field === 'contactCurrentMonths') problems[field] = message;
    // `weights.3.weight` names the fourth weight sent.
    const index = /^weights\.(\d+)/.exec(field ?? '')?.[1];
    const kind = index !== undefined ? sent?.weights[Number(index)]?.kind : undefined;
    if (kind) problems[kind] = message;
  }
  if (Object.keys(problems).length === 0 && (code === 'ENGAGEMENT_KIND_UNKNOWN' || code === 'ENGAGEMENT_WEIGHT_DUPLICATE'))
    problems.form = message || ERRORS[code].message;
  return problems;
}
