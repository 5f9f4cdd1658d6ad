import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { signedIn } from '../../test/auth.js';
import { startObjectStore, type ObjectStore } from '../../test/object-store.js';
import { picture } from '../../test/images.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { createTestDatabase } from '../../test/test-database.js';
import { PRIVACY_NOTICE } from '../identity/privacy-notice.js';
import { S3Storage } from './s3.storage.js';
import { OBJECT_STORAGE } from './storage.port.js';

const PUBLIC_BASE_URL = 'https://alumni.example.edu.cn';
const PNG = await picture('png');
const THUMBNAIL = await picture('png', 4, 4);

describe('uploads in S3-compatible object storage (STORAGE=s3), on two instances', () => {
  let store: ObjectStore;
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    store = await startObjectStore();
    const db = await createTestDatabase();
    // Each instance its own (empty) DATA_DIR: what one stores, the other can only find in the bucket.
    const env = (name: string) => ({ ...store.env, PUBLIC_BASE_URL, DATA_DIR: `/nonexistent/${name}` });
    a = await startTestApp({ db, env: env('a') });
    b = await startTestApp({ db, env: env('b') });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
    await a?.db.drop();
    await store?.close();
  });

  const upload = (t: TestApp, headers: Record<string, string>) => {
    const form = new FormData();
    form.append('file', new Blob([PNG], { type: 'image/png' }), 'avatar.png');
    return t.request('/api/v1/me/avatar', { method: 'POST', headers, body: form });
  };

  it('serves a photo uploaded through one instance from the other, at an absolute URL on PUBLIC_BASE_URL', async () => {
    const me = await signedIn(a, ['alumnus'], { consentVersion: PRIVACY_NOTICE.version, consentedAt: new Date() });
    const res = await upload(a, me.headers);
    expect(res.status).toBe(200);
    const url: string = res.body.avatarUrl;
    expect(url).toMatch(new RegExp(`^${PUBLIC_BASE_URL}/api/v1/uploads/avatars/[0-9a-f-]{36}\\.png$`));

    const path = url.slice(PUBLIC_BASE_URL.length);
    const served = await fetch(`${b.baseUrl}${path}`);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await served.arrayBuffer()).length).toBeGreaterThan(0);

    // The other instance shows the same URL in the profile.
    const seen = await b.request('/api/v1/me', { headers: me.headers });
    expect(seen.body.avatarUrl).toBe(url);
  });

  it('keeps the file and its thumbnail in the bucket, where the storage port finds, and removes, them', async () => {
    const storage = a.app.get(OBJECT_STORAGE);
    expect(storage).toBeInstanceOf(S3Storage);
    const stored = await storage.put({ folder: 'avatars', body: PNG, contentType: 'image/png', thumbnail: THUMBNAIL });
    const thumbnailKey = stored.key.replace(/\.png$/, '.thumb.png');
    expect(stored.thumbnailUrl).toBe(`${PUBLIC_BASE_URL}/api/v1/uploads/${thumbnailKey}`);
    const client = new S3Client({
      region: 'us-east-1',
      endpoint: store.env.S3_ENDPOINT,
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    });
    const object = await client.send(new GetObjectCommand({ Bucket: 'alumnilink', Key: stored.key }));
    expect(Buffer.from(await object.Body!.transformToByteArray())).toEqual(PNG);
    const thumbnail = await client.send(new GetObjectCommand({ Bucket: 'alumnilink', Key: thumbnailKey }));
    expect(Buffer.from(await thumbnail.Body!.transformToByteArray())).toEqual(THUMBNAIL);
    client.destroy();

    expect(await b.app.get(OBJECT_STORAGE).get(stored.key)).toEqual({ body: PNG, contentType: 'image/png' });
    await b.app.get(OBJECT_STORAGE).delete(stored.key);
    expect(await storage.get(stored.key)).toBeNull();
    expect(await storage.get(thumbnailKey)).toBeNull();
    await storage.delete(stored.key);
  });

  it('answers 404 UPLOAD_NOT_FOUND for a key the bucket does not hold or a key that is not ours', async () => {
    for (const path of ['avatars/00000000-0000-4000-8000-000000000000.png', 'avatars/..%2F..%2Fsecret.png', 'claim-evidence/x.png']) {
      const res = await b.request(`/api/v1/uploads/${path}`);
      expect([res.status, res.body.error.code]).toEqual([404, 'UPLOAD_NOT_FOUND']);
    }
    expect(await a.app.get(OBJECT_STORAGE).get('../../etc/passwd')).toBeNull();
  });

  it('refuses to start when the bucket cannot be reached, naming the settings to check', async () => {
    await expect(startTestApp({ db: a.db, env: { ...store.env, S3_BUCKET: 'no-such-bucket' } })).rejects.toThrow(
      /bucket no-such-bucket .* answered HTTP 404: check S3_ENDPOINT, S3_REGION, S3_BUCKET/,
    );
  });
});
