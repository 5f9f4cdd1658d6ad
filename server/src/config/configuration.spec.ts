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
    expect(problems({ NODE_ENV: 'production' })).toEqual([expect.stringMatching(/JWT_SECRET must be set/)]);
    expect(problems({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), SEED_DEMO: 'true' })).toEqual([
      expect.stringMatching(/SEED_DEMO=true is refused/),
    ]);
    const config = loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'y'.repeat(40) });
    expect(config.seedDemo).toBe(false);
    expect(config.jwtSecret).not.toBe(DEVELOPMENT_JWT_SECRET);
  });
});
