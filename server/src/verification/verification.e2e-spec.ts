import { signedIn as signedInUnconsented } from '../../test/auth.js';
import { createDepartments, createRosterEntry, uploadFile } from '../../test/roster.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import type { AlumnusEntity } from '../alumni/alumnus.entity.js';
import { TokenService } from '../auth/token.service.js';
import { seedDemoData } from '../database/seed/demo-seed.js';
import { PRIVACY_NOTICE } from '../identity/privacy-notice.js';
import { picture, pictureFacts } from '../../test/images.js';

const CLAIMS = '/api/v1/me/claims';
const QUEUE = '/api/v1/staff/claims';
const PNG = await picture('png');

/** Claims store personal data, so the alumni of these tests have accepted the privacy notice. */
const signedIn = (t: TestApp, roles: Parameters<typeof signedInUnconsented>[1] = ['alumnus'], values: Partial<AlumnusEntity> = {}) =>
  signedInUnconsented(t, roles, { consentVersion: PRIVACY_NOTICE.version, consentedAt: new Date(), ...values });

type User = Awaited<ReturnType<typeof signedIn>>;

describe('verification claims', () => {
  let t: TestApp;
  let staff: User;
  let mech: string;
  let info: string;
  const post = (path: string, user: User, body: unknown) =>
    t.request(path, { method: 'POST', headers: { ...user.headers, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const claim = (user: User, body: Record<string, unknown>) => post(CLAIMS, user, { graduationYear: 2016, departmentId: mech, ...body });
  const alumnusRow = async (id: string) =>
    (
      await t.dataSource.query(
        'SELECT verified_at, real_name, graduation_year, department_id, major, class_name, degree FROM alumni WHERE id = $1',
        [id],
      )
    )[0];
  const kinds = async (id: string) =>
    (await t.dataSource.query('SELECT kind FROM interactions WHERE alumnus_id = $1 ORDER BY id', [id])).map(
      (r: { kind: string }) => r.kind,
    );
  const notifications = (id: string) =>
    t.dataSource.query('SELECT kind, payload FROM outbox_messages WHERE alumnus_id = $1 ORDER BY created_at', [id]);
  const countClaims = async (id: string) =>
    (await t.dataSource.query('SELECT count(*)::int AS n FROM verification_claims WHERE alumnus_id = $1', [id]))[0].n as number;

  beforeAll(async () => {
    t = await startTestApp();
    const departments = await createDepartments(t, ['机械工程学院', '信息工程学院']);
    mech = departments.get('机械工程学院')!;
    info = departments.get('信息工程学院')!;
    staff = await signedIn(t, ['alumnus', 'staff']);
  });
  afterAll(() => t.close());

  describe('filing a claim', () => {
    it('verifies at once on a unique student-number match: profile copied, entry claimed, two interaction rows', async () => {
      const entry = await createRosterEntry(t, {
        departmentId: mech,
        name: '张伟',
        studentNumber: 'S2012001',
        major: '机械设计',
        className: '机械1201班',
      });
      const me = await signedIn(t);
      // Full-width digits and stray spaces typed on a phone still match.
      const res = await claim(me, { name: ' 张伟 ', studentNumber: 'Ｓ２０１２００１' });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        status: 'matched',
        name: '张伟',
        studentNumber: 'S2012001',
        department: { id: mech, name: '机械工程学院' },
      });
      expect(res.body.decidedAt).toBe(res.body.createdAt);
      expect(await alumnusRow(me.alumnus.id)).toEqual({
        verified_at: expect.any(Date),
        real_name: '张伟',
        graduation_year: 2016,
        department_id: mech,
        major: '机械设计',
        class_name: '机械1201班',
        degree: 'bachelor',
      });
      const [claimed] = await t.dataSource.query('SELECT claimed_by FROM roster_entries WHERE id = $1', [entry.id]);
      expect(claimed.claimed_by).toBe(me.alumnus.id);
      expect(await kinds(me.alumnus.id)).toEqual(['identity.claimed', 'identity.verified']);
    });

    it('verifies at once on a unique class match', async () => {
      await createRosterEntry(t, { departmentId: info, name: '李娜', className: '软件1101班', graduationYear: 2015 });
      const me = await signedIn(t);
      const res = await claim(me, { name: '李娜', graduationYear: 2015, departmentId: info, className: '软件1101班' });
      expect(res.body.status).toBe('matched');
      expect((await alumnusRow(me.alumnus.id)).verified_at).not.toBeNull();
    });

    it('queues an ambiguous claim (two namesakes in one class) and a claim with no match, verifying nobody', async () => {
      await createRosterEntry(t, { departmentId: mech, name: '王芳', className: '机械1302班', graduationYear: 2017 });
      await createRosterEntry(t, { departmentId: mech, name: '王芳', className: '机械1302班', graduationYear: 2017 });
      const twin = await signedIn(t);
      const ambiguous = await claim(twin, { name: '王芳', graduationYear: 2017, className: '机械1302班' });
      expect(ambiguous.body.status).toBe('pending');
      const stranger = await signedIn(t);
      const unmatched = await claim(stranger, { name: '无名氏', studentNumber: 'NOPE' });
      expect(unmatched.body.status).toBe('pending');
      for (const user of [twin, stranger]) {
        expect((await alumnusRow(user.alumnus.id)).verified_at).toBeNull();
        expect(await kinds(user.alumnus.id)).toEqual(['identity.claim_submitted']);
      }
    });

    it('gives an entry to one account only: a second claimant of a claimed entry waits for staff', async () => {
      await createRosterEntry(t, { departmentId: mech, name: '赵敏', studentNumber: 'S-TAKEN' });
      const first = await signedIn(t);
      const second = await signedIn(t);
      expect((await claim(first, { name: '赵敏', studentNumber: 'S-TAKEN' })).body.status).toBe('matched');
      expect((await claim(second, { name: '赵敏', studentNumber: 'S-TAKEN' })).body.status).toBe('pending');
      expect((await alumnusRow(second.alumnus.id)).verified_at).toBeNull();
    });

    it('lets exactly one of two concurrent claimants of the same entry win', async () => {
      for (let round = 0; round < 5; round++) {
        const entry = await createRosterEntry(t, { departmentId: mech, name: '并发', studentNumber: `RACE${round}` });
        const [a, b] = await Promise.all([signedIn(t), signedIn(t)]);
        const results = await Promise.all([a, b].map((user) => claim(user, { name: '并发', studentNumber: `RACE${round}` })));
        expect(results.map((r) => r.status)).toEqual([201, 201]);
        expect(results.map((r) => r.body.status).sort()).toEqual(['matched', 'pending']);
        const winner = results[0]!.body.status === 'matched' ? a : b;
        const [row] = await t.dataSource.query('SELECT claimed_by FROM roster_entries WHERE id = $1', [entry.id]);
        expect(row.claimed_by).toBe(winner.alumnus.id);
        const verified = await t.dataSource.query(
          'SELECT count(*)::int AS n FROM alumni WHERE id IN ($1, $2) AND verified_at IS NOT NULL',
          [a.alumnus.id, b.alumnus.id],
        );
        expect(verified[0].n).toBe(1);
      }
    });

    it('refuses a claim from a verified alumnus with 409 CLAIM_ALREADY_VERIFIED', async () => {
      const me = await signedIn(t, ['alumnus'], { verifiedAt: new Date() });
      const res = await claim(me, { name: '任何人', studentNumber: 'X' });
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('CLAIM_ALREADY_VERIFIED');
      expect(await countClaims(me.alumnus.id)).toBe(0);
    });

    it('allows five unmatched claims a day, then answers 429 CLAIM_RATE_LIMITED even for a right guess', async () => {
      await createRosterEntry(t, { departmentId: mech, name: '孙丽', studentNumber: 'GUESS-RIGHT' });
      const me = await signedIn(t);
      for (let i = 0; i < 5; i++) {
        expect((await claim(me, { name: '孙丽', studentNumber: `GUESS-${i}` })).body.status).toBe('pending');
      }
      const limited = await claim(me, { name: '孙丽', studentNumber: 'GUESS-RIGHT' });
      expect(limited.status).toBe(429);
      expect(limited.body.error.code).toBe('CLAIM_RATE_LIMITED');
      expect(await countClaims(me.alumnus.id)).toBe(5);
      expect((await alumnusRow(me.alumnus.id)).verified_at).toBeNull();
      // Each new claim replaced the previous one in the queue.
      const statuses = await t.dataSource.query(
        'SELECT status, count(*)::int AS n FROM verification_claims WHERE alumnus_id = $1 GROUP BY status ORDER BY status',
        [me.alumnus.id],
      );
      expect(statuses).toEqual([
        { status: 'pending', n: 1 },
        { status: 'withdrawn', n: 4 },
      ]);
    });

    it.each([
      [{ name: '张三' }, 400, 'CLAIM_IDENTIFIER_REQUIRED'],
      [{ name: '张三', studentNumber: '   ', className: '' }, 400, 'CLAIM_IDENTIFIER_REQUIRED'],
      [{ name: '张三', studentNumber: '1', admin: true }, 400, 'VALIDATION_FAILED'],
      [{ name: '', studentNumber: '1' }, 400, 'VALIDATION_FAILED'],
      [{ name: '张三', studentNumber: '1', graduationYear: '2016' }, 400, 'VALIDATION_FAILED'],
      [{ name: '张三', studentNumber: '1', graduationYear: 2999 }, 400, 'VALIDATION_FAILED'],
      [{ name: '张三', studentNumber: '1', departmentId: 'e7d5b9a0-0000-4000-8000-000000000000' }, 422, 'DEPARTMENT_NOT_FOUND'],
    ])('refuses %j with %i %s and writes nothing', async (body, status, code) => {
      const me = await signedIn(t);
      const res = await claim(me, body);
      expect(res.status).toBe(status);
      expect(res.body.error.code).toBe(code);
      expect(await countClaims(me.alumnus.id)).toBe(0);
      expect(await kinds(me.alumnus.id)).toEqual([]);
    });

    it('refuses a claim before the privacy notice is accepted with 403 CONSENT_REQUIRED', async () => {
      const me = await signedInUnconsented(t);
      const res = await claim(me, { name: '张三', studentNumber: '1' });
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('CONSENT_REQUIRED');
      expect(await countClaims(me.alumnus.id)).toBe(0);
    });

    it('shows an alumnus their own claims only', async () => {
      const me = await signedIn(t);
      const other = await signedIn(t);
      await claim(me, { name: '我自己', studentNumber: 'MINE-1' });
      await claim(other, { name: '别人', studentNumber: 'THEIRS-1' });
      const res = await t.request(CLAIMS, { headers: me.headers });
      expect(res.status).toBe(200);
      expect(res.body.items.map((c: { name: string }) => c.name)).toEqual(['我自己']);
      expect(res.body.items[0]).not.toHaveProperty('evidenceKey');
    });
  });

  describe('evidence photos', () => {
    let me: User;
    let claimId: string;
    beforeAll(async () => {
      me = await signedIn(t);
      claimId = (await claim(me, { name: '有证明', studentNumber: 'EV-1' })).body.id;
    });

    it('attaches a photo to my pending claim, which staff (and only staff) can view', async () => {
      const res = await uploadFile(t, `${CLAIMS}/${claimId}/evidence`, me.headers, PNG, 'diploma.png', 'image/png');
      expect(res.status).toBe(200);
      expect(res.body.hasEvidence).toBe(true);
      const seen = await fetch(`${t.baseUrl}${QUEUE}/${claimId}/evidence`, { headers: staff.headers });
      expect(seen.status).toBe(200);
      expect(seen.headers.get('content-type')).toBe('image/png');
      expect(await pictureFacts(await seen.arrayBuffer())).toEqual({ format: 'png', width: 8, height: 8, exif: false });
      expect((await t.request(`${QUEUE}/${claimId}/evidence`, { headers: me.headers })).status).toBe(403);
    });

    it('refuses a file that is not an image, one over 2 MB, and someone else’s claim', async () => {
      const text = await uploadFile(t, `${CLAIMS}/${claimId}/evidence`, me.headers, Buffer.from('<script>'), 'x.png', 'image/png');
      expect([text.status, text.body.error.code]).toEqual([415, 'UPLOAD_TYPE_UNSUPPORTED']);
      const big = await uploadFile(
        t,
        `${CLAIMS}/${claimId}/evidence`,
        me.headers,
        Buffer.concat([PNG, Buffer.alloc(2 * 1024 * 1024)]),
        'big.png',
      );
      expect([big.status, big.body.error.code]).toEqual([413, 'UPLOAD_TOO_LARGE']);
      const other = await signedIn(t);
      const foreign = await uploadFile(t, `${CLAIMS}/${claimId}/evidence`, other.headers, PNG, 'x.png');
      expect([foreign.status, foreign.body.error.code]).toEqual([404, 'CLAIM_NOT_FOUND']);
    });
  });

  describe('the staff queue', () => {
    it('lists pending claims oldest first with their waiting time and candidate entries, page by page', async () => {
      const entry = await createRosterEntry(t, { departmentId: info, name: '周杰', graduationYear: 2010, studentNumber: 'Q-2010-1' });
      const me = await signedIn(t);
      const mine = await claim(me, { name: '周杰', graduationYear: 2010, departmentId: info, studentNumber: 'Q-WRONG' });
      await t.dataSource.query("UPDATE verification_claims SET created_at = now() - interval '3 hours' WHERE id = $1", [mine.body.id]);

      const seen: { id: string; waitingSeconds: number; createdAt: string }[] = [];
      let cursor: string | null = null;
      do {
        const res: { status: number; body: { items: typeof seen; nextCursor: string | null } } = await t.request(
          `${QUEUE}?status=pending&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
          { headers: staff.headers },
        );
        expect(res.status).toBe(200);
        seen.push(...res.body.items);
        cursor = res.body.nextCursor;
      } while (cursor);
      const pending = await t.dataSource.query("SELECT count(*)::int AS n FROM verification_claims WHERE status = 'pending'");
      expect(seen).toHaveLength(pending[0].n);
      expect(seen.map((c) => c.createdAt)).toEqual([...seen.map((c) => c.createdAt)].sort());
      const item = seen.find((c) => c.id === mine.body.id) as unknown as Record<string, any>;
      expect(seen[0]!.id).toBe(mine.body.id);
      expect(item.waitingSeconds).toBeGreaterThanOrEqual(3 * 3600);
      expect(item.alumnus).toEqual({ id: me.alumnus.id, displayName: me.alumnus.displayName });
      expect(item.candidates).toEqual([
        expect.objectContaining({
          id: entry.id,
          studentNumber: 'Q-2010-1',
          claimed: false,
          department: { id: info, name: '信息工程学院' },
        }),
      ]);
    });

    it('approves with the chosen roster entry: verified, profile from the roster, audited, seen by the alumnus', async () => {
      const entry = await createRosterEntry(t, {
        departmentId: info,
        name: '吴磊',
        graduationYear: 2011,
        className: '通信0701班',
        major: '通信工程',
        degree: 'master',
      });
      const me = await signedIn(t);
      const filed = await claim(me, { name: '吴磊', graduationYear: 2011, departmentId: info, studentNumber: 'TYPO' });
      const res = await post(`${QUEUE}/${filed.body.id}/approve`, staff, { rosterEntryId: entry.id });
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('approved');
      expect(await alumnusRow(me.alumnus.id)).toMatchObject({
        real_name: '吴磊',
        class_name: '通信0701班',
        major: '通信工程',
        degree: 'master',
        verified_at: expect.any(Date),
      });
      expect(await kinds(me.alumnus.id)).toEqual(['identity.claim_submitted', 'identity.claimed', 'identity.verified']);
      const audit = await t.dataSource.query(
        "SELECT actor_id, before, after FROM audit_entries WHERE action = 'claim.approved' AND subject_id = $1",
        [filed.body.id],
      );
      expect(audit).toEqual([
        {
          actor_id: staff.alumnus.id,
          before: { status: 'pending' },
          after: { status: 'approved', alumnusId: me.alumnus.id, rosterEntryId: entry.id },
        },
      ]);
      const mine = await t.request(CLAIMS, { headers: me.headers });
      expect(mine.body.items[0]).toMatchObject({ id: filed.body.id, status: 'approved', decidedAt: expect.any(String) });
      expect(await notifications(me.alumnus.id)).toEqual([
        {
          kind: 'verification.decided',
          payload: { claimId: filed.body.id, status: 'approved', reason: null, decidedAt: mine.body.items[0].decidedAt },
        },
      ]);

      const again = await post(`${QUEUE}/${filed.body.id}/approve`, staff, {});
      expect([again.status, again.body.error.code]).toEqual([409, 'CLAIM_NOT_PENDING']);
    });

    it('approves days later without overwriting what the alumnus saved meanwhile; what the claim proved is kept', async () => {
      const entry = await createRosterEntry(t, {
        departmentId: info,
        name: '冯晨',
        graduationYear: 2013,
        className: null,
        major: '通信工程',
        degree: 'master',
      });
      const me = await signedIn(t);
      const filed = await claim(me, { name: '冯晨', graduationYear: 2013, departmentId: info, className: '通信0901班' });
      expect(filed.body.status).toBe('pending');
      // While the claim waits, the alumnus completes the profile.
      const saved = await t.request('/api/v1/me', {
        method: 'PATCH',
        headers: { ...me.headers, 'content-type': 'application/json' },
        body: JSON.stringify({ major: '光电信息', className: '光电0902班' }),
      });
      expect(saved.status).toBe(200);
      await post(`${QUEUE}/${filed.body.id}/approve`, staff, { rosterEntryId: entry.id });
      expect(await alumnusRow(me.alumnus.id)).toMatchObject({
        real_name: '冯晨',
        graduation_year: 2013,
        department_id: info,
        major: '光电信息', // saved by the alumnus, not the roster's
        class_name: '光电0902班', // the roster knows no class: nothing to take
        degree: 'master', // empty before: filled from the roster
        verified_at: expect.any(Date),
      });
    });

    it('refuses to approve with an entry another account holds, changing nothing', async () => {
      const entry = await createRosterEntry(t, { departmentId: mech, name: '冯刚', studentNumber: 'HELD' });
      const holder = await signedIn(t);
      await claim(holder, { name: '冯刚', studentNumber: 'HELD' });
      const me = await signedIn(t);
      const filed = await claim(me, { name: '冯刚', studentNumber: 'HELD' });
      expect(filed.body.status).toBe('pending');
      const res = await post(`${QUEUE}/${filed.body.id}/approve`, staff, { rosterEntryId: entry.id });
      expect([res.status, res.body.error.code]).toEqual([409, 'ROSTER_ENTRY_ALREADY_CLAIMED']);
      const [row] = await t.dataSource.query('SELECT status FROM verification_claims WHERE id = $1', [filed.body.id]);
      expect(row.status).toBe('pending');
      expect((await alumnusRow(me.alumnus.id)).verified_at).toBeNull();
      expect(await t.dataSource.query('SELECT 1 FROM audit_entries WHERE subject_id = $1', [filed.body.id])).toEqual([]);
    });

    it('approves without a roster entry, taking the claim’s own details', async () => {
      const me = await signedIn(t);
      const filed = await claim(me, { name: '郑爽', graduationYear: 2009, departmentId: info, className: '计算机0501班' });
      const res = await post(`${QUEUE}/${filed.body.id}/approve`, staff, {});
      expect(res.body.status).toBe('approved');
      expect(await alumnusRow(me.alumnus.id)).toMatchObject({
        real_name: '郑爽',
        graduation_year: 2009,
        department_id: info,
        class_name: '计算机0501班',
      });
      expect(await kinds(me.alumnus.id)).toEqual(['identity.claim_submitted', 'identity.verified']);
    });

    it('rejects with a reason the alumnus sees; audited; a blank reason is refused', async () => {
      const me = await signedIn(t);
      const filed = await claim(me, { name: '韩梅', studentNumber: 'NOT-ON-ROSTER' });
      const blank = await post(`${QUEUE}/${filed.body.id}/reject`, staff, { reason: '  ' });
      expect([blank.status, blank.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
      const res = await post(`${QUEUE}/${filed.body.id}/reject`, staff, { reason: '名册中没有该学号，请上传毕业证照片' });
      expect(res.body).toMatchObject({ status: 'rejected', rejectReason: '名册中没有该学号，请上传毕业证照片' });
      const mine = await t.request(CLAIMS, { headers: me.headers });
      expect(mine.body.items[0]).toMatchObject({ status: 'rejected', rejectReason: '名册中没有该学号，请上传毕业证照片' });
      expect((await alumnusRow(me.alumnus.id)).verified_at).toBeNull();
      expect(await kinds(me.alumnus.id)).toEqual(['identity.claim_submitted', 'identity.claim_rejected']);
      const audit = await t.dataSource.query(
        "SELECT actor_id, after FROM audit_entries WHERE action = 'claim.rejected' AND subject_id = $1",
        [filed.body.id],
      );
      expect(audit).toEqual([{ actor_id: staff.alumnus.id, after: { status: 'rejected', reason: '名册中没有该学号，请上传毕业证照片' } }]);
      expect(await notifications(me.alumnus.id)).toEqual([
        {
          kind: 'verification.decided',
          payload: {
            claimId: filed.body.id,
            status: 'rejected',
            reason: '名册中没有该学号，请上传毕业证照片',
            decidedAt: expect.any(String),
          },
        },
      ]);
    });

    it('keeps alumni out of every staff route', async () => {
      const me = await signedIn(t);
      const filed = await claim(me, { name: '自批', studentNumber: 'SELF' });
      for (const res of [
        await t.request(QUEUE, { headers: me.headers }),
        await t.request(`${QUEUE}/stats`, { headers: me.headers }),
        await post(`${QUEUE}/${filed.body.id}/approve`, me, {}),
        await post(`${QUEUE}/${filed.body.id}/reject`, me, { reason: 'x' }),
      ]) {
        expect([res.status, res.body.error.code]).toEqual([403, 'FORBIDDEN']);
      }
      expect((await t.request(CLAIMS)).status).toBe(401);
      expect((await alumnusRow(me.alumnus.id)).verified_at).toBeNull();
    });

    it('refuses unknown fields and statuses', async () => {
      const bad = await t.request(`${QUEUE}?status=lost`, { headers: staff.headers });
      expect([bad.status, bad.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
      const me = await signedIn(t);
      const filed = await claim(me, { name: '多余', studentNumber: 'EXTRA' });
      const extra = await post(`${QUEUE}/${filed.body.id}/approve`, staff, { verifiedAt: '2020-01-01' });
      expect([extra.status, extra.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
      expect((await alumnusRow(me.alumnus.id)).verified_at).toBeNull();
    });
  });
});

describe('GET /api/v1/staff/claims/stats', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('reports the pending count and the median time to verified over the last 30 days', async () => {
    const [department] = await createDepartments(t, ['机械工程学院']).then((m) => [...m.values()]);
    const staff = await signedIn(t, ['staff']);
    const empty = await t.request('/api/v1/staff/claims/stats', { headers: staff.headers });
    expect(empty.body).toEqual({ pendingCount: 0, medianSecondsToVerified: null, verifiedLast30Days: 0 });

    // [status, hours ago filed, hours it took]: the median of 0, 0, 1 h, 3 h, 5 h is 1 h.
    const data: [string, number, number | null][] = [
      ['matched', 2, 0],
      ['matched', 50, 0],
      ['approved', 30, 1],
      ['approved', 10, 3],
      ['approved', 100, 5],
      ['approved', 40 * 24, 2], // verified 40 days ago: outside the window
      ['rejected', 5, 1], // never verified
      ['pending', 4, null],
      ['pending', 1, null],
    ];
    for (const [status, ago, took] of data) {
      const alumnus = await signedIn(t);
      await t.dataSource.query(
        `INSERT INTO verification_claims (alumnus_id, status, name, graduation_year, department_id, student_number, reject_reason, created_at, decided_at)
         VALUES ($1, $2, '某人', 2016, $3, 'N', $4, now() - make_interval(hours => $5::int), now() - make_interval(hours => $5::int) + make_interval(hours => $6::int))`,
        [alumnus.alumnus.id, status, department, status === 'rejected' ? '不符' : null, ago, took],
      );
    }
    const res = await t.request('/api/v1/staff/claims/stats', { headers: staff.headers });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ pendingCount: 2, medianSecondsToVerified: 3600, verifiedLast30Days: 5 });
  });
});

describe('the demo college', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await t.dataSource.transaction((manager) => seedDemoData(manager));
  });
  afterAll(() => t.close());

  it('lets a demo account verify itself by class against the seeded roster', async () => {
    const [account] = await t.dataSource.query(
      `SELECT a.id, a.real_name, a.graduation_year, a.department_id, a.class_name FROM alumni a
        WHERE a.openid IS NOT NULL AND 'staff' <> ALL(a.roles)
          AND (SELECT count(*) FROM roster_entries e
                WHERE e.name = a.real_name AND e.graduation_year = a.graduation_year
                  AND e.department_id = a.department_id AND e.class_name = a.class_name) = 1
        LIMIT 1`,
    );
    const { token } = t.app.get(TokenService).issueAccessToken({ id: account.id, roles: ['alumnus'] });
    const res = await t.request(CLAIMS, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        name: account.real_name,
        graduationYear: account.graduation_year,
        departmentId: account.department_id,
        className: account.class_name,
      }),
    });
    expect(res.body.status).toBe('matched');
  });
});
