import { Injectable } from '@nestjs/common';
import { dropCollisions, MergeParticipant, moveReferences, type MergeContext } from '../duplicates/merge-participant.js';
import { MonthlyDeductionService } from './monthly/monthly-deduction.service.js';

/**
 * Gifts, receipts, match pledges, monthly pledges and refunds move to the survivor; the money totals do not change.
 * A campaign counts a donor once (posting.service.ts): where both records gave to it, it
 * counted the person twice, so its donor count drops by one. The survivor's giving
 * preferences stand when both set them.
 */
@Injectable()
@MergeParticipant()
export class GivingMerge implements MergeParticipant {
  readonly columns = [
    'donations.alumnus_id',
    'donation_receipts.alumnus_id',
    'donation_refunds.requested_by',
    'giving_preferences.alumnus_id',
    'campaigns.created_by',
    'campaign_disbursements.created_by',
    'campaign_trees.updated_by',
    'campaign_matches.sponsor_alumnus_id',
    'monthly_pledges.alumnus_id',
  ] as const;

  async merge(context: MergeContext): Promise<void> {
    const { manager, mergedId, survivorId } = context;
    // Counted donors: a paid gift already posted (certificate numbered), as the posting pass counts them.
    const twice = (await manager.query(
      `SELECT c.id FROM campaigns c
        WHERE EXISTS (SELECT 1 FROM donations WHERE campaign_id = c.id AND alumnus_id = $1 AND status = 'paid' AND certificate_no IS NOT NULL)
          AND EXISTS (SELECT 1 FROM donations WHERE campaign_id = c.id AND alumnus_id = $2 AND status = 'paid' AND certificate_no IS NOT NULL)
        ORDER BY c.id FOR UPDATE`,
      [mergedId, survivorId],
    )) as { id: string }[];
    for (const { id } of twice)
      await manager.query('UPDATE campaigns SET donor_count = donor_count - 1, updated_at = now() WHERE id = $1', [id]);
    await dropCollisions(context, 'giving_preferences.alumnus_id', []);
    // One live monthly pledge per donor and campaign: where both pledged to one, the survivor's stands, the other is cancelled.
    await manager.query(
      `UPDATE monthly_pledges m SET status = 'cancelled', cancelled_at = now(), updated_at = now()
        WHERE m.alumnus_id = $1 AND m.status <> 'cancelled'
          AND EXISTS (SELECT 1 FROM monthly_pledges s WHERE s.alumnus_id = $2 AND s.campaign_id = m.campaign_id AND s.status <> 'cancelled')`,
      [mergedId, survivorId],
    );
    await MonthlyDeductionService.endWithCancelledPledges(manager, mergedId);
    await moveReferences(context, this.columns);
  }
}
