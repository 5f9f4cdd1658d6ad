import { request as httpRequest } from 'node:http';

/** One HTTP exchange as WeChat's client makes it, once the rules let it through. */
export interface WireRequest {
  method: string;
  /** The absolute https URL the app asked for. */
  url: string;
  headers: Record<string, string>;
  body?: Buffer;
}

export interface WireResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** What a test-side handler answers: a JSON body, or raw bytes with their type. */
export type Answer = { status?: number; json?: unknown; bytes?: Buffer; type?: string; headers?: Record<string, string> };
export type Handler = (request: WireRequest & { path: string; query: URLSearchParams; json: () => any }) => Answer | Promise<Answer>;

interface Route {
  method: string;
  pattern: RegExp;
  handler: Handler;
}

/** `/api/v1/events/:id` → a pattern that matches any value of `:id`. */
function compile(path: string): RegExp {
  const escaped = path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:[a-zA-Z]+/g, '[^/?]+');
  return new RegExp(`^${escaped}$`);
}

/**
 * Where the fake's requests go: handlers a test registers (`on`), or a real server the
 * https API base is mapped to (`useServer`), e.g. the compiled AlumniLink server.
 */
export class Network {
  private routes: Route[] = [];
  private server: string | null = null;
  /** Calls no handler answered: a test set-up gap, reported when the test ends. */
  readonly unanswered: string[] = [];
  readonly log: WireRequest[] = [];

  on(method: string, path: string, handler: Handler): this {
    this.routes.unshift({ method, pattern: compile(path), handler });
    return this;
  }

  /** Sends every request to this origin (e.g. `http://127.0.0.1:4321`) instead of handlers. */
  useServer(origin: string | null): void {
    this.server = origin;
  }

  reset(): void {
    this.routes = [];
    this.server = null;
    this.unanswered.length = 0;
    this.log.length = 0;
  }

  async send(request: WireRequest): Promise<WireResponse> {
    this.log.push(request);
    const url = new URL(request.url);
    if (this.server) return forward(this.server + url.pathname + url.search, request);
    const route = this.routes.find((r) => r.method === request.method && r.pattern.test(url.pathname));
    if (!route) {
      this.unanswered.push(`${request.method} ${url.pathname}${url.search}`);
      return { status: 599, headers: {}, body: Buffer.from('no handler') };
    }
    const answer = await route.handler({
      ...request,
      path: url.pathname,
      query: url.searchParams,
      json: () => JSON.parse(request.body?.toString('utf8') ?? 'null'),
    });
    const body = answer.bytes ?? Buffer.from(answer.json === undefined ? '' : JSON.stringify(answer.json));
    const type = answer.type ?? (answer.bytes ? 'application/octet-stream' : 'application/json; charset=utf-8');
    return { status: answer.status ?? 200, headers: { 'content-type': type, ...answer.headers }, body };
  }
}

/** jsdom has no fetch: node's http client, as plain as the wire. */
function forward(target: string, request: WireRequest): Promise<WireResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(target, { method: request.method, headers: request.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const headers = Object.fromEntries(Object.entries(res.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')]));
        resolve({ status: res.statusCode ?? 0, headers, body: Buffer.concat(chunks) });
      });
    });
    req.on('error', reject);
    if (request.body) req.write(request.body);
    req.end();
  });
}
