import { signedIn } from '../../test/auth.js';
import { ProbeModule } from '../../test/probe.module.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';

const json = (body: string, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body,
});

describe('the one error body', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ imports: [ProbeModule], env: { BODY_LIMIT_BYTES: '2048' } });
  });
  afterAll(() => t.close());

  it('answers an unknown route with 404 ROUTE_NOT_FOUND', async () => {
    const res = await t.request('/api/v1/no-such-thing');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({
      error: { code: 'ROUTE_NOT_FOUND', message: '请求的接口不存在', details: [{ issue: 'Cannot GET /api/v1/no-such-thing' }] },
    });
  });

  it('answers malformed JSON with 400 MALFORMED_JSON', async () => {
    const res = await t.request('/api/v1/__probe', json('{"name": "x",'));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('MALFORMED_JSON');
  });

  it('answers a body over the limit with 413 PAYLOAD_TOO_LARGE', async () => {
    const res = await t.request('/api/v1/__probe', json(JSON.stringify({ name: 'x'.repeat(4096), count: 1 })));
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers an unsupported content type with 415', async () => {
    const res = await t.request('/api/v1/__probe', { method: 'POST', headers: { 'content-type': 'application/xml' }, body: '<x/>' });
    expect(res.status).toBe(415);
    expect(res.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('names every invalid field, and refuses unknown fields', async () => {
    const res = await t.request('/api/v1/__probe', json(JSON.stringify({ name: 42, count: 11, admin: true })));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    const fields = res.body.error.details.map((d: { field: string }) => d.field).sort();
    expect(fields).toEqual(['admin', 'count', 'name']);
    expect(res.body.error.details.find((d: { field: string }) => d.field === 'admin').issue).toMatch(/should not exist/);
  });

  it('refuses text with a NUL character and values nested too deep, naming the field', async () => {
    const nul = await t.request('/api/v1/__probe', json(JSON.stringify({ name: 'a\u0000b', count: 1 })));
    expect(nul.status).toBe(400);
    expect(nul.body.error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'name', issue: expect.stringMatching(/NUL/) }] });
    const half = await t.request('/api/v1/__probe', json('{"name":"a\\ud800b","count":1}'));
    expect(half.status).toBe(400);
    expect(half.body.error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ field: 'name', issue: expect.stringMatching(/surrogate/) }],
    });
    const deep = await t.request('/api/v1/__probe', json(`{"count":1,"name":${'['.repeat(1000)}${']'.repeat(1000)}}`));
    expect(deep.status).toBe(400);
    expect(deep.body.error.details[0].issue).toMatch(/nested more than 32 levels/);
    const prototype = await t.request('/api/v1/__probe', json('{"name":"x","count":1,"constructor":{}}'));
    expect(prototype.status).toBe(400);
    expect(prototype.body.error.details).toEqual([{ field: 'constructor', issue: 'is not an accepted field' }]);
  });

  it('answers a malformed URL or an overlong path segment with 400 and the error body', async () => {
    for (const path of ['/api/v1/groups/%C0%AF', `/api/v1/groups/${'x'.repeat(200)}`]) {
      const res = await t.request(path, { method: 'DELETE' });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
    }
  });

  it('answers a broken multipart form with 400 MALFORMED_MULTIPART', async () => {
    const { headers } = await signedIn(t);
    const res = await t.request('/api/v1/group-posts/images', {
      method: 'POST',
      headers: { ...headers, 'content-type': 'multipart/form-data; boundary=x' },
      body: '--x\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\n\u0089PNG',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('MALFORMED_MULTIPART');
  });

  it('accepts a valid body', async () => {
    const res = await t.request('/api/v1/__probe', json(JSON.stringify({ name: '校友', count: 3 })));
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ name: '校友', count: 3 });
  });

  it('answers an unexpected error with 500 INTERNAL and no internals', async () => {
    const res = await t.request('/api/v1/__probe/crash');
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ error: { code: 'INTERNAL', message: expect.any(String), details: [] } });
    expect(JSON.stringify(res.body)).not.toMatch(/secret internal detail|at .*\.ts/);
  });

  it('echoes a caller-given request id, and makes one otherwise', async () => {
    const given = await t.request('/api/v1/school', { headers: { 'x-request-id': 'trace-123' } });
    expect(given.headers.get('x-request-id')).toBe('trace-123');
    const made = await t.request('/api/v1/school', { headers: { 'x-request-id': 'bad id with spaces' } });
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends an API answer’s security headers with an error too (web/security-headers.e2e-spec.ts has them all)', async () => {
    const res = await t.request('/api/v1/no-such-route');
    expect(res.status).toBe(404);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
  });
});

describe('rate limiting', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { THROTTLE_LIMIT: '3' } });
  });
  afterAll(() => t.close());

  it('answers 429 RATE_LIMITED past the limit, but never limits health probes', async () => {
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await t.request('/api/v1/events')).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await t.request('/api/v1/events');
    expect(limited.body.error.code).toBe('RATE_LIMITED');
    for (let i = 0; i < 5; i++) expect((await t.request('/api/health/live')).status).toBe(200);
  });
});
