import { ConfigError, DEVELOPMENT_JWT_SECRET, loadConfig } from './configuration.js';

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('expected a configuration error');
}

const KEY = Buffer.alloc(32, 7).toString('base64');

/** Everything production insists on being set. */
const PRODUCTION = {
  NODE_ENV: 'production',
  JWT_SECRET: 'y'.repeat(40),
  WECHAT_APP_ID: 'wx1234567890abcdef',
  WECHAT_APP_SECRET: 's'.repeat(32),
  PHONE_ENCRYPTION_KEYS: `k2:${KEY},k1:${Buffer.alloc(32, 1).toString('base64')}`,
  PHONE_HASH_KEY: 'h'.repeat(40),
};

describe('configuration', () => {
  it('starts with working defaults on an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      nodeEnv: 'development',
      host: '127.0.0.1',
      port: 3000,
      databaseUrl: null,
      seedDemo: true,
      throttle: { ttlSeconds: 60, limit: 600 },
      jobs: { pollIntervalSeconds: 2, expireSeconds: 300 },
    });
    expect(config.dataDir).toBe(`${process.cwd()}/.data`);
    expect(config.h5Dir).toMatch(/miniprogram\/dist\/h5$/);
  });

  it('reads the variables it is given', () => {
    const config = loadConfig({
      PORT: '8080',
      DATABASE_URL: 'postgres://u:p@db:5432/alumni',
      DATA_DIR: '/var/lib/alumnilink',
      CORS_ORIGINS: 'https://a.example, https://b.example',
      SEED_DEMO: 'false',
    });
    expect(config).toMatchObject({
      port: 8080,
      databaseUrl: 'postgres://u:p@db:5432/alumni',
      dataDir: '/var/lib/alumnilink',
      corsOrigins: ['https://a.example', 'https://b.example'],
      seedDemo: false,
    });
  });

  it.each([
    ['PORT', 'abc', /PORT must be a whole number/],
    ['PORT', '70000', /PORT must be a whole number/],
    ['DATABASE_URL', 'mysql://localhost/x', /DATABASE_URL must look like postgres:\/\//],
    ['NODE_ENV', 'staging', /NODE_ENV must be one of/],
    ['JWT_SECRET', 'short', /JWT_SECRET must be at least 32 characters/],
    ['SEED_DEMO', 'maybe', /SEED_DEMO must be true or false/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL must be one of/],
    ['JOBS_EXPIRE_SECONDS', '0', /JOBS_EXPIRE_SECONDS must be at least 1/],
    ['JOBS_EXPIRE_SECONDS', 'soon', /JOBS_EXPIRE_SECONDS must be a whole number/],
  ])('names %s when it is %p', (name, value, message) => {
    const found = problems({ [name]: value });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(message);
    expect(found[0]).toContain(JSON.stringify(value));
  });

  it('reports every problem at once', () => {
    expect(problems({ PORT: 'x', NODE_ENV: 'y' })).toHaveLength(2);
  });

  it('refuses the development secret and demo seeding in production', () => {
    expect(problems({ ...PRODUCTION, JWT_SECRET: '' })).toEqual([expect.stringMatching(/JWT_SECRET must be set/)]);
    expect(problems({ ...PRODUCTION, SEED_DEMO: 'true' })).toEqual([expect.stringMatching(/SEED_DEMO=true is refused/)]);
    const config = loadConfig(PRODUCTION);
    expect(config.seedDemo).toBe(false);
    expect(config.jwtSecret).not.toBe(DEVELOPMENT_JWT_SECRET);
  });

  it('refuses the WeChat fake and the development WeChat and phone credentials in production, naming each variable', () => {
    expect(problems({ ...PRODUCTION, WECHAT_FAKE: 'true' })).toEqual([expect.stringMatching(/^WECHAT_FAKE=true is refused in production/)]);
    expect(problems({ NODE_ENV: 'production', JWT_SECRET: 'y'.repeat(40) })).toEqual([
      expect.stringMatching(/^WECHAT_APP_ID must be set/),
      expect.stringMatching(/^WECHAT_APP_SECRET must be set/),
      expect.stringMatching(/^PHONE_ENCRYPTION_KEYS must be set/),
      expect.stringMatching(/^PHONE_HASH_KEY must be set/),
    ]);
    const config = loadConfig(PRODUCTION);
    expect(config.wechat).toMatchObject({ fake: false, appId: 'wx1234567890abcdef', apiBase: 'https://api.weixin.qq.com' });
    expect(config.phone.encryptionKeys.map((k) => k.id)).toEqual(['k2', 'k1']);
  });

  it('uses the WeChat fake by default outside production', () => {
    expect(loadConfig({}).wechat.fake).toBe(true);
    expect(loadConfig({ WECHAT_FAKE: 'false' }).wechat.fake).toBe(false);
  });

  it.each([
    ['PHONE_ENCRYPTION_KEYS', 'k1:short', /PHONE_ENCRYPTION_KEYS must be id:base64-of-32-bytes pairs/],
    ['PHONE_ENCRYPTION_KEYS', `k1:${KEY},k1:${KEY}`, /PHONE_ENCRYPTION_KEYS must not repeat a key id/],
    ['WECHAT_APP_ID', 'not-an-appid', /WECHAT_APP_ID must be the mini-program AppID/],
    ['WECHAT_API_BASE', 'ftp://x', /WECHAT_API_BASE must be an http\(s\) URL/],
    ['REDIS_URL', 'localhost:6379', /REDIS_URL must look like redis:\/\//],
  ])('names %s when it is %p', (name, value, message) => {
    expect(problems({ [name]: value })).toEqual([expect.stringMatching(message)]);
  });
});
