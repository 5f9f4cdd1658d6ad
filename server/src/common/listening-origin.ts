import type { AddressInfo } from 'node:net';
import type { HttpAdapterHost } from '@nestjs/core';

/**
 * This server's own loopback origin as it is bound (`http://127.0.0.1:<port>`), or null before
 * it listens. The port is read from the socket, not from PORT: with PORT=0 (tests, journeys)
 * only the socket knows it. For the demo's in-process fakes, which call back to this server
 * when no public address is configured; never a production address.
 */
export function listeningOrigin(adapterHost: HttpAdapterHost): string | null {
  const address = adapterHost.httpAdapter?.getHttpServer()?.address() as AddressInfo | string | null | undefined;
  if (!address || typeof address === 'string') return null;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host === '0.0.0.0' || host === '[::]' ? '127.0.0.1' : host}:${address.port}`;
}
