import { Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import PgBoss from 'pg-boss';
import { DataSource, type EntityManager } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';
import type { AppConfig } from '../config/configuration.js';
import { withStartupLock } from '../database/schema-setup.js';

/** What a job handler gets: its data and where it is in its retries. */
export interface JobRun<T> {
  id: string;
  data: T;
  /** 0 on the first try. */
  retryCount: number;
  /** After this many retries a failing job stops for good. */
  retryLimit: number;
}

export interface QueueOptions {
  /** Retries after the first try fails (pg-boss doubles the delay each time when `retryBackoff`). */
  retryLimit?: number;
  retryDelaySeconds?: number;
  /** A job running longer than this is considered dead and retried (e.g. its instance was killed); JOBS_EXPIRE_SECONDS by default. */
  expireInSeconds?: number;
}

export interface SendOptions {
  /** Write the job in the caller's transaction, so it exists if and only if the change commits. */
  manager?: EntityManager;
  startAfterSeconds?: number;
  /** At most one job with this key waits in the queue at a time. */
  singletonKey?: string;
}

type Handler = (job: JobRun<unknown>) => Promise<void>;

interface Registration {
  handler: Handler;
  options: QueueOptions;
  /** A cron expression when the job runs on a schedule (once across all instances). */
  cron?: string;
}

type Client = { query(text: string, values: unknown[]): Promise<{ rows: unknown[] }> };

/** pg-boss's view of a client: run one statement. */
const executor = (client: Client): PgBoss.Db => ({
  executeSql: (text, values) => client.query(text, values),
});

/** The connection of the caller's transaction, where a manager runs in one. */
const transactionClient = (manager: EntityManager | undefined): Client | undefined =>
  manager?.queryRunner ? (manager.queryRunner as unknown as { databaseConnection: Client }).databaseConnection : undefined;

/**
 * The background job queue, kept in PostgreSQL by pg-boss (10.x: its engines include our
 * Node 20; see docs/jobs.md). Every instance works the same queues; a job is fetched with
 * `FOR UPDATE SKIP LOCKED`, so it runs on one instance at a time, and cron schedules fire
 * once across instances. pg-boss talks through our own connection pool (and, for `send`
 * with a manager, through the caller's transaction), so it works on the embedded engine too.
 *
 * Modules declare their queues in `onModuleInit` with `work`/`schedule`; the queue starts
 * after start-up migrations and stops before the database closes.
 */
@Injectable()
export class JobsService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly boss: PgBoss;
  private readonly registrations = new Map<string, Registration>();
  private started = false;
  private closed = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: ConfigService<AppConfig, true>,
    @InjectPinoLogger(JobsService.name) private readonly logger: PinoLogger,
  ) {
    const pool = (dataSource.driver as PostgresDriver).master as Client;
    // A handler still running when shutdown's grace period ends may report back after the
    // pool is closed: it finds nothing (its job expires and runs again on another instance) —
    // no rows, and a count of 0 for pg-boss's complete and fail, which read `rows[0].count`.
    const nothing = (text: string) => ({ rows: /SELECT COUNT\(\*\) FROM results/i.test(text) ? [{ count: 0 }] : [] });
    const guarded: Client = { query: (text, values) => (this.closed ? Promise.resolve(nothing(text)) : pool.query(text, values)) };
    // pg-boss hands an expired job back (retry, or failed after its last try) only in its
    // maintenance, every 2 minutes by default: with a short expiry, look at least twice per expiry.
    const { expireSeconds } = config.get('jobs', { infer: true });
    this.boss = new PgBoss({
      db: executor(guarded),
      schema: 'pgboss',
      cronMonitorIntervalSeconds: 10,
      maintenanceIntervalSeconds: Math.max(1, Math.min(120, Math.floor(expireSeconds / 2))),
    });
    this.boss.on('error', (error) => this.logger.error({ err: error }, 'job queue error'));
  }

  /** Runs `handler` for every job of `name`; a handler that throws is retried with backoff. */
  work<T>(name: string, handler: (job: JobRun<T>) => Promise<void>, options: QueueOptions = {}): void {
    // Each queue carries one data shape, the one its handler was registered with.
    this.registrations.set(name, { handler: handler as Handler, options });
  }

  /** Runs `handler` on a cron schedule (UTC), once per tick across all instances. */
  schedule(name: string, cron: string, handler: () => Promise<void>, options: QueueOptions = {}): void {
    this.registrations.set(name, { handler: () => handler(), options, cron });
  }

  async send<T extends object>(name: string, data: T, options: SendOptions = {}): Promise<void> {
    const client = transactionClient(options.manager);
    await this.boss.send(name, data, {
      ...(client ? { db: executor(client) } : {}),
      ...(options.startAfterSeconds ? { startAfter: options.startAfterSeconds } : {}),
      ...(options.singletonKey ? { singletonKey: options.singletonKey } : {}),
    });
  }

  /**
   * One job of `name` per item of `data`, in one statement (pg-boss's `insert`) where `send`
   * takes a round trip each: a posting pass queues hundreds of thank-yous while it holds its
   * campaign's lock. The queue's own retry and expiry settings apply, as with `send`.
   */
  async sendMany<T extends object>(name: string, data: T[], options: Pick<SendOptions, 'manager'> = {}): Promise<void> {
    if (data.length === 0) return;
    const client = transactionClient(options.manager);
    await this.boss.insert(
      data.map((item) => ({ name, data: item })),
      client ? { db: executor(client) } : {},
    );
  }

  async onApplicationBootstrap(): Promise<void> {
    const { pollIntervalSeconds } = this.config.get('jobs', { infer: true });
    // pg-boss creates its schema and one table partition per queue: two instances starting
    // together deadlock on that, so they take turns, as they do for migrations.
    await withStartupLock(this.dataSource, async () => {
      await this.boss.start();
      for (const [name, { options, cron }] of this.registrations) {
        await this.boss.createQueue(name, {
          name,
          retryLimit: options.retryLimit ?? 5,
          retryDelay: options.retryDelaySeconds ?? 10,
          retryBackoff: true,
          expireInSeconds: options.expireInSeconds ?? this.config.get('jobs', { infer: true }).expireSeconds,
        });
        if (cron) await this.boss.schedule(name, cron);
      }
    });
    for (const [name, { handler }] of this.registrations) {
      // Jobs are fetched over the network, so the first batch arrives after `work` has answered with the id.
      const workerId: string = await this.boss.work(
        name,
        { pollingIntervalSeconds: pollIntervalSeconds, includeMetadata: true },
        async (jobs) => {
          // pg-boss 10 waits a whole polling interval after every job, even with more waiting
          // (one job per interval: 2,000 thank-yous after a busy hour would take an hour to
          // drain); while jobs come, ask for the next one as soon as this one is done.
          this.boss.notifyWorker(workerId);
          for (const job of jobs) {
            await handler({ id: job.id, data: job.data, retryCount: job.retryCount, retryLimit: job.retryLimit });
          }
        },
      );
    }
    this.started = true;
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (!this.started) return;
    // Let running handlers finish (briefly) so a restart does not retry work that was done.
    await this.boss.stop({ graceful: true, wait: true, timeout: 5000 });
    this.closed = true;
  }
}
