import type { HeadlineFigures } from '@alumni/shared';

export function figuresFixture(override: Partial<HeadlineFigures> = {}): HeadlineFigures {
  return {
    alumni: 10,
    signedIn: 8,
    verified: 5,
    withCurrentContact: 4,
    contactCoveragePercent: 40,
    engaged12Months: 3,
    donorsThisYear: 2,
    raisedThisYearFen: 12_000,
    segments: { uncontacted: 4, contacted: 3, participating: 2, core: 1 },
    ...override,
  };
}
