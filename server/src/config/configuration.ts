import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { plainToInstance, Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync, type ValidationError } from 'class-validator';
import {
  DEVELOPMENT_WECHATPAY_APIV3_KEY,
  DEVELOPMENT_WECHATPAY_MCHID,
  DEVELOPMENT_WECHATPAY_MERCHANT_PRIVATE_KEY,
  DEVELOPMENT_WECHATPAY_MERCHANT_SERIAL,
  DEVELOPMENT_WECHATPAY_PUBLIC_KEY,
  DEVELOPMENT_WECHATPAY_PUBLIC_KEY_ID,
} from '../wechat-pay/development-keys.js';
import { parseRateLimits, RATE_LIMITS_FORMAT, type RateLimits } from '../common/rate-limit/rate-limits.js';

/** Placeholder secret for development; production refuses to start with it. */
export const DEVELOPMENT_JWT_SECRET = 'alumnilink-development-secret-do-not-use-in-production';

/** Development WeChat credentials: they only ever talk to the local fake. */
export const DEVELOPMENT_WECHAT_APP_ID = 'wxdemo0000000000';
export const DEVELOPMENT_WECHAT_APP_SECRET = 'alumnilink-development-wechat-secret';
/** Development phone keys (public, in the source): production refuses them. */
export const DEVELOPMENT_PHONE_ENCRYPTION_KEYS = 'dev1:ZGV2ZWxvcG1lbnQtb25seS1waG9uZS1rZXktMzJieXQ=';
export const DEVELOPMENT_PHONE_HASH_KEY = 'alumnilink-development-phone-hash-key';

const REPO_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');

const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value);
const toBool = ({ value }: { value: unknown }) =>
  value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value;

const PORT_RULE = 'PORT must be a whole number between 0 and 65535';

/** The environment as the server reads it; every variable is documented in the README. */
class EnvironmentVariables {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV = 'development';

  @IsString()
  HOST = '127.0.0.1';

