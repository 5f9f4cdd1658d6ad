import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';
import type { AppConfig } from '../config/configuration.js';
import { inlineScriptHashes } from './h5-static.js';

type Headers = readonly (readonly [name: string, value: string])[];

/** A year, with subdomains: production sits behind https, and browsers keep to it. */
const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * What OWASP's REST Security Cheat Sheet ("Security Headers") recommends on every API answer:
 * nothing stored by a browser or proxy unless the route says otherwise (`no-store`; uploaded
 * images and exports set their own), never framed (CSP `frame-ancestors 'none'` and
 * `X-Frame-Options: DENY`), the declared type taken as it is (`nosniff`; the serializer sets
 * `application/json`), and HSTS in production. `default-src 'none'` besides: an API answer
 * opened as a page (an uploaded file, a crafted error) may load and run nothing. The headers
 * meant for HTML (referrer, cross-origin isolation, the legacy ones) would only weigh on
 * every answer.
 */
export function apiHeaders(production: boolean): Headers {
  return [
    ['cache-control', 'no-store'],
    ['content-security-policy', "default-src 'none'; frame-ancestors 'none'"],
    ['x-content-type-options', 'nosniff'],
    ['x-frame-options', 'DENY'],
    ...(production ? ([['strict-transport-security', HSTS]] as const) : []),
  ];
}

/**
 * The full browser policy (helmet) for what a browser renders as a page: the H5 app and its
 * files, and the API docs (Swagger UI). Helmet is run once against a recording response, so
 * its policy is parsed once and each request only copies the headers.
 */
export function documentHeaders(config: Pick<AppConfig, 'nodeEnv' | 'h5Dir'>): Headers {
  // Elsewhere the server is plain http, often on a LAN address for a phone, where HSTS and upgrading would break the H5 app.
  const production = config.nodeEnv === 'production';
  const middleware = helmet({
    hsts: production ? { maxAge: 365 * 24 * 60 * 60, includeSubDomains: true } : false,
    contentSecurityPolicy: {
      directives: {
        upgradeInsecureRequests: production ? [] : null,
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:', 'https:'],
        // Taro's runtime and Swagger UI set inline styles.
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'", ...inlineScriptHashes(config.h5Dir)],
        // Taro's H5 uploadFile reads the chosen file back from its blob: URL before sending it.
        connectSrc: ["'self'", 'blob:'],
      },
    },
  });
  const recorded: [string, string][] = [];
  const recorder = {
    setHeader: (name: string, value: string | number) => void recorded.push([name.toLowerCase(), String(value)]),
    removeHeader: () => undefined,
  };
  middleware({} as IncomingMessage, recorder as unknown as ServerResponse, () => undefined);
  return recorded;
}

/** Paths a browser renders as documents under `/api`: Swagger UI and its files. */
const isApiDocs = (url: string) => url.startsWith('/api/docs');

/**
 * Security headers by kind of answer, set before routing (so 404s and framework errors get
 * them too), and each request's id for the caller to quote: `/api` answers get the API set,
 * everything else (H5, API docs) the document set. A route may still override one, as the
 * uploads do with their cache policy.
 */
export function registerSecurityHeaders(fastify: FastifyInstance, config: Pick<AppConfig, 'nodeEnv' | 'h5Dir'>): void {
  const api = apiHeaders(config.nodeEnv === 'production');
  const document = documentHeaders(config);
  fastify.addHook('onRequest', (request, reply, done) => {
    const url = request.url;
    const headers = url.startsWith('/api/') && !isApiDocs(url) ? api : document;
    for (const [name, value] of headers) void reply.header(name, value);
    void reply.header('x-request-id', request.id);
    done();
  });
}
