import type { EntityManager } from 'typeorm';
import { interactionKindsWhere } from '@alumni/shared';

/**
 * The interaction log the demo's own history implies, so the staff dashboard and 我的足迹
 * show something on a new installation: signing up and verification, joining groups, event
 * sign-ups and check-ins, and the paid gifts (with the amount the dashboard sums), each at the time it happened. The
 * seed writes rows directly rather than through the app, so the engagement summaries are
 * then rebuilt from the log by the same function the engagement migration uses.
 */
export async function seedDemoInteractions(manager: EntityManager): Promise<void> {
  await manager.query(`
    INSERT INTO interactions (alumnus_id, kind, subject_type, subject_id, detail, occurred_at)
    SELECT id, 'identity.signed_up', NULL, NULL, '{"via":"wechat"}'::jsonb, created_at FROM alumni WHERE openid IS NOT NULL
    UNION ALL
    SELECT id, 'identity.verified', NULL, NULL, '{}'::jsonb, verified_at FROM alumni WHERE verified_at IS NOT NULL
    UNION ALL
    SELECT alumnus_id, 'groups.joined', 'group', group_id::text, jsonb_build_object('groupId', group_id), joined_at
      FROM group_memberships WHERE status = 'active' AND joined_at IS NOT NULL
    UNION ALL
    SELECT alumnus_id, 'events.registered', 'event', event_id::text, jsonb_build_object('registrationId', id), created_at
      FROM event_registrations
    UNION ALL
    SELECT alumnus_id, 'events.checked_in', 'event', event_id::text, jsonb_build_object('registrationId', id, 'walkIn', walk_in), checked_in_at
      FROM event_registrations WHERE checked_in_at IS NOT NULL
    UNION ALL
    SELECT alumnus_id, 'giving.donated', 'campaign', campaign_id::text,
           jsonb_build_object('amountFen', amount_fen, 'campaignId', campaign_id, 'donationId', id), paid_at
      FROM donations WHERE paid_at IS NOT NULL AND alumnus_id IS NOT NULL
    ORDER BY 6`);
  await manager.query('SELECT engagement_backfill($1, $2)', [interactionKindsWhere('participation'), interactionKindsWhere('byAlumnus')]);
}
