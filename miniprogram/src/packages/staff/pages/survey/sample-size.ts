import { CONFIDENCE_LEVELS, marginOfError, sampleSize } from '@alumni/shared';

/** The calculator's fields as typed: N (blank for a very large or unknown population), σ, e in percent. */
export interface SampleDraft {
  population: string;
  level: (typeof CONFIDENCE_LEVELS)[number]['level'];
  sigma: string;
  marginPercent: string;
}

export interface SampleCheck {
  /** The sample needed, or null while a field cannot be read. */
  needed: number | null;
  /** Valid responses still missing (0 once reached). */
  missing: number | null;
  /** The margin the valid responses give now, in percent with one decimal. */
  achievedPercent: number | null;
  problem: string | null;
}

/** The sample the survey needs under the staff's assumptions, and how far its valid responses are from it. */
export function checkSample(draft: SampleDraft, valid: number): SampleCheck {
  const z = CONFIDENCE_LEVELS.find((c) => c.level === draft.level)!.z;
  const population = draft.population.trim() === '' ? null : Number(draft.population);
  const sigma = Number(draft.sigma);
  const margin = Number(draft.marginPercent) / 100;
  if (population !== null && !(Number.isInteger(population) && population > 0))
    return { needed: null, missing: null, achievedPercent: null, problem: '总体 N 须为正整数，未知或很大时留空' };
  if (!(sigma > 0 && sigma <= 10)) return { needed: null, missing: null, achievedPercent: null, problem: 'σ 须为正数（比例取 0.5）' };
  if (!(margin > 0 && margin < 1))
    return { needed: null, missing: null, achievedPercent: null, problem: '误差 e 须在 0 到 100% 之间，如 5' };
  const needed = sampleSize({ population, z, sigma, margin });
  const achieved = marginOfError(valid, { population, z, sigma });
  return {
    needed,
    missing: Math.max(0, needed - valid),
    achievedPercent: achieved === null ? null : Math.round(achieved * 1000) / 10,
    problem: null,
  };
}
