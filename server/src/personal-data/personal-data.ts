import { DiscoveryService } from '@nestjs/core';
import type { EntityManager } from 'typeorm';

/** One exported item: a row about the alumnus, with the names and values a person can read. */
export type PersonalRecord = Record<string, unknown>;

/**
 * One kind of record about an alumnus, as the export lists it: one item per row of `table`
 * whose `column` names the alumnus, read in the export's transaction.
 */
export interface PersonalDataSection {
  /** The key in the export's `records`, e.g. `donations`. */
  key: string;
  table: string;
  column: string;
  read(manager: EntityManager, alumnusId: string): Promise<PersonalRecord[]>;
}

/**
 * What one module keeps about alumni, so that the data export and account erasure cover it
 * (PIPL: the right to a copy and to deletion). A module adds a provider implementing this,
 * decorated `@PersonalDataContributor()`; the registry finds it. The export test
 * (`personal-data.e2e-spec.ts`) fails while a column naming an alumnus is neither a section
 * nor listed in `notExported` with its reason.
 */
export interface PersonalDataContributor {
  readonly sections: PersonalDataSection[];
  /** `table.column` naming an alumnus that the export leaves out, with why (staff work, a credential…). */
  readonly notExported?: Record<string, string>;
  /**
   * Account erasure, in its transaction, before the profile is cleared: forget or detach what
   * is about the alumnus. Returns storage keys of files to remove once the erasure commits.
   */
  erase?(manager: EntityManager, alumnusId: string): Promise<string[] | void>;
}

/** Marks a provider as a PersonalDataContributor. */
export const PersonalDataContributor = DiscoveryService.createDecorator<void>();
