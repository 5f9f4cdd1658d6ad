import { DiscoveryService } from '@nestjs/core';
import type { EntityManager } from 'typeorm';
import type { AudienceKind, AudienceSpec } from '@alumni/shared';
import { AppError } from '../common/app-error.js';

/**
 * One kind of audience, declared by the module that owns its data (docs/governance.md,
 * Audiences): a group's members by the groups module, a graduation year by verification, the
 * council by governance. A kind added later (a local branch) is one more decorated provider.
 */
export interface AudienceResolver {
  readonly kind: AudienceKind;
  /**
   * A SELECT of the ids of the alumni in the audience, reading the spec (as jsonb) from `$1`.
   * The audience service keeps only verified, active accounts of it.
   */
  readonly membersSql: string;
  /** The spec with only this kind's fields, checked (the things it names exist); AUDIENCE_INVALID otherwise. */
  normalise(spec: AudienceSpec, manager: EntityManager): Promise<AudienceSpec>;
  /** How the audience reads on a page: `2010–2015 届认证校友`. */
  label(spec: AudienceSpec, manager: EntityManager): Promise<string>;
}

/** Marks a provider as an AudienceResolver. */
export const AudienceResolver = DiscoveryService.createDecorator<void>();

/** AUDIENCE_INVALID naming the field to fix. */
export function audienceProblem(field: string, issue: string): AppError {
  return new AppError('AUDIENCE_INVALID', [{ field: `audience.${field}`, issue }]);
}
