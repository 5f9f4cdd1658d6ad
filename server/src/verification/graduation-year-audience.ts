import { Injectable } from '@nestjs/common';
import type { AudienceSpec } from '@alumni/shared';
import { AudienceResolver, audienceProblem } from '../audiences/audience-resolver.js';

/**
 * Alumni by verified graduation year: the year of the roster entry they claimed, or of a claim
 * staff approved without one (as for class groups). The editable profile year never counts.
 */
@Injectable()
@AudienceResolver()
export class GraduationYearAudience implements AudienceResolver {
  readonly kind = 'graduation_years' as const;
  readonly membersSql = `
    SELECT e.claimed_by FROM roster_entries e
     WHERE e.claimed_by IS NOT NULL AND e.graduation_year BETWEEN ($1->>'yearFrom')::int AND ($1->>'yearTo')::int
    UNION ALL
    SELECT c.alumnus_id FROM verification_claims c
     WHERE c.status = 'approved' AND c.roster_entry_id IS NULL
       AND c.graduation_year BETWEEN ($1->>'yearFrom')::int AND ($1->>'yearTo')::int`;

  normalise(spec: AudienceSpec): Promise<AudienceSpec> {
    const { yearFrom, yearTo } = spec;
    if (yearFrom == null || yearTo == null) throw audienceProblem('yearFrom', 'yearFrom and yearTo are required for graduation_years');
    if (yearFrom > yearTo) throw audienceProblem('yearTo', 'yearTo must not be before yearFrom');
    return Promise.resolve({ kind: 'graduation_years', yearFrom, yearTo });
  }

  label(spec: AudienceSpec): Promise<string> {
    const years = spec.yearFrom === spec.yearTo ? `${spec.yearFrom}` : `${spec.yearFrom}–${spec.yearTo}`;
    return Promise.resolve(`${years} 届认证校友`);
  }
}
