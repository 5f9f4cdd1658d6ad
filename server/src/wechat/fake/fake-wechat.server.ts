import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for api.weixin.qq.com that speaks the same wire contract
 * (docs: wechat-contracts.md §0–§3): same paths, fields and error codes, HTTP 200 with an
 * `errcode` body for every MP error. The real clients are pointed at it by base URL and
 * cannot tell the difference. Test hooks live under `/__fake/*` (and as methods).
 */
export interface FakeWechatOptions {
  appId: string;
  appSecret: string;
  /** Lifetime of issued access tokens, seconds (WeChat: 7200). */
  tokenTtlSeconds?: number;
  /** The message push Token (admin console → 开发管理 → 消息推送) pushes are signed with; null: no push configured. */
  pushToken?: string | null;
}

export interface LoginIdentity {
  openid: string;
  unionid?: string;
}

export interface PhoneIdentity {
  openid: string;
  phoneNumber: string;
  countryCode?: string;
}

/** What the next matching call answers instead of its normal reply. */
export interface FakeFault {
  /** Answer `{errcode, errmsg}` (e.g. 45011, 40226, -1). */
  errcode?: number;
  /** Wait this long before answering (normally), to exercise client timeouts. */
  delayMs?: number;
  /** Answer HTTP 200 with a body that is not JSON, like a misbehaving proxy. */
  garbage?: boolean;
  /** Answer this HTTP status (e.g. 502) with an HTML page, like a failing gateway in front of WeChat. */
  status?: number;
  /** Only calls to this path take the fault (e.g. `/sns/jscode2session`); any path otherwise. */
  path?: string;
}

/** What a feature fake's route handler gets: the parsed request and the ways to answer. */
export interface FakeRequest {
  query: Record<string, string>;
  body: Record<string, unknown>;
  res: ServerResponse;
}

/**
 * A route of the fake, keyed `METHOD /path`. Feature fakes (subscription messages, content
 * security, mini-program codes) live in their own files and add their routes and test hooks
 * with `route` / `hookRoute`; the core keeps the shared rules (tokens, faults, errors).
 */
export type FakeRoute = (request: FakeRequest) => void | Promise<void>;

const CODE_TTL_MS = 5 * 60 * 1000;
/** Stable-token force refreshes must be 30 s apart; the real errcode is unverified, 45011 is the fake's choice. */
const FORCE_REFRESH_SPACING_MS = 30 * 1000;

const ERRMSG: Record<number, string> = {
  [-1]: 'system error',
  40001: 'invalid credential, access_token is invalid or not latest',
  40013: 'invalid appid',
  40029: 'invalid code',
  40125: 'invalid appsecret',
  40163: 'code been used',
  40226: 'code blocked',
  41002: 'appid missing',
  41004: 'appsecret missing',
  41008: 'missing code',
  42001: 'access_token expired',
  43002: 'require POST method',
  45011: 'api minute-quota reach limit mustslower retry next minute',
  47001: 'data format error',
};

interface IssuedCode<T> {
  identity: T;
  issuedAt: number;
  used: boolean;
}

const random = (bytes: number) => randomBytes(bytes).toString('base64url');

export class FakeWechatServer {
  /** Calls per path (hooks excluded), so tests can count e.g. token fetches. */
  readonly calls = new Map<string, number>();
  private readonly loginCodes = new Map<string, IssuedCode<LoginIdentity>>();
  private readonly phoneCodes = new Map<string, IssuedCode<PhoneIdentity>>();
  /** Access token → expiry (ms). */
  private readonly tokens = new Map<string, number>();
  private stableToken: string | null = null;
  private lastForceRefresh = 0;
  private readonly faults: FakeFault[] = [];
  private readonly routes = new Map<string, FakeRoute>();
  private readonly hookRoutes = new Map<string, FakeRoute>();
  private readonly features = new Map<new (fake: FakeWechatServer) => unknown, unknown>();
  private readonly tokenTtlSeconds: number;

  /** Moves the fake's clock, for expiry tests. */
  private clockOffsetMs = 0;

  private constructor(
    private readonly server: Server,
    private readonly options: FakeWechatOptions,
  ) {
    this.tokenTtlSeconds = options.tokenTtlSeconds ?? 7200;
  }

  static async start(options: FakeWechatOptions): Promise<FakeWechatServer> {
    let fake: FakeWechatServer | null = null;
    const server = createServer((req, res) => void fake!.handle(req, res));
    fake = new FakeWechatServer(server, options);
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    return fake;
  }

  get appId(): string {
    return this.options.appId;
  }

  get pushToken(): string | null {
    return this.options.pushToken ?? null;
  }

  /**
   * The fake of one feature (e.g. SubscribeMessageFake), created on first use: its
   * constructor adds its routes. WechatModule creates them all at start; tests call this
   * to reach one's recordings and hooks.
   */
  feature<T>(type: new (fake: FakeWechatServer) => T): T {
    if (!this.features.has(type)) this.features.set(type, new type(this));
    return this.features.get(type) as T;
  }

