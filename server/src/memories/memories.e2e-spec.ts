import type {
  ContentReviewDto,
  MemoryCommentDto,
  MemoryPhotoDto,
  MemoryWallsDto,
  Page,
  PendingPhotoTagDto,
  PhotoTagDto,
  TimelineEntryDto,
} from '@alumni/shared';
import { AuditEntryEntity } from '../audit/audit-entry.entity.js';
import { MediaCheckFake } from '../wechat/fake/media-check.fake.js';
import { REVIEW_WORD, RISKY_WORD } from '../wechat/fake/content-security.fake.js';
import { signedIn } from '../../test/auth.js';
import { phonePhoto, picture, pictureFacts } from '../../test/images.js';
import { classOf, consented, del, logged, put, staffOf, type Person } from '../../test/memories.js';
import { eventually } from '../../test/notifications.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { json, wechatFake } from '../../test/wechat.js';

describe('memories: old photo walls, tags, 我在这里, comments, the campus timeline', () => {
  let t: TestApp;
  let staff: Person;
  let media: MediaCheckFake;

  beforeAll(async () => {
    t = await startTestApp({ env: { RATE_LIMITS: 'off' } });
    staff = await staffOf(t);
    media = wechatFake(t).feature(MediaCheckFake);
  });
  afterAll(() => t?.close());

  const upload = async (person: Person, body?: Buffer) => {
    const form = new FormData();
    form.append('file', new Blob([body ?? (await picture('png', 12, 9))], { type: 'image/jpeg' }), 'old.jpg');
    return t.request('/api/v1/memories/images', { method: 'POST', headers: person.headers, body: form });
  };
  const share = (person: Person, body: Record<string, unknown>) => t.request('/api/v1/memories/photos', json(body, person.headers));
  /** Uploads and shares a photo and waits for WeChat's verdict (pass unless queued otherwise). */
  const published = async (person: Person, body: Record<string, unknown>) => {
    const image = await upload(person);
    expect(image.status, JSON.stringify(image.body)).toBe(201);
    const photo = await share(person, { imageId: image.body.id, year: 1998, caption: '毕业前在老校门合影', ...body });
    expect(photo.status, JSON.stringify(photo.body)).toBe(201);
    await media.settled();
    return photo.body as MemoryPhotoDto;
  };
  const detail = (person: Person, id: string) => t.request(`/api/v1/memories/photos/${id}`, { headers: person.headers });
  const wall = async (person: Person, query: string): Promise<string[]> => {
    const res = await t.request(`/api/v1/memories/photos?${query}`, { headers: person.headers });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return (res.body as Page<MemoryPhotoDto>).items.map((p) => p.id);
  };
  const queued = async (subjectId: string): Promise<ContentReviewDto[]> => {
    const res = await t.request('/api/v1/staff/content-reviews?limit=100', { headers: staff.headers });
    return (res.body as Page<ContentReviewDto>).items.filter((item) => item.subjectId === subjectId);
  };
  const decide = (id: string, action: 'approve' | 'reject') =>
    t.request(`/api/v1/staff/content-reviews/${id}/${action}`, json({}, staff.headers));

  it('shares an old class photo: location data stripped, shown once WeChat passes the image, on the class and year walls', async () => {
    const { group, people } = await classOf(t, 2);
    const [wang, li] = people as [Person, Person];
    const image = await upload(wang, await phonePhoto(1600, 1200));
    expect(image.status).toBe(201);
    const original = await fetch(`${t.baseUrl}${image.body.url}`);
    expect(await pictureFacts(await original.arrayBuffer())).toEqual({ format: 'jpeg', width: 1600, height: 1200, exif: false });
    const thumbnail = await fetch(`${t.baseUrl}${image.body.thumbnailUrl}`);
    expect(await pictureFacts(await thumbnail.arrayBuffer())).toEqual({ format: 'jpeg', width: 480, height: 360, exif: false });

    media.hold();
    const created = await share(wang, {
      imageId: image.body.id,
      year: 1998,
      place: '老校门',
      caption: '毕业前合影',
      classGroupId: group.id,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = (created.body as MemoryPhotoDto).id;
    expect(created.body).toMatchObject({
      status: 'checking',
      year: 1998,
      place: '老校门',
      classGroup: { id: group.id, name: group.name },
      uploader: { id: wang.alumnus.id },
      url: image.body.url,
      mayDelete: true,
    });
    // Until WeChat answers, only its uploader sees it.
    expect((await detail(li, id)).status).toBe(404);
    expect(await wall(li, `classGroupId=${group.id}`)).toEqual([]);
    expect(await wall(wang, `classGroupId=${group.id}`)).toEqual([id]);
    await media.release();

    expect(media.checks.at(-1)).toMatchObject({ openid: wang.alumnus.openid, scene: 3, verdict: { suggest: 'pass' } });
    expect((await detail(li, id)).body).toMatchObject({ status: 'published', mayTag: true, mayReport: true, mayDelete: false });
    expect(await wall(li, `classGroupId=${group.id}`)).toEqual([id]);
    expect(await wall(li, 'year=1998&place=校门')).toContain(id);
    expect(await wall(li, 'year=1998&place=图书馆')).not.toContain(id);
    const walls = (await t.request('/api/v1/memories/walls', { headers: li.headers })).body as MemoryWallsDto;
    expect(walls.classes).toContainEqual({ groupId: group.id, name: group.name, photoCount: 1, mine: true });
    expect(walls.years).toContainEqual(expect.objectContaining({ year: 1998 }));
    expect(await logged(t, wang.alumnus.id, 'memories.photo_shared')).toEqual([
      { subject_id: id, detail: { year: 1998, classGroupId: group.id } },
    ]);
    // An image is used once.
    expect((await share(wang, { imageId: image.body.id, year: 1998, caption: '再来一次' })).body.error.code).toBe('MEMORY_IMAGE_INVALID');
  });

  it('refuses an unverified alumnus, a class not mine, a future year, someone else’s upload and risky text, writing nothing', async () => {
    const { people } = await classOf(t, 1);
    const { group: otherClass } = await classOf(t, 1);
    const [me] = people as [Person];
    const unverified = await signedIn(t, ['alumnus'], consented());
    expect((await upload(unverified)).body.error.code).toBe('MEMORIES_VERIFICATION_REQUIRED');
    expect((await t.request('/api/v1/memories/walls', { headers: unverified.headers })).status).toBe(403);

    const image = await upload(me);
    const base = { imageId: image.body.id, year: 1998, caption: '合影' };
    expect((await share(me, { ...base, classGroupId: otherClass.id })).body.error.code).toBe('MEMORY_CLASS_NOT_MINE');
    const future = await share(me, { ...base, year: new Date().getFullYear() + 2 });
    expect(future.status).toBe(422);
    expect(future.body.error).toMatchObject({ code: 'MEMORY_PHOTO_YEAR_INVALID', details: [{ field: 'year' }] });
    expect((await share(me, { ...base, year: 1850 })).status).toBe(400);
    expect((await share(staff, base)).body.error.code).toBe('MEMORY_IMAGE_INVALID');
    const risky = await share(me, { ...base, caption: `合影${RISKY_WORD}` });
    expect(risky.status).toBe(422);
    expect(risky.body.error).toMatchObject({ code: 'CONTENT_RISKY', details: [{ field: 'caption' }] });
    expect(await t.dataSource.query(`SELECT id FROM memory_photos WHERE uploader_id = $1`, [me.alumnus.id])).toEqual([]);
    // The upload is still free to use.
    expect((await share(me, base)).status).toBe(201);
    await media.settled();
  });

  it('takes a photo WeChat calls risky down with its file, and shows one it wanted reviewed once staff approve', async () => {
    const { people } = await classOf(t, 2);
    const [me, classmate] = people as [Person, Person];
    media.queueVerdicts({ suggest: 'risky', label: 20002 });
    const risky = await published(me, {});
    expect((await detail(me, risky.id)).status).toBe(404);
    expect((await fetch(`${t.baseUrl}${risky.url}`)).status).toBe(404);

    media.queueVerdicts({ suggest: 'review', label: 20012 });
    const review = await published(me, { caption: `校园一角${REVIEW_WORD}` });
    expect((await detail(me, review.id)).body.status).toBe('held');
    expect((await detail(classmate, review.id)).status).toBe(404);
    const waiting = await queued(review.id);
    expect(waiting.map((item) => [item.kind, item.field, item.reason]).sort()).toEqual([
      ['memory-photo', '', 'review'],
      ['memory-photo', 'caption', 'review'],
    ]);
    expect(waiting.find((item) => item.field === '')!.imageUrl).toMatch(/^\/api\/v1\/media-checks\//);
    expect((await decide(waiting.find((item) => item.field === '')!.id, 'approve')).status).toBe(204);
    // The caption still waits.
    expect((await detail(classmate, review.id)).status).toBe(404);
    expect((await decide(waiting.find((item) => item.field === 'caption')!.id, 'approve')).status).toBe(204);
    expect((await detail(classmate, review.id)).body.status).toBe('published');
  });

  it('lets a classmate tag herself at once, and asks a tagged classmate before her name shows', async () => {
    const { group, people } = await classOf(t, 3);
    const [wang, li, zhao] = people as [Person, Person, Person];
    const photo = await published(wang, { classGroupId: group.id });
    const candidates = await t.request(`/api/v1/memories/photos/${photo.id}/tag-candidates`, { headers: li.headers });
    expect(candidates.body.map((c: { id: string }) => c.id).sort()).toEqual([wang, li, zhao].map((p) => p.alumnus.id).sort());

    const self = await t.request(
      `/api/v1/memories/photos/${photo.id}/tags`,
      json({ alumnusId: li.alumnus.id, x: 0.3, y: 0.4 }, li.headers),
    );
    expect(self.status, JSON.stringify(self.body)).toBe(201);
    expect(self.body).toMatchObject({ status: 'accepted', isMe: true, taggedByMe: true, x: 0.3, alumnus: { id: li.alumnus.id } });
    expect(await logged(t, li.alumnus.id, 'memories.tag_confirmed')).toHaveLength(1);

    const other = await t.request(`/api/v1/memories/photos/${photo.id}/tags`, json({ alumnusId: zhao.alumnus.id }, li.headers));
    expect(other.body).toMatchObject({ status: 'pending', taggedByMe: true, isMe: false });
    const tagId = (other.body as PhotoTagDto).id;
    expect(
      (await t.request(`/api/v1/memories/photos/${photo.id}/tags`, json({ alumnusId: zhao.alumnus.id }, wang.headers))).body.error.code,
    ).toBe('MEMORY_TAG_EXISTS');
    // A waiting tag shows to the tagger and the tagged only.
    const tagsSeenBy = async (person: Person) =>
      ((await detail(person, photo.id)).body as MemoryPhotoDto).tags.map((tag) => [tag.alumnus?.id, tag.status]);
    expect(await tagsSeenBy(wang)).toEqual([[li.alumnus.id, 'accepted']]);
    expect(await tagsSeenBy(zhao)).toEqual([
      [li.alumnus.id, 'accepted'],
      [zhao.alumnus.id, 'pending'],
    ]);
    const inbox = await eventually(async () => {
      const rows = await t.dataSource.query(`SELECT title, page FROM inbox_messages WHERE alumnus_id = $1 AND kind = 'memories.tagged'`, [
        zhao.alumnus.id,
      ]);
      return rows.length > 0 ? rows : undefined;
    });
    expect(inbox).toEqual([{ title: '有校友在老照片里标记了你', page: `packages/old-photos/pages/photo/index?id=${photo.id}` }]);
    const pending = (await t.request('/api/v1/memories/tags/pending', { headers: zhao.headers })).body as PendingPhotoTagDto[];
    expect(pending).toEqual([
      expect.objectContaining({
        id: tagId,
        photo: expect.objectContaining({ id: photo.id }),
        taggedBy: { id: li.alumnus.id, displayName: li.alumnus.displayName },
      }),
    ]);

    // Only the person tagged answers.
    expect((await t.request(`/api/v1/memories/tags/${tagId}/decision`, json({ accept: true }, li.headers))).body.error.code).toBe(
      'MEMORY_TAG_FORBIDDEN',
    );
    const accepted = await t.request(`/api/v1/memories/tags/${tagId}/decision`, json({ accept: true }, zhao.headers));
    expect(accepted.body).toMatchObject({ status: 'accepted', isMe: true });
    expect(await tagsSeenBy(wang)).toEqual([
      [li.alumnus.id, 'accepted'],
      [zhao.alumnus.id, 'accepted'],
    ]);
    expect((await t.request('/api/v1/memories/tags/pending', { headers: zhao.headers })).body).toEqual([]);
    // She may take her name off again; a declined tag is not offered again.
    await t.request(`/api/v1/memories/tags/${tagId}/decision`, json({ accept: false }, zhao.headers));
    expect(await tagsSeenBy(wang)).toEqual([[li.alumnus.id, 'accepted']]);
    const again = await t.request(`/api/v1/memories/photos/${photo.id}/tag-candidates`, { headers: wang.headers });
    expect(again.body.map((c: { id: string }) => c.id)).toEqual([wang.alumnus.id]);
  });

  it('counts 我在这里 once per alumnus, with names', async () => {
    const { people } = await classOf(t, 2);
    const [wang, li] = people as [Person, Person];
    const photo = await published(wang, {});
    const here = `/api/v1/memories/photos/${photo.id}/presence`;
    expect((await t.request(here, put(li.headers))).body).toEqual({ present: true, presenceCount: 1 });
    expect((await t.request(here, put(li.headers))).body).toEqual({ present: true, presenceCount: 1 });
    expect((await t.request(here, put(wang.headers))).body).toEqual({ present: true, presenceCount: 2 });
    expect((await detail(li, photo.id)).body).toMatchObject({
      presenceCount: 2,
      presentByMe: true,
      presenceNames: [li.alumnus.displayName, wang.alumnus.displayName],
    });
    expect((await t.request(here, del(li.headers))).body).toEqual({ present: false, presenceCount: 1 });
    expect((await t.request(here, del(li.headers))).body).toEqual({ present: false, presenceCount: 1 });
    expect(await logged(t, li.alumnus.id, 'memories.was_there')).toHaveLength(1);
  });

  it('checks comments, holds what WeChat wants reviewed, and sends reports to the staff queue', async () => {
    const { people } = await classOf(t, 3);
    const [wang, li, zhao] = people as [Person, Person, Person];
    const photo = await published(wang, {});
    const comments = `/api/v1/memories/photos/${photo.id}/comments`;
    const shown = await t.request(comments, json({ text: '那年冬天的雪真大' }, li.headers));
    expect(shown.status).toBe(201);
    expect(shown.body).toMatchObject({ status: 'published', mayDelete: true, mayReport: false, author: { id: li.alumnus.id } });
    expect((await t.request(comments, json({ text: `好${RISKY_WORD}` }, li.headers))).body.error.code).toBe('CONTENT_RISKY');
    const held = await t.request(comments, json({ text: `老师好${REVIEW_WORD}` }, li.headers));
    expect(held.body.status).toBe('held');
    const seen = async (person: Person) =>
      ((await t.request(comments, { headers: person.headers })).body as Page<MemoryCommentDto>).items.map((c) => c.status);
    expect(await seen(li)).toEqual(['published', 'held']);
    expect(await seen(wang)).toEqual(['published']);
    expect((await detail(wang, photo.id)).body.commentCount).toBe(1);
    const [review] = await queued(held.body.id);
    expect(review).toMatchObject({ kind: 'memory-comment', field: 'text', reason: 'review' });
    await decide(review!.id, 'approve');
    expect(await seen(wang)).toEqual(['published', 'published']);
    expect((await detail(wang, photo.id)).body.commentCount).toBe(2);

    // Reports: not of one's own photo; one per alumnus; staff decide in the content-review queue.
    expect(
      (await t.request(`/api/v1/memories/photos/${photo.id}/reports`, json({ reason: '不是本校' }, wang.headers))).body.error.code,
    ).toBe('MEMORY_REPORT_OWN_CONTENT');
    expect((await t.request(`/api/v1/memories/photos/${photo.id}/reports`, json({ reason: '不是本校' }, li.headers))).status).toBe(204);
    expect((await t.request(`/api/v1/memories/photos/${photo.id}/reports`, json({ reason: '再报一次' }, li.headers))).status).toBe(204);
    expect((await t.request(`/api/v1/memories/photos/${photo.id}/reports`, json({ reason: '照片年份不对' }, zhao.headers))).status).toBe(
      204,
    );
    // One entry for the photo, counting each reporter once.
    const [report, ...more] = await queued(photo.id);
    expect(more).toEqual([]);
    expect(report).toMatchObject({
      kind: 'memory-photo',
      field: 'report',
      reason: 'reported',
      detail: '照片年份不对',
      text: null,
      reportCount: 2,
    });
    expect(report!.imageUrl).toMatch(/^\/api\/v1\/media-checks\//);
    expect((await decide(report!.id, 'reject')).status).toBe(204);
    expect((await detail(li, photo.id)).status).toBe(404);
    expect((await fetch(`${t.baseUrl}${photo.url}`)).status).toBe(404);
    expect(await t.dataSource.getRepository(AuditEntryEntity).findOneByOrFail({ subjectId: photo.id })).toMatchObject({
      action: 'content-review.rejected',
      subjectType: 'memory-photo',
    });
  });

  it('lets the uploader or staff take a photo down, nobody else', async () => {
    const { people } = await classOf(t, 2);
    const [wang, li] = people as [Person, Person];
    const first = await published(wang, {});
    const second = await published(wang, {});
    expect((await t.request(`/api/v1/memories/photos/${first.id}`, del(li.headers))).body.error.code).toBe('MEMORY_PHOTO_FORBIDDEN');
    expect((await t.request(`/api/v1/memories/photos/${first.id}`, del(wang.headers))).status).toBe(204);
    expect((await t.request(`/api/v1/memories/photos/${second.id}`, del(staff.headers))).status).toBe(204);
    expect((await detail(wang, first.id)).status).toBe(404);
    expect((await detail(wang, second.id)).status).toBe(404);
    expect(await t.dataSource.getRepository(AuditEntryEntity).findOneByOrFail({ subjectId: second.id })).toMatchObject({
      action: 'memory-photo.removed',
      actorId: staff.alumnus.id,
    });
  });

  it('keeps a campus timeline staff curate with published photos, searchable by decade, year and place', async () => {
    const { people } = await classOf(t, 1);
    const [wang] = people as [Person];
    const photo = await published(wang, { year: 1958 });
    const entry = (body: Record<string, unknown>) => t.request('/api/v1/staff/memories/timeline', json(body, staff.headers));
    const founded = await entry({
      year: 1958,
      month: 9,
      title: '建校',
      place: '老校门',
      body: '第一批学生入学',
      photoIds: [photo.id],
      published: true,
    });
    expect(founded.status, JSON.stringify(founded.body)).toBe(201);
    await entry({ year: 1985, title: '新图书馆落成', place: '图书馆', published: true });
    await entry({ year: 1959, title: '草稿里的事' });
    const bad = await entry({ year: 1960, title: '引用了不存在的照片', photoIds: ['00000000-0000-4000-8000-000000000000'] });
    expect(bad.status).toBe(422);
    expect(bad.body.error).toMatchObject({ code: 'TIMELINE_PHOTO_INVALID', details: [{ field: 'photoIds' }] });

    const read = async (query: string) =>
      ((await t.request(`/api/v1/memories/timeline?${query}`, { headers: wang.headers })).body as TimelineEntryDto[]).map((e) => e.title);
    expect(await read('decade=1950')).toEqual(['建校']);
    expect(await read('place=图书馆')).toEqual(['新图书馆落成']);
    expect(await read('year=1985')).toEqual(['新图书馆落成']);
    const [shown] = (await t.request('/api/v1/memories/timeline?year=1958', { headers: wang.headers })).body as TimelineEntryDto[];
    expect(shown!.photos).toEqual([{ id: photo.id, url: photo.url, thumbnailUrl: photo.thumbnailUrl, caption: photo.caption }]);
    const decades = (await t.request('/api/v1/memories/timeline/decades', { headers: wang.headers })).body;
    expect(decades).toEqual(
      expect.arrayContaining([
        { decade: 1950, entryCount: 1 },
        { decade: 1980, entryCount: 1 },
      ]),
    );
    const all = (await t.request('/api/v1/staff/memories/timeline?decade=1950', { headers: staff.headers })).body as TimelineEntryDto[];
    expect(all.map((e) => [e.title, e.status])).toEqual([
      ['建校', 'published'],
      ['草稿里的事', 'draft'],
    ]);
    const edited = await t.request(`/api/v1/staff/memories/timeline/${founded.body.id}`, {
      ...json({ year: 1958, title: '学校创办', published: true }, staff.headers),
      method: 'PUT',
    });
    expect(edited.body).toMatchObject({ title: '学校创办', photos: [], place: null });
    expect((await t.request(`/api/v1/staff/memories/timeline/${founded.body.id}`, del(staff.headers))).status).toBe(204);
    expect(await read('decade=1950')).toEqual([]);
    // Alumni cannot curate.
    expect((await t.request('/api/v1/staff/memories/timeline', json({ year: 1990, title: '我写的' }, wang.headers))).status).toBe(403);
  });

  it('exports the person’s photos, tags of them and by them, 我在这里, comments and reports', async () => {
    const { group, people } = await classOf(t, 2);
    const [wang, li] = people as [Person, Person];
    const photo = await published(wang, { classGroupId: group.id });
    await t.request(`/api/v1/memories/photos/${photo.id}/tags`, json({ alumnusId: li.alumnus.id }, wang.headers));
    await t.request(`/api/v1/memories/photos/${photo.id}/presence`, put(li.headers));
    await t.request(`/api/v1/memories/photos/${photo.id}/comments`, json({ text: '想念大家' }, li.headers));
    await t.request(`/api/v1/memories/photos/${photo.id}/reports`, json({ reason: '想撤下' }, li.headers));
    const records = (await t.request('/api/v1/me/export', { headers: li.headers })).body.records;
    expect(records).toMatchObject({
      memoryTagsOfMe: [expect.objectContaining({ photoId: photo.id, status: 'pending' })],
      memoryPresence: [expect.objectContaining({ photoId: photo.id })],
      memoryComments: [expect.objectContaining({ text: '想念大家', status: 'published' })],
      memoryReports: [expect.objectContaining({ subjectId: photo.id, reason: '想撤下' })],
      memoryPhotos: [],
    });
    const mine = (await t.request('/api/v1/me/export', { headers: wang.headers })).body.records;
    expect(mine.memoryPhotos).toEqual([expect.objectContaining({ id: photo.id, year: 1998, className: group.name })]);
    expect(mine.memoryTagsMade).toEqual([expect.objectContaining({ photoId: photo.id })]);
  });
});
