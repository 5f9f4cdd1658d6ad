import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import pg from 'pg';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';

/** The channel the `notify_table_changed` triggers send each changed table's name on. */
export const TABLE_CHANGED_CHANNEL = 'table_changed';

/** Where to listen, or null: nothing to listen to (the embedded engine, which has one session). */
export const TABLE_CHANGES_DATABASE_URL = Symbol('TABLE_CHANGES_DATABASE_URL');

/** Pause before listening again after the connection was lost. */
const RECONNECT_DELAY_MS = 1_000;

/**
 * A table's name, or null: anything may have changed (the connection was lost or is back). A
 * listener's promise is awaited when listening starts, so what it loads is ready before requests.
 */
export type TableChangeListener = (table: string | null) => void | Promise<void>;

/**
 * Hears, on one connection of its own, which tables any instance has written: a statement
 * trigger on each table a cached read depends on sends the table's name when its transaction
 * commits (migration ReadCacheTriggers). While the connection is down, `live` is false and
 * caches read through, since changes made meanwhile would go unheard.
 */
@Injectable()
export class TableChanges implements OnApplicationBootstrap, OnApplicationShutdown {
  private client: pg.Client | null = null;
  private stopped = false;
  private reconnect: NodeJS.Timeout | undefined;
  private readonly listeners = new Set<TableChangeListener>();

  constructor(
    @Inject(TABLE_CHANGES_DATABASE_URL) private readonly databaseUrl: string | null,
    @InjectPinoLogger('TableChanges') private readonly logger: PinoLogger,
  ) {}

  get live(): boolean {
    return this.client !== null;
  }

  onChange(listener: TableChangeListener): void {
    this.listeners.add(listener);
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.databaseUrl !== null) await this.listen();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.reconnect);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.databaseUrl!, application_name: 'alumnilink-table-changes' });
    client.on('notification', ({ payload }) => void this.emit(payload ?? null));
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${TABLE_CHANGED_CHANNEL}`);
    } catch (error) {
      this.logger.warn({ reason: (error as Error).message }, 'cannot listen for table changes; public reads are not cached');
      await client.end().catch(() => undefined);
      this.retry();
      return;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    await this.emit(null);
  }

  private lost(client: pg.Client, error?: Error): void {
    if (this.client !== client) return;
    this.client = null;
    void this.emit(null);
    if (this.stopped) return;
    this.logger.warn(
      { reason: error?.message ?? 'connection ended' },
      'stopped hearing table changes; public reads are not cached until it is back',
    );
    client.end().catch(() => undefined);
    this.retry();
  }

  private retry(): void {
    if (this.stopped) return;
    this.reconnect = setTimeout(() => void this.listen(), RECONNECT_DELAY_MS);
    this.reconnect.unref();
  }

  private async emit(table: string | null): Promise<void> {
    await Promise.all([...this.listeners].map((listener) => listener(table)));
  }
}