  @Transform(toInt)
  @IsInt({ message: PORT_RULE })
  @Min(0, { message: PORT_RULE })
  @Max(65535, { message: PORT_RULE })
  PORT = 3000;

  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/[^\s/]+(\/[^\s?]*)?(\?\S*)?$/, {
    message: 'DATABASE_URL must look like postgres://user:password@host:5432/database',
  })
  DATABASE_URL?: string;

  @IsString()
  @MinLength(1)
  DATA_DIR = './.data';

  // Start-up holds one connection for the migration lock while migrations use another.
  @Transform(toInt)
  @IsInt()
  @Min(2)
  @Max(100)
  DATABASE_POOL_SIZE = 10;

  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters long' })
  JWT_SECRET = DEVELOPMENT_JWT_SECRET;

  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(24 * 60 * 60)
  ACCESS_TOKEN_TTL_SECONDS = 15 * 60;

  @IsOptional()
  @IsString()
  H5_DIR?: string;

  @IsOptional()
  @Transform(toBool)
  @IsIn([true, false], { message: 'SEED_DEMO must be true or false' })
  SEED_DEMO?: boolean;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(60)
  READ_CACHE_SECONDS = 5;

  @IsString()
  CORS_ORIGINS = '';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  THROTTLE_TTL_SECONDS = 60;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  THROTTLE_LIMIT = 600;

  @Matches(RATE_LIMITS_FORMAT, {
    message: 'RATE_LIMITS must be off, or action=limit/seconds pairs separated by commas (e.g. signIn=60/60,posting=10/60)',
  })
  RATE_LIMITS = '';

  @Matches(/^[\w:.-]{1,64}$/, { message: 'THROTTLE_KEY_PREFIX must be up to 64 letters, digits or _ : . -' })
  THROTTLE_KEY_PREFIX = 'alumnilink:throttle:';

  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(50 * 1024 * 1024)
  BODY_LIMIT_BYTES = 1024 * 1024;

  @Transform(toBool)
  @IsIn([true, false], { message: 'TRUST_PROXY must be true or false' })
  TRUST_PROXY: boolean = false;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(365)
  REFRESH_TOKEN_TTL_DAYS = 30;

  @Matches(/^wx[0-9a-zA-Z]{8,30}$/, { message: 'WECHAT_APP_ID must be the mini-program AppID (wx followed by letters and digits)' })
  WECHAT_APP_ID = DEVELOPMENT_WECHAT_APP_ID;

  @IsString()
  @MinLength(16, { message: 'WECHAT_APP_SECRET must be the AppSecret from the mini-program admin console' })
  WECHAT_APP_SECRET = DEVELOPMENT_WECHAT_APP_SECRET;

  @Matches(/^https?:\/\/[^\s/]+(\/\S*)?$/, { message: 'WECHAT_API_BASE must be an http(s) URL such as https://api.weixin.qq.com' })
  WECHAT_API_BASE = 'https://api.weixin.qq.com';

  @IsOptional()
  @Transform(toBool)
  @IsIn([true, false], { message: 'WECHAT_FAKE must be true or false' })
  WECHAT_FAKE?: boolean;

  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(60_000)
  WECHAT_TIMEOUT_MS = 5000;

  @Matches(/^[a-z0-9]{1,16}:[A-Za-z0-9+/]{43}=(,[a-z0-9]{1,16}:[A-Za-z0-9+/]{43}=)*$/, {
    message: 'PHONE_ENCRYPTION_KEYS must be id:base64-of-32-bytes pairs separated by commas, current key first (e.g. k2:…,k1:…)',
  })
  PHONE_ENCRYPTION_KEYS = DEVELOPMENT_PHONE_ENCRYPTION_KEYS;

  @IsString()
  @MinLength(32, { message: 'PHONE_HASH_KEY must be at least 32 characters long' })
  PHONE_HASH_KEY = DEVELOPMENT_PHONE_HASH_KEY;

  // pg-boss refuses to poll more often than every 0.5 s.
  @Transform(({ value }) => (typeof value === 'string' && /^\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : value))
  @Min(0.5, { message: 'JOBS_POLL_INTERVAL_SECONDS must be a number of seconds, at least 0.5' })
  @Max(60, { message: 'JOBS_POLL_INTERVAL_SECONDS must be at most 60' })
  JOBS_POLL_INTERVAL_SECONDS = 2;

  // Longer than any job runs: a job still running after this is taken for dead (its instance was killed) and retried.
  // (The checks run bottom-up, so "not a whole number" is said first.)
  @Transform(toInt)
  @Max(3600, { message: 'JOBS_EXPIRE_SECONDS must be at most 3600' })
  @Min(1, { message: 'JOBS_EXPIRE_SECONDS must be at least 1' })
  @IsInt({ message: 'JOBS_EXPIRE_SECONDS must be a whole number of seconds' })
  JOBS_EXPIRE_SECONDS = 300;

  @Matches(/^([a-zA-Z]+=[\w-]{1,64}(,[a-zA-Z]+=[\w-]{1,64})*)?$/, {
    message: 'WECHAT_TEMPLATE_IDS must be key=templateId pairs separated by commas (e.g. eventReminder=AbC…,eventChanged=DeF…)',
  })
  WECHAT_TEMPLATE_IDS = '';

  @IsIn(['developer', 'trial', 'formal'], { message: 'WECHAT_MINIPROGRAM_STATE must be developer, trial or formal' })
  WECHAT_MINIPROGRAM_STATE = 'formal';

  @IsOptional()
  @Transform(toBool)
  @IsIn([true, false], { message: 'WECHATPAY_FAKE must be true or false' })
  WECHATPAY_FAKE?: boolean;

  @Matches(/^https?:\/\/[^\s/]+(\/\S*)?$/, { message: 'WECHATPAY_API_BASE must be an http(s) URL such as https://api.mch.weixin.qq.com' })
  WECHATPAY_API_BASE = 'https://api.mch.weixin.qq.com';

  @Matches(/^\d{6,32}$/, { message: 'WECHATPAY_MCHID must be the merchant id (digits)' })
  WECHATPAY_MCHID = DEVELOPMENT_WECHATPAY_MCHID;

  @Matches(/^[0-9A-Fa-f]{8,64}$/, { message: 'WECHATPAY_MERCHANT_SERIAL must be the merchant API certificate serial number (hex)' })
  WECHATPAY_MERCHANT_SERIAL = DEVELOPMENT_WECHATPAY_MERCHANT_SERIAL;

  @IsString()
  @MinLength(1)
  WECHATPAY_MERCHANT_PRIVATE_KEY = DEVELOPMENT_WECHATPAY_MERCHANT_PRIVATE_KEY;

  @Matches(/^[\x21-\x7e]{32}$/, { message: 'WECHATPAY_APIV3_KEY must be the 32-character APIv3 key set in the merchant console' })
  WECHATPAY_APIV3_KEY = DEVELOPMENT_WECHATPAY_APIV3_KEY;

  @IsString()
  @MinLength(1)
  WECHATPAY_PUBLIC_KEY = DEVELOPMENT_WECHATPAY_PUBLIC_KEY;

  @Matches(/^PUB_KEY_ID_[0-9A-Za-z]+$/, { message: 'WECHATPAY_PUBLIC_KEY_ID must be the WeChat Pay public key id (PUB_KEY_ID_…)' })
  WECHATPAY_PUBLIC_KEY_ID = DEVELOPMENT_WECHATPAY_PUBLIC_KEY_ID;

  @IsOptional()
  @Matches(/^https?:\/\/[^\s/?#]+\/[^\s?#]*$/, {
    message:
      'WECHATPAY_NOTIFY_URL must be a URL without a query string, e.g. https://alumni.example.edu.cn/api/v1/giving/wechat-pay/notify',
  })
  WECHATPAY_NOTIFY_URL?: string;

  @IsOptional()
  @Matches(/^rediss?:\/\/\S+$/, { message: 'REDIS_URL must look like redis://host:6379 (or rediss:// for TLS)' })
  REDIS_URL?: string;
}

