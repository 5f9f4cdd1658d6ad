import { DiscoveryService } from '@nestjs/core';
import type { EntityManager } from 'typeorm';
import type { HeldContentKind } from '@alumni/shared';

/** One waiting item, as its owning module sees it when a decision comes. */
export interface HeldItem {
  kind: HeldContentKind;
  subjectId: string;
  field: string;
  authorId: string | null;
  text: string | null;
  imageKey: string | null;
}

/**
 * What a module does with its content once it is decided: `approve` shows it (text held back
 * becomes visible), `reject` takes it down (a held text is dropped, an image is unlinked).
 * Both run in the decision's transaction; `reject` answers storage keys to delete after the
 * commit. A module whose content is already gone (replaced, erased) does nothing. A module
 * adds a provider implementing this, decorated `@HeldContentOwner()`; the registry finds it.
 */
export interface HeldContentOwner {
  readonly kinds: readonly HeldContentKind[];
  approve(manager: EntityManager, item: HeldItem): Promise<void>;
  reject(manager: EntityManager, item: HeldItem): Promise<string[]>;
  /**
   * WeChat passed the image (optional): for a module that shows an image only once it is
   * checked (old photos). Runs in the verdict's transaction.
   */
  passed?(manager: EntityManager, item: HeldItem): Promise<void>;
}

/** Marks a provider as a HeldContentOwner. */
export const HeldContentOwner = DiscoveryService.createDecorator<void>();
