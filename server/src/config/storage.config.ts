import { Transform } from 'class-transformer';
import { IsIn, IsOptional, Matches, MinLength } from 'class-validator';
import { type EnvReader, toBool, withoutTrailingSlash } from './env-reader.js';

const HTTP_URL = /^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/;

class StorageVariables {
  @IsOptional()
  @IsIn(['local', 's3'], { message: 'STORAGE must be local (the DATA_DIR/uploads folder) or s3 (S3-compatible object storage)' })
  STORAGE?: 'local' | 's3';

  @IsOptional()
  @Matches(HTTP_URL, { message: 'PUBLIC_BASE_URL must be the public http(s) address of the server, e.g. https://alumni.example.edu.cn' })
  PUBLIC_BASE_URL?: string;

  @IsOptional()
  @Matches(HTTP_URL, { message: 'S3_ENDPOINT must be an http(s) URL such as https://cos.ap-shanghai.myqcloud.com' })
  S3_ENDPOINT?: string;

  @Matches(/^[a-z0-9-]{2,32}$/, { message: 'S3_REGION must be a region name such as ap-shanghai or us-east-1' })
  S3_REGION = 'us-east-1';

  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9.-]{1,62}$/, { message: 'S3_BUCKET must be a bucket name (lower-case letters, digits, dots and dashes)' })
  S3_BUCKET?: string;

  @IsOptional()
  @MinLength(1)
  S3_ACCESS_KEY_ID?: string;

  @IsOptional()
  @MinLength(1)
  S3_SECRET_ACCESS_KEY?: string;

  @Transform(toBool)
  @IsIn([true, false], { message: 'S3_FORCE_PATH_STYLE must be true or false' })
  S3_FORCE_PATH_STYLE: boolean = false;
}

export interface S3Config {
  /** Null means the AWS endpoint of the region. */
  endpoint: string | null;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** `endpoint/bucket/key` instead of `bucket.endpoint/key` (MinIO, s3rver; COS and AWS take either). */
  forcePathStyle: boolean;
}

/** Where uploads (photos) live and the address their URLs are built on. */
export interface StorageConfig {
  storage: {
    driver: 'local' | 's3';
    /** Set for STORAGE=s3 only. */
    s3: S3Config | null;
    /** Media URLs are absolute on it when set (what a phone needs), paths on this server otherwise. */
    publicBaseUrl: string | null;
  };
}

/**
 * STORAGE=local keeps uploads in DATA_DIR/uploads: right for one server (the embedded default
 * and the demo), wrong for several, since one instance cannot read another's disk. So outside
 * the demo, with a PostgreSQL server (DATABASE_URL, which several instances share) the choice
 * must be made out loud: STORAGE=s3, or STORAGE=local for a single instance whose DATA_DIR is kept.
 */
export function readStorageConfig(reader: EnvReader, { databaseUrl }: { databaseUrl: string | null }): StorageConfig {
  const vars = reader.read(StorageVariables);
  const publicBaseUrl = vars.PUBLIC_BASE_URL ? withoutTrailingSlash(vars.PUBLIC_BASE_URL) : null;
  if (vars.STORAGE === undefined && !reader.demo && databaseUrl !== null) {
    reader.problem(
      'STORAGE must be set with DATABASE_URL: s3 (and the S3_* variables) when more than one instance runs, since an instance cannot read the photos on another one’s disk; local only for a single instance whose DATA_DIR is kept',
    );
  }
  if (vars.STORAGE !== 's3') return { storage: { driver: 'local', s3: null, publicBaseUrl } };
  const required = (name: 'S3_BUCKET' | 'S3_ACCESS_KEY_ID' | 'S3_SECRET_ACCESS_KEY', what: string) => {
    if (vars[name] === undefined) reader.problem(`${name} must be set with STORAGE=s3: ${what}`);
    return vars[name] ?? '';
  };
  return {
    storage: {
      driver: 's3',
      publicBaseUrl,
      s3: {
        endpoint: vars.S3_ENDPOINT ? withoutTrailingSlash(vars.S3_ENDPOINT) : null,
        region: vars.S3_REGION,
        bucket: required('S3_BUCKET', 'the bucket the photos go to (private: no public listing)'),
        accessKeyId: required('S3_ACCESS_KEY_ID', 'a key limited to that bucket'),
        secretAccessKey: required('S3_SECRET_ACCESS_KEY', 'the secret of that key'),
        forcePathStyle: vars.S3_FORCE_PATH_STYLE,
      },
    },
  };
}