export type NodeEnv = 'development' | 'production' | 'test';

/** The validated configuration every part of the server reads. */
export interface AppConfig {
  nodeEnv: NodeEnv;
  host: string;
  port: number;
  /** Null means "use the embedded engine in dataDir". */
  databaseUrl: string | null;
  dataDir: string;
  databasePoolSize: number;
  /**
   * How long an answer to a public read (event list, campaign page…) is reused at most; a write
   * to a table it reads drops it at once (read-cache/). 0 turns the cache off.
   */
  readCacheSeconds: number;
  jwtSecret: string;
  accessTokenTtlSeconds: number;
  /** Folder of the H5 build served at `/`; when it does not exist the server is API only. */
  h5Dir: string;
  /** Seed demo data into an empty database at start-up (never in production). */
  seedDemo: boolean;
  logLevel: string;
  corsOrigins: string[];
  throttle: {
    ttlSeconds: number;
    limit: number;
    /** Limits of single actions (sign-in, posting…); null when RATE_LIMITS=off. */
    actions: RateLimits | null;
    /** Prefix of the counters' keys in Redis. */
    keyPrefix: string;
  };
  bodyLimitBytes: number;
  trustProxy: boolean;
  refreshTokenTtlDays: number;
  wechat: WechatConfig;
  phone: PhoneCipherConfig;
  /** Shared caches (the WeChat access token) live here when set; in PostgreSQL otherwise. */
  redisUrl: string | null;
  wechatPay: WechatPayConfig;
  /** How often an instance looks for work; how long a job may run before it counts as abandoned. */
  jobs: { pollIntervalSeconds: number; expireSeconds: number };
}

export interface WechatConfig {
  appId: string;
  appSecret: string;
  /** Where the WeChat clients send requests; the in-process fake's address when `fake` is true. */
  apiBase: string;
  /** Start the local fake WeChat server and point the clients at it (never in production). */
  fake: boolean;
  timeoutMs: number;
  /** Subscription-message template ids by our template key; a key without one is not sent (see notifications/templates.ts). */
  templateIds: Record<string, string>;
  /** Which version of the mini-program a message card opens. */
  miniprogramState: 'developer' | 'trial' | 'formal';
}

export interface WechatPayConfig {
  /** False in production when no merchant is set (WECHATPAY_MCHID): donations are then refused, nothing else changes. */
  configured: boolean;
  /** Start the local fake WeChat Pay server and point the client at it (never in production). */
  fake: boolean;
  apiBase: string;
  mchid: string;
  /** Serial number of the merchant API certificate, upper-case hex. */
  merchantSerial: string;
  /** PEM of the merchant API private key (read from the file when the variable named a path). */
  merchantPrivateKey: string;
  apiV3Key: string;
  /** PEM of the WeChat Pay public key and its id, which verify answers and notifications. */
  publicKey: string;
  publicKeyId: string;
  notifyUrl: string;
}

