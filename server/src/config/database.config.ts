import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, Min, MinLength } from 'class-validator';
import { ConfigError, EnvReader, fromCwd, toInt } from './env-reader.js';

class DatabaseVariables {
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
}

export interface DatabaseConfig {
  /** Null means "use the embedded engine in dataDir". */
  databaseUrl: string | null;
  /** The embedded engine's data (when databaseUrl is null) and the local uploads folder. */
  dataDir: string;
  databasePoolSize: number;
}

export function readDatabaseConfig(reader: EnvReader): DatabaseConfig {
  const vars = reader.read(DatabaseVariables);
  return { databaseUrl: vars.DATABASE_URL ?? null, dataDir: fromCwd(vars.DATA_DIR), databasePoolSize: vars.DATABASE_POOL_SIZE };
}

/** The database settings alone, for the tools that need nothing else (the TypeORM CLI, the seed command). */
export function loadDatabaseConfig(env: Record<string, string | undefined> = process.env): DatabaseConfig {
  const reader = new EnvReader(env);
  const config = readDatabaseConfig(reader);
  if (reader.problems.length > 0) throw new ConfigError(reader.problems);
  return config;
}
