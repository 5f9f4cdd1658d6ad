import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A half-life change no longer rebuilds the per-kind sums in the writers' way: the sums carry a
 * generation, a change starts the next one (written by `record()` beside the current one from
 * then on, built from the older log in short batches by a job) and switches over when it is
 * complete (docs/engagement.md).
 */
export class EngagementGenerations1795967849893 implements MigrationInterface {
  name = 'EngagementGenerations1795967849893';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE engagement_settings
        ADD COLUMN generation integer NOT NULL DEFAULT 1,
        ADD COLUMN last_generation integer NOT NULL DEFAULT 1,
        ADD COLUMN next_generation integer,
        ADD COLUMN next_half_life_days integer,
        ADD COLUMN next_reference_at timestamptz(3),
        ADD COLUMN next_watermark bigint,
        ADD COLUMN next_built_through uuid,
        ADD CONSTRAINT engagement_settings_next_complete CHECK (
          (next_generation IS NULL) = (next_half_life_days IS NULL)
          AND (next_generation IS NULL) = (next_reference_at IS NULL)
          AND (next_generation IS NULL) = (next_watermark IS NULL))`);
    await db.query('ALTER TABLE engagement_kind_sums ADD COLUMN generation integer NOT NULL DEFAULT 1');
    await db.query('ALTER TABLE engagement_kind_sums ALTER COLUMN generation DROP DEFAULT');
    await db.query(
      'ALTER TABLE engagement_kind_sums DROP CONSTRAINT engagement_kind_sums_pkey, ADD PRIMARY KEY (alumnus_id, generation, kind)',
    );
    // The seed's backfill still rebuilds everything at once (nothing else runs then), into the current generation.
    await db.query(`
      CREATE OR REPLACE FUNCTION engagement_rebuild_kind_sums() RETURNS void
        LANGUAGE sql AS $$
          DELETE FROM engagement_kind_sums;
          INSERT INTO engagement_kind_sums (alumnus_id, generation, kind, decayed_sum)
          SELECT i.alumnus_id, s.generation, i.kind,
                 sum(power(2::float8, extract(epoch FROM i.occurred_at - s.reference_at)::float8 / (s.half_life_days * 86400.0)))
          FROM interactions i CROSS JOIN engagement_settings s
          WHERE i.alumnus_id IS NOT NULL
          GROUP BY i.alumnus_id, s.generation, i.kind;
        $$`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DELETE FROM engagement_kind_sums k USING engagement_settings s WHERE k.generation <> s.generation');
    await db.query('ALTER TABLE engagement_kind_sums DROP CONSTRAINT engagement_kind_sums_pkey, ADD PRIMARY KEY (alumnus_id, kind)');
    await db.query('ALTER TABLE engagement_kind_sums DROP COLUMN generation');
    await db.query(`
      CREATE OR REPLACE FUNCTION engagement_rebuild_kind_sums() RETURNS void
        LANGUAGE sql AS $$
          DELETE FROM engagement_kind_sums;
          INSERT INTO engagement_kind_sums (alumnus_id, kind, decayed_sum)
          SELECT i.alumnus_id, i.kind,
                 sum(power(2::float8, extract(epoch FROM i.occurred_at - s.reference_at)::float8 / (s.half_life_days * 86400.0)))
          FROM interactions i CROSS JOIN engagement_settings s
          WHERE i.alumnus_id IS NOT NULL
          GROUP BY i.alumnus_id, i.kind;
        $$`);
    await db.query(`
      ALTER TABLE engagement_settings
        DROP CONSTRAINT engagement_settings_next_complete,
        DROP COLUMN generation, DROP COLUMN last_generation, DROP COLUMN next_generation, DROP COLUMN next_half_life_days,
        DROP COLUMN next_reference_at, DROP COLUMN next_watermark, DROP COLUMN next_built_through`);
  }
}
