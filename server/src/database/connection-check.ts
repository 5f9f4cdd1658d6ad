import pg from 'pg';
import { StartupError } from './startup-error.js';

/** The URL without its password, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable DATABASE_URL)';
  }
}

const HINTS: Record<string, string> = {
  ECONNREFUSED: 'nothing listens there; is PostgreSQL running?',
  ENOTFOUND: 'the host name does not resolve',
  ETIMEDOUT: 'the server does not answer',
  '28P01': 'the password is wrong',
  '28000': 'the user may not connect',
  '3D000': 'the database does not exist; create it first',
};

/**
 * Connects once before the app starts, so a wrong or unreachable database is reported as
 * one line that says what to fix instead of a stack trace from deep inside the ORM.
 */
export async function checkDatabaseConnection(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    const [{ server_version_num: version }] = (await client.query('SHOW server_version_num')).rows as [{ server_version_num: string }];
    if (Number(version) < 130000) {
      throw new StartupError(`PostgreSQL ${version} at ${redactUrl(url)} is too old: AlumniLink needs PostgreSQL 13 or newer.`);
    }
  } catch (error) {
    if (error instanceof StartupError) throw error;
    const code = (error as { code?: string }).code ?? '';
    const hint = HINTS[code] ?? (error as Error).message;
    throw new StartupError(`Cannot connect to the database at ${redactUrl(url)}: ${hint}. Check DATABASE_URL.`);
  } finally {
    await client.end().catch(() => undefined);
  }
}
