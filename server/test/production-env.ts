/**
 * Everything an installation without DEMO must set (WeChat Pay apart: without a merchant it runs
 * with donations switched off). Tests of the production configuration start from it.
 */
export const PRODUCTION_ENV: Readonly<Record<string, string>> = Object.freeze({
  NODE_ENV: 'production',
  JWT_SECRET: 'y'.repeat(40),
  WECHAT_APP_ID: 'wx1234567890abcdef',
  WECHAT_APP_SECRET: 's'.repeat(32),
  PHONE_ENCRYPTION_KEYS: `k2:${Buffer.alloc(32, 7).toString('base64')},k1:${Buffer.alloc(32, 1).toString('base64')}`,
  PHONE_HASH_KEY: 'h'.repeat(40),
});

/** The variables PRODUCTION_ENV sets that an installation without DEMO must set, in the order the refusal names them. */
export const REQUIRED_VARIABLES = ['JWT_SECRET', 'PHONE_ENCRYPTION_KEYS', 'PHONE_HASH_KEY', 'WECHAT_APP_ID', 'WECHAT_APP_SECRET'];
