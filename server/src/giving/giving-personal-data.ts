import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PersonalDataContributor, type PersonalDataSection } from '../personal-data/personal-data.js';
import { MonthlyDeductionService } from './monthly/monthly-deduction.service.js';

/**
 * Gifts (with their refunds), receipt requests, monthly pledges (with their months) and the honour-roll choice. Erasure keeps each
 * gift's amount, number and certificate for the accounts, nameless, and forgets its message and
 * the payer's WeChat identity; the honour-roll choice and receipts not yet issued go (an issued
 * receipt is the finance office's record).
 */
@Injectable()
@PersonalDataContributor()
export class GivingPersonalData implements PersonalDataContributor {
  readonly sections: PersonalDataSection[] = [
    {
      key: 'donations',
      table: 'donations',
      column: 'alumnus_id',
      read: (manager, alumnusId) =>
        manager.query(
          `SELECT d.id, d.campaign_id AS "campaignId", c.title AS "campaignTitle", d.amount_fen::float8 AS "amountFen",
                  d.refunded_fen::float8 AS "refundedFen", d.units, d.message, d.anonymous, d.hide_amount AS "hideAmount",
                  d.status, d.out_trade_no AS "outTradeNo", d.transaction_id AS "transactionId", d.payer_openid AS "payerOpenid",
                  d.certificate_no AS "certificateNo", d.first_tree_no AS "firstTreeNo", d.created_at AS "createdAt",
                  d.paid_at AS "paidAt", d.closed_at AS "closedAt",
                  COALESCE((SELECT json_agg(json_build_object('amountFen', r.amount_fen, 'reason', r.reason, 'status', r.status,
                                                             'requestedAt', r.created_at, 'settledAt', r.settled_at) ORDER BY r.created_at)
                              FROM donation_refunds r WHERE r.donation_id = d.id), '[]') AS refunds
             FROM donations d JOIN campaigns c ON c.id = d.campaign_id
            WHERE d.alumnus_id = $1 ORDER BY d.created_at, d.id`,
          [alumnusId],
        ),
    },
    {
      key: 'donationReceipts',
      table: 'donation_receipts',
      column: 'alumnus_id',
      // The ID or tax number masked, as the donor's own page shows it: the export is a file that travels.
      read: (manager, alumnusId) =>
        manager.query(
          `SELECT r.id, r.status, r.payer_kind AS "payerKind", r.payer_name AS "payerName", r.tax_id_masked AS "taxIdMasked",
                  r.amount_fen::float8 AS "amountFen", r.receipt_no AS "receiptNo", r.created_at AS "createdAt", r.issued_at AS "issuedAt",
                  COALESCE((SELECT json_agg(i.donation_id ORDER BY i.donation_id) FROM donation_receipt_items i WHERE i.receipt_id = r.id), '[]')
                    AS "donationIds"
             FROM donation_receipts r WHERE r.alumnus_id = $1 ORDER BY r.created_at, r.id`,
          [alumnusId],
        ),
    },
    {
      key: 'monthlyPledges',
      table: 'monthly_pledges',
      column: 'alumnus_id',
      read: (manager, alumnusId) =>
        manager.query(
          `SELECT p.id, p.campaign_id AS "campaignId", c.title AS "campaignTitle", p.amount_fen::float8 AS "amountFen",
                  p.day_of_month AS "dayOfMonth", p.status, p.mode, p.created_at AS "createdAt", p.cancelled_at AS "cancelledAt",
                  COALESCE((SELECT json_agg(json_build_object('month', i.month, 'amountFen', i.amount_fen, 'status', i.status,
                                                             'donationId', i.donation_id, 'invitedAt', i.invited_at, 'paidAt', i.paid_at)
                                            ORDER BY i.month)
                              FROM monthly_instalments i WHERE i.pledge_id = p.id), '[]') AS months
             FROM monthly_pledges p JOIN campaigns c ON c.id = p.campaign_id
            WHERE p.alumnus_id = $1 ORDER BY p.created_at, p.id`,
          [alumnusId],
        ),
    },
    {
      key: 'givingPreferences',
      table: 'giving_preferences',
      column: 'alumnus_id',
      read: (manager, alumnusId) =>
        manager.query(`SELECT honour_roll AS "honourRoll", updated_at AS "updatedAt" FROM giving_preferences WHERE alumnus_id = $1`, [
          alumnusId,
        ]),
    },
  ];

  readonly notExported = {
    'campaigns.created_by': 'staff work: who created a drive',
    'campaign_disbursements.created_by': 'staff work: who recorded a fund-use entry',
    'campaign_trees.updated_by': 'staff work: who updated a tree’s place and photos',
    'donation_refunds.requested_by': 'staff work: who asked for a refund (the refund itself is under the gift)',
    'campaign_matches.sponsor_alumnus_id':
      'a matching pledge staff record for a sponsor (an agreement of the school), shown under the name the sponsor chose',
  };

  async erase(manager: EntityManager, alumnusId: string): Promise<void> {
    // A pending order keeps its payer until it is paid or expires: WeChat Pay matches the payment to it.
    await manager.query(
      `UPDATE donations SET message = '', payer_openid = CASE WHEN status = 'pending' THEN payer_openid ELSE '' END WHERE alumnus_id = $1`,
      [alumnusId],
    );
    await manager.query(`DELETE FROM giving_preferences WHERE alumnus_id = $1`, [alumnusId]);
    // A live monthly pledge ends: no one is invited to pay for an erased account. Its months stay
    // with the gifts they led to (the accounts' record), as the gifts do.
    await manager.query(
      `UPDATE monthly_pledges SET status = 'cancelled', cancelled_at = now(), updated_at = now() WHERE alumnus_id = $1 AND status <> 'cancelled'`,
      [alumnusId],
    );
    // …and its automatic deduction with it (terminated at WeChat Pay by the next monthly run).
    await MonthlyDeductionService.endWithCancelledPledges(manager, alumnusId);
    // A receipt not yet issued is withdrawn (its gifts may be receipted later by no one); an issued one is an accounting record the finance office keeps.
    await manager.query(
      `DELETE FROM donation_receipt_items WHERE receipt_id IN (SELECT id FROM donation_receipts WHERE alumnus_id = $1 AND status = 'requested')`,
      [alumnusId],
    );
    await manager.query(`DELETE FROM donation_receipts WHERE alumnus_id = $1 AND status = 'requested'`, [alumnusId]);
  }
}
