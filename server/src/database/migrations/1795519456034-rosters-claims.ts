import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Graduate rosters (imported by staff) and verification claims (filed by alumni). The
 * database holds the rules that must survive concurrency: a student number appears once
 * in the roster, a roster entry belongs to at most one account and an account to at most
 * one entry, and an alumnus has at most one claim waiting for staff.
 */
export class RostersClaims1795519456034 implements MigrationInterface {
  name = 'RostersClaims1795519456034';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE roster_imports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        status text NOT NULL CHECK (status IN ('previewed', 'committed')),
        file_name text NOT NULL,
        imported_by uuid REFERENCES alumni (id) ON DELETE SET NULL,
        total_rows int NOT NULL CHECK (total_rows >= 0),
        valid_rows int NOT NULL CHECK (valid_rows >= 0),
        invalid_rows int NOT NULL CHECK (invalid_rows >= 0),
        already_present_rows int NOT NULL CHECK (already_present_rows >= 0),
        inserted_rows int CHECK (inserted_rows >= 0),
        staged_rows jsonb,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        committed_at timestamptz(3),
        CHECK ((status = 'committed') = (committed_at IS NOT NULL))
      )`);
    await db.query(`CREATE INDEX roster_imports_created_idx ON roster_imports (created_at DESC, id DESC)`);
    await db.query(`
      CREATE TABLE roster_entries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        student_number text NOT NULL UNIQUE,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
        graduation_year smallint NOT NULL CHECK (graduation_year BETWEEN 1900 AND 2100),
        department_id uuid NOT NULL REFERENCES departments (id),
        major text,
        class_name text,
        degree text CHECK (degree IN ('associate', 'bachelor', 'master', 'doctor', 'other')),
        import_id uuid REFERENCES roster_imports (id) ON DELETE SET NULL,
        claimed_by uuid UNIQUE REFERENCES alumni (id) ON DELETE SET NULL,
        claimed_at timestamptz(3),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        CHECK (claimed_by IS NULL OR claimed_at IS NOT NULL)
      )`);
    // Claims match on year + department + name, then student number or class.
    await db.query(`CREATE INDEX roster_entries_match_idx ON roster_entries (graduation_year, department_id, name)`);
    // The class-group seam lists distinct classes.
    await db.query(`CREATE INDEX roster_entries_class_idx ON roster_entries (graduation_year, department_id, class_name)`);
    await db.query(`
      CREATE TABLE verification_claims (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        alumnus_id uuid NOT NULL REFERENCES alumni (id) ON DELETE CASCADE,
        status text NOT NULL CHECK (status IN ('matched', 'pending', 'approved', 'rejected', 'withdrawn')),
        name text NOT NULL,
        graduation_year smallint NOT NULL,
        department_id uuid NOT NULL REFERENCES departments (id),
        student_number text,
        class_name text,
        evidence_key text,
        roster_entry_id uuid REFERENCES roster_entries (id) ON DELETE SET NULL,
        reject_reason text CHECK (length(reject_reason) <= 200),
        decided_by uuid REFERENCES alumni (id) ON DELETE SET NULL,
        decided_at timestamptz(3),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        CHECK (student_number IS NOT NULL OR class_name IS NOT NULL),
        CHECK ((status = 'rejected') = (reject_reason IS NOT NULL)),
        CHECK ((status IN ('matched', 'approved', 'rejected')) = (decided_at IS NOT NULL))
      )`);
    await db.query(`CREATE UNIQUE INDEX verification_claims_one_pending_idx ON verification_claims (alumnus_id) WHERE status = 'pending'`);
    // An alumnus's own claims newest first; the wrong-guess count of the last 24 hours.
    await db.query(`CREATE INDEX verification_claims_alumnus_idx ON verification_claims (alumnus_id, created_at DESC, id DESC)`);
    // The staff queue, oldest first.
    await db.query(`CREATE INDEX verification_claims_pending_idx ON verification_claims (created_at, id) WHERE status = 'pending'`);
    // The median of the last 30 days.
    await db.query(
      `CREATE INDEX verification_claims_verified_idx ON verification_claims (decided_at) WHERE status IN ('matched', 'approved')`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE verification_claims');
    await db.query('DROP TABLE roster_entries');
    await db.query('DROP TABLE roster_imports');
  }
}
