import { DataSource } from 'typeorm';
import { createTestDatabase, requireServerUrl, serverTestsRun, type TestDatabase } from '../../test/test-database.js';
import { dataSourceOptions } from './data-source-options.js';
import { MIGRATIONS } from './migrations/index.js';
import { migrate } from './schema-setup.js';

const TABLES = [
  'alumni',
  'audit_entries',
  'branch_admins',
  'branch_items',
  'branches',
  'campaign_disbursements',
  'campaign_match_payments',
  'campaign_matches',
  'campaign_trees',
  'campaigns',
  'campus_day_completions',
  'campus_day_spots',
  'campus_day_stamps',
  'campus_timeline_entries',
  'career_resource_bookmarks',
  'career_resource_files',
  'career_resources',
  'careers_settings',
  'class_invitations',
  'class_liaisons',
  'contact_requests',
  'content_reviews',
  'council_members',
  'departments',
  'donation_matches',
  'donation_receipt_items',
  'donation_receipts',
  'donation_refunds',
  'donations',
  'duplicate_candidates',
  'engagement_kind_sums',
  'engagement_months',
  'engagement_settings',
  'engagement_summaries',
  'engagement_weights',
  'event_registrations',
  'events',
  'giving_days',
  'giving_preferences',
  'giving_reconciliations',
  'governance_settings',
  'group_comment_reports',
  'group_memberships',
  'group_post_comments',
  'group_post_images',
  'group_post_likes',
  'group_post_reports',
  'group_posts',
  'group_qrcodes',
  'groups',
  'idempotency_records',
  'inbox_messages',
  'interactions',
  'job_applications',
  'job_posts',
  'media_checks',
  'memory_images',
  'memory_photo_comments',
  'memory_photo_presence',
  'memory_photo_tags',
  'memory_photos',
  'memory_reports',
  'mentor_offers',
  'mentoring_meetings',
  'mentorships',
  'mini_program_codes',
  'monthly_contracts',
  'monthly_instalments',
  'monthly_pledges',
  'notification_subscriptions',
  'outbox_messages',
  'refresh_tokens',
  'reunion_interests',
  'reunion_proposals',
  'role_changes',
  'roster_entries',
  'roster_imports',
  'schools',
  'stories',
  'story_comment_reports',
  'story_comments',
  'story_likes',
  'story_reads',
  'suggestion_cosigns',
  'suggestion_steps',
  'suggestions',
  'survey_imports',
  'survey_responses',
  'surveys',
  'verification_claims',
  'vote_participations',
  'vote_tallies',
  'votes',
  'wechat_access_tokens',
];

async function tables(dataSource: DataSource): Promise<string[]> {
  const rows: { table_name: string }[] = await dataSource.query(
    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations' ORDER BY 1",
  );
  return rows.map((r) => r.table_name);
}

describe('migrations', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  beforeAll(async () => {
    db = await createTestDatabase({ empty: true });
    dataSource = await new DataSource(dataSourceOptions(db.url, 2)).initialize();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  it('bring an empty database up to the schema the entities describe', async () => {
    expect(await tables(dataSource)).toEqual([]);
    expect(await migrate(dataSource)).toHaveLength(MIGRATIONS.length);
    expect(await tables(dataSource)).toEqual(TABLES);
    // The entities and the hand-written SQL agree on every column. The SQL also holds
    // checks, indexes and defaults the entities do not repeat, which TypeORM would drop.
    const pending = await dataSource.driver.createSchemaBuilder().log();
    const columnChanges = pending.upQueries.map((q) => q.query).filter((q) => !/DROP (CONSTRAINT|INDEX|DEFAULT)/.test(q));
    expect(columnChanges).toEqual([]);
  });

  it('do nothing the second time', async () => {
    expect(await migrate(dataSource)).toEqual([]);
  });

  it('revert all the way down and come back up', async () => {
    for (let i = 0; i < MIGRATIONS.length; i++) await dataSource.undoLastMigration();
    expect(await tables(dataSource)).toEqual([]);
    await migrate(dataSource);
    expect(await tables(dataSource)).toEqual(TABLES);
  });

  // Only a PostgreSQL server has several instances starting together: the embedded engine
  // is one process per data folder, and its connections share one session.
  it.runIf(serverTestsRun())('let concurrent starts take turns instead of failing', async () => {
    requireServerUrl();
    for (let i = 0; i < MIGRATIONS.length; i++) await dataSource.undoLastMigration();
    const other = await new DataSource(dataSourceOptions(db.url, 2)).initialize();
    try {
      const applied = await Promise.all([migrate(dataSource), migrate(other)]);
      expect(applied.map((a) => a.length).sort()).toEqual([0, MIGRATIONS.length]);
    } finally {
      await other.destroy();
    }
  });
});