export interface PhoneCipherConfig {
  /** AES-256 keys by id, base64; the first encrypts, all decrypt (so keys can rotate). */
  encryptionKeys: { id: string; key: string }[];
  /** HMAC key of the phone lookup hash. */
  hashKey: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration error:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

function describe(errors: ValidationError[], env: Record<string, string | undefined>): string[] {
  return errors.flatMap((error) =>
    Object.values(error.constraints ?? {}).map((constraint) => `${constraint} (got ${JSON.stringify(env[error.property] ?? '')})`),
  );
}

/**
 * Reads and validates the environment once, at start-up. Every problem is reported
 * together, each naming its variable, so a wrong setup is fixed in one go.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const vars = plainToInstance(EnvironmentVariables, present, { exposeDefaultValues: true });
  const problems = describe(validateSync(vars, { stopAtFirstError: true }), env);

  if (vars.NODE_ENV === 'production') {
    if (vars.JWT_SECRET === DEVELOPMENT_JWT_SECRET) {
      problems.push('JWT_SECRET must be set to your own random secret in production');
    }
    if (vars.SEED_DEMO === true) problems.push('SEED_DEMO=true is refused in production: demo data is never seeded there');
    if (vars.WECHAT_FAKE === true)
      problems.push('WECHAT_FAKE=true is refused in production: the fake WeChat server is for development and tests');
    if (vars.WECHAT_APP_ID === DEVELOPMENT_WECHAT_APP_ID)
      problems.push('WECHAT_APP_ID must be set to your mini-program AppID in production');
    if (vars.WECHAT_APP_SECRET === DEVELOPMENT_WECHAT_APP_SECRET) {
      problems.push('WECHAT_APP_SECRET must be set to your mini-program AppSecret in production');
    }
    if (vars.PHONE_ENCRYPTION_KEYS === DEVELOPMENT_PHONE_ENCRYPTION_KEYS) {
      problems.push('PHONE_ENCRYPTION_KEYS must be set to your own keys in production (e.g. k1:$(openssl rand -base64 32))');
    }
    if (vars.PHONE_HASH_KEY === DEVELOPMENT_PHONE_HASH_KEY)
      problems.push('PHONE_HASH_KEY must be set to your own random secret in production');
  }
  // Production without any merchant setting runs with giving payments switched off.
  const wechatPayConfigured = vars.NODE_ENV !== 'production' || present.WECHATPAY_MCHID !== undefined;
  if (vars.NODE_ENV === 'production') problems.push(...wechatPayProductionProblems(vars, wechatPayConfigured));
  const merchantPrivateKey = readPem('WECHATPAY_MERCHANT_PRIVATE_KEY', vars.WECHATPAY_MERCHANT_PRIVATE_KEY, problems);
  const wechatPayPublicKey = readPem('WECHATPAY_PUBLIC_KEY', vars.WECHATPAY_PUBLIC_KEY, problems);
  const phoneKeys = vars.PHONE_ENCRYPTION_KEYS.split(',').map((pair) => {
    const [id, key] = pair.split(':') as [string, string];
    return { id, key };
  });
  if (new Set(phoneKeys.map((k) => k.id)).size !== phoneKeys.length) problems.push('PHONE_ENCRYPTION_KEYS must not repeat a key id');
  const rateLimits = parseRateLimits(vars.RATE_LIMITS, problems);
  if (problems.length > 0) throw new ConfigError(problems);

  const fromCwd = (path: string) => (isAbsolute(path) ? path : resolve(process.cwd(), path));
  return {
    nodeEnv: vars.NODE_ENV as NodeEnv,
    host: vars.HOST,
    port: vars.PORT,
    databaseUrl: vars.DATABASE_URL ?? null,
    dataDir: fromCwd(vars.DATA_DIR),
    databasePoolSize: vars.DATABASE_POOL_SIZE,
    readCacheSeconds: vars.READ_CACHE_SECONDS,
    jwtSecret: vars.JWT_SECRET,
    accessTokenTtlSeconds: vars.ACCESS_TOKEN_TTL_SECONDS,
    h5Dir: vars.H5_DIR ? fromCwd(vars.H5_DIR) : resolve(REPO_ROOT, 'miniprogram/dist/h5'),
    seedDemo: vars.SEED_DEMO ?? vars.NODE_ENV !== 'production',
    logLevel: vars.LOG_LEVEL,
    corsOrigins: vars.CORS_ORIGINS.split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    throttle: {
      ttlSeconds: vars.THROTTLE_TTL_SECONDS,
      limit: vars.THROTTLE_LIMIT,
      actions: rateLimits,
      keyPrefix: vars.THROTTLE_KEY_PREFIX,
    },
    bodyLimitBytes: vars.BODY_LIMIT_BYTES,
    trustProxy: vars.TRUST_PROXY,
    refreshTokenTtlDays: vars.REFRESH_TOKEN_TTL_DAYS,
    wechat: {
      appId: vars.WECHAT_APP_ID,
      appSecret: vars.WECHAT_APP_SECRET,
      apiBase: vars.WECHAT_API_BASE.replace(/\/+$/, ''),
      fake: vars.WECHAT_FAKE ?? vars.NODE_ENV !== 'production',
      timeoutMs: vars.WECHAT_TIMEOUT_MS,
      templateIds: Object.fromEntries(
        vars.WECHAT_TEMPLATE_IDS.split(',')
          .filter(Boolean)
          .map((pair) => pair.split('=') as [string, string]),
      ),
      miniprogramState: vars.WECHAT_MINIPROGRAM_STATE as WechatConfig['miniprogramState'],
    },
    phone: { encryptionKeys: phoneKeys, hashKey: vars.PHONE_HASH_KEY },
    redisUrl: vars.REDIS_URL ?? null,
    wechatPay: {
      configured: wechatPayConfigured,
      fake: vars.WECHATPAY_FAKE ?? vars.NODE_ENV !== 'production',
      apiBase: vars.WECHATPAY_API_BASE.replace(/\/+$/, ''),
      mchid: vars.WECHATPAY_MCHID,
      merchantSerial: vars.WECHATPAY_MERCHANT_SERIAL.toUpperCase(),
      merchantPrivateKey,
      apiV3Key: vars.WECHATPAY_APIV3_KEY,
      publicKey: wechatPayPublicKey,
      publicKeyId: vars.WECHATPAY_PUBLIC_KEY_ID,
      notifyUrl: vars.WECHATPAY_NOTIFY_URL ?? `http://127.0.0.1:${vars.PORT}/api/v1/giving/wechat-pay/notify`,
    },
    jobs: { pollIntervalSeconds: vars.JOBS_POLL_INTERVAL_SECONDS, expireSeconds: vars.JOBS_EXPIRE_SECONDS },
  };
}

/** WeChat Pay in production: the real API, the merchant's own keys, an https notify URL. */
function wechatPayProductionProblems(vars: EnvironmentVariables, configured: boolean): string[] {
  const problems: string[] = [];
  if (vars.WECHATPAY_FAKE === true)
    problems.push('WECHATPAY_FAKE=true is refused in production: the fake WeChat Pay server is for development and tests');
  if (!configured) return problems;
  const development: [string, string, string][] = [
    ['WECHATPAY_MCHID', vars.WECHATPAY_MCHID, DEVELOPMENT_WECHATPAY_MCHID],
    ['WECHATPAY_MERCHANT_SERIAL', vars.WECHATPAY_MERCHANT_SERIAL, DEVELOPMENT_WECHATPAY_MERCHANT_SERIAL],
    ['WECHATPAY_MERCHANT_PRIVATE_KEY', vars.WECHATPAY_MERCHANT_PRIVATE_KEY, DEVELOPMENT_WECHATPAY_MERCHANT_PRIVATE_KEY],
    ['WECHATPAY_APIV3_KEY', vars.WECHATPAY_APIV3_KEY, DEVELOPMENT_WECHATPAY_APIV3_KEY],
    ['WECHATPAY_PUBLIC_KEY', vars.WECHATPAY_PUBLIC_KEY, DEVELOPMENT_WECHATPAY_PUBLIC_KEY],
    ['WECHATPAY_PUBLIC_KEY_ID', vars.WECHATPAY_PUBLIC_KEY_ID, DEVELOPMENT_WECHATPAY_PUBLIC_KEY_ID],
  ];
  for (const [name, value, developmentValue] of development) {
    if (value === developmentValue) problems.push(`${name} must be set to your merchant's own value in production (see docs/giving.md)`);
  }
  if (!vars.WECHATPAY_NOTIFY_URL?.startsWith('https://'))
    problems.push('WECHATPAY_NOTIFY_URL must be set to the public https address of /api/v1/giving/wechat-pay/notify in production');
  return problems;
}

/** A PEM given inline (newlines possibly escaped as \\n, as container settings often do) or the path of a PEM file. */
function readPem(name: string, value: string, problems: string[]): string {
  if (value.includes('-----BEGIN')) return value.replace(/\\n/g, '\n');
  const path = isAbsolute(value) ? value : resolve(process.cwd(), value);
  if (existsSync(path)) return readFileSync(path, 'utf8');
  problems.push(`${name} must be a PEM or the path of a PEM file (no file at ${path})`);
  return '';
}
