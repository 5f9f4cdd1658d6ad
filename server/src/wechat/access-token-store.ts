import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import { WechatAccessTokenEntity } from './wechat-access-token.entity.js';

export interface StoredAccessToken {
  token: string;
  obtainedAt: Date;
  expiresAt: Date;
}

/**
 * Where every server instance finds the mini-program's access token, and the lock that lets
 * one of them at a time refresh it. PostgreSQL by default; Redis when REDIS_URL is set.
 */
export abstract class AccessTokenStore {
  abstract read(appId: string): Promise<StoredAccessToken | null>;

  /**
   * Runs `refresh` while holding the app's refresh lock across instances. It receives the
   * stored token as read under the lock (another instance may just have refreshed it) and
   * returns the token to keep; a different one is stored.
   */
  abstract underLock(appId: string, refresh: (stored: StoredAccessToken | null) => Promise<StoredAccessToken>): Promise<StoredAccessToken>;

  async close(): Promise<void> {}
}

/** One row per app id in `wechat_access_tokens`; its row lock (`SELECT … FOR UPDATE`) is the refresh lock. */
export class DatabaseAccessTokenStore extends AccessTokenStore {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async read(appId: string): Promise<StoredAccessToken | null> {
    return stored(await this.dataSource.getRepository(WechatAccessTokenEntity).findOneBy({ appId }));
  }

  async underLock(appId: string, refresh: (stored: StoredAccessToken | null) => Promise<StoredAccessToken>): Promise<StoredAccessToken> {
    await this.dataSource.query('INSERT INTO wechat_access_tokens (app_id) VALUES ($1) ON CONFLICT DO NOTHING', [appId]);
    return this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(WechatAccessTokenEntity);
      const current = stored(
        await repository.createQueryBuilder('t').setLock('pessimistic_write').where('t.app_id = :appId', { appId }).getOneOrFail(),
      );
      const next = await refresh(current);
      if (next !== current)
        await repository.update({ appId }, { accessToken: next.token, obtainedAt: next.obtainedAt, expiresAt: next.expiresAt });
      return next;
    });
  }
}

function stored(row: WechatAccessTokenEntity | null): StoredAccessToken | null {
  if (!row?.accessToken || !row.obtainedAt || !row.expiresAt) return null;
  return { token: row.accessToken, obtainedAt: row.obtainedAt, expiresAt: row.expiresAt };
}

/** Lock lifetime: longer than a token fetch (two WeChat calls) takes, so it only lapses if the holder died. */
const LOCK_TTL_MS = 30_000;
const LOCK_POLL_MS = 50;
/** Deletes the lock only if this holder still owns it. */
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

/** A JSON value per app id, expiring with the token, and a `SET NX PX` lock beside it. */
export class RedisAccessTokenStore extends AccessTokenStore {
  constructor(private readonly redis: Redis) {
    super();
  }

  private key(appId: string): string {
    return `alumnilink:wechat:access-token:${appId}`;
  }

  async read(appId: string): Promise<StoredAccessToken | null> {
    const raw = await this.redis.get(this.key(appId));
    if (!raw) return null;
    const value = JSON.parse(raw) as { token: string; obtainedAt: string; expiresAt: string };
    return { token: value.token, obtainedAt: new Date(value.obtainedAt), expiresAt: new Date(value.expiresAt) };
  }

  async underLock(appId: string, refresh: (stored: StoredAccessToken | null) => Promise<StoredAccessToken>): Promise<StoredAccessToken> {
    const lock = `${this.key(appId)}:lock`;
    const owner = randomUUID();
    const deadline = Date.now() + LOCK_TTL_MS;
    while ((await this.redis.set(lock, owner, 'PX', LOCK_TTL_MS, 'NX')) !== 'OK') {
      if (Date.now() > deadline) throw new Error('Timed out waiting for the WeChat access-token lock in Redis');
      await new Promise((resolve) => setTimeout(resolve, LOCK_POLL_MS));
    }
    try {
      const current = await this.read(appId);
      const next = await refresh(current);
      if (next !== current) {
        const ttl = Math.max(next.expiresAt.getTime() - Date.now(), 1);
        await this.redis.set(this.key(appId), JSON.stringify(next), 'PX', ttl);
      }
      return next;
    } finally {
      await this.redis.eval(RELEASE, 1, lock, owner);
    }
  }

  override async close(): Promise<void> {
    await this.redis.quit();
  }
}
