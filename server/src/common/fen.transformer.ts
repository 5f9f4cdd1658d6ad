import type { ValueTransformer } from 'typeorm';

/**
 * `bigint` fen columns arrive from `pg` as strings; amounts stay far below 2^53 fen
 * (≈ ¥90 trillion), so converting to number is exact. Anything else is refused loudly.
 */
export const fenTransformer: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => {
    if (value === null) return null;
    const fen = Number(value);
    if (!Number.isSafeInteger(fen)) throw new RangeError(`amount out of range: ${value} fen`);
    return fen;
  },
};
