import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PRODUCTION_ENV } from '../../test/production-env.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';

const INLINE_SCRIPT = 'document.documentElement.style.fontSize = "20px";';
const ALLOWED_ORIGIN = 'https://alumni-admin.example.edu.cn';

describe('security headers', () => {
  let h5Dir: string;
  let t: TestApp;
  beforeAll(async () => {
    h5Dir = mkdtempSync(join(tmpdir(), 'alumnilink-h5-'));
    writeFileSync(join(h5Dir, 'index.html'), `<!doctype html><html><head><script>${INLINE_SCRIPT}</script></head><body></body></html>`);
    t = await startTestApp({ env: { H5_DIR: h5Dir, CORS_ORIGINS: ALLOWED_ORIGIN } });
  });
  afterAll(async () => {
    await t.close();
    rmSync(h5Dir, { recursive: true, force: true });
  });

  it.each([
    ['the H5 page', '/'],
    ['the API docs (Swagger UI)', '/api/docs'],
  ])(
    'guards %s with the full browser policy: a CSP allowing only our own scripts (and the page’s inline one by hash), nosniff, no framing elsewhere',
    async (_case, path) => {
      const res = await t.request(path);
      expect(res.headers.get('content-type')).toContain('text/html');
      const csp = res.headers.get('content-security-policy') ?? '';
      const directives = Object.fromEntries(
        csp
          .split(';')
          .map((d) => d.trim().split(/\s+/))
          .map(([name, ...values]) => [name, values]),
      );
      const hash = `'sha256-${createHash('sha256').update(INLINE_SCRIPT).digest('base64')}'`;
      expect(directives['default-src']).toEqual(["'self'"]);
      expect(directives['script-src']).toEqual(["'self'", hash]);
      expect(directives['script-src-attr']).toEqual(["'none'"]);
      expect(directives['object-src']).toEqual(["'none'"]);
      expect(directives['frame-ancestors']).toEqual(["'self'"]);
      // Plain http outside production (a phone on the LAN): upgrading would break every asset.
      expect(directives['upgrade-insecure-requests']).toBeUndefined();
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
      expect(res.headers.get('x-powered-by')).toBeNull();
      expect(res.headers.get('strict-transport-security')).toBeNull();
    },
  );

  it.each([
    ['an answer', '/api/v1/events', 200],
    ['a refusal', '/api/v1/events?limit=0', 400],
    ['an unknown route', '/api/v1/no-such-thing', 404],
    ['the OpenAPI document', '/api/openapi.json', 200],
  ])("gives %s of the API what OWASP's REST cheat sheet asks for, and none of the page-only headers", async (_case, path, status) => {
    const res = await t.request(path);
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    for (const pageOnly of [
      'referrer-policy',
      'cross-origin-opener-policy',
      'x-xss-protection',
      'x-powered-by',
      'strict-transport-security',
    ]) {
      expect(res.headers.get(pageOnly)).toBeNull();
    }
  });

  it('answers CORS only for the configured origins', async () => {
    const preflight = (origin: string) =>
      t.request('/api/v1/school', {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
      });
    expect((await preflight(ALLOWED_ORIGIN)).headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
    expect((await preflight('https://evil.example.com')).headers.get('access-control-allow-origin')).toBeNull();
    const read = await t.request('/api/v1/school', { headers: { origin: 'https://evil.example.com' } });
    expect(read.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('security headers in production', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { ...PRODUCTION_ENV, DEMO: 'false' } });
  });
  afterAll(() => t.close());

  it('keeps browsers on https for a year (HSTS) on API answers and pages, and upgrades stray http links on pages; no CORS without CORS_ORIGINS', async () => {
    const res = await t.request('/api/health/live', { headers: { origin: 'https://alumni.example.edu.cn' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(res.headers.get('x-powered-by')).toBeNull();
    const docs = await t.request('/api/docs');
    expect(docs.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    expect(docs.headers.get('content-security-policy')).toContain('upgrade-insecure-requests');
  });
});
