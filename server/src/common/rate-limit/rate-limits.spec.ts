import { ConfigError, loadConfig } from '../../config/configuration.js';

describe('RATE_LIMITS', () => {
  it('keeps the defaults, overrides the actions it names, and lifts them all with off', () => {
    expect(loadConfig({ DEMO: 'true' }).throttle.actions).toEqual({
      signIn: { limit: 60, ttlSeconds: 60 },
      verification: { limit: 10, ttlSeconds: 600 },
      posting: { limit: 10, ttlSeconds: 60 },
      donation: { limit: 10, ttlSeconds: 60 },
    });
    const overridden = loadConfig({ DEMO: 'true', RATE_LIMITS: 'signIn=5/30,donation=2/3600' }).throttle.actions!;
    expect(overridden.signIn).toEqual({ limit: 5, ttlSeconds: 30 });
    expect(overridden.donation).toEqual({ limit: 2, ttlSeconds: 3600 });
    expect(overridden.posting).toEqual({ limit: 10, ttlSeconds: 60 });
    expect(loadConfig({ DEMO: 'true', RATE_LIMITS: 'off' }).throttle.actions).toBeNull();
  });

  it.each([
    ['signIn=5', /RATE_LIMITS must be off, or action=limit\/seconds pairs/],
    ['login=5/60', /RATE_LIMITS names an unknown action "login" \(known: signIn, verification, posting, donation\)/],
    ['posting=0/60', /RATE_LIMITS for posting must allow at least 1 request per at least 1 second/],
  ])('refuses %s, saying what to write', (value, message) => {
    expect(() => loadConfig({ DEMO: 'true', RATE_LIMITS: value })).toThrow(ConfigError);
    expect(() => loadConfig({ DEMO: 'true', RATE_LIMITS: value })).toThrow(message);
  });
});
