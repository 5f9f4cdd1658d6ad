import type pg from 'pg';

const KINDS = ['events.registered', 'events.checked_in', 'groups.joined', 'groups.posted', 'identity.profile_updated'];

/**
 * Adds `count` interactions of one alumnus in one INSERT … SELECT over generate_series, one a
 * minute going back from `endsMinutesAgo` (so growing a timeline adds older rows). Written
 * straight to the log: the timeline reads the log, not the engagement summary.
 */
export async function insertInteractions(pool: pg.Pool, alumnusId: string, count: number, endsMinutesAgo = 0): Promise<void> {
  await pool.query(
    `INSERT INTO interactions (alumnus_id, kind, subject_type, detail, occurred_at)
     SELECT $1, ($2::text[])[1 + g % cardinality($2::text[])], 'bench', '{}', now() - ($4::int + g) * interval '1 minute'
     FROM generate_series(1, $3::int) AS g`,
    [alumnusId, KINDS, count, endsMinutesAgo],
  );
}
