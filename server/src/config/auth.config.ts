import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min, MinLength } from 'class-validator';
import { type EnvReader, toInt } from './env-reader.js';

/** Development secrets, public in the source: only DEMO=true uses them, and nothing else accepts them. */
export const DEVELOPMENT_JWT_SECRET = 'alumnilink-development-secret-do-not-use-in-production';
export const DEVELOPMENT_PHONE_ENCRYPTION_KEYS = 'dev1:ZGV2ZWxvcG1lbnQtb25seS1waG9uZS1rZXktMzJieXQ=';
export const DEVELOPMENT_PHONE_HASH_KEY = 'alumnilink-development-phone-hash-key';

class AuthVariables {
  @IsOptional()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters long' })
  JWT_SECRET?: string;

  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(24 * 60 * 60)
  ACCESS_TOKEN_TTL_SECONDS = 15 * 60;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(365)
  REFRESH_TOKEN_TTL_DAYS = 30;

  @IsOptional()
  @Matches(/^[a-z0-9]{1,16}:[A-Za-z0-9+/]{43}=(,[a-z0-9]{1,16}:[A-Za-z0-9+/]{43}=)*$/, {
    message: 'PHONE_ENCRYPTION_KEYS must be id:base64-of-32-bytes pairs separated by commas, current key first (e.g. k2:…,k1:…)',
  })
  PHONE_ENCRYPTION_KEYS?: string;

  @IsOptional()
  @MinLength(32, { message: 'PHONE_HASH_KEY must be at least 32 characters long' })
  PHONE_HASH_KEY?: string;
}

export interface PhoneCipherConfig {
  /** AES-256 keys by id, base64; the first encrypts, all decrypt (so keys can rotate). */
  encryptionKeys: { id: string; key: string }[];
  /** HMAC key of the phone lookup hash. */
  hashKey: string;
}

/** Sign-in tokens and the keys of personal data at rest. */
export interface AuthConfig {
  jwtSecret: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
  phone: PhoneCipherConfig;
}

export function readAuthConfig(reader: EnvReader): AuthConfig {
  const vars = reader.read(AuthVariables);
  const jwtSecret = reader.own(
    'JWT_SECRET',
    vars.JWT_SECRET,
    DEVELOPMENT_JWT_SECRET,
    'your own random secret (e.g. openssl rand -base64 48)',
  );
  const encryptionKeys = reader.own(
    'PHONE_ENCRYPTION_KEYS',
    vars.PHONE_ENCRYPTION_KEYS,
    DEVELOPMENT_PHONE_ENCRYPTION_KEYS,
    'your own keys, id:base64-of-32-bytes (e.g. k1:$(openssl rand -base64 32))',
  );
  const hashKey = reader.own(
    'PHONE_HASH_KEY',
    vars.PHONE_HASH_KEY,
    DEVELOPMENT_PHONE_HASH_KEY,
    'your own random secret (e.g. openssl rand -base64 48)',
  );
  const keys = encryptionKeys
    .split(',')
    .filter(Boolean)
    .map((pair) => {
      const [id, key] = pair.split(':') as [string, string];
      return { id, key };
    });
  if (new Set(keys.map((k) => k.id)).size !== keys.length) reader.problem('PHONE_ENCRYPTION_KEYS must not repeat a key id');
  return {
    jwtSecret,
    accessTokenTtlSeconds: vars.ACCESS_TOKEN_TTL_SECONDS,
    refreshTokenTtlDays: vars.REFRESH_TOKEN_TTL_DAYS,
    phone: { encryptionKeys: keys, hashKey },
  };
}
