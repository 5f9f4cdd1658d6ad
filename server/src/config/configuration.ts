import { type AuthConfig, readAuthConfig } from './auth.config.js';
import { type DatabaseConfig, readDatabaseConfig } from './database.config.js';
import { type DemoConfig, readDemoConfig } from './demo.config.js';
import { ConfigError, EnvReader } from './env-reader.js';
import { type JobsConfig, readJobsConfig } from './jobs.config.js';
import { type LimitsConfig, readLimitsConfig } from './limits.config.js';
import { readServerConfig, type ServerConfig } from './server.config.js';
import { readStorageConfig, type StorageConfig } from './storage.config.js';
import { readWechatPayConfig, type WechatPayConfig } from './wechat-pay.config.js';
import { readWechatConfig, type WechatConfig } from './wechat.config.js';

export { ConfigError } from './env-reader.js';
export type { NodeEnv } from './server.config.js';
export type { PhoneCipherConfig } from './auth.config.js';
export type { WechatConfig } from './wechat.config.js';
export type { PapayConfig, WechatPayConfig } from './wechat-pay.config.js';
export type { S3Config } from './storage.config.js';

/**
 * The validated configuration every part of the server reads, one file per concern in this
 * folder; every variable is documented in the README.
 */
export interface AppConfig extends ServerConfig, DatabaseConfig, StorageConfig, AuthConfig, LimitsConfig, DemoConfig {
  wechat: WechatConfig;
  wechatPay: WechatPayConfig;
  jobs: JobsConfig;
}

const TRY_THE_DEMO =
  'Set the variables above (README, Configuration; docs/operations.md). To try AlumniLink without them, start it with DEMO=true: fakes, demo data and public development keys, never for real people.';

/**
 * Reads and validates the environment once, at start-up. Every problem is reported together,
 * each naming its variable, so a wrong setup is fixed in one go. Without DEMO=true nothing has
 * a development default: every credential must be the installation's own.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const reader = new EnvReader(env);
  const server = readServerConfig(reader);
  const demo = readDemoConfig(reader, server.nodeEnv);
  const database = readDatabaseConfig(reader);
  const config: AppConfig = {
    ...server,
    ...demo,
    ...database,
    ...readStorageConfig(reader, database),
    ...readAuthConfig(reader),
    ...readLimitsConfig(reader),
    wechat: readWechatConfig(reader, demo.wechatFake),
    wechatPay: readWechatPayConfig(reader, { fake: demo.wechatPayFake }),
    jobs: readJobsConfig(reader),
  };
  if (reader.problems.length > 0) throw new ConfigError(reader.problems, reader.missing.length > 0 ? TRY_THE_DEMO : null);
  return config;
}
