import type { MigrationInterface, QueryRunner } from 'typeorm';

const APPEND_ONLY = (merge: boolean) => `
  CREATE OR REPLACE FUNCTION interactions_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_OP = 'UPDATE' AND NEW.alumnus_id IS NULL
       AND (NEW.id, NEW.kind, NEW.subject_type, NEW.subject_id, NEW.detail, NEW.occurred_at)
           IS NOT DISTINCT FROM (OLD.id, OLD.kind, OLD.subject_type, OLD.subject_id, OLD.detail, OLD.occurred_at) THEN
      RETURN NEW;
    END IF;${
      merge
        ? `
    -- A merge of two records (docs/reach.md) re-attributes rows, in its transaction only: nothing else changes.
    IF TG_OP = 'UPDATE' AND current_setting('alumnilink.merge', true) = OLD.alumnus_id::text || '>' || NEW.alumnus_id::text
       AND (NEW.id, NEW.kind, NEW.subject_type, NEW.subject_id, NEW.detail, NEW.occurred_at)
           IS NOT DISTINCT FROM (OLD.id, OLD.kind, OLD.subject_type, OLD.subject_id, OLD.detail, OLD.occurred_at) THEN
      RETURN NEW;
    END IF;`
        : ''
    }
    RAISE EXCEPTION 'interactions are append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
  END $$`;

/**
 * Duplicate records (docs/reach.md): a merged account points at the record it was merged
 * into (`merged_into`, followed by the card route so old links still work), and the review
 * queue keeps each candidate pair once, with its score and reasons. A pair staff dismissed
 * stays dismissed: the scan updates open pairs only. `alumnus_id < other_alumnus_id` keeps
 * one row per unordered pair. The interaction log, append-only, lets a merge re-attribute
 * rows from the merged record to the survivor (and nothing else) inside the merge's transaction.
 */
export class Duplicates1796900000000 implements MigrationInterface {
  name = 'Duplicates1796900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE alumni
        ADD COLUMN merged_into uuid REFERENCES alumni(id),
        ADD COLUMN merged_at timestamptz(3),
        ADD CONSTRAINT alumni_merged_complete CHECK ((merged_into IS NULL) = (merged_at IS NULL)),
        ADD CONSTRAINT alumni_merged_erased CHECK (merged_into IS NULL OR deleted_at IS NOT NULL)`);
    await db.query(`
      CREATE TABLE duplicate_candidates (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        alumnus_id uuid NOT NULL REFERENCES alumni(id),
        other_alumnus_id uuid NOT NULL REFERENCES alumni(id),
        score smallint NOT NULL CHECK (score BETWEEN 0 AND 100),
        reasons text[] NOT NULL,
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'dismissed', 'merged')),
        found_at timestamptz(3) NOT NULL DEFAULT now(),
        decided_at timestamptz(3),
        decided_by uuid REFERENCES alumni(id) ON DELETE SET NULL,
        CHECK (alumnus_id < other_alumnus_id),
        CHECK ((status = 'open') = (decided_at IS NULL)),
        UNIQUE (alumnus_id, other_alumnus_id)
      )`);
    await db.query(`CREATE INDEX duplicate_candidates_queue_idx ON duplicate_candidates (score DESC, id) WHERE status = 'open'`);
    await db.query(`CREATE INDEX duplicate_candidates_other_idx ON duplicate_candidates (other_alumnus_id)`);
    // The scan's blocking keys: a phone hash and a unionid are indexed already where needed (phone_hash), the unionid here.
    await db.query(`CREATE INDEX alumni_unionid_idx ON alumni (unionid) WHERE unionid IS NOT NULL`);
    await db.query(APPEND_ONLY(true));
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(APPEND_ONLY(false));
    await db.query(`DROP INDEX alumni_unionid_idx`);
    await db.query(`DROP TABLE duplicate_candidates`);
    await db.query(`ALTER TABLE alumni DROP COLUMN merged_at, DROP COLUMN merged_into`);
  }
}
