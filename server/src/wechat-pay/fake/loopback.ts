import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A fake's HTTP server, listening on a free loopback port (the real client is pointed at its URL). */
export async function listenOnLoopback(): Promise<Server> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return server;
}

/**
 * A fake of a remote service on its loopback server: the URL the real client is pointed at,
 * the timers of what it does later (notification retries, settling), and closing, which
 * stops those timers and every connection.
 */
export abstract class LoopbackFake {
  protected readonly timers = new Set<NodeJS.Timeout>();
  protected closed = false;

  protected constructor(private readonly server: Server) {
    server.on('request', (req: IncomingMessage, res: ServerResponse) => void this.handle(req, res));
  }

  protected abstract handle(req: IncomingMessage, res: ServerResponse): Promise<void>;

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
