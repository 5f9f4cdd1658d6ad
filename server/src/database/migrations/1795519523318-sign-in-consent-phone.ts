import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-in sessions (rotating refresh tokens, stored hashed, grouped in families so reuse of
 * a rotated token can revoke them all), the privacy-notice consent and the encrypted phone
 * on alumni, and the WeChat access-token cache every server instance shares.
 */
export class SignInConsentPhone1795519523318 implements MigrationInterface {
  name = 'SignInConsentPhone1795519523318';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE alumni
        ADD COLUMN consent_version text,
        ADD COLUMN consented_at timestamptz(3),
        ADD COLUMN phone_encrypted text,
        ADD COLUMN phone_hash text,
        ADD COLUMN phone_masked text,
        ADD CONSTRAINT alumni_consent_complete CHECK ((consent_version IS NULL) = (consented_at IS NULL)),
        ADD CONSTRAINT alumni_phone_complete CHECK (
          (phone_encrypted IS NULL) = (phone_hash IS NULL) AND (phone_hash IS NULL) = (phone_masked IS NULL)
        ),
        ADD CONSTRAINT alumni_phone_masked_shape CHECK (phone_masked ~ '^[0-9]{0,3}\\*+[0-9]{2,4}$')`);
    await db.query(`CREATE INDEX alumni_phone_hash_idx ON alumni (phone_hash) WHERE phone_hash IS NOT NULL`);
    await db.query(`
      CREATE TABLE refresh_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        alumnus_id uuid NOT NULL REFERENCES alumni (id) ON DELETE CASCADE,
        family_id uuid NOT NULL,
        token_hash text NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
        issued_at timestamptz(3) NOT NULL DEFAULT now(),
        expires_at timestamptz(3) NOT NULL,
        rotated_at timestamptz(3),
        revoked_at timestamptz(3)
      )`);
    await db.query(`CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id)`);
    await db.query(`CREATE INDEX refresh_tokens_alumnus_idx ON refresh_tokens (alumnus_id) WHERE revoked_at IS NULL`);
    // One row per app id; its row lock is what lets one instance at a time refresh the token.
    await db.query(`
      CREATE TABLE wechat_access_tokens (
        app_id text PRIMARY KEY,
        access_token text CHECK (length(access_token) <= 1024),
        obtained_at timestamptz(3),
        expires_at timestamptz(3)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE wechat_access_tokens');
    await db.query('DROP TABLE refresh_tokens');
    await db.query('DROP INDEX alumni_phone_hash_idx');
    await db.query(`
      ALTER TABLE alumni
        DROP COLUMN consent_version, DROP COLUMN consented_at,
        DROP COLUMN phone_encrypted, DROP COLUMN phone_hash, DROP COLUMN phone_masked`);
  }
}
