import type { MigrationInterface, QueryRunner } from 'typeorm';

const LISTED = 'WHERE verified_at IS NOT NULL AND deleted_at IS NULL';

/**
 * The directory finds a name by any part of it (张伟 by 张, by 伟, by 张伟), not only by its
 * beginning. A trigger keeps every character and every neighbouring pair of the display and
 * real names in `name_grams` (the rule of common/search-grams.ts, stated in SQL so every
 * writer of alumni rows, bulk inserts included, keeps it without knowing), and a GIN index
 * finds the rows holding a term's grams; the query then checks the text itself and the real
 * name's visibility (docs/directory.md, Name search).
 */
export class DirectoryNameGrams1796745000000 implements MigrationInterface {
  name = 'DirectoryNameGrams1796745000000';

  async up(db: QueryRunner): Promise<void> {
    // As searchText() in common/search-grams.ts: NFKC (full-width as typed on a phone), lower case, spaces folded.
    await db.query(`
      CREATE FUNCTION alumni_search_text(name text) RETURNS text
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
        RETURN regexp_replace(lower(normalize(name, NFKC)), '\\s+', ' ', 'g')`);
    // The same text with spaces dropped, so the grams hold at least every pair termGrams() asks
    // for; repeated grams are left in (GIN keeps each once). A loop in PL/pgSQL: ~50 µs a row,
    // where the same in one SQL statement (generate_series, array_agg) took ~700 µs.
    await db.query(`
      CREATE FUNCTION alumni_name_grams(name text) RETURNS text[]
        LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
      DECLARE
        chars text[] := string_to_array(regexp_replace(lower(normalize(name, NFKC)), '\\s+', '', 'g'), NULL);
        grams text[] := chars;
      BEGIN
        FOR i IN 2..cardinality(chars) LOOP
          grams := grams || (chars[i - 1] || chars[i]);
        END LOOP;
        RETURN grams;
      END $$`);
    await db.query(`ALTER TABLE alumni ADD COLUMN name_grams text[] NOT NULL DEFAULT '{}'`);
    await db.query(`
      CREATE FUNCTION alumni_keep_name_grams() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.name_grams := alumni_name_grams(NEW.display_name) || COALESCE(alumni_name_grams(NEW.real_name), '{}');
        RETURN NEW;
      END $$`);
    await db.query(`
      CREATE TRIGGER alumni_name_grams BEFORE INSERT OR UPDATE OF display_name, real_name ON alumni
        FOR EACH ROW EXECUTE FUNCTION alumni_keep_name_grams()`);
    await db.query(`UPDATE alumni SET name_grams = alumni_name_grams(display_name) || COALESCE(alumni_name_grams(real_name), '{}')`);
    await db.query(`CREATE INDEX alumni_directory_name_grams_idx ON alumni USING gin (name_grams) ${LISTED}`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX alumni_directory_name_grams_idx`);
    await db.query(`DROP TRIGGER alumni_name_grams ON alumni`);
    await db.query(`DROP FUNCTION alumni_keep_name_grams()`);
    await db.query(`ALTER TABLE alumni DROP COLUMN name_grams`);
    await db.query(`DROP FUNCTION alumni_name_grams(text)`);
    await db.query(`DROP FUNCTION alumni_search_text(text)`);
  }
}
