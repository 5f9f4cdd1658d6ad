import { startTestApp, type TestApp } from '../../test/test-app.js';

describe('health probes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('reports live and ready while the database answers', async () => {
    expect((await t.request('/api/health/live')).status).toBe(200);
    const ready = await t.request('/api/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.info.database.status).toBe('up');
  });

  it('turns readiness red with 503 DATABASE_UNAVAILABLE when the database is gone, while liveness stays green', async () => {
    await t.db.drop();
    const ready = await t.request('/api/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.body.error.code).toBe('DATABASE_UNAVAILABLE');
    expect((await t.request('/api/health/live')).status).toBe(200);
    const read = await t.request('/api/v1/school');
    expect(read.status).toBe(503);
    expect(read.body.error.code).toBe('DATABASE_UNAVAILABLE');
  });
});
