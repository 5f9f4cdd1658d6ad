/**
 * The arithmetic of association research (docs/surveys.md): the sample a survey needs, the
 * margin its valid responses give, and percentages rounded as study tables print them. Pure
 * functions, shared by the survey page and the server's results and exports.
 */

/** The confidence levels the sample-size calculator offers, with their z values (two-sided, normal). */
export const CONFIDENCE_LEVELS = [
  { level: 90, z: 1.645 },
  { level: 95, z: 1.96 },
  { level: 99, z: 2.576 },
] as const;

export interface SampleSizeInput {
  /** The population N (the audience); null for a very large or unknown population. */
  population: number | null;
  /** z for the confidence level: 1.96 for 95%. */
  z: number;
  /** The estimated standard deviation σ: 0.5 for a proportion (the most cautious guess). */
  sigma: number;
  /** The margin of error e as a fraction: 0.05 for ±5%. */
  margin: number;
}

/** Floating-point noise above a whole number (384.00000000001) must not round up to the next one. */
const EPSILON = 1e-9;

/**
 * The sample needed, rounded up to a whole respondent:
 * n = N·σ²·z² / (N·e² + z²·σ²) for a population of N, and n = z²·σ²/e² when N is unknown or
 * very large (the limit of the first as N grows). Never more than N.
 */
export function sampleSize({ population, z, sigma, margin }: SampleSizeInput): number {
  if (!(z > 0 && sigma > 0 && margin > 0)) throw new RangeError('z, σ and e must be positive');
  if (population !== null && !(Number.isInteger(population) && population > 0)) throw new RangeError('N must be a positive whole number');
  const top = z * z * sigma * sigma;
  const n = population === null ? top / (margin * margin) : (population * top) / (population * margin * margin + top);
  const whole = Math.ceil(n - EPSILON);
  return population === null ? whole : Math.min(whole, population);
}

/**
 * The margin of error e that `respondents` valid answers give (the formula solved for e):
 * e = z·σ·√((N − n) / (N·n)), or z·σ/√n for an unknown population. Null without respondents.
 */
export function marginOfError(respondents: number, { population, z, sigma }: Omit<SampleSizeInput, 'margin'>): number | null {
  if (respondents <= 0) return null;
  if (population === null) return (z * sigma) / Math.sqrt(respondents);
  if (respondents >= population) return 0;
  return z * sigma * Math.sqrt((population - respondents) / (population * respondents));
}

/**
 * A share as a whole percent, rounded half up as study tables print it (12.5% prints 13%);
 * null when there is nothing to divide by. A printed column may therefore add up to 99% or 101%.
 */
export function percentOf(count: number, total: number): number | null {
  if (total <= 0) return null;
  return Math.floor((count * 100) / total + 0.5 + EPSILON);
}

/** `37%`, or `—` when there is no base. */
export function formatPercent(value: number | null): string {
  return value === null ? '—' : `${value}%`;
}