  /** Adds an API route, `key` being e.g. `POST /cgi-bin/message/subscribe/send`. */
  route(key: string, handler: FakeRoute): void {
    this.routes.set(key, handler);
  }

  /** Adds a test hook under `/__fake/` (POST, or GET for reads). */
  hookRoute(key: string, handler: FakeRoute): void {
    this.hookRoutes.set(key, handler);
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  mintLoginCode(identity: LoginIdentity): string {
    const code = `fake-login-${random(12)}`;
    this.loginCodes.set(code, { identity, issuedAt: this.now(), used: false });
    return code;
  }

  mintPhoneCode(identity: PhoneIdentity): string {
    const code = `fake-phone-${random(12)}`;
    this.phoneCodes.set(code, { identity, issuedAt: this.now(), used: false });
    return code;
  }

  /** Every issued access token stops working (the next use answers 40001). */
  revokeTokens(): void {
    this.tokens.clear();
    this.stableToken = null;
  }

  injectFault(fault: FakeFault): void {
    this.faults.push(fault);
  }

  /** Pretend this much time has passed (codes and tokens expire). */
  advanceClock(ms: number): void {
    this.clockOffsetMs += ms;
  }

  now(): number {
    return Date.now() + this.clockOffsetMs;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    const raw = await readBody(req);
    let body: Record<string, unknown> = {};
    try {
      body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    } catch {
      if (!url.pathname.startsWith('/__fake/')) return this.error(res, 47001);
    }
    const query = Object.fromEntries(url.searchParams);
    const key = `${req.method} ${url.pathname}`;
    if (url.pathname.startsWith('/__fake/')) {
      const extension = this.hookRoutes.get(key);
      return extension ? extension({ query, body, res }) : this.hook(url.pathname, req.method ?? 'GET', body, res);
    }

    this.calls.set(url.pathname, (this.calls.get(url.pathname) ?? 0) + 1);
    const faultIndex = this.faults.findIndex((f) => f.path === undefined || f.path === url.pathname);
    if (faultIndex >= 0) {
      const [fault] = this.faults.splice(faultIndex, 1) as [FakeFault];
      if (fault.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
      if (fault.status) {
        res.writeHead(fault.status, { 'content-type': 'text/html' }).end(`<html><body>${fault.status}</body></html>`);
        return;
      }
      if (fault.garbage) {
        res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>502 Bad Gateway</body></html>');
        return;
      }
      if (fault.errcode !== undefined) return this.error(res, fault.errcode);
    }

    const extension = this.routes.get(key);
    if (extension) return extension({ query, body, res });
    switch (key) {
      case 'GET /sns/jscode2session':
        return this.code2Session(query, res);
      case 'POST /cgi-bin/stable_token':
        return this.stableTokenCall(body, res);
      case 'GET /cgi-bin/token':
        return this.legacyToken(query, res);
      case 'POST /wxa/business/getuserphonenumber':
        return this.phoneNumber(query, body, res);
      default:
        if (url.pathname === '/sns/jscode2session') return this.error(res, 41002);
        if (url.pathname === '/wxa/business/getuserphonenumber') return this.error(res, 43002);
        res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ errcode: 404, errmsg: 'not found' }));
    }
  }

  send(res: ServerResponse, body: Record<string, unknown>, contentType = 'application/json'): void {
    res.writeHead(200, { 'content-type': contentType }).end(JSON.stringify(body));
  }

  /** Answers an MP error the WeChat way: HTTP 200, `{errcode, errmsg}` (errmsg from `ERRMSG` or the given text). */
  error(res: ServerResponse, errcode: number, errmsg?: string): void {
    this.send(res, { errcode, errmsg: `${errmsg ?? ERRMSG[errcode] ?? 'error'} rid: ${random(9)}` });
  }

  /** Problems with appid/secret as WeChat reports them, or null when they are right. */
  private credentialError(appid: unknown, secret: unknown): number | null {
    if (!appid) return 41002;
    if (!secret) return 41004;
    if (appid !== this.options.appId) return 40013;
    if (secret !== this.options.appSecret) return 40125;
    return null;
  }

  private code2Session(query: Record<string, string>, res: ServerResponse): void {
    const problem = this.credentialError(query.appid, query.secret);
    if (problem !== null) return this.error(res, problem);
    if (!query.js_code) return this.error(res, 41008);
    if (query.grant_type !== 'authorization_code') return this.error(res, 40029);
    const issued = this.loginCodes.get(query.js_code);
    if (!issued || this.now() - issued.issuedAt > CODE_TTL_MS) return this.error(res, 40029);
    if (issued.used) return this.error(res, 40163);
    issued.used = true;
    const { openid, unionid } = issued.identity;
    // WeChat has been seen answering this endpoint as text/plain: clients must parse it anyway.
    this.send(res, { openid, session_key: randomBytes(16).toString('base64'), ...(unionid ? { unionid } : {}) }, 'text/plain');
  }

  private issueToken(): string {
    const token = `fake-at-${random(48)}`;
    this.tokens.set(token, this.now() + this.tokenTtlSeconds * 1000);
    return token;
  }

  private stableTokenCall(body: Record<string, unknown>, res: ServerResponse): void {
    const problem = this.credentialError(body.appid, body.secret);
    if (problem !== null) return this.error(res, problem);
    if (body.grant_type !== 'client_credential') return this.error(res, 40001);
    const live = this.stableToken !== null && (this.tokens.get(this.stableToken) ?? 0) > this.now();
    if (body.force_refresh === true) {
      if (this.now() - this.lastForceRefresh < FORCE_REFRESH_SPACING_MS) return this.error(res, 45011);
      this.lastForceRefresh = this.now();
      if (this.stableToken) this.tokens.delete(this.stableToken);
      this.stableToken = this.issueToken();
    } else if (!live) {
      this.stableToken = this.issueToken();
    }
    const remaining = Math.floor((this.tokens.get(this.stableToken!)! - this.now()) / 1000);
    this.send(res, { access_token: this.stableToken, expires_in: remaining });
  }

  private legacyToken(query: Record<string, string>, res: ServerResponse): void {
    const problem = this.credentialError(query.appid, query.secret);
    if (problem !== null) return this.error(res, problem);
    this.send(res, { access_token: this.issueToken(), expires_in: this.tokenTtlSeconds });
  }

  /** 40001 for an unknown token, 42001 for a known one past its expiry, null when it is good. */
  tokenError(token: string | undefined): number | null {
    const expiresAt = token ? this.tokens.get(token) : undefined;
    if (expiresAt === undefined) return 40001;
    return expiresAt <= this.now() ? 42001 : null;
  }

  private phoneNumber(query: Record<string, string>, body: Record<string, unknown>, res: ServerResponse): void {
    const tokenProblem = this.tokenError(query.access_token);
    if (tokenProblem !== null) return this.error(res, tokenProblem);
    if (typeof body.code !== 'string' || !body.code) return this.error(res, 41008);
    const issued = this.phoneCodes.get(body.code);
    if (!issued || issued.used || this.now() - issued.issuedAt > CODE_TTL_MS) return this.error(res, 40029);
    // The real errcode for a code of another user is unverified; 40029 is the fake's choice.
    if (body.openid !== undefined && body.openid !== issued.identity.openid) return this.error(res, 40029);
    issued.used = true;
    const countryCode = issued.identity.countryCode ?? '86';
    const pure = issued.identity.phoneNumber;
    this.send(res, {
      errcode: 0,
      errmsg: 'ok',
      phone_info: {
        phoneNumber: countryCode === '86' ? pure : `+${countryCode} ${pure}`,
        purePhoneNumber: pure,
        countryCode,
        watermark: { timestamp: Math.floor(this.now() / 1000), appid: this.options.appId },
      },
    });
  }

  private hook(path: string, method: string, body: Record<string, unknown>, res: ServerResponse): void {
    const text = (key: string) => (typeof body[key] === 'string' && body[key] !== '' ? (body[key] as string) : undefined);
    const bad = (issue: string): void => {
      res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ issue }));
    };
    if (method !== 'POST' && path !== '/__fake/calls') return bad('hooks are POST');
    switch (path) {
      case '/__fake/login-code': {
        const openid = text('openid');
        if (!openid) return bad('openid is required');
        return this.send(res, { code: this.mintLoginCode({ openid, unionid: text('unionid') }) });
      }
      case '/__fake/phone-code': {
        const openid = text('openid');
        const phoneNumber = text('phoneNumber');
        if (!openid || !phoneNumber || !/^\d{5,15}$/.test(phoneNumber)) return bad('openid and phoneNumber (digits) are required');
        return this.send(res, { code: this.mintPhoneCode({ openid, phoneNumber, countryCode: text('countryCode') }) });
      }
      case '/__fake/revoke-tokens':
        this.revokeTokens();
        return this.send(res, {});
      case '/__fake/fault': {
        const fault: FakeFault = {
          errcode: typeof body.errcode === 'number' ? body.errcode : undefined,
          delayMs: typeof body.delayMs === 'number' ? body.delayMs : undefined,
          garbage: body.garbage === true,
          path: text('path'),
        };
        this.injectFault(fault);
        return this.send(res, {});
      }
      case '/__fake/calls':
        return this.send(res, Object.fromEntries(this.calls));
      default:
        return bad(`unknown hook ${path}`);
    }
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (data += chunk));
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });
}
