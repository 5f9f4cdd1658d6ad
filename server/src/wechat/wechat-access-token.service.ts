import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppConfig, WechatConfig } from '../config/configuration.js';
import { AccessTokenStore, type StoredAccessToken } from './access-token-store.js';
import { STALE_TOKEN_ERRCODES, WechatError } from './wechat-error.js';
import { WechatHttp } from './wechat-http.js';

/** Refresh this long before WeChat's expiry (capped at a quarter of the token's life). */
const SAFETY_MARGIN_MS = 5 * 60 * 1000;

function refreshAt({ obtainedAt, expiresAt }: StoredAccessToken): number {
  const life = expiresAt.getTime() - obtainedAt.getTime();
  return expiresAt.getTime() - Math.min(SAFETY_MARGIN_MS, life / 4);
}

const isFresh = (stored: StoredAccessToken | null): stored is StoredAccessToken => stored !== null && Date.now() < refreshAt(stored);

/**
 * The mini-program's access token (stable-token API, §2), shared by every server instance
 * through the AccessTokenStore. A refresh takes the store's lock and checks the stored token
 * again, so however many instances notice at once, one of them asks WeChat and the others
 * take its answer. Each instance also remembers the token until its refresh time, so a busy
 * instance does not read the store on every call.
 */
@Injectable()
export class WechatAccessTokenService {
  private readonly wechat: WechatConfig;
  private cached: StoredAccessToken | null = null;
  private refreshing: Promise<string> | null = null;

  constructor(
    private readonly http: WechatHttp,
    private readonly store: AccessTokenStore,
    config: ConfigService<AppConfig, true>,
  ) {
    this.wechat = config.get('wechat', { infer: true });
  }

  /**
   * Runs a call that needs the access token. When WeChat says the token is stale
   * (40001/42001/40014) the token is refreshed once and the call retried once.
   */
  async withAccessToken<T>(call: (accessToken: string) => Promise<T>): Promise<T> {
    const token = await this.current();
    try {
      return await call(token);
    } catch (error) {
      if (!(error instanceof WechatError) || error.errcode === null || !STALE_TOKEN_ERRCODES.has(error.errcode)) throw error;
      return call(await this.refresh(token));
    }
  }

  /** A token that is good for a while yet: remembered, shared, or freshly fetched. */
  async current(): Promise<string> {
    if (isFresh(this.cached)) return this.cached.token;
    const stored = await this.store.read(this.wechat.appId);
    if (isFresh(stored)) return this.remember(stored);
    return this.refresh(null);
  }

  /** One refresh per instance at a time; `rejected` is the token WeChat just refused. */
  private refresh(rejected: string | null): Promise<string> {
    this.refreshing ??= this.store
      .underLock(this.wechat.appId, async (stored) => {
        // Another instance may have refreshed while this one waited for the lock.
        if (isFresh(stored) && stored.token !== rejected) return stored;
        let fetched = await this.fetchStableToken(false);
        // Normal mode hands back the current token while WeChat thinks it valid; when that is
        // the one just refused, only force mode replaces it.
        if (fetched.token === rejected) fetched = await this.fetchStableToken(true);
        const obtainedAt = new Date();
        return { token: fetched.token, obtainedAt, expiresAt: new Date(obtainedAt.getTime() + fetched.expiresIn * 1000) };
      })
      .then((stored) => this.remember(stored))
      .finally(() => {
        this.refreshing = null;
      });
    return this.refreshing;
  }

  private async fetchStableToken(forceRefresh: boolean): Promise<{ token: string; expiresIn: number }> {
    const answer = await this.http.call({
      method: 'POST',
      path: '/cgi-bin/stable_token',
      // A forced refresh within 30 s of another is refused, so only normal mode is repeated.
      idempotent: !forceRefresh,
      body: { grant_type: 'client_credential', appid: this.wechat.appId, secret: this.wechat.appSecret, force_refresh: forceRefresh },
    });
    const { access_token: token, expires_in: expiresIn } = answer;
    if (typeof token !== 'string' || token === '' || typeof expiresIn !== 'number' || expiresIn <= 0) {
      throw new WechatError(null, 'stable_token answer lacks access_token/expires_in', '/cgi-bin/stable_token');
    }
    return { token, expiresIn };
  }

  private remember(stored: StoredAccessToken): string {
    this.cached = stored;
    return stored.token;
  }
}
