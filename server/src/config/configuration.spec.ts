import { PRODUCTION_ENV, REQUIRED_VARIABLES } from '../../test/production-env.js';
import { DEVELOPMENT_JWT_SECRET, DEVELOPMENT_PHONE_ENCRYPTION_KEYS, DEVELOPMENT_PHONE_HASH_KEY } from './auth.config.js';
import { ConfigError, loadConfig } from './configuration.js';
import { loadDatabaseConfig } from './database.config.js';
import { DEVELOPMENT_WECHAT_APP_ID, DEVELOPMENT_WECHAT_APP_SECRET } from './wechat.config.js';

function refusal(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('expected a configuration error');
}
const problems = (env: Record<string, string>) => refusal(env).problems;

const KEY = Buffer.alloc(32, 7).toString('base64');
const DEMO = { DEMO: 'true' };

describe('configuration', () => {
  it('refuses an empty environment, naming every variable it must have at once, and says how to try the demo', () => {
    const error = refusal({});
    expect(error.problems).toEqual(REQUIRED_VARIABLES.map((name) => expect.stringMatching(new RegExp(`^${name} must be set: `))));
    expect(error.message).toMatch(/start it with DEMO=true/);
  });

  it('refuses the missing variables whatever NODE_ENV says', () => {
    for (const NODE_ENV of ['development', 'test', 'production']) expect(problems({ NODE_ENV })).toHaveLength(REQUIRED_VARIABLES.length);
  });

  it('starts with every demo part and working defaults with DEMO=true', () => {
    const config = loadConfig(DEMO);
    expect(config).toMatchObject({
      nodeEnv: 'development',
      demo: true,
      seedDemo: true,
      host: '127.0.0.1',
      port: 3000,
      listenBacklog: 2048,
      databaseUrl: null,
      jwtSecret: DEVELOPMENT_JWT_SECRET,
      throttle: { ttlSeconds: 60, limit: 600 },
      jobs: { pollIntervalSeconds: 2, expireSeconds: 300 },
      wechat: { fake: true, appId: DEVELOPMENT_WECHAT_APP_ID },
      wechatPay: { fake: true, configured: true },
    });
    expect(config.dataDir).toBe(`${process.cwd()}/.data`);
    expect(config.h5Dir).toMatch(/miniprogram\/dist\/h5$/);
  });

  it('turns nothing of the demo on without DEMO=true', () => {
    const config = loadConfig(PRODUCTION_ENV);
    expect(config).toMatchObject({ demo: false, seedDemo: false, wechat: { fake: false }, wechatPay: { fake: false, configured: false } });
    expect(config.wechat).toMatchObject({ appId: 'wx1234567890abcdef', apiBase: 'https://api.weixin.qq.com' });
    expect(config.phone.encryptionKeys.map((k) => k.id)).toEqual(['k2', 'k1']);
    expect(loadConfig({ ...PRODUCTION_ENV, NODE_ENV: 'development' }).demo).toBe(false);
  });

  it('lets SEED_DEMO, WECHAT_FAKE and WECHATPAY_FAKE only narrow DEMO, never turn a part on without it', () => {
    expect(loadConfig({ ...DEMO, SEED_DEMO: 'false', WECHAT_FAKE: 'false', WECHATPAY_FAKE: 'false' })).toMatchObject({
      demo: true,
      seedDemo: false,
      wechat: { fake: false },
      wechatPay: { fake: false },
    });
    expect(
      problems({ ...PRODUCTION_ENV, NODE_ENV: 'development', SEED_DEMO: 'true', WECHAT_FAKE: 'true', WECHATPAY_FAKE: 'true' }),
    ).toEqual([
      expect.stringMatching(/^SEED_DEMO=true needs DEMO=true/),
      expect.stringMatching(/^WECHAT_FAKE=true needs DEMO=true/),
      expect.stringMatching(/^WECHATPAY_FAKE=true needs DEMO=true/),
    ]);
  });

  it('refuses DEMO=true with NODE_ENV=production, and then every missing variable too', () => {
    expect(problems({ ...PRODUCTION_ENV, DEMO: 'true' })).toEqual([
      expect.stringMatching(/^DEMO=true is refused with NODE_ENV=production/),
    ]);
    expect(problems({ NODE_ENV: 'production', DEMO: 'true' })).toHaveLength(1 + REQUIRED_VARIABLES.length);
  });

  it('refuses every development key without DEMO, naming each variable', () => {
    expect(
      problems({
        ...PRODUCTION_ENV,
        JWT_SECRET: DEVELOPMENT_JWT_SECRET,
        PHONE_ENCRYPTION_KEYS: DEVELOPMENT_PHONE_ENCRYPTION_KEYS,
        PHONE_HASH_KEY: DEVELOPMENT_PHONE_HASH_KEY,
        WECHAT_APP_ID: DEVELOPMENT_WECHAT_APP_ID,
        WECHAT_APP_SECRET: DEVELOPMENT_WECHAT_APP_SECRET,
      }),
    ).toEqual(REQUIRED_VARIABLES.map((name) => expect.stringMatching(new RegExp(`^${name} must not be the development value`))));
  });

  it('reads the variables it is given', () => {
    const config = loadConfig({
      ...DEMO,
      PORT: '8080',
      LISTEN_BACKLOG: '4096',
      DATABASE_URL: 'postgres://u:p@db:5432/alumni',
      DATA_DIR: '/var/lib/alumnilink',
      CORS_ORIGINS: 'https://a.example, https://b.example',
      SEED_DEMO: 'false',
    });
    expect(config).toMatchObject({
      port: 8080,
      listenBacklog: 4096,
      databaseUrl: 'postgres://u:p@db:5432/alumni',
      dataDir: '/var/lib/alumnilink',
      corsOrigins: ['https://a.example', 'https://b.example'],
      seedDemo: false,
    });
  });

  it.each([
    ['PORT', 'abc', /PORT must be a whole number/],
    ['PORT', '70000', /PORT must be a whole number/],
    ['LISTEN_BACKLOG', 'lots', /LISTEN_BACKLOG must be a whole number between 1 and 65535/],
    ['LISTEN_BACKLOG', '0', /LISTEN_BACKLOG must be a whole number between 1 and 65535/],
    ['LISTEN_BACKLOG', '100000', /LISTEN_BACKLOG must be a whole number between 1 and 65535/],
    ['DATABASE_URL', 'mysql://localhost/x', /DATABASE_URL must look like postgres:\/\//],
    ['NODE_ENV', 'staging', /NODE_ENV must be one of/],
    ['JWT_SECRET', 'short', /JWT_SECRET must be at least 32 characters/],
    ['DEMO', 'yes', /DEMO must be true or false/],
    ['SEED_DEMO', 'maybe', /SEED_DEMO must be true or false/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL must be one of/],
    ['JOBS_EXPIRE_SECONDS', '0', /JOBS_EXPIRE_SECONDS must be at least 1/],
    ['JOBS_EXPIRE_SECONDS', 'soon', /JOBS_EXPIRE_SECONDS must be a whole number/],
    ['PHONE_ENCRYPTION_KEYS', 'k1:short', /PHONE_ENCRYPTION_KEYS must be id:base64-of-32-bytes pairs/],
    ['PHONE_ENCRYPTION_KEYS', `k1:${KEY},k1:${KEY}`, /PHONE_ENCRYPTION_KEYS must not repeat a key id/],
    ['WECHAT_APP_ID', 'not-an-appid', /WECHAT_APP_ID must be the mini-program AppID/],
    ['WECHAT_API_BASE', 'ftp://x', /WECHAT_API_BASE must be an http\(s\) URL/],
    ['REDIS_URL', 'localhost:6379', /REDIS_URL must look like redis:\/\//],
  ])('names %s when it is %p', (name, value, message) => {
    // STORAGE set, so that a DATABASE_URL (even a wrong one) asks for nothing more.
    const found = problems({
      ...PRODUCTION_ENV,
      STORAGE: 'local',
      NODE_ENV: name === 'DEMO' ? 'development' : 'production',
      [name]: value,
    });
    expect(found).toEqual([expect.stringMatching(message)]);
  });

  describe('storage', () => {
    const S3 = { STORAGE: 's3', S3_BUCKET: 'alumnilink-1250000000', S3_ACCESS_KEY_ID: 'AKID', S3_SECRET_ACCESS_KEY: 'secret' };

    it('keeps uploads in DATA_DIR with the embedded database, with media URLs as paths unless PUBLIC_BASE_URL is set', () => {
      expect(loadConfig(PRODUCTION_ENV).storage).toEqual({ driver: 'local', s3: null, publicBaseUrl: null });
      expect(loadConfig({ ...PRODUCTION_ENV, PUBLIC_BASE_URL: 'https://alumni.example.edu.cn/' }).storage.publicBaseUrl).toBe(
        'https://alumni.example.edu.cn',
      );
    });

    it('asks for the choice out loud with a PostgreSQL server, which several instances may share', () => {
      const withServer = { ...PRODUCTION_ENV, DATABASE_URL: 'postgres://u:p@db:5432/alumni' };
      expect(problems(withServer)).toEqual([expect.stringMatching(/^STORAGE must be set with DATABASE_URL: s3 .* more than one instance/)]);
      expect(loadConfig({ ...withServer, STORAGE: 'local' }).storage.driver).toBe('local');
      expect(loadConfig({ ...withServer, ...S3 }).storage.driver).toBe('s3');
      expect(loadConfig({ ...DEMO, DATABASE_URL: 'postgres://u:p@db:5432/alumni' }).storage.driver).toBe('local');
    });

    it('reads the S3 settings, and names each one STORAGE=s3 misses', () => {
      expect(
        loadConfig({ ...PRODUCTION_ENV, ...S3, S3_ENDPOINT: 'https://cos.ap-shanghai.myqcloud.com/', S3_REGION: 'ap-shanghai' }).storage,
      ).toEqual({
        driver: 's3',
        publicBaseUrl: null,
        s3: {
          endpoint: 'https://cos.ap-shanghai.myqcloud.com',
          region: 'ap-shanghai',
          bucket: 'alumnilink-1250000000',
          accessKeyId: 'AKID',
          secretAccessKey: 'secret',
          forcePathStyle: false,
        },
      });
      expect(problems({ ...PRODUCTION_ENV, STORAGE: 's3' })).toEqual([
        expect.stringMatching(/^S3_BUCKET must be set with STORAGE=s3/),
        expect.stringMatching(/^S3_ACCESS_KEY_ID must be set with STORAGE=s3/),
        expect.stringMatching(/^S3_SECRET_ACCESS_KEY must be set with STORAGE=s3/),
      ]);
    });

    it.each([
      ['STORAGE', 'cos', /STORAGE must be local .* or s3/],
      ['PUBLIC_BASE_URL', 'alumni.example.edu.cn', /PUBLIC_BASE_URL must be the public http\(s\) address/],
      ['S3_ENDPOINT', 'cos.myqcloud.com', /S3_ENDPOINT must be an http\(s\) URL/],
      ['S3_FORCE_PATH_STYLE', 'yes', /S3_FORCE_PATH_STYLE must be true or false/],
    ])('names %s when it is %p', (name, value, message) => {
      expect(problems({ ...PRODUCTION_ENV, ...S3, [name]: value })).toEqual([expect.stringMatching(message)]);
    });
  });

  it('reports every problem at once', () => {
    expect(problems({ ...DEMO, PORT: 'x', NODE_ENV: 'y' })).toHaveLength(2);
  });

  it('gives the tools that need only the database its settings, without asking for the rest', () => {
    expect(loadDatabaseConfig({ DATABASE_URL: 'postgres://u@db/alumni' })).toMatchObject({ databaseUrl: 'postgres://u@db/alumni' });
    expect(() => loadDatabaseConfig({ DATABASE_POOL_SIZE: '1' })).toThrow(ConfigError);
  });
});
