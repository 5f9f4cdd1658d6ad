import { connect } from 'node:net';
import { signedIn } from '../../test/auth.js';
import { eventFactory } from '../../test/factories.js';
import { ProbeModule } from '../../test/probe.module.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { RegistrationEntity } from '../events/registration.entity.js';

/** Sends bytes as they are (fetch refuses to send an unknown method) and reads the answer. */
async function raw(baseUrl: string, request: string): Promise<{ status: number; headers: string; body: any }> {
  const { hostname, port } = new URL(baseUrl);
  const socket = connect(Number(port), hostname);
  socket.end(request);
  const chunks: Buffer[] = [];
  for await (const chunk of socket) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  const [head, ...rest] = text.split('\r\n\r\n');
  return { status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head!)?.[1]), headers: head!, body: JSON.parse(rest.join('\r\n\r\n')) };
}

const errorBody = (code: string) => ({ error: { code, message: expect.any(String), details: [{ issue: expect.any(String) }] } });

describe('requests refused by their shape, each with the error body', () => {
  let t: TestApp;
  let event: ReturnType<typeof eventFactory>;
  beforeAll(async () => {
    t = await startTestApp({ imports: [ProbeModule] });
    event = eventFactory(t.dataSource);
  });
  afterAll(() => t.close());

  describe('refused by the HTTP layer before any route runs', () => {
    it('answers headers over 16 KB with 431 REQUEST_HEADERS_TOO_LARGE', async () => {
      const res = await t.request('/api/v1/events', { headers: { 'x-padding': 'x'.repeat(20_000) } });
      expect(res.status).toBe(431);
      expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(res.body).toEqual(errorBody('REQUEST_HEADERS_TOO_LARGE'));
    });

    it('answers a URL over 16 KB with 431 REQUEST_HEADERS_TOO_LARGE', async () => {
      const res = await t.request(`/api/v1/events?q=${'校'.repeat(3000)}`);
      expect(res.status).toBe(431);
      expect(res.body).toEqual(errorBody('REQUEST_HEADERS_TOO_LARGE'));
    });

    it('answers an unknown method with 400 MALFORMED_HTTP_REQUEST', async () => {
      const res = await raw(t.baseUrl, 'FROB /api/v1/events HTTP/1.1\r\nHost: localhost\r\n\r\n');
      expect(res.status).toBe(400);
      expect(res.headers).toMatch(/content-type: application\/json; charset=utf-8/i);
      expect(res.body).toEqual(errorBody('MALFORMED_HTTP_REQUEST'));
    });

    it('answers a broken header with 400 MALFORMED_HTTP_REQUEST', async () => {
      const res = await raw(t.baseUrl, 'GET /api/v1/events HTTP/1.1\r\nHost: localhost\r\nBad Header: x\r\n\r\n');
      expect(res.status).toBe(400);
      expect(res.body).toEqual(errorBody('MALFORMED_HTTP_REQUEST'));
    });
  });

  describe('a JSON route takes JSON only', () => {
    it('refuses a multipart form on a route whose fields are all optional, and signs nobody up', async () => {
      const { id } = await event(48);
      const who = await signedIn(t);
      const form = new FormData();
      form.append('file', new Blob(['GIF89a']), 'a.gif');
      const res = await t.request(`/api/v1/events/${id}/registrations`, { method: 'POST', headers: who.headers, body: form });
      expect(res.status).toBe(415);
      expect(res.body).toEqual(errorBody('UNSUPPORTED_MEDIA_TYPE'));
      const garbled = await t.request(`/api/v1/events/${id}/registrations`, {
        method: 'POST',
        headers: { ...who.headers, 'content-type': 'multipart/form-data; boundary=x' },
        body: '--x\r\nContent-Disposition: form-data; name="answers"\r\n\r\n\u0089PNG',
      });
      expect(garbled.status).toBe(415);
      expect(await t.dataSource.getRepository(RegistrationEntity).countBy({ eventId: id })).toBe(0);
      // The same request as JSON signs up.
      const signUp = await t.request(`/api/v1/events/${id}/registrations`, {
        method: 'POST',
        headers: { ...who.headers, 'content-type': 'application/json' },
        body: '{}',
      });
      expect(signUp.status).toBe(201);
    });

    it('refuses a form and plain text', async () => {
      for (const contentType of ['application/x-www-form-urlencoded', 'text/plain']) {
        const res = await t.request('/api/v1/__probe', {
          method: 'POST',
          headers: { 'content-type': contentType },
          body: 'name=x&count=1',
        });
        expect(res.status, contentType).toBe(415);
        expect(res.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
      }
    });

    it('refuses a body in another charset than UTF-8 with 415 UNSUPPORTED_CHARSET', async () => {
      for (const charset of ['utf-16', 'UTF-16LE', '"iso-8859-1"', 'gbk']) {
        const res = await t.request('/api/v1/__probe', {
          method: 'POST',
          headers: { 'content-type': `application/json; charset=${charset}` },
          body: Buffer.from(JSON.stringify({ name: '校友', count: 1 }), 'utf16le'),
        });
        expect(res.status, charset).toBe(415);
        expect(res.body).toEqual(errorBody('UNSUPPORTED_CHARSET'));
      }
    });

    it('reads UTF-8, named or not', async () => {
      for (const contentType of ['application/json', 'application/json; charset=utf-8', 'application/json;charset="UTF-8"']) {
        const res = await t.request('/api/v1/__probe', {
          method: 'POST',
          headers: { 'content-type': contentType },
          body: JSON.stringify({ name: '校友', count: 1 }),
        });
        expect(res.status, contentType).toBe(201);
        expect(res.body).toEqual({ name: '校友', count: 1 });
      }
    });
  });

  describe('a route that takes no body', () => {
    it('refuses a body with 400 BODY_NOT_ALLOWED and does nothing; nothing or {} is accepted', async () => {
      const { id } = await event(48);
      const who = await signedIn(t);
      const signUp = await t.request(`/api/v1/events/${id}/registrations`, {
        method: 'POST',
        headers: { ...who.headers, 'content-type': 'application/json' },
        body: '{}',
      });
      expect(signUp.status).toBe(201);
      const cancel = (body: string | FormData | undefined, contentType?: string) =>
        t.request(`/api/v1/events/${id}/registrations/mine`, {
          method: 'DELETE',
          headers: { ...who.headers, ...(contentType ? { 'content-type': contentType } : {}) },
          body,
        });
      for (const [body, contentType] of [
        ['{"reason":"有事"}', 'application/json'],
        ['[]', 'application/json'],
        ['reason=x', 'application/x-www-form-urlencoded'],
        ['有事', 'text/plain'],
      ] as const) {
        const res = await cancel(body, contentType);
        expect(res.status, body).toBe(400);
        expect(res.body).toEqual(errorBody('BODY_NOT_ALLOWED'));
      }
      const form = new FormData();
      form.append('reason', 'x');
      expect((await cancel(form)).body.error.code).toBe('BODY_NOT_ALLOWED');
      expect((await t.dataSource.getRepository(RegistrationEntity).findOneByOrFail({ eventId: id })).status).toBe('confirmed');
      expect((await cancel('{}', 'application/json')).status).toBe(200);
    });

    it('asks who is calling before looking at the body', async () => {
      const { id } = await event(48);
      const res = await t.request(`/api/v1/events/${id}/registrations/mine`, {
        method: 'DELETE',
        headers: { 'content-type': 'text/plain' },
        body: '有事',
      });
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('UNAUTHENTICATED');
    });

    it('accepts no body at all', async () => {
      const { id } = await event(48);
      const who = await signedIn(t);
      await t.request(`/api/v1/events/${id}/registrations`, { method: 'POST', headers: who.headers });
      const res = await t.request(`/api/v1/events/${id}/registrations/mine`, { method: 'DELETE', headers: who.headers });
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('cancelled');
    });

    it('refuses a body on a GET', async () => {
      const res = await raw(
        t.baseUrl,
        'GET /api/v1/events HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 9\r\nConnection: close\r\n\r\n{"a":"b"}',
      );
      expect(res.status).toBe(400);
      expect(res.body).toEqual(errorBody('BODY_NOT_ALLOWED'));
    });
  });

  describe('the query string', () => {
    it('refuses an invalid percent-escape or escaped bytes that are not UTF-8 with 400 MALFORMED_QUERY', async () => {
      for (const query of ['q=%ZZ', 'q=100%', 'q=%E6%A0', 'q=%C0%AF', 'limit=10&cursor=%F0%9F']) {
        const res = await t.request(`/api/v1/groups?${query}`);
        expect(res.status, query).toBe(400);
        expect(res.body).toEqual(errorBody('MALFORMED_QUERY'));
      }
    });

    it('reads percent-encoded UTF-8 and a literal %25', async () => {
      for (const query of ['q=%E6%A0%A1%E5%8F%8B', 'q=100%25', 'q=a+b', `q=${encodeURIComponent('校友 会')}`]) {
        expect((await t.request(`/api/v1/groups?${query}`)).status, query).toBe(200);
      }
    });
  });
});
