import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A fake's HTTP server, listening on a free loopback port (the real client is pointed at its URL). */
export async function listenOnLoopback(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<Server> {
  const server = createServer(handler);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return server;
}

export const loopbackUrl = (server: Server): string => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

/** Stops a fake: its pending timers (notification retries) and its connections. */
export async function closeLoopback(server: Server, timers: Set<NodeJS.Timeout>): Promise<void> {
  for (const timer of timers) clearTimeout(timer);
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}
