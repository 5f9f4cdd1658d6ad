import { Injectable } from '@nestjs/common';
import { AUDIENCE_KIND_LABELS, type AudienceSpec } from '@alumni/shared';
import { AudienceResolver } from '../../audiences/audience-resolver.js';

/** Today's day in Beijing, in SQL: council terms are Beijing days. */
export const SHANGHAI_TODAY_SQL = `(now() AT TIME ZONE 'Asia/Shanghai')::date`;

/** Whether a council_members row (alias `c`) is serving today. */
export const SERVING_SQL = `c.term_starts_on <= ${SHANGHAI_TODAY_SQL} AND coalesce(c.ended_on, c.term_ends_on) >= ${SHANGHAI_TODAY_SQL}`;

/** The alumni council as it serves today. */
@Injectable()
@AudienceResolver()
export class CouncilAudience implements AudienceResolver {
  readonly kind = 'council' as const;
  readonly membersSql = `SELECT c.alumnus_id FROM council_members c WHERE ${SERVING_SQL}`;

  normalise(): Promise<AudienceSpec> {
    return Promise.resolve({ kind: 'council' });
  }

  label(): Promise<string> {
    return Promise.resolve(AUDIENCE_KIND_LABELS.council);
  }
}
