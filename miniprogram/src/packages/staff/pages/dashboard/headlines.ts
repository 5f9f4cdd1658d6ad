import { formatFen, type HeadlineFigures } from '@alumni/shared';

/**
 * The headline cards, in order: what each shows and the line under it. They count accounts;
 * the share of graduates on the rosters the association can reach is the coverage card above (coverage.tsx).
 */
export const HEADLINES: { key: string; label: string; value: (f: HeadlineFigures) => string; hint?: (f: HeadlineFigures) => string }[] = [
  { key: 'alumni', label: '校友账户', value: (f) => String(f.alumni) },
  { key: 'signed-in', label: '已注册', value: (f) => String(f.signedIn), hint: (f) => `占 ${share(f.signedIn, f.alumni)}` },
  { key: 'verified', label: '已认证', value: (f) => String(f.verified), hint: (f) => `占 ${share(f.verified, f.alumni)}` },
  {
    key: 'contact',
    label: '联系方式有效',
    value: (f) => String(f.withCurrentContact),
    hint: (f) => `占账户 ${f.contactCoveragePercent}%`,
  },
  { key: 'engaged', label: '近 12 个月参与', value: (f) => String(f.engaged12Months) },
  { key: 'donors', label: '今年捐赠人数', value: (f) => String(f.donorsThisYear) },
  { key: 'raised', label: '今年筹款', value: (f) => formatFen(f.raisedThisYearFen) },
];

/** `12` of `48` → `25%`; one decimal below 10%. */
export function share(part: number, whole: number): string {
  if (whole === 0) return '0%';
  const percent = (part * 100) / whole;
  return `${percent < 10 ? Math.round(percent * 10) / 10 : Math.round(percent)}%`;
}
