import { Injectable } from '@nestjs/common';
import { AUDIENCE_KIND_LABELS, type AudienceSpec } from '@alumni/shared';
import { AudienceResolver } from '../audiences/audience-resolver.js';

/** Every verified, active account: the base every audience is cut from. */
@Injectable()
@AudienceResolver()
export class VerifiedAudience implements AudienceResolver {
  readonly kind = 'verified' as const;
  readonly membersSql = `SELECT a.id FROM alumni a WHERE a.verified_at IS NOT NULL AND a.deleted_at IS NULL`;

  normalise(): Promise<AudienceSpec> {
    return Promise.resolve({ kind: 'verified' });
  }

  label(): Promise<string> {
    return Promise.resolve(AUDIENCE_KIND_LABELS.verified);
  }
}
