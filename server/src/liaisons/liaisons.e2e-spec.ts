import { type ClassInvitationDto, type ClassRosterDto, describeInteraction, type StaffLiaisonClassDto } from '@alumni/shared';
import { GroupsService } from '../groups/groups.service.js';
import { PRIVACY_NOTICE } from '../identity/privacy-notice.js';
import { signedIn } from '../../test/auth.js';
import { createDepartments, createRosterEntry } from '../../test/roster.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';

type Who = Awaited<ReturnType<typeof signedIn>>;
const json = (body: unknown, headers: Record<string, string>, method = 'POST'): RequestInit => ({
  method,
  headers: { ...headers, 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

/**
 * Two classes of 2016:
 *   机械1201班: 张一 and 李二 verified, 王三 with a claim waiting for staff, 赵四 and 钱五 never reached;
 *   机械1202班: 孙六 verified, 周七 never reached.
 * 张一 becomes liaison of 1201, 孙六 of 1202; 赵四 comes in through 张一's invitation.
 */
describe('class liaisons', () => {
  let t: TestApp;
  let staff: Who;
  let zhang: Who;
  let li: Who;
  let sun: Who;
  let outsider: Who;
  let department: string;
  const entries: Record<string, string> = {};
  const classes: Record<string, string> = {};
  const consented = { consentVersion: PRIVACY_NOTICE.version, consentedAt: new Date() };

  const get = (path: string, who?: Who) => t.request(`/api/v1${path}`, { headers: who?.headers ?? {} });
  const send = (path: string, who: Who, body: unknown = {}) => t.request(`/api/v1${path}`, json(body, who.headers));
  const interactions = async (alumnusId: string, kind: string) =>
    (await t.dataSource.query('SELECT count(*)::int AS n FROM interactions WHERE alumnus_id = $1 AND kind = $2', [alumnusId, kind]))[0].n;

  async function graduate(name: string, className: string, claimedBy?: Who) {
    const entry = await createRosterEntry(t, { departmentId: department, name, className, graduationYear: 2016 });
    entries[name] = entry.id;
    if (claimedBy) {
      await t.dataSource.query('UPDATE roster_entries SET claimed_by = $2, claimed_at = now() WHERE id = $1', [
        entry.id,
        claimedBy.alumnus.id,
      ]);
    }
  }

  beforeAll(async () => {
    t = await startTestApp();
    department = (await createDepartments(t, ['机械工程学院'])).get('机械工程学院')!;
    staff = await signedIn(t, ['alumnus', 'staff'], { ...consented, verifiedAt: new Date() });
    const verified = (realName: string) => signedIn(t, ['alumnus'], { ...consented, verifiedAt: new Date(), realName });
    [zhang, li, sun, outsider] = [await verified('张一'), await verified('李二'), await verified('孙六'), await verified('路人')];
    await graduate('张一', '机械1201班', zhang);
    await graduate('李二', '机械1201班', li);
    for (const name of ['王三', '赵四', '钱五']) await graduate(name, '机械1201班');
    await graduate('孙六', '机械1202班', sun);
    await graduate('周七', '机械1202班');
    const pending = await signedIn(t, ['alumnus'], consented);
    // A student number the roster does not know, no class: the claim waits for staff.
    await t.dataSource.query(
      `INSERT INTO verification_claims (alumnus_id, status, name, graduation_year, department_id, student_number)
       VALUES ($1, 'pending', '王三', 2016, $2, 'WRONG-NUMBER')`,
      [pending.alumnus.id, department],
    );
    const groups = t.app.get(GroupsService);
    for (const className of ['机械1201班', '机械1202班']) {
      await t.dataSource.transaction((m) => groups.ensureClassGroup(m, { graduationYear: 2016, departmentId: department, className }));
      [{ id: classes[className] }] = await t.dataSource.query(`SELECT id FROM groups WHERE kind = 'class' AND class_name = $1`, [
        className,
      ]);
    }
  });
  afterAll(() => t.close());

  it('lists classes for staff with their coverage, best first, and the verified classmates to appoint', async () => {
    const res = await get('/staff/liaison-classes?graduationYear=2016', staff);
    expect(res.status).toBe(200);
    expect(res.body.map((c: StaffLiaisonClassDto) => [c.className, c.graduates, c.reached, c.percent, c.rank, c.liaisons])).toEqual([
      ['机械1202班', 2, 1, 50, 1, []],
      ['机械1201班', 5, 2, 40, 2, []],
    ]);
    const candidates = await get(`/staff/liaison-classes/${classes['机械1201班']}/candidates`, staff);
    expect(candidates.body).toEqual([
      { alumnusId: li.alumnus.id, name: '李二', isLiaison: false },
      { alumnusId: zhang.alumnus.id, name: '张一', isLiaison: false },
    ]);
  });

  it('appoints only a verified alumnus of the class, once however often asked; audited and logged', async () => {
    const path = `/staff/liaison-classes/${classes['机械1201班']}/liaisons`;
    const stranger = await send(path, staff, { alumnusId: sun.alumnus.id });
    expect([stranger.status, stranger.body.error.code]).toEqual([422, 'LIAISON_NOT_CLASSMATE']);
    for (let i = 0; i < 2; i++) {
      const res = await send(path, staff, { alumnusId: zhang.alumnus.id });
      expect(res.status).toBe(200);
      expect(res.body.liaisons).toEqual([{ alumnusId: zhang.alumnus.id, name: '张一', appointedAt: expect.any(String) }]);
    }
    expect(await interactions(zhang.alumnus.id, 'liaisons.appointed')).toBe(1);
    const audit = await t.dataSource.query(`SELECT actor_id, after FROM audit_entries WHERE action = 'liaison.appointed'`);
    expect(audit).toEqual([{ actor_id: staff.alumnus.id, after: expect.objectContaining({ alumnusId: zhang.alumnus.id }) }]);
    expect((await send(`/staff/liaison-classes/${classes['机械1202班']}/liaisons`, staff, { alumnusId: sun.alumnus.id })).status).toBe(200);
    const bad = await send(path, staff, { alumnusId: 'nobody' });
    expect([bad.status, bad.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    const unknown = await send(`/staff/liaison-classes/00000000-0000-4000-8000-000000000000/liaisons`, staff, {
      alumnusId: zhang.alumnus.id,
    });
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'CLASS_NOT_FOUND']);
  });

  it('shows the liaison their class: names and the class only, unreached first, with the class’s coverage and place', async () => {
    const mine = await get('/me/liaison-classes', zhang);
    expect(mine.body).toEqual([
      {
        classGroupId: classes['机械1201班'],
        name: '2016届机械1201班',
        graduationYear: 2016,
        department: { id: department, name: '机械工程学院' },
        className: '机械1201班',
        graduates: 5,
        reached: 2,
        percent: 40,
        rank: 2,
      },
    ]);
    const res = await get(`/liaison-classes/${classes['机械1201班']}/classmates`, zhang);
    expect(res.status).toBe(200);
    const roster = res.body as ClassRosterDto;
    expect(roster.classmates.map((c) => [c.name, c.state])).toEqual([
      ['钱五', 'unreached'],
      ['赵四', 'unreached'],
      ['王三', 'pending'],
      ['李二', 'verified'],
      ['张一', 'verified'],
    ]);
    for (const classmate of roster.classmates)
      expect(Object.keys(classmate).sort()).toEqual(['className', 'invitedAt', 'name', 'rosterEntryId', 'state']);
    expect(JSON.stringify(roster)).not.toMatch(/studentNumber|T\d{6}/);
    expect((await get('/me/liaison-classes', outsider)).body).toEqual([]);
  });

  it('refuses the class roster to a liaison of another class and to other alumni; staff may read it', async () => {
    for (const who of [sun, outsider, li]) {
      const res = await get(`/liaison-classes/${classes['机械1201班']}/classmates`, who);
      expect([res.status, res.body.error.code]).toEqual([403, 'LIAISON_CLASS_NOT_MINE']);
      const invite = await send(`/liaison-classes/${classes['机械1201班']}/invitations`, who, { rosterEntryId: entries['赵四'] });
      expect([invite.status, invite.body.error.code]).toEqual([403, 'LIAISON_CLASS_NOT_MINE']);
    }
    expect((await get(`/liaison-classes/${classes['机械1201班']}/classmates`, staff)).status).toBe(200);
    expect((await get(`/liaison-classes/${classes['机械1201班']}/classmates`)).status).toBe(401);
  });

  let invitation: ClassInvitationDto;

  it('invites an unreached classmate: a share path and a code scene with one token, the same when asked again; logged', async () => {
    const path = `/liaison-classes/${classes['机械1201班']}/invitations`;
    const res = await send(path, zhang, { rosterEntryId: entries['赵四'] });
    expect(res.status).toBe(201);
    invitation = res.body;
    expect(invitation).toEqual({
      token: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/),
      path: `/packages/verification/pages/invitation/index?token=${invitation.token}`,
      scene: `ci=${invitation.token}`,
      rosterEntryId: entries['赵四'],
      classmateName: '赵四',
      createdAt: expect.any(String),
    });
    expect((await send(path, zhang, { rosterEntryId: entries['赵四'] })).body.token).toBe(invitation.token);
    expect(await interactions(zhang.alumnus.id, 'liaisons.invited')).toBe(1);

    const verified = await send(path, zhang, { rosterEntryId: entries['李二'] });
    expect([verified.status, verified.body.error.code]).toEqual([409, 'CLASSMATE_ALREADY_VERIFIED']);
    const otherClass = await send(path, zhang, { rosterEntryId: entries['周七'] });
    expect([otherClass.status, otherClass.body.error.code]).toEqual([404, 'CLASSMATE_NOT_FOUND']);
    const bad = await send(path, zhang, { rosterEntryId: 42 });
    expect([bad.status, bad.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);

    const roster = (await get(`/liaison-classes/${classes['机械1201班']}/classmates`, zhang)).body as ClassRosterDto;
    expect(roster.classmates.find((c) => c.name === '赵四')!.invitedAt).toBe(invitation.createdAt);
  });

  it('gives the invitation’s mini-program code to the liaison, for the invitation page', async () => {
    const res = await t.request(`/api/v1/liaison-classes/${classes['机械1201班']}/invitations/${invitation.token}/code`, {
      headers: zhang.headers,
    });
    expect([res.status, res.headers.get('content-type')]).toEqual([200, 'image/png']);
    const elsewhere = await get(`/liaison-classes/${classes['机械1202班']}/invitations/${invitation.token}/code`, sun);
    expect([elsewhere.status, elsewhere.body.error.code]).toEqual([404, 'CLASS_INVITATION_NOT_FOUND']);
  });

  it('shows the invitation to anyone holding it: the roster name and class that prefill the claim', async () => {
    const res = await get(`/class-invitations/${invitation.token}`);
    expect(res.body).toEqual({
      token: invitation.token,
      classGroupName: '2016届机械1201班',
      name: '赵四',
      graduationYear: 2016,
      department: { id: department, name: '机械工程学院' },
      className: '机械1201班',
      invitedBy: zhang.alumnus.displayName,
      claimed: false,
    });
    for (const token of ['A'.repeat(22), 'short', 'ci=' + 'B'.repeat(22)]) {
      const missing = await get(`/class-invitations/${token}`);
      expect([missing.status, missing.body.error.code], token).toEqual([404, 'CLASS_INVITATION_NOT_FOUND']);
    }
  });

  it('a classmate signing in through it claims the entry as prefilled, and the class’s coverage and place go up', async () => {
    const classmate = await signedIn(t, ['alumnus'], consented);
    const preview = (await get(`/class-invitations/${invitation.token}`)).body;
    const claim = await send('/me/claims', classmate, {
      name: preview.name,
      graduationYear: preview.graduationYear,
      departmentId: preview.department.id,
      className: preview.className,
    });
    expect([claim.status, claim.body.status]).toEqual([201, 'matched']);
    expect((await get(`/class-invitations/${invitation.token}`)).body.claimed).toBe(true);

    const roster = (await get(`/liaison-classes/${classes['机械1201班']}/classmates`, zhang)).body as ClassRosterDto;
    expect(roster.classmates.find((c) => c.name === '赵四')!.state).toBe('verified');
    expect([roster.class.reached, roster.class.percent, roster.class.rank]).toEqual([3, 60, 1]);
    const board = await get('/liaison-classes/leaderboard', outsider);
    expect(board.body).toEqual({
      classCount: 2,
      items: [
        { rank: 1, classGroupId: classes['机械1201班'], name: '2016届机械1201班', graduates: 5, reached: 3, percent: 60, liaisonCount: 1 },
        { rank: 2, classGroupId: classes['机械1202班'], name: '2016届机械1202班', graduates: 2, reached: 1, percent: 50, liaisonCount: 1 },
      ],
    });
    const invited = await send(`/liaison-classes/${classes['机械1201班']}/invitations`, zhang, { rosterEntryId: entries['赵四'] });
    expect([invited.status, invited.body.error.code]).toEqual([409, 'CLASSMATE_ALREADY_VERIFIED']);
  });

  /** What the liaison was told about classmates they invited: notices, outbox messages and log rows. */
  async function told(who: Who) {
    const [notices, outbox, logged] = await Promise.all([
      t.dataSource.query(
        `SELECT title, body, page FROM inbox_messages WHERE alumnus_id = $1 AND kind = 'liaisons.classmate-verified' ORDER BY created_at`,
        [who.alumnus.id],
      ),
      t.dataSource.query(
        `SELECT payload FROM outbox_messages WHERE alumnus_id = $1 AND kind = 'liaisons.classmate-verified' ORDER BY created_at`,
        [who.alumnus.id],
      ),
      t.dataSource.query(
        `SELECT subject_id, detail FROM interactions WHERE alumnus_id = $1 AND kind = 'liaisons.invitee_verified' ORDER BY occurred_at`,
        [who.alumnus.id],
      ),
    ]);
    return { notices, outbox, logged };
  }

  it('tells the liaison when the classmate they invited verifies by a roster match: a notice, a message and a log row', async () => {
    const { notices, outbox, logged } = await told(zhang);
    expect(notices).toEqual([
      {
        title: '你邀请的同学已认证',
        body: '赵四 已完成校友认证，「2016届机械1201班」又联系上一位同学。',
        page: `packages/reach/pages/class/index?id=${classes['机械1201班']}`,
      },
    ]);
    expect(outbox).toEqual([
      {
        payload: {
          classGroupId: classes['机械1201班'],
          className: '2016届机械1201班',
          classmateName: '赵四',
          verifiedAt: expect.any(String),
        },
      },
    ]);
    expect(logged).toEqual([{ subject_id: classes['机械1201班'], detail: { rosterEntryId: entries['赵四'] } }]);
    // On the liaison's own timeline (我的足迹), named after the class.
    const timeline = await get('/me/interactions', zhang);
    const row = timeline.body.items.find((i: { kind: string }) => i.kind === 'liaisons.invitee_verified');
    expect(row).toEqual(expect.objectContaining({ subjectTitle: '2016届机械1201班' }));
    expect(describeInteraction(row)).toBe('邀请的 2016届机械1201班 同学完成了校友认证');
  });

  it('tells the liaison when staff approve the invited classmate’s claim, once; nobody else is told', async () => {
    await send(`/liaison-classes/${classes['机械1201班']}/invitations`, zhang, { rosterEntryId: entries['钱五'] });
    const classmate = await signedIn(t, ['alumnus'], consented);
    // A class the roster does not have: the claim waits for staff, who match it to 钱五's entry.
    const claim = await send('/me/claims', classmate, {
      name: '钱五',
      graduationYear: 2016,
      departmentId: department,
      className: '机械12班',
    });
    expect([claim.status, claim.body.status]).toEqual([201, 'pending']);
    expect((await told(zhang)).logged).toHaveLength(1);
    const approved = await send(`/staff/claims/${claim.body.id}/approve`, staff, { rosterEntryId: entries['钱五'] });
    expect(approved.status).toBe(200);
    const { notices, outbox, logged } = await told(zhang);
    expect(notices.map((n: { body: string }) => n.body)).toEqual([
      '赵四 已完成校友认证，「2016届机械1201班」又联系上一位同学。',
      '钱五 已完成校友认证，「2016届机械1201班」又联系上一位同学。',
    ]);
    expect(outbox).toHaveLength(2);
    expect(logged.map((r: { detail: { rosterEntryId: string } }) => r.detail.rosterEntryId)).toEqual([entries['赵四'], entries['钱五']]);
    for (const other of [li, sun, staff, classmate]) expect((await told(other)).notices).toEqual([]);
  });

  it('ends an appointment: the former liaison is refused from then on', async () => {
    const path = `/staff/liaison-classes/${classes['机械1202班']}/liaisons/${sun.alumnus.id}/end`;
    const res = await send(path, staff);
    expect([res.status, res.body.liaisons]).toEqual([200, []]);
    const again = await send(path, staff);
    expect([again.status, again.body.error.code]).toEqual([404, 'LIAISON_NOT_FOUND']);
    expect((await get(`/liaison-classes/${classes['机械1202班']}/classmates`, sun)).status).toBe(403);
    expect((await get('/me/liaison-classes', sun)).body).toEqual([]);
  });

  describe('a branch admin, for the classes within their branch', () => {
    let branch: { id: string; groupId: string };
    let admin: Who;
    let otherAdmin: Who;
    const base = () => `/branches/${branch.id}/liaison-classes`;

    beforeAll(async () => {
      admin = await signedIn(t, ['alumnus'], { ...consented, verifiedAt: new Date(), displayName: '沪上管理员' });
      otherAdmin = await signedIn(t, ['alumnus'], { ...consented, verifiedAt: new Date() });
      const open = async (name: string, place: string, who: Who) => {
        const res = await send('/staff/branches', staff, { kind: 'city', name, place, joinPolicy: 'open' });
        expect(res.status).toBe(201);
        expect(
          (await t.request(`/api/v1/staff/branches/${res.body.id}/admins/${who.alumnus.id}`, json({}, staff.headers, 'PUT'))).status,
        ).toBe(200);
        return res.body as { id: string; groupId: string };
      };
      branch = await open('上海校友分会', '上海', admin);
      await open('北京校友分会', '北京', otherAdmin);
      // 李二 (机械1201班) joins the Shanghai branch: 1201 is a class within it; nobody of 1202 is a member.
      await t.dataSource.query(`UPDATE alumni SET display_name = '二哥' WHERE id = $1`, [li.alumnus.id]);
      expect((await send(`/groups/${branch.groupId}/join`, li)).status).toBe(200);
    });

    it('lists the classes within the branch, with liaisons by display name, and offers only the branch’s members', async () => {
      const res = await get(base(), admin);
      expect(res.status).toBe(200);
      expect(res.body.map((c: StaffLiaisonClassDto) => [c.classGroupId, c.liaisons.map((l) => l.alumnusId)])).toEqual([
        [classes['机械1201班'], [zhang.alumnus.id]],
      ]);
      const candidates = await get(`${base()}/${classes['机械1201班']}/candidates`, admin);
      // 张一 is verified in the class but not a member of the branch.
      expect(candidates.body).toEqual([{ alumnusId: li.alumnus.id, name: '二哥', isLiaison: false }]);
    });

    it('appoints a member of the branch verified in the class and ends appointments; audited with the branch, logged', async () => {
      const path = `${base()}/${classes['机械1201班']}/liaisons`;
      const notMember = await send(path, admin, { alumnusId: zhang.alumnus.id });
      expect([notMember.status, notMember.body.error.code]).toEqual([422, 'LIAISON_NOT_BRANCH_MEMBER']);
      const res = await send(path, admin, { alumnusId: li.alumnus.id });
      expect(res.status).toBe(200);
      expect(res.body.liaisons.map((l: { name: string }) => l.name)).toContain('二哥');
      expect(await interactions(li.alumnus.id, 'liaisons.appointed')).toBe(1);
      const [audit] = await t.dataSource.query(
        `SELECT actor_id, after FROM audit_entries WHERE action = 'liaison.appointed' AND after->>'alumnusId' = $1`,
        [li.alumnus.id],
      );
      expect(audit).toEqual({ actor_id: admin.alumnus.id, after: expect.objectContaining({ branchId: branch.id }) });
      expect((await get('/me/liaison-classes', li)).body.map((c: { classGroupId: string }) => c.classGroupId)).toEqual([
        classes['机械1201班'],
      ]);

      const ended = await send(`${path}/${li.alumnus.id}/end`, admin);
      expect([ended.status, ended.body.liaisons.map((l: { alumnusId: string }) => l.alumnusId)]).toEqual([200, [zhang.alumnus.id]]);
      const again = await send(`${path}/${li.alumnus.id}/end`, admin);
      expect([again.status, again.body.error.code]).toEqual([404, 'LIAISON_NOT_FOUND']);
      const [endAudit] = await t.dataSource.query(
        `SELECT actor_id, before FROM audit_entries WHERE action = 'liaison.ended' AND actor_id = $1`,
        [admin.alumnus.id],
      );
      expect(endAudit.before).toEqual(expect.objectContaining({ branchId: branch.id, alumnusId: li.alumnus.id }));
    });

    it('refuses classes outside the branch, admins of other branches and other alumni; staff may act', async () => {
      const outside = `${base()}/${classes['机械1202班']}`;
      for (const [res, expected] of [
        [await get(`${outside}/candidates`, admin), 403],
        [await send(`${outside}/liaisons`, admin, { alumnusId: sun.alumnus.id }), 403],
        [await send(`${outside}/liaisons/${sun.alumnus.id}/end`, admin), 403],
      ] as const)
        expect([res.status, res.body.error.code]).toEqual([expected, 'LIAISON_CLASS_NOT_IN_BRANCH']);
      for (const who of [otherAdmin, li, zhang]) {
        const list = await get(base(), who);
        expect([list.status, list.body.error.code]).toEqual([403, 'BRANCH_ADMIN_REQUIRED']);
        const appoint = await send(`${base()}/${classes['机械1201班']}/liaisons`, who, { alumnusId: li.alumnus.id });
        expect([appoint.status, appoint.body.error.code]).toEqual([403, 'BRANCH_ADMIN_REQUIRED']);
      }
      expect((await get(base())).status).toBe(401);
      expect((await get(base(), staff)).status).toBe(200);
      const unknown = await get(`/branches/00000000-0000-4000-8000-000000000000/liaison-classes`, admin);
      expect([unknown.status, unknown.body.error.code]).toEqual([404, 'BRANCH_NOT_FOUND']);
      const noClass = await get(`${base()}/00000000-0000-4000-8000-000000000000/candidates`, admin);
      expect([noClass.status, noClass.body.error.code]).toEqual([404, 'CLASS_NOT_FOUND']);
      const bad = await send(`${base()}/${classes['机械1201班']}/liaisons`, admin, { alumnusId: null });
      expect([bad.status, bad.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    });

    it('a class leaves the branch with its last member there', async () => {
      expect((await send(`/groups/${branch.groupId}/leave`, li)).status).toBe(204);
      expect((await get(base(), admin)).body).toEqual([]);
      const res = await get(`${base()}/${classes['机械1201班']}/candidates`, admin);
      expect([res.status, res.body.error.code]).toEqual([403, 'LIAISON_CLASS_NOT_IN_BRANCH']);
    });
  });

  it('refuses bad queries with 400 VALIDATION_FAILED, and staff routes to alumni', async () => {
    for (const path of [
      '/liaison-classes/leaderboard?limit=0',
      '/liaison-classes/leaderboard?limit=101',
      '/staff/liaison-classes?graduationYear=abc',
    ]) {
      const res = await get(path, staff);
      expect([res.status, res.body.error.code], path).toEqual([400, 'VALIDATION_FAILED']);
    }
    const res = await get('/staff/liaison-classes', zhang);
    expect([res.status, res.body.error.code]).toEqual([403, 'FORBIDDEN']);
  });
});
