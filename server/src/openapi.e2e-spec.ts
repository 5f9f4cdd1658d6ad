import { ERROR_CODES } from '@alumni/shared';
import { startTestApp, type TestApp } from '../test/test-app.js';

describe('OpenAPI document', () => {
  let t: TestApp;
  let document: any;
  beforeAll(async () => {
    t = await startTestApp();
    document = (await t.request('/api/openapi.json')).body;
  });
  afterAll(() => t.close());

  it('describes the API routes', () => {
    expect(document.openapi).toMatch(/^3\./);
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/api/v1/school', '/api/v1/events', '/api/v1/campaigns', '/api/health/ready']),
    );
    expect(document.components.schemas.ErrorBody.properties.error.properties.code.enum).toEqual(ERROR_CODES);
  });

  it('lists, for every operation, the error codes it can answer, each under its status', () => {
    const operations = Object.values(document.paths).flatMap((item: any) => Object.values(item)) as any[];
    expect(operations.length).toBeGreaterThan(0);
    for (const operation of operations) {
      const documented = Object.entries(operation.responses)
        .filter(([status]) => Number(status) >= 400)
        .flatMap(([status, response]: [string, any]) =>
          Object.keys(response.content['application/json'].examples).map((code) => ({ status: Number(status), code })),
        );
      expect(documented.map((d) => d.code)).toEqual(
        expect.arrayContaining(['VALIDATION_FAILED', 'RATE_LIMITED', 'INTERNAL', 'DATABASE_UNAVAILABLE']),
      );
      for (const { code } of documented) expect(ERROR_CODES).toContain(code);
    }
    expect(Object.keys(document.paths['/api/v1/events'].get.responses['400'].content['application/json'].examples)).toEqual([
      'INVALID_CURSOR',
      'VALIDATION_FAILED',
    ]);
  });

  it('documents every error code of the catalogue', () => {
    for (const code of ERROR_CODES) expect(document.info.description).toContain(`\`${code}\``);
  });

  it('marks public routes and documents 401 on every other one', () => {
    expect(document.paths['/api/v1/school'].get['x-public']).toBe(true);
    expect(document.paths['/api/v1/school'].get.security).toEqual([]);
    expect(document.paths['/api/v1/school'].get.responses['401']).toBeUndefined();
    const guarded = Object.values(document.paths)
      .flatMap((item: any) => Object.values(item))
      .filter((operation: any) => !operation['x-public']) as any[];
    for (const operation of guarded) {
      expect(Object.keys(operation.responses['401'].content['application/json'].examples)).toContain('UNAUTHENTICATED');
      if (operation['x-roles']) expect(Object.keys(operation.responses['403'].content['application/json'].examples)).toContain('FORBIDDEN');
    }
  });

  it('serves Swagger UI', async () => {
    const res = await t.request('/api/docs');
    expect(res.status).toBe(200);
    expect(String(res.body)).toContain('swagger');
  });
});
