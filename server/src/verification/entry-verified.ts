import { DiscoveryService } from '@nestjs/core';
import type { EntityManager } from 'typeorm';

/** A roster entry an alumnus was just verified against (a unique roster match or a staff approval). */
export interface EntryVerified {
  alumnusId: string;
  rosterEntryId: string;
  /** The name the roster lists. */
  name: string;
  verifiedAt: Date;
}

/**
 * A module that acts when someone is verified against a roster entry (the class liaison who
 * invited them is told). It runs in the verification's transaction, so what it writes commits
 * or rolls back with the verification. A module adds a provider implementing this, decorated
 * `@EntryVerifiedListener()`; the verification service finds it at start-up. The verification
 * module cannot import the modules that listen (they read claims through it).
 */
export interface EntryVerifiedListener {
  entryVerified(manager: EntityManager, event: EntryVerified): Promise<void>;
}

/** Marks a provider as an EntryVerifiedListener. */
export const EntryVerifiedListener = DiscoveryService.createDecorator<void>();
