import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import type { AuthUserDto, Role } from '@alumni/shared';
import type { AppConfig } from '../config/configuration.js';
import { TableChanges } from '../read-cache/table-changes.js';

/** A change older than this concerns no token still valid (the margin covers clocks a little apart). */
const MARGIN_SECONDS = 60;

const sameRoles = (a: readonly Role[], b: readonly Role[]) => a.length === b.length && a.every((role) => b.includes(role));
const isStaff = (roles: readonly Role[]) => roles.includes('staff') || roles.includes('admin');

/**
 * Whether the roles an access token carries are still the alumnus's roles. Every change of
 * `alumni.roles` is recorded in `role_changes` (by a trigger) and announced on `table_changed`;
 * each instance keeps the changes of the last access-token lifetime in memory, reloaded when it
 * hears one, so the check costs no database round trip. A token whose roles differ from the
 * recorded ones is stale: refused at once on every instance, and the client's refresh brings the
 * new roles.
 *
 * While the memory may be behind — not listening (the embedded engine, a lost connection) or
 * a reload in flight — a token carrying staff or admin rights is checked against `alumni`
 * itself: a revocation is never missed, and alumni-only tokens (nothing to revoke) cost nothing.
 */
@Injectable()
export class RoleChanges implements OnModuleInit {
  private recent = new Map<string, readonly Role[]>();
  /** True while `recent` matches the database: loaded after the last change heard, and still listening. */
  private current = false;
  private generation = 0;
  private readonly windowSeconds: number;

  constructor(
    private readonly dataSource: DataSource,
    private readonly tableChanges: TableChanges,
    @InjectPinoLogger(RoleChanges.name) private readonly logger: PinoLogger,
    config: ConfigService<AppConfig, true>,
  ) {
    this.windowSeconds = config.get('accessTokenTtlSeconds', { infer: true }) + MARGIN_SECONDS;
  }

  onModuleInit(): void {
    // Listening starts at bootstrap and announces itself (null), which loads the view before requests come.
    this.tableChanges.onChange((table) => (table === null || table === 'role_changes' ? this.reload() : undefined));
  }

  /** The token's user, or null when their roles have changed since the token was issued. */
  check(user: AuthUserDto): AuthUserDto | null | Promise<AuthUserDto | null> {
    if (this.current) {
      const roles = this.recent.get(user.id);
      return roles === undefined || sameRoles(roles, user.roles) ? user : null;
    }
    if (!isStaff(user.roles)) return user;
    return this.dataSource
      .query<{ roles: Role[] }[]>('SELECT roles FROM alumni WHERE id = $1 AND deleted_at IS NULL', [user.id])
      .then(([row]) => (row && sameRoles(row.roles, user.roles) ? user : null));
  }

  private async reload(): Promise<void> {
    const generation = ++this.generation;
    this.current = false;
    try {
      const rows = await this.dataSource.query<{ alumnus_id: string; roles: Role[] }[]>(
        `SELECT alumnus_id, roles FROM role_changes WHERE changed_at > now() - make_interval(secs => $1)`,
        [this.windowSeconds],
      );
      // A change heard while this read was under way is loaded by the read it started.
      if (generation !== this.generation) return;
      this.recent = new Map(rows.map((row) => [row.alumnus_id, Object.freeze(row.roles)]));
      this.current = this.tableChanges.live;
    } catch (error) {
      this.logger.warn({ reason: (error as Error).message }, 'cannot read role changes; staff tokens are checked against the database');
    }
  }
}
