import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { HeldContentOwner, type HeldItem } from '../content-security/held-content.js';
import { DonationEntity } from './donation.entity.js';

/**
 * Staff decisions on donors' messages (approved ones go on the wall, rejected ones are dropped;
 * the gift stands) and on fund-use and tree photos (a rejected one leaves every entry naming
 * it, and its file goes).
 */
@Injectable()
@HeldContentOwner()
export class GivingHeldContent implements HeldContentOwner {
  readonly kinds = ['donation-message', 'campaign-photo'] as const;

  async approve(manager: EntityManager, item: HeldItem): Promise<void> {
    if (item.kind !== 'donation-message') return;
    await manager.update(DonationEntity, { id: item.subjectId, messageHeld: true }, { messageHeld: false });
  }

  async reject(manager: EntityManager, item: HeldItem): Promise<string[]> {
    if (item.kind === 'donation-message') {
      await manager.update(DonationEntity, { id: item.subjectId, messageHeld: true }, { messageHeld: false, message: '' });
      return [];
    }
    if (item.imageKey === null) return [];
    // Entries name the photo by URL, absolute on PUBLIC_BASE_URL or a path: whichever ends in its key.
    const suffix = `%/${item.imageKey}`;
    for (const table of ['campaign_disbursements', 'campaign_trees']) {
      await manager.query(
        `UPDATE ${table} SET photo_urls = (SELECT coalesce(jsonb_agg(u ORDER BY n), '[]'::jsonb)
                                             FROM jsonb_array_elements_text(photo_urls) WITH ORDINALITY AS e (u, n) WHERE u NOT LIKE $1)
          WHERE EXISTS (SELECT 1 FROM jsonb_array_elements_text(photo_urls) AS e (u) WHERE u LIKE $1)`,
        [suffix],
      );
    }
    return [item.imageKey];
  }
}
