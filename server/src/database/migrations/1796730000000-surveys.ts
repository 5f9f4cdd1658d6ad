import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Surveys (docs/surveys.md): questionnaires with their audience and validity rules, the
 * responses (online, one per alumnus; or imported from paper, with the respondent attributes
 * the file gave) and the imports staged between preview and commit.
 */
export class Surveys1796730000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE surveys (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 60),
        intro text NOT NULL DEFAULT '' CHECK (char_length(intro) <= 1000),
        questions jsonb NOT NULL CHECK (jsonb_typeof(questions) = 'array'),
        audience jsonb NOT NULL,
        status text NOT NULL CHECK (status IN ('draft', 'open', 'closed')),
        closes_at timestamptz(3) NOT NULL,
        opened_at timestamptz(3),
        closed_at timestamptz(3),
        -- The audience counted when the survey was sent: the online issued figure.
        issued_online integer CHECK (issued_online >= 0),
        paper_issued integer NOT NULL DEFAULT 0 CHECK (paper_issued BETWEEN 0 AND 1000000),
        require_complete boolean NOT NULL DEFAULT true,
        min_seconds integer NOT NULL DEFAULT 0 CHECK (min_seconds BETWEEN 0 AND 3600),
        created_by uuid REFERENCES alumni (id) ON DELETE SET NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        CHECK ((status = 'draft') = (opened_at IS NULL)),
        CHECK ((status = 'draft') = (issued_online IS NULL)),
        CHECK ((status = 'closed') = (closed_at IS NOT NULL))
      )`);
    await db.query(`CREATE INDEX surveys_created_idx ON surveys (created_at DESC, id DESC)`);
    await db.query(`CREATE INDEX surveys_closing_idx ON surveys (closes_at) WHERE status = 'open'`);

    await db.query(`
      CREATE TABLE survey_imports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        survey_id uuid NOT NULL REFERENCES surveys (id) ON DELETE CASCADE,
        status text NOT NULL CHECK (status IN ('previewed', 'committed')),
        file_name text NOT NULL CHECK (char_length(file_name) <= 200),
        total_rows integer NOT NULL CHECK (total_rows >= 0),
        problem_rows integer NOT NULL CHECK (problem_rows >= 0),
        staged_rows jsonb,
        inserted_rows integer,
        imported_by uuid REFERENCES alumni (id) ON DELETE SET NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        committed_at timestamptz(3),
        CHECK ((status = 'committed') = (committed_at IS NOT NULL))
      )`);
    await db.query(`CREATE INDEX survey_imports_survey_idx ON survey_imports (survey_id, created_at)`);

    await db.query(`
      CREATE TABLE survey_responses (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        survey_id uuid NOT NULL REFERENCES surveys (id) ON DELETE CASCADE,
        -- Online responses name their alumnus (until the account is erased); imported ones never do.
        alumnus_id uuid REFERENCES alumni (id),
        source text NOT NULL CHECK (source IN ('online', 'import')),
        import_id uuid REFERENCES survey_imports (id) ON DELETE CASCADE,
        line integer,
        answers jsonb NOT NULL CHECK (jsonb_typeof(answers) = 'object'),
        attributes jsonb NOT NULL CHECK (jsonb_typeof(attributes) = 'object'),
        -- Every required question answered; how long it took (online only).
        complete boolean NOT NULL,
        duration_seconds integer CHECK (duration_seconds >= 0),
        submitted_at timestamptz(3) NOT NULL DEFAULT now(),
        CHECK ((source = 'import') = (import_id IS NOT NULL)),
        CHECK (source = 'online' OR (alumnus_id IS NULL AND duration_seconds IS NULL)),
        CHECK (source = 'import' OR duration_seconds IS NOT NULL)
      )`);
    // One response per alumnus and survey, whatever the instance.
    await db.query(
      `CREATE UNIQUE INDEX survey_responses_one_per_alumnus ON survey_responses (survey_id, alumnus_id) WHERE alumnus_id IS NOT NULL`,
    );
    await db.query(`CREATE INDEX survey_responses_survey_idx ON survey_responses (survey_id, submitted_at, id)`);
    await db.query(`CREATE INDEX survey_responses_alumnus_idx ON survey_responses (alumnus_id) WHERE alumnus_id IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE survey_responses`);
    await db.query(`DROP TABLE survey_imports`);
    await db.query(`DROP TABLE surveys`);
  }
}
