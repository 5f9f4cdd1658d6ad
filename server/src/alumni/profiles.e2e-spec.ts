import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuditEntryEntity } from '../audit/audit-entry.entity.js';
import { InteractionEntity } from '../interactions/interaction.entity.js';
import { PRIVACY_NOTICE } from '../identity/privacy-notice.js';
import { DepartmentEntity } from '../school/department.entity.js';
import { OBJECT_STORAGE, type ObjectStorage } from '../storage/storage.port.js';
import { createAlumnus, signedIn } from '../../test/auth.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { bearer, json, newOpenid, signInWithWechat } from '../../test/wechat.js';
import { AlumnusEntity } from './alumnus.entity.js';
import { phonePhoto, picture, pictureFacts } from '../../test/images.js';

const PNG = await picture('png');
/** Alumni who accepted the privacy notice; profile writes need it. */
const CONSENTED = { consentVersion: PRIVACY_NOTICE.version, consentedAt: new Date() };
const JPEG = await picture('jpeg');

describe('profiles (/api/v1/me, /api/v1/alumni/:id)', () => {
  let t: TestApp;
  let dataDir: string;
  let department: DepartmentEntity;
  const alumni = () => t.dataSource.getRepository(AlumnusEntity);
  const interactionsOf = (alumnusId: string) =>
    t.dataSource.getRepository(InteractionEntity).find({ where: { alumnusId }, order: { id: 'ASC' } });

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'alumnilink-profiles-'));
    t = await startTestApp({ env: { DATA_DIR: dataDir } });
    department = await t.dataSource.getRepository(DepartmentEntity).save({ name: '机电工程学院', sortOrder: 1 });
  });
  afterAll(async () => {
    await t.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const storedAvatars = () => readdir(join(dataDir, 'uploads', 'avatars')).catch(() => [] as string[]);

  const patch = (headers: Record<string, string>, body: unknown) =>
    t.request('/api/v1/me', { method: 'PATCH', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) });

  const upload = (headers: Record<string, string>, body: Buffer, name = 'avatar.png', type = 'image/png') => {
    const form = new FormData();
    form.append('file', new Blob([body], { type }), name);
    return t.request('/api/v1/me/avatar', { method: 'POST', headers, body: form });
  };

  describe('my profile', () => {
    it('shows every field to its owner, with the default visibility', async () => {
      const me = await signedIn(t, ['alumnus'], { ...CONSENTED, realName: '张伟', city: '杭州' });
      const res = await t.request('/api/v1/me', { headers: me.headers });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        id: me.alumnus.id,
        realName: '张伟',
        city: '杭州',
        verified: false,
        verifiedAt: null,
        roles: ['alumnus'],
      });
      expect(res.body.visibility).toEqual({
        avatar: 'everyone',
        realName: 'everyone',
        graduationYear: 'everyone',
        department: 'everyone',
        major: 'everyone',
        className: 'everyone',
        degree: 'everyone',
        city: 'groups',
        industry: 'groups',
        employer: 'groups',
        jobTitle: 'groups',
        bio: 'everyone',
        phone: 'staff',
      });
    });

    it('requires a signed-in user', async () => {
      expect((await t.request('/api/v1/me')).body.error.code).toBe('UNAUTHENTICATED');
    });

    it('changes the fields sent and their visibility, and logs which fields changed (not their values)', async () => {
      const me = await signedIn(t, ['alumnus'], CONSENTED);
      const res = await patch(me.headers, {
        realName: '  李娜 ',
        graduationYear: 2012,
        departmentId: department.id,
        className: '机械 1201 班',
        degree: 'bachelor',
        city: '宁波',
        employer: '某某科技',
        jobTitle: '工程师',
        bio: '',
        visibility: { city: 'everyone', employer: 'staff' },
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        realName: '李娜',
        graduationYear: 2012,
        department: { id: department.id, name: '机电工程学院' },
        className: '机械 1201 班',
        degree: 'bachelor',
        city: '宁波',
        bio: null,
      });
      expect(res.body.visibility).toMatchObject({ city: 'everyone', employer: 'staff', industry: 'groups' });
      const row = await alumni().findOneByOrFail({ id: me.alumnus.id });
      expect(row).toMatchObject({
        realName: '李娜',
        graduationYear: 2012,
        city: '宁波',
        visibility: { city: 'everyone', employer: 'staff' },
      });
      const log = await interactionsOf(me.alumnus.id);
      expect(log.map((row) => row.kind)).toEqual(['identity.profile_updated']);
      expect(log[0]!.detail).toEqual({
        fields: ['realName', 'graduationYear', 'departmentId', 'className', 'degree', 'city', 'employer', 'jobTitle'],
        visibility: ['city', 'employer'],
      });
      expect(JSON.stringify(log[0]!.detail)).not.toContain('李娜');
    });

    it('refuses changes and avatars until the privacy notice is accepted, and writes nothing', async () => {
      const me = await signedIn(t, ['alumnus'], { city: '宁波' });
      const res = await patch(me.headers, { city: '上海' });
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('CONSENT_REQUIRED');
      expect((await upload(me.headers, PNG)).body.error.code).toBe('CONSENT_REQUIRED');
      expect(await alumni().findOneByOrFail({ id: me.alumnus.id })).toMatchObject({ city: '宁波', avatarKey: null });
      expect(await interactionsOf(me.alumnus.id)).toEqual([]);
    });

    it('writes nothing when nothing changes', async () => {
      const me = await signedIn(t, ['alumnus'], { ...CONSENTED, city: '宁波' });
      expect((await patch(me.headers, { city: '宁波', visibility: { city: 'groups' } })).status).toBe(200);
      expect(await interactionsOf(me.alumnus.id)).toEqual([]);
    });

    it.each([
      ['an unknown field', { phone: '13800000000' }, 'VALIDATION_FAILED', 'phone'],
      ['a name that is not text', { realName: 123 }, 'VALIDATION_FAILED', 'realName'],
      ['a name that is too long', { realName: '张'.repeat(31) }, 'VALIDATION_FAILED', 'realName'],
      ['a year before 1950', { graduationYear: 1900 }, 'VALIDATION_FAILED', 'graduationYear'],
      ['a year far in the future', { graduationYear: 2100 }, 'VALIDATION_FAILED', 'graduationYear'],
      ['a year that is not a number', { graduationYear: '2012' }, 'VALIDATION_FAILED', 'graduationYear'],
      ['an unknown degree', { degree: 'phd' }, 'VALIDATION_FAILED', 'degree'],
      ['an empty display name', { displayName: '  ' }, 'VALIDATION_FAILED', 'displayName'],
      ['a null display name', { displayName: null }, 'VALIDATION_FAILED', 'displayName'],
      ['an unknown visibility level', { visibility: { city: 'friends' } }, 'VALIDATION_FAILED', 'visibility.city'],
      ['visibility of an unknown field', { visibility: { openid: 'everyone' } }, 'VALIDATION_FAILED', 'visibility.openid'],
      ['a malformed department id', { departmentId: 'x' }, 'VALIDATION_FAILED', 'departmentId'],
      ['an unknown department', { departmentId: '00000000-0000-4000-8000-000000000000' }, 'DEPARTMENT_NOT_FOUND', 'departmentId'],
    ])('refuses %s with a named error and writes nothing', async (_case, body, code, field) => {
      const me = await signedIn(t, ['alumnus'], { ...CONSENTED, city: '宁波' });
      const res = await patch(me.headers, { city: '上海', ...body });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(res.body.error.code).toBe(code);
      expect(res.body.error.details.map((d: { field?: string }) => d.field)).toContain(field);
      expect(await alumni().findOneByOrFail({ id: me.alumnus.id })).toMatchObject({ city: '宁波', visibility: {} });
      expect(await interactionsOf(me.alumnus.id)).toEqual([]);
    });
  });

  describe('avatar', () => {
    it('stores a PNG and serves it back at its URL with its content type', async () => {
      const me = await signedIn(t, ['alumnus'], CONSENTED);
      const res = await upload(me.headers, PNG);
      expect(res.status).toBe(200);
      expect(res.body.avatarUrl).toMatch(/^\/api\/v1\/uploads\/avatars\/[0-9a-f-]{36}\.png$/);
      const file = await fetch(`${t.baseUrl}${res.body.avatarUrl}`);
      expect(file.status).toBe(200);
      expect(file.headers.get('content-type')).toBe('image/png');
      expect(await pictureFacts(await file.arrayBuffer())).toEqual({ format: 'png', width: 8, height: 8, exif: false });
      expect((await interactionsOf(me.alumnus.id)).map((row) => row.detail)).toEqual([{ fields: ['avatar'] }]);
    });

    it('keeps no EXIF of a phone photo: the place it was taken and the camera are gone, the picture is kept', async () => {
      const me = await signedIn(t, ['alumnus'], CONSENTED);
      const photo = await phonePhoto(64, 48);
      expect(photo.includes(Buffer.from('AlumniPhone'))).toBe(true);
      const res = await upload(me.headers, photo, 'IMG_0001.jpg', 'image/jpeg');
      expect(res.status).toBe(200);
      const served = Buffer.from(await (await fetch(`${t.baseUrl}${res.body.avatarUrl}`)).arrayBuffer());
      expect(await pictureFacts(served)).toEqual({ format: 'jpeg', width: 64, height: 48, exif: false });
      expect(served.includes(Buffer.from('AlumniPhone'))).toBe(false);
    });

    it('stores a large photo at thumbnail size: an avatar only ever shows small', async () => {
      const me = await signedIn(t, ['alumnus'], CONSENTED);
      const res = await upload(me.headers, await phonePhoto(1200, 900), 'IMG_0002.jpg', 'image/jpeg');
      expect(res.status).toBe(200);
      const served = await (await fetch(`${t.baseUrl}${res.body.avatarUrl}`)).arrayBuffer();
      expect(await pictureFacts(served)).toEqual({ format: 'jpeg', width: 480, height: 360, exif: false });
    });

    it('refuses a file with an image header that is not a readable picture, and stores nothing', async () => {
      const me = await signedIn(t, ['alumnus'], CONSENTED);
      const before = await storedAvatars();
      const res = await upload(me.headers, Buffer.concat([PNG.subarray(0, 8), Buffer.alloc(64, 1)]), 'broken.png', 'image/png');
      expect([res.status, res.body.error.code]).toEqual([415, 'UPLOAD_TYPE_UNSUPPORTED']);
      expect(res.body.error.details).toEqual([{ field: 'file', issue: expect.stringMatching(/not a readable/) }]);
      expect(await storedAvatars()).toEqual(before);
    });

    it('replaces the previous avatar and removes its file', async () => {
      const me = await signedIn(t, ['alumnus'], CONSENTED);
      const first = await upload(me.headers, PNG);
      const second = await upload(me.headers, JPEG, 'photo.jpg', 'image/jpeg');
      expect(second.body.avatarUrl).toMatch(/\.jpg$/);
      expect((await t.request(first.body.avatarUrl)).body.error.code).toBe('UPLOAD_NOT_FOUND');
      expect((await fetch(`${t.baseUrl}${second.body.avatarUrl}`)).headers.get('content-type')).toBe('image/jpeg');
    });

    it('refuses a file that only claims to be an image (type read from its bytes)', async () => {
      const me = await signedIn(t, ['alumnus'], CONSENTED);
      const before = await storedAvatars();
      const res = await upload(me.headers, Buffer.from('<script>alert(1)</script>'), 'evil.png', 'image/png');
      expect(res.status).toBe(415);
      expect(res.body.error.code).toBe('UPLOAD_TYPE_UNSUPPORTED');
      expect((await alumni().findOneByOrFail({ id: me.alumnus.id })).avatarKey).toBeNull();
      expect(await storedAvatars()).toEqual(before);
    });

    it('refuses a file over 2 MB with 413', async () => {
      const me = await signedIn(t, ['alumnus'], CONSENTED);
      const before = await storedAvatars();
      const big = Buffer.concat([PNG, Buffer.alloc(2 * 1024 * 1024)]);
      const res = await upload(me.headers, big);
      expect(res.status).toBe(413);
      expect(res.body.error.code).toBe('UPLOAD_TOO_LARGE');
      expect((await alumni().findOneByOrFail({ id: me.alumnus.id })).avatarKey).toBeNull();
      expect(await interactionsOf(me.alumnus.id)).toEqual([]);
      expect(await storedAvatars()).toEqual(before);
    });

    it('refuses a request without a file, or one that is not multipart', async () => {
      const me = await signedIn(t, ['alumnus'], CONSENTED);
      const form = new FormData();
      form.append('note', 'no file');
      const empty = await t.request('/api/v1/me/avatar', { method: 'POST', headers: me.headers, body: form });
      expect(empty.status).toBe(400);
      expect(empty.body.error.code).toBe('UPLOAD_FILE_MISSING');
      const json = await t.request('/api/v1/me/avatar', {
        method: 'POST',
        headers: { ...me.headers, 'content-type': 'application/json' },
        body: '{}',
      });
      expect(json.status).toBe(415);
      expect(json.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    });

    it('answers an unknown or malformed upload key with 404 UPLOAD_NOT_FOUND', async () => {
      expect((await t.request('/api/v1/uploads/avatars/00000000-0000-4000-8000-000000000000.png')).body.error.code).toBe(
        'UPLOAD_NOT_FOUND',
      );
      expect((await t.request('/api/v1/uploads/avatars/..%2F..%2Fsecret.png')).status).toBe(404);
      // Only public folders are served here; claim evidence is streamed by its module after an access check.
      const evidence = await t.app
        .get<ObjectStorage>(OBJECT_STORAGE)
        .put({ folder: 'claim-evidence', body: PNG, contentType: 'image/png' });
      expect((await t.request(evidence.url)).body.error.code).toBe('UPLOAD_NOT_FOUND');
    });
  });

  describe('data export', () => {
    it('gives the owner their profile, visibility and interactions, an empty list of each other record, and records the export', async () => {
      const me = await signedIn(t, ['alumnus'], { ...CONSENTED, realName: '王芳', city: '温州' });
      await patch(me.headers, { employer: '某某学校', visibility: { employer: 'staff' } });
      const res = await t.request('/api/v1/me/export', { headers: me.headers });
      expect(res.status).toBe(200);
      expect(res.body.profile).toMatchObject({ id: me.alumnus.id, realName: '王芳', city: '温州', employer: '某某学校' });
      expect(res.body.profile.visibility.employer).toBe('staff');
      expect(res.body.profile.createdAt).toMatch(/Z$/);
      expect(res.body.records.interactions.map((row: { kind: string }) => row.kind)).toEqual([
        'identity.profile_updated',
        'identity.data_exported',
      ]);
      expect(res.body.records).toMatchObject({ donations: [], registrations: [], memberships: [], posts: [], comments: [], claims: [] });
      expect(res.body.exportedAt).toMatch(/Z$/);
    });

    it('exports only the caller: there is no way to name someone else', async () => {
      const me = await signedIn(t, ['alumnus'], CONSENTED);
      expect((await t.request(`/api/v1/me/export?id=${me.alumnus.id}`, { headers: me.headers })).status).toBe(200);
      expect((await t.request(`/api/v1/alumni/${me.alumnus.id}/export`, { headers: me.headers })).status).toBe(404);
    });
  });

  describe('account deletion', () => {
    it('erases personal fields and the WeChat identity, anonymises interactions, audits the erasure, and removes the avatar', async () => {
      const me = await signedIn(t, ['alumnus'], {
        ...CONSENTED,
        realName: '赵敏',
        city: '台州',
        employer: '某某公司',
        verifiedAt: new Date(),
      });
      const openid = me.alumnus.openid!;
      await patch(me.headers, { bio: '你好' });
      const avatar = (await upload(me.headers, PNG)).body.avatarUrl as string;

      const res = await t.request('/api/v1/me', { method: 'DELETE', headers: me.headers });
      expect(res.status).toBe(204);

      const row = await alumni().findOneByOrFail({ id: me.alumnus.id });
      expect(row).toMatchObject({
        openid: null,
        unionid: null,
        displayName: '已注销校友',
        realName: null,
        city: null,
        employer: null,
        bio: null,
        avatarKey: null,
        verifiedAt: null,
        visibility: {},
        deletedAt: expect.any(Date),
      });
      expect(await alumni().findOneBy({ openid })).toBeNull();
      expect(await interactionsOf(me.alumnus.id)).toEqual([]);
      const anonymous = await t.dataSource
        .getRepository(InteractionEntity)
        .createQueryBuilder('i')
        .where('i.alumnusId IS NULL')
        .andWhere("i.kind IN ('identity.account_deleted', 'identity.profile_updated')")
        .getCount();
      expect(anonymous).toBeGreaterThanOrEqual(3);
      const audit = await t.dataSource
        .getRepository(AuditEntryEntity)
        .findOneByOrFail({ action: 'alumnus.erased', subjectId: me.alumnus.id });
      expect(audit.actorId).toBe(me.alumnus.id);
      expect(audit.before).toEqual({
        erasedFields: expect.arrayContaining(['openid', 'consentVersion', 'realName', 'city', 'avatarKey', 'verifiedAt']),
      });
      expect(JSON.stringify(audit)).not.toContain('赵敏');
      expect((await t.request(avatar)).status).toBe(404);

      expect((await t.request('/api/v1/me', { headers: me.headers })).body.error.code).toBe('ALUMNUS_NOT_FOUND');
      const staff = await signedIn(t, ['staff']);
      expect((await t.request(`/api/v1/alumni/${me.alumnus.id}`, { headers: staff.headers })).body.error.code).toBe('ALUMNUS_NOT_FOUND');
    });
  });

  it('after erasure, WeChat sign-in no longer finds the account and its sessions are revoked', async () => {
    const openid = newOpenid();
    const session = await signInWithWechat(t, openid);
    expect((await t.request('/api/v1/me/consent', json({ version: PRIVACY_NOTICE.version }, bearer(session)))).status).toBeLessThan(300);
    expect((await patch(bearer(session), { realName: '钱多多' })).status).toBe(200);
    expect((await t.request('/api/v1/me', { method: 'DELETE', headers: bearer(session) })).status).toBe(204);

    const refresh = await t.request('/api/v1/auth/refresh', json({ refreshToken: session.refreshToken }));
    expect(refresh.status).toBe(401);
    const again = await signInWithWechat(t, openid);
    expect(again.alumnus.id).not.toBe(session.alumnus.id);
    const fresh = await t.request('/api/v1/me', { headers: bearer(again) });
    expect(fresh.body.realName).toBeNull();
  });

  describe('alumnus card visibility', () => {
    let owner: AlumnusEntity;
    beforeAll(async () => {
      owner = await createAlumnus(t, {
        verifiedAt: new Date(),
        realName: '陈静',
        graduationYear: 2010,
        departmentId: department.id,
        major: '机械设计',
        className: '机械 1001 班',
        degree: 'master',
        city: '苏州',
        industry: '制造业',
        employer: '某某集团',
        jobTitle: '总监',
        bio: '热爱母校',
        avatarKey: 'avatars/00000000-0000-4000-8000-000000000001.png',
        phoneEncrypted: 'k1:ciphertext-never-shown',
        phoneHash: 'hash-never-shown',
        phoneMasked: '138****1234',
        // Everything at "groups" or "staff" except the name: nothing else may reach another alumnus.
        visibility: {
          avatar: 'staff',
          graduationYear: 'groups',
          department: 'staff',
          major: 'groups',
          className: 'staff',
          degree: 'groups',
          city: 'staff',
          industry: 'groups',
          employer: 'staff',
          jobTitle: 'groups',
          bio: 'staff',
          phone: 'staff',
        },
      });
    });

    const hidden = {
      avatarUrl: null,
      graduationYear: null,
      department: null,
      major: null,
      className: null,
      degree: null,
      city: null,
      industry: null,
      employer: null,
      jobTitle: null,
      bio: null,
      phoneMasked: null,
    };

    it('shows another alumnus only the fields open to everyone', async () => {
      const other = await signedIn(t, ['alumnus'], { ...CONSENTED, verifiedAt: new Date() });
      const res = await t.request(`/api/v1/alumni/${owner.id}`, { headers: other.headers });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ id: owner.id, displayName: owner.displayName, verified: true, realName: '陈静', ...hidden });
      expect(JSON.stringify(res.body)).not.toMatch(/ciphertext|hash-never/);
    });

    it('shows a member of a shared group the fields open to "groups", and only while they share it', async () => {
      const peer = await signedIn(t, ['alumnus'], { ...CONSENTED, verifiedAt: new Date() });
      const [group] = await t.dataSource.query(
        `INSERT INTO groups (kind, name, intro, join_policy, status) VALUES ('interest', '同好会', '', 'open', 'active') RETURNING id`,
      );
      await t.dataSource.query(
        `INSERT INTO group_memberships (group_id, alumnus_id, status, joined_at) VALUES ($1, $2, 'active', now()), ($1, $3, 'active', now())`,
        [group.id, owner.id, peer.alumnus.id],
      );
      const shared = await t.request(`/api/v1/alumni/${owner.id}`, { headers: peer.headers });
      expect(shared.body).toMatchObject({ graduationYear: 2010, major: '机械设计', industry: '制造业', city: null, employer: null });
      await t.dataSource.query(`UPDATE group_memberships SET status = 'left' WHERE alumnus_id = $1`, [peer.alumnus.id]);
      const left = await t.request(`/api/v1/alumni/${owner.id}`, { headers: peer.headers });
      expect(left.body).toMatchObject({ graduationYear: null, major: null, industry: null });
    });

    it('shows staff every field', async () => {
      const staff = await signedIn(t, ['staff']);
      const res = await t.request(`/api/v1/alumni/${owner.id}`, { headers: staff.headers });
      expect(res.body).toMatchObject({
        avatarUrl: '/api/v1/uploads/avatars/00000000-0000-4000-8000-000000000001.png',
        graduationYear: 2010,
        department: { id: department.id, name: '机电工程学院' },
        className: '机械 1001 班',
        city: '苏州',
        employer: '某某集团',
        bio: '热爱母校',
        phoneMasked: '138****1234',
      });
      expect(JSON.stringify(res.body)).not.toMatch(/ciphertext|hash-never/);
    });

    it('shows the owner every field on their own card', async () => {
      const { token } = await import('../auth/token.service.js').then(({ TokenService }) =>
        t.app.get(TokenService).issueAccessToken({ id: owner.id, roles: ['alumnus'] }),
      );
      const res = await t.request(`/api/v1/alumni/${owner.id}`, { headers: { authorization: `Bearer ${token}` } });
      expect(res.body).toMatchObject({ city: '苏州', employer: '某某集团', className: '机械 1001 班' });
    });

    it('answers anonymous callers 401, alumni not yet verified 403, and hides unverified alumni from other alumni', async () => {
      expect((await t.request(`/api/v1/alumni/${owner.id}`)).status).toBe(401);
      const newcomer = await signedIn(t, ['alumnus'], CONSENTED);
      const refused = await t.request(`/api/v1/alumni/${owner.id}`, { headers: newcomer.headers });
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('DIRECTORY_VERIFICATION_REQUIRED');
      expect((await t.request(`/api/v1/alumni/${newcomer.alumnus.id}`, { headers: newcomer.headers })).body.id).toBe(newcomer.alumnus.id);
      const unverified = await createAlumnus(t, { realName: '未认证' });
      const other = await signedIn(t, ['alumnus'], { ...CONSENTED, verifiedAt: new Date() });
      expect((await t.request(`/api/v1/alumni/${unverified.id}`, { headers: other.headers })).body.error.code).toBe('ALUMNUS_NOT_FOUND');
      expect((await t.request('/api/v1/alumni/not-a-uuid', { headers: other.headers })).status).toBe(400);
    });

    it('gives an alumnus no way to change someone else’s profile', async () => {
      const other = await signedIn(t, ['alumnus'], { ...CONSENTED, verifiedAt: new Date() });
      expect((await t.request(`/api/v1/alumni/${owner.id}`, { method: 'PATCH', headers: other.headers })).status).toBe(404);
      expect((await t.request(`/api/v1/alumni/${owner.id}`, { method: 'DELETE', headers: other.headers })).status).toBe(404);
      expect(await alumni().findOneByOrFail({ id: owner.id })).toMatchObject({ realName: '陈静', deletedAt: null });
    });
  });
});
