import { Transform } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { type EnvReader, toInt, toNumber } from './env-reader.js';

class JobsVariables {
  // pg-boss refuses to poll more often than every 0.5 s.
  @Transform(toNumber)
  @Min(0.5, { message: 'JOBS_POLL_INTERVAL_SECONDS must be a number of seconds, at least 0.5' })
  @Max(60, { message: 'JOBS_POLL_INTERVAL_SECONDS must be at most 60' })
  JOBS_POLL_INTERVAL_SECONDS = 2;

  // Longer than any job runs: a job still running after this is taken for dead (its instance was killed) and retried.
  // (The checks run bottom-up, so "not a whole number" is said first.)
  @Transform(toInt)
  @Max(3600, { message: 'JOBS_EXPIRE_SECONDS must be at most 3600' })
  @Min(1, { message: 'JOBS_EXPIRE_SECONDS must be at least 1' })
  @IsInt({ message: 'JOBS_EXPIRE_SECONDS must be a whole number of seconds' })
  JOBS_EXPIRE_SECONDS = 300;
}

/** The PostgreSQL job queue: how often an instance looks for work; how long a job may run before it counts as abandoned. */
export interface JobsConfig {
  pollIntervalSeconds: number;
  expireSeconds: number;
}

export function readJobsConfig(reader: EnvReader): JobsConfig {
  const vars = reader.read(JobsVariables);
  return { pollIntervalSeconds: vars.JOBS_POLL_INTERVAL_SECONDS, expireSeconds: vars.JOBS_EXPIRE_SECONDS };
}
