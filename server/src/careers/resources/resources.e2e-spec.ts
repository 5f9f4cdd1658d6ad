import { graduate, type Person, put, resourceBody, resourceFile, staffMember, student, unverified } from '../../../test/careers.js';
import { scalar } from '../../../test/interactions.js';
import { settledMessages, subscribe } from '../../../test/notifications.js';
import { startTestApp, type TestApp } from '../../../test/test-app.js';
import { json } from '../../../test/wechat.js';
import { REVIEW_WORD, RISKY_WORD } from '../../wechat/fake/content-security.fake.js';
import { OBJECT_STORAGE, type ObjectStorage } from '../../storage/storage.port.js';
import { ResourceFilesService } from './resource-files.service.js';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

describe('career resource library', () => {
  let t: TestApp;
  let staff: Person;
  beforeAll(async () => {
    t = await startTestApp();
    staff = await staffMember(t);
  });
  afterAll(() => t.close());

  const create = (who: Person, body: unknown = resourceBody()) => t.request('/api/v1/careers/resources', json(body, who.headers));
  const submit = (who: Person, id: string) => t.request(`/api/v1/careers/resources/${id}/submit`, json({}, who.headers));
  const staffStep = (id: string, action: string, body: unknown = {}) =>
    t.request(`/api/v1/staff/careers/resources/${id}/${action}`, json(body, staff.headers));
  const upload = (who: Person, body?: Buffer, name?: string) =>
    t.request('/api/v1/careers/resources/files', resourceFile(who.headers, body, name));
  const library = async (query = '', who?: Person) =>
    (await t.request(`/api/v1/careers/resources${query}`, who ? { headers: who.headers } : undefined)).body as {
      items: { id: string; title: string; bookmarked: boolean; bookmarkCount: number }[];
      nextCursor: string | null;
    };
  const bookmark = (who: Person, id: string, method: 'PUT' | 'DELETE' = 'PUT') =>
    t.request(`/api/v1/careers/resources/${id}/bookmark`, { method, headers: who.headers });
  const logged = (who: Person, kind: string) =>
    scalar(t, `SELECT count(*) FROM interactions WHERE alumnus_id = $1 AND kind = $2`, [who.alumnus.id, kind]);

  /** A guide by a new graduate, submitted and approved by staff. */
  async function published(overrides: Record<string, unknown> = {}) {
    const author = await graduate(t);
    const created = await create(author, resourceBody(overrides));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect((await submit(author, created.body.id)).status).toBe(200);
    expect((await staffStep(created.body.id, 'approve')).status).toBe(200);
    return { author, id: created.body.id as string };
  }

  describe('writing, review and publishing', () => {
    it('a graduate writes a draft with a PDF and submits it; staff approve; the library shows it and the author is told', async () => {
      const author = await graduate(t, { displayName: '学姐周' });
      await subscribe(t, author.headers, ['careersReview']);
      const file = await upload(author);
      expect(file.status).toBe(201);
      expect(file.body).toMatchObject({ name: '秋招时间表.pdf', contentType: 'application/pdf', downloadCount: 0 });
      const draft = await create(author, resourceBody({ kind: 'file', title: '秋招时间表', fileIds: [file.body.id] }));
      expect(draft.status).toBe(201);
      expect(draft.body).toMatchObject({ status: 'draft', fileCount: 1, mayEdit: true, maySubmit: true, authorName: '学姐周' });
      expect(draft.body.files).toEqual([
        expect.objectContaining({ id: file.body.id, url: `/api/v1/careers/resource-files/${file.body.id}` }),
      ]);
      // A draft is the author's alone (and staff's).
      expect((await t.request(`/api/v1/careers/resources/${draft.body.id}`)).status).toBe(404);
      expect((await t.request(`/api/v1/careers/resources/${draft.body.id}`, { headers: (await graduate(t)).headers })).status).toBe(404);

      const submitted = await submit(author, draft.body.id);
      expect(submitted.body).toMatchObject({ status: 'submitted', maySubmit: false });
      expect(await logged(author, 'careers.resource_submitted')).toBe(1);
      expect((await library()).items.map((r) => r.id)).not.toContain(draft.body.id);
      const queue = await t.request('/api/v1/staff/careers/resources', { headers: staff.headers });
      expect((queue.body.items as { id: string }[]).map((r) => r.id)).toContain(draft.body.id);

      const approved = await staffStep(draft.body.id, 'approve');
      expect(approved.body).toMatchObject({ status: 'published', publishedAt: expect.any(String) });
      expect((await library()).items[0]!.id).toBe(draft.body.id);
      expect(await logged(author, 'careers.resource_published')).toBe(1);
      const [reviewed] = await settledMessages(t, author.alumnus.id, 'careers.reviewed');
      expect(reviewed!.status).toBe('sent');
      expect(reviewed!.payload).toMatchObject({ subject: 'resource', outcome: '已发布', title: '秋招时间表' });
      expect((await staffStep(draft.body.id, 'approve')).body.error.code).toBe('RESOURCE_STATE_CONFLICT');
    });

    it('a staff member’s guide is published on submission, its rich text sanitised on the server', async () => {
      const draft = await create(
        staff,
        resourceBody({
          title: '简历写作要点',
          bodyHtml:
            '<h1>简历</h1><p onclick="steal()">一页纸<script>alert(1)</script><a href="javascript:alert(2)">模板</a></p><img src="x" onerror="e()"><iframe src="https://evil.example"></iframe>',
        }),
      );
      expect(draft.body.bodyHtml).toBe('<h2>简历</h2><p>一页纸<a>模板</a></p><img src="x" style="max-width:100%;height:auto" />');
      const done = await submit(staff, draft.body.id);
      expect(done.body).toMatchObject({ status: 'published' });
      expect((await library()).items[0]!.title).toBe('简历写作要点');
      // Plain text becomes paragraphs.
      const plain = await create(staff, resourceBody({ bodyHtml: '第一段\n\n第二段 <不是标签' }));
      expect(plain.body.bodyHtml).toBe('<p>第一段</p><p>第二段 &lt;不是标签</p>');
    });

    it('staff refuse with a reason the author sees; the edited draft goes back; editing a published one is reviewed again', async () => {
      const author = await graduate(t);
      const { id } = (await create(author)).body;
      await submit(author, id);
      const refused = await staffStep(id, 'reject', { reason: '请补充面试的具体问题' });
      expect(refused.body).toMatchObject({ status: 'rejected', reviewNote: '请补充面试的具体问题' });
      const mine = await t.request('/api/v1/careers/me/resources', { headers: author.headers });
      expect(mine.body.items[0]).toMatchObject({ id, status: 'rejected' });
      const edited = await t.request(`/api/v1/careers/resources/${id}`, put(resourceBody({ title: '面试复盘（修订）' }), author.headers));
      expect(edited.body).toMatchObject({ status: 'draft', title: '面试复盘（修订）', reviewNote: '请补充面试的具体问题' });
      await submit(author, id);
      await staffStep(id, 'approve');
      const again = await t.request(`/api/v1/careers/resources/${id}`, put(resourceBody({ title: '面试复盘（再版）' }), author.headers));
      expect(again.body).toMatchObject({ status: 'submitted', reviewNote: null });
      expect((await library()).items.map((r) => r.id)).not.toContain(id);
      await staffStep(id, 'approve');
      const down = await staffStep(id, 'archive', { reason: '内容已过时' });
      expect(down.body.status).toBe('archived');
      expect((await t.request(`/api/v1/careers/resources/${id}`)).status).toBe(404);
      const other = await graduate(t);
      expect((await t.request(`/api/v1/careers/resources/${id}`, put(resourceBody(), author.headers))).body.error.code).toBe(
        'RESOURCE_STATE_CONFLICT',
      );
      const { id: theirs } = await published();
      expect((await t.request(`/api/v1/careers/resources/${theirs}`, put(resourceBody(), other.headers))).body.error.code).toBe(
        'RESOURCE_FORBIDDEN',
      );
    });

    it('a text the content check wants a person to see waits for staff, even a staff member’s', async () => {
      const { id } = (await create(staff, resourceBody({ summary: `${REVIEW_WORD}的经验` }))).body;
      expect((await submit(staff, id)).body.status).toBe('submitted');
    });

    it('refuses students, unverified accounts, risky text, a file resource without files and others’ files, writing nothing', async () => {
      const before = await scalar(t, `SELECT count(*) FROM career_resources`);
      const someone = await graduate(t);
      const theirFile = (await upload(someone)).body.id as string;
      const author = await graduate(t);
      const refusals = [
        [await create(await student(t)), 403, 'CAREERS_GRADUATE_REQUIRED'],
        [await create(await unverified(t)), 403, 'CAREERS_VERIFICATION_REQUIRED'],
        [await create(author, resourceBody({ fileIds: [theirFile] })), 422, 'RESOURCE_FILE_INVALID'],
        [await create(author, resourceBody({ industry: '火星' })), 400, 'VALIDATION_FAILED'],
        [await create(author, resourceBody({ fileIds: ['x'] })), 400, 'VALIDATION_FAILED'],
        [await upload(await student(t)), 403, 'CAREERS_GRADUATE_REQUIRED'],
        [await upload(author, Buffer.from('<html><script>alert(1)</script></html>'), 'cv.pdf'), 415, 'RESOURCE_FILE_TYPE_UNSUPPORTED'],
        [await upload(author, Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]), 'big.png'), 413, 'RESOURCE_FILE_TOO_LARGE'],
      ] as const;
      for (const [res, status, code] of refusals) expect([res.status, res.body.error.code]).toEqual([status, code]);
      expect(await scalar(t, `SELECT count(*) FROM career_resources`)).toBe(before);

      const files = (await create(author, resourceBody({ kind: 'file' }))).body.id as string;
      expect((await submit(author, files)).body.error.code).toBe('RESOURCE_FILE_REQUIRED');
      const risky = (await create(author, resourceBody({ bodyHtml: `<p>${RISKY_WORD}</p>` }))).body.id as string;
      expect((await submit(author, risky)).body.error.code).toBe('CONTENT_RISKY');
      expect(await scalar(t, `SELECT count(*) FROM career_resources WHERE author_id = $1 AND status <> 'draft'`, [author.alumnus.id])).toBe(
        0,
      );
      expect(await logged(author, 'careers.resource_submitted')).toBe(0);
    });
  });

  describe('reading', () => {
    it('alumni bookmark once each, the count follows, and my bookmarks list it', async () => {
      const { id } = await published({ title: '金融行业概览', kind: 'industry_overview', industry: '金融' });
      const reader = await graduate(t);
      const newcomer = await unverified(t);
      expect((await bookmark(reader, id)).body).toMatchObject({ id, bookmarked: true, bookmarkCount: 1 });
      expect((await bookmark(reader, id)).body).toMatchObject({ bookmarkCount: 1 });
      expect((await bookmark(newcomer, id)).body).toMatchObject({ bookmarkCount: 2 });
      expect(await logged(reader, 'careers.resource_bookmarked')).toBe(1);
      expect((await library('?industry=金融', reader)).items).toEqual([expect.objectContaining({ id, bookmarked: true })]);
      expect((await library('?industry=金融')).items).toEqual([expect.objectContaining({ id, bookmarked: false, bookmarkCount: 2 })]);
      const kept = await t.request('/api/v1/careers/me/resource-bookmarks', { headers: reader.headers });
      expect(kept.body.items.map((r: { id: string }) => r.id)).toEqual([id]);
      expect((await bookmark(reader, id, 'DELETE')).status).toBe(204);
      expect((await bookmark(reader, id, 'DELETE')).status).toBe(204);
      expect((await t.request(`/api/v1/careers/resources/${id}`, { headers: reader.headers })).body).toMatchObject({
        bookmarked: false,
        bookmarkCount: 1,
      });
      expect((await t.request(`/api/v1/careers/resources/${id}/bookmark`, { method: 'PUT' })).status).toBe(401);
      const draft = (await create(await graduate(t))).body.id as string;
      expect((await bookmark(reader, draft)).body.error.code).toBe('RESOURCE_NOT_FOUND');
    });

    it('counts views and downloads by others; files of unpublished resources only for the uploader and staff', async () => {
      const author = await graduate(t);
      const pdf = (await upload(author)).body.id as string;
      const photo = (await upload(author, PNG, '../../白板.png')).body;
      expect(photo).toMatchObject({ name: '白板.png', contentType: 'image/png' });
      const { id } = (await create(author, resourceBody({ kind: 'file', fileIds: [pdf, photo.id] }))).body;
      const fetchFile = (fileId: string, who?: Person) =>
        fetch(`${t.baseUrl}/api/v1/careers/resource-files/${fileId}`, who ? { headers: who.headers } : undefined);
      expect((await fetchFile(pdf)).status).toBe(404);
      expect((await fetchFile(pdf, staff)).status).toBe(200);
      expect((await fetchFile(pdf, author)).status).toBe(200);
      await submit(author, id);
      await staffStep(id, 'approve');

      const res = await fetchFile(pdf);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      expect(res.headers.get('content-disposition')).toBe(
        `attachment; filename="_____.pdf"; filename*=UTF-8''${encodeURIComponent('秋招时间表.pdf')}`,
      );
      expect(
        Buffer.from(await res.arrayBuffer())
          .subarray(0, 5)
          .toString(),
      ).toBe('%PDF-');
      expect((await fetchFile(photo.id, await student(t))).headers.get('content-disposition')).toMatch(/^inline;/);
      await fetchFile(pdf, author);
      await t.request(`/api/v1/careers/resources/${id}`);
      const seen = await t.request(`/api/v1/careers/resources/${id}`, { headers: author.headers });
      expect(seen.body).toMatchObject({ viewCount: 1, downloadCount: 2 });
      expect(seen.body.files.map((f: { downloadCount: number }) => f.downloadCount)).toEqual([1, 1]);
    });

    it('sweeps uploads no resource took within a day, keeping attached ones and fresh ones', async () => {
      const author = await graduate(t);
      const [abandoned, attached, fresh] = [(await upload(author)).body.id, (await upload(author)).body.id, (await upload(author)).body.id];
      await create(author, resourceBody({ fileIds: [attached] }));
      await t.dataSource.query(`UPDATE career_resource_files SET created_at = now() - interval '2 days' WHERE id = ANY($1)`, [
        [abandoned, attached],
      ]);
      const [{ storage_key: key }] = await t.dataSource.query(`SELECT storage_key FROM career_resource_files WHERE id = $1`, [abandoned]);
      const storage = t.app.get<ObjectStorage>(OBJECT_STORAGE);
      expect(await storage.get(key)).not.toBeNull();
      expect(await t.app.get(ResourceFilesService).sweepAbandoned(new Date())).toBeGreaterThanOrEqual(1);
      expect(await storage.get(key)).toBeNull();
      const left = await t.dataSource.query(`SELECT id FROM career_resource_files WHERE id = ANY($1) ORDER BY created_at`, [
        [abandoned, attached, fresh],
      ]);
      expect(left.map((r: { id: string }) => r.id).sort()).toEqual([attached, fresh].sort());
      expect((await fetch(`${t.baseUrl}/api/v1/careers/resource-files/${abandoned}`, { headers: author.headers })).status).toBe(404);
    });

    it('filters by kind, industry, topic and keyword, and pages newest first', async () => {
      const medicine = await published({
        title: '医学生规培与就业',
        kind: 'industry_overview',
        industry: '医疗健康',
        topic: 'industry_insight',
      });
      const interview = await published({ title: '银行春招群面复盘', kind: 'interview', industry: '金融', topic: 'interview' });
      const ids = async (query: string) => (await library(`${query}&limit=100`)).items.map((r) => r.id);
      expect(await ids('?industry=医疗健康')).toEqual([medicine.id]);
      expect(await ids('?kind=interview&q=群面')).toEqual([interview.id]);
      expect(await ids('?topic=interview&q=规培')).toEqual([]);
      expect(await ids('?q=规培')).toEqual([medicine.id]);
      expect(await ids('?q=面试经验&industry=金融')).toEqual([interview.id]);
      const first = await library('?limit=1');
      const second = await library(`?limit=1&cursor=${first.nextCursor}`);
      expect([first.items[0]!.id, second.items[0]!.id]).toEqual([interview.id, medicine.id]);
    });
  });
});
