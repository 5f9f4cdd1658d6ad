import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { type EnvReader, fromCwd, toBool, toInt } from './env-reader.js';

export type NodeEnv = 'development' | 'production' | 'test';

const REPO_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
const PORT_RULE = 'PORT must be a whole number between 0 and 65535';
const BACKLOG_RULE = 'LISTEN_BACKLOG must be a whole number between 1 and 65535';
/**
 * Connections the kernel may hold completed but not yet accepted. Node's own default (511)
 * overflows when a thousand phones connect at once (a sign-up opening, a giving day): the
 * overflowing clients wait out TCP's one-second SYN retransmission (docs/benchmarks.md). Linux
 * caps it at net.core.somaxconn (4096 since 5.4).
 */
export const DEFAULT_LISTEN_BACKLOG = 2048;

class ServerVariables {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV = 'development';

  @IsString()
  HOST = '127.0.0.1';

  @Transform(toInt)
  @IsInt({ message: PORT_RULE })
  @Min(0, { message: PORT_RULE })
  @Max(65535, { message: PORT_RULE })
  PORT = 3000;

  @Transform(toInt)
  @IsInt({ message: BACKLOG_RULE })
  @Min(1, { message: BACKLOG_RULE })
  @Max(65535, { message: BACKLOG_RULE })
  LISTEN_BACKLOG = DEFAULT_LISTEN_BACKLOG;

  @IsOptional()
  @IsString()
  H5_DIR?: string;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @IsString()
  CORS_ORIGINS = '';

  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(50 * 1024 * 1024)
  BODY_LIMIT_BYTES = 1024 * 1024;

  @Transform(toBool)
  @IsIn([true, false], { message: 'TRUST_PROXY must be true or false' })
  TRUST_PROXY: boolean = false;
}

/** The HTTP server: where it listens, what it serves besides the API, how it logs. */
export interface ServerConfig {
  /** `production` means behind https (HSTS) and refuses DEMO=true. */
  nodeEnv: NodeEnv;
  host: string;
  port: number;
  /** The listening socket's accept queue (`listen(2)`'s backlog; the kernel caps it at net.core.somaxconn). */
  listenBacklog: number;
  /** Folder of the H5 build served at `/`; when it does not exist the server is API only. */
  h5Dir: string;
  logLevel: string;
  corsOrigins: string[];
  bodyLimitBytes: number;
  trustProxy: boolean;
}

export function readServerConfig(reader: EnvReader): ServerConfig {
  const vars = reader.read(ServerVariables);
  return {
    nodeEnv: vars.NODE_ENV as NodeEnv,
    host: vars.HOST,
    port: vars.PORT,
    listenBacklog: vars.LISTEN_BACKLOG,
    h5Dir: vars.H5_DIR ? fromCwd(vars.H5_DIR) : resolve(REPO_ROOT, 'miniprogram/dist/h5'),
    logLevel: vars.LOG_LEVEL,
    corsOrigins: vars.CORS_ORIGINS.split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    bodyLimitBytes: vars.BODY_LIMIT_BYTES,
    trustProxy: vars.TRUST_PROXY,
  };
}
