import { GROUP_PAGE_PATH } from '@alumni/shared';
import { signedIn } from '../../test/auth.js';
import { jsonRequest } from '../../test/events.js';
import { createDepartments, createRosterEntry, csvFile, uploadFile } from '../../test/roster.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { wechatFake } from '../../test/wechat.js';
import { AlumnusEntity } from '../alumni/alumnus.entity.js';
import { DEFAULT_PUBLISHED_PAGES, WxacodeFake } from '../wechat/fake/wxacode.fake.js';
import { GroupEntity } from './group.entity.js';
import { GroupMembershipEntity } from './group-membership.entity.js';
import { GroupsService } from './groups.service.js';
import { phonePhoto, picture, pictureFacts } from '../../test/images.js';

type Who = Awaited<ReturnType<typeof signedIn>>;

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

describe('groups', () => {
  let t: TestApp;
  let staff: Who;
  let department: string;
  let n = 0;

  const post = (path: string, who: Who, body: unknown = {}) => t.request(path, jsonRequest('POST', body, who.headers));
  const get = (path: string, who?: Who) => t.request(path, { headers: who?.headers ?? {} });
  const join = (groupId: string, who: Who, body: unknown = {}) => post(`/api/v1/groups/${groupId}/join`, who, body);
  const group = (id: string) => t.dataSource.getRepository(GroupEntity).findOneByOrFail({ id });
  const memberRows = (groupId: string) => t.dataSource.getRepository(GroupMembershipEntity).countBy({ groupId, status: 'active' as const });
  const count = async (sql: string, params: unknown[] = []) => (await t.dataSource.query(sql, params))[0].n as number;
  const interactionKinds = async (alumnusId: string, groupId: string) =>
    (
      await t.dataSource.query(`SELECT kind, detail FROM interactions WHERE alumnus_id = $1 AND subject_id = $2 ORDER BY id`, [
        alumnusId,
        groupId,
      ])
    ).map((r: { kind: string; detail: Record<string, unknown> }) => [r.kind, r.detail.via ?? r.detail.reason]);

  /** A group straight in the database (the API paths that create them are tested on their own). */
  const makeGroup = (values: Partial<GroupEntity> = {}) => {
    n += 1;
    return t.dataSource.getRepository(GroupEntity).save({
      kind: 'interest' as const,
      name: `兴趣群${n}`,
      intro: '',
      joinPolicy: 'open' as const,
      status: 'active' as const,
      createdAt: new Date(Date.now() - 60_000 + n),
      ...values,
    });
  };
  /** An active member with a role, written directly (the count follows). */
  const addMember = async (groupId: string, who: Who, role: 'owner' | 'admin' | 'member' = 'member') => {
    await t.dataSource
      .getRepository(GroupMembershipEntity)
      .save({ groupId, alumnusId: who.alumnus.id, role, status: 'active', joinedAt: new Date() });
    await t.dataSource.query('UPDATE groups SET member_count = member_count + 1 WHERE id = $1', [groupId]);
  };
  /** An alumnus verified in a roster class: their claimed entry says so. */
  const verifiedIn = async (className: string, graduationYear = 2016) => {
    const who = await signedIn(t, ['alumnus'], { verifiedAt: new Date(), graduationYear, departmentId: department, className });
    await createRosterEntry(t, { departmentId: department, graduationYear, className, claimedBy: who.alumnus.id, claimedAt: new Date() });
    return who;
  };
  const classGroup = async (className: string, graduationYear = 2016) => {
    await t.app.get(GroupsService).ensureClassGroup(t.dataSource.manager, { graduationYear, departmentId: department, className });
    return t.dataSource.getRepository(GroupEntity).findOneByOrFail({ kind: 'class', graduationYear, departmentId: department, className });
  };

  beforeAll(async () => {
    t = await startTestApp();
    department = (await createDepartments(t, ['机械工程学院'])).get('机械工程学院')!;
    staff = await signedIn(t, ['alumnus', 'staff']);
  });
  afterAll(() => t.close());

  describe('joining by policy', () => {
    it('joins an open group at once, counting it and logging groups.joined in the same transaction', async () => {
      const g = await makeGroup();
      const who = await signedIn(t);
      const res = await join(g.id, who);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ status: 'active', memberCount: 1 });
      expect(await interactionKinds(who.alumnus.id, g.id)).toEqual([['groups.joined', 'joined']]);
      const again = await join(g.id, who);
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe('GROUP_ALREADY_MEMBER');
      expect((await group(g.id)).memberCount).toBe(1);
    });

    it('lets into a class group only alumni verified in that class, not by an edited profile', async () => {
      const g = await classGroup('机械1201班');
      const unverified = await signedIn(t, ['alumnus'], { graduationYear: 2016, departmentId: department, className: '机械1201班' });
      const otherClass = await verifiedIn('机械1202班');
      // Verified in another class, then changed the profile's class: the verification decides.
      await t.dataSource.getRepository(AlumnusEntity).update({ id: otherClass.alumnus.id }, { className: '机械1201班' });
      for (const who of [unverified, otherClass]) {
        const res = await join(g.id, who);
        expect(res.status).toBe(403);
        expect(res.body.error.code).toBe('GROUP_JOIN_NOT_ALLOWED');
      }
      expect(await memberRows(g.id)).toBe(0);
      expect(await count('SELECT count(*)::int AS n FROM group_memberships WHERE group_id = $1', [g.id])).toBe(0);

      const classmate = await verifiedIn('机械1201班');
      expect((await join(g.id, classmate)).body).toEqual({ status: 'active', memberCount: 1 });
      const detail = await get(`/api/v1/groups/${g.id}`, otherClass);
      expect(detail.body.me).toMatchObject({ status: null, canJoin: false });
      expect(detail.body).toMatchObject({ kind: 'class', joinPolicy: 'roster_only', subtitle: '2016届 · 机械工程学院 · 机械1201班' });
    });

    it('files a request for an approval group; the group admin approves and the requester is notified', async () => {
      const g = await makeGroup({ joinPolicy: 'approval', name: '读书会' });
      const [owner, member, requester] = [await signedIn(t), await signedIn(t), await signedIn(t)];
      await addMember(g.id, owner, 'owner');
      await addMember(g.id, member);

      const res = await join(g.id, requester, { note: '想一起读书' });
      expect(res.body).toEqual({ status: 'pending', memberCount: 2 });
      expect((await join(g.id, requester)).body.error.code).toBe('GROUP_JOIN_PENDING');

      // Only admins see and decide requests; non-members do not see the member list.
      const approvePath = `/api/v1/groups/${g.id}/join-requests/${requester.alumnus.id}/approve`;
      expect((await get(`/api/v1/groups/${g.id}/join-requests`, member)).body.error.code).toBe('GROUP_ADMIN_REQUIRED');
      expect((await post(approvePath, member)).body.error.code).toBe('GROUP_ADMIN_REQUIRED');
      const hidden = await get(`/api/v1/groups/${g.id}/members`, requester);
      expect(hidden.status).toBe(403);
      expect(hidden.body.error.code).toBe('GROUP_MEMBERS_FORBIDDEN');

      const requests = await get(`/api/v1/groups/${g.id}/join-requests`, owner);
      expect(requests.body.items).toEqual([
        {
          alumnus: { id: requester.alumnus.id, displayName: requester.alumnus.displayName, avatarUrl: null },
          note: '想一起读书',
          requestedAt: expect.any(String),
        },
      ]);
      expect((await post(approvePath, owner)).status).toBe(204);
      expect((await post(approvePath, owner)).body.error.code).toBe('GROUP_JOIN_REQUEST_NOT_FOUND');
      expect((await group(g.id)).memberCount).toBe(3);
      expect(await interactionKinds(requester.alumnus.id, g.id)).toEqual([['groups.joined', 'request_approved']]);
      const [message] = await t.dataSource.query(`SELECT kind, payload FROM outbox_messages WHERE alumnus_id = $1`, [requester.alumnus.id]);
      expect(message).toMatchObject({ kind: 'groups.join-decided', payload: { groupId: g.id, groupName: '读书会', approved: true } });
      const members = await get(`/api/v1/groups/${g.id}/members`, requester);
      expect(members.status).toBe(200);
      expect(members.body.items.map((m: { alumnus: { id: string } }) => m.alumnus.id)).toContain(requester.alumnus.id);
    });

    it('tells a rejected requester too, without counting them', async () => {
      const g = await makeGroup({ joinPolicy: 'approval' });
      const [owner, requester] = [await signedIn(t), await signedIn(t)];
      await addMember(g.id, owner, 'owner');
      await join(g.id, requester);
      expect(
        (await post(`/api/v1/groups/${g.id}/join-requests/${requester.alumnus.id}/reject`, owner, { reason: '本群仅限摄影师' })).status,
      ).toBe(204);
      expect((await group(g.id)).memberCount).toBe(1);
      const [message] = await t.dataSource.query(`SELECT payload FROM outbox_messages WHERE alumnus_id = $1`, [requester.alumnus.id]);
      expect(message.payload).toMatchObject({ approved: false, reason: '本群仅限摄影师' });
      // A rejected alumnus may ask again.
      expect((await join(g.id, requester)).body.status).toBe('pending');
    });

    it('keeps the member count exact under concurrent joins', async () => {
      const g = await makeGroup();
      const people = await Promise.all(Array.from({ length: 24 }, () => signedIn(t)));
      const results = await Promise.all([...people, ...people.slice(0, 6)].map((who) => join(g.id, who)));
      expect(results.filter((r) => r.status === 200)).toHaveLength(24);
      expect(results.filter((r) => r.status === 409).map((r) => r.body.error.code)).toEqual(Array(6).fill('GROUP_ALREADY_MEMBER'));
      expect((await group(g.id)).memberCount).toBe(24);
      expect(await memberRows(g.id)).toBe(24);
    });
  });

  describe('leaving, removal, mutes and roles', () => {
    it('leaves with a groups.left row; the owner cannot leave', async () => {
      const g = await makeGroup();
      const [owner, who] = [await signedIn(t), await signedIn(t)];
      await addMember(g.id, owner, 'owner');
      await join(g.id, who);
      expect((await post(`/api/v1/groups/${g.id}/leave`, who)).status).toBe(204);
      expect((await post(`/api/v1/groups/${g.id}/leave`, who)).body.error.code).toBe('GROUP_NOT_MEMBER');
      expect((await post(`/api/v1/groups/${g.id}/leave`, owner)).body.error.code).toBe('GROUP_OWNER_CANNOT_LEAVE');
      expect((await group(g.id)).memberCount).toBe(1);
      expect(await interactionKinds(who.alumnus.id, g.id)).toEqual([
        ['groups.joined', 'joined'],
        ['groups.left', 'left'],
      ]);
      // Leaving of one's own accord: joining an open group again is immediate.
      expect((await join(g.id, who)).body.status).toBe('active');
    });

    it('makes a removed member ask again, even for an open or a class group', async () => {
      const open = await makeGroup();
      const cls = await classGroup('机械1203班');
      const [owner, admin] = [await signedIn(t), await signedIn(t)];
      const removed = await verifiedIn('机械1203班');
      await addMember(open.id, owner, 'owner');
      await addMember(open.id, admin, 'admin');
      await join(open.id, removed);
      await join(cls.id, removed);

      expect(
        (await t.request(`/api/v1/groups/${open.id}/members/${removed.alumnus.id}`, { method: 'DELETE', headers: admin.headers })).status,
      ).toBe(204);
      expect(
        (await t.request(`/api/v1/groups/${cls.id}/members/${removed.alumnus.id}`, { method: 'DELETE', headers: staff.headers })).status,
      ).toBe(204);
      expect((await group(open.id)).memberCount).toBe(2);
      expect((await group(cls.id)).memberCount).toBe(0);
      expect(await interactionKinds(removed.alumnus.id, open.id)).toEqual([
        ['groups.joined', 'joined'],
        ['groups.left', 'removed'],
      ]);
      // Staff acting without a group role are audited.
      expect(
        await count(`SELECT count(*)::int AS n FROM audit_entries WHERE action = 'group.member_removed' AND subject_id = $1`, [cls.id]),
      ).toBe(1);

      const detail = await get(`/api/v1/groups/${open.id}`, removed);
      expect(detail.body.me).toMatchObject({ status: 'removed', canJoin: true, joinNeedsApproval: true });
      expect((await join(open.id, removed)).body).toEqual({ status: 'pending', memberCount: 2 });
      expect((await join(cls.id, removed)).body).toEqual({ status: 'pending', memberCount: 0 });
      // Withdrawing the request does not forget the removal.
      expect((await post(`/api/v1/groups/${open.id}/leave`, removed)).status).toBe(204);
      expect((await join(open.id, removed)).body).toEqual({ status: 'pending', memberCount: 2 });
      expect((await post(`/api/v1/groups/${open.id}/join-requests/${removed.alumnus.id}/approve`, admin)).status).toBe(204);
      expect((await post(`/api/v1/groups/${open.id}/leave`, removed)).status).toBe(204);
      expect((await join(open.id, removed)).body).toEqual({ status: 'active', memberCount: 3 });
    });

    it('mutes members (the feed asks activeMemberships), and only the owner names admins', async () => {
      const g = await makeGroup();
      const [owner, admin, member, other] = [await signedIn(t), await signedIn(t), await signedIn(t), await signedIn(t)];
      await addMember(g.id, owner, 'owner');
      await addMember(g.id, admin, 'admin');
      await addMember(g.id, member);
      await addMember(g.id, other);
      const groups = t.app.get(GroupsService);
      const path = (who: Who, action: string) => `/api/v1/groups/${g.id}/members/${who.alumnus.id}/${action}`;

      expect((await t.request(path(member, 'mute'), { method: 'PUT', headers: admin.headers })).status).toBe(204);
      const muted = async () => (await groups.activeMemberships([g.id], member.alumnus.id)).get(g.id)?.muted;
      expect(await muted()).toBe(true);
      expect((await t.request(path(member, 'mute'), { method: 'PUT', headers: other.headers })).body.error.code).toBe(
        'GROUP_ADMIN_REQUIRED',
      );
      expect((await t.request(path(owner, 'mute'), { method: 'PUT', headers: admin.headers })).body.error.code).toBe('GROUP_ROLE_CONFLICT');
      expect((await t.request(path(member, 'mute'), { method: 'DELETE', headers: admin.headers })).status).toBe(204);
      expect(await muted()).toBe(false);

      const promote = (by: Who, who: Who, role: string) => t.request(path(who, 'role'), jsonRequest('PUT', { role }, by.headers));
      expect((await promote(admin, member, 'admin')).body.error.code).toBe('GROUP_OWNER_REQUIRED');
      expect(
        (await t.request(`/api/v1/groups/${g.id}/members/${admin.alumnus.id}`, { method: 'DELETE', headers: admin.headers })).body.error
          .code,
      ).toBe('GROUP_ROLE_CONFLICT');
      expect((await promote(owner, member, 'admin')).status).toBe(204);
      expect(await groups.memberRole(g.id, member.alumnus.id)).toBe('admin');
      // One admin cannot remove another: that takes the owner.
      expect(
        (await t.request(`/api/v1/groups/${g.id}/members/${member.alumnus.id}`, { method: 'DELETE', headers: admin.headers })).body.error
          .code,
      ).toBe('GROUP_OWNER_REQUIRED');
      expect((await promote(owner, member, 'member')).status).toBe(204);
      expect((await promote(owner, member, 'owner')).body.error.code).toBe('VALIDATION_FAILED');
      expect(await groups.memberRole(g.id, member.alumnus.id)).toBe('member');
    });
  });

  describe('what other modules ask', () => {
    it('answers membership, feed access and shared groups', async () => {
      const open = await makeGroup();
      const approval = await makeGroup({ joinPolicy: 'approval' });
      const [a, b, outsider] = [await signedIn(t), await signedIn(t), await signedIn(t)];
      await addMember(open.id, a);
      await addMember(approval.id, a);
      await addMember(approval.id, b);
      const groups = t.app.get(GroupsService);
      const viewer = (who: Who) => ({ alumnusId: who.alumnus.id, roles: who.alumnus.roles });
      expect(await groups.canReadFeed(open.id, viewer(outsider))).toBe(true);
      expect(await groups.canReadFeed(open.id, { alumnusId: null, roles: [] })).toBe(false);
      expect(await groups.canReadFeed(approval.id, viewer(outsider))).toBe(false);
      expect(await groups.canReadFeed(approval.id, viewer(b))).toBe(true);
      expect(await groups.canReadFeed(approval.id, viewer(staff))).toBe(true);
      expect(await groups.memberRole(approval.id, outsider.alumnus.id)).toBeNull();
      expect((await groups.memberIds(approval.id)).sort()).toEqual([a.alumnus.id, b.alumnus.id].sort());
      expect((await groups.groupIdsOf(a.alumnus.id)).sort()).toEqual([open.id, approval.id].sort());
      expect(await groups.sharedGroupMembers(b.alumnus.id)).toEqual(new Set([a.alumnus.id, b.alumnus.id]));
      expect(await groups.sharedGroupMembers(outsider.alumnus.id)).toEqual(new Set());
      expect(await groups.groupNames([open.id, UNKNOWN, open.id])).toEqual(new Map([[open.id, open.name]]));
    });
  });

  describe('proposals and staff', () => {
    const proposal = { kind: 'city', name: '江州学院宁波校友会', intro: '宁波的校友们', city: '宁波', joinPolicy: 'approval' };

    it('lets a verified alumnus propose; staff approve, making them owner, audited and notified', async () => {
      const proposer = await signedIn(t, ['alumnus'], { verifiedAt: new Date() });
      const res = await post('/api/v1/groups/proposals', proposer, proposal);
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ status: 'proposed', kind: 'city', city: '宁波', memberCount: 0 });
      const id = res.body.id as string;
      // Not discoverable, nor joinable, before approval.
      expect((await get(`/api/v1/groups/${id}`, await signedIn(t))).body.error.code).toBe('GROUP_NOT_FOUND');
      expect((await join(id, await signedIn(t))).body.error.code).toBe('GROUP_NOT_ACTIVE');
      const queue = await get('/api/v1/staff/groups?status=proposed', staff);
      expect(queue.body.items.map((g: { id: string }) => g.id)).toContain(id);

      const approved = await post(`/api/v1/staff/groups/${id}/approve`, staff);
      expect(approved.status).toBe(200);
      expect(approved.body).toMatchObject({ status: 'active', memberCount: 1 });
      expect(await t.app.get(GroupsService).memberRole(id, proposer.alumnus.id)).toBe('owner');
      expect(await count(`SELECT count(*)::int AS n FROM audit_entries WHERE action = 'group.approved' AND subject_id = $1`, [id])).toBe(1);
      const [message] = await t.dataSource.query(`SELECT kind, payload FROM outbox_messages WHERE alumnus_id = $1`, [proposer.alumnus.id]);
      expect(message).toMatchObject({ kind: 'groups.proposal-decided', payload: { approved: true } });
      expect((await post(`/api/v1/staff/groups/${id}/approve`, staff)).body.error.code).toBe('GROUP_NOT_PROPOSED');
    });

    it('rejects with a reason the proposer sees', async () => {
      const proposer = await signedIn(t, ['alumnus'], { verifiedAt: new Date() });
      const { id } = (await post('/api/v1/groups/proposals', proposer, { ...proposal, name: '重复的群' })).body;
      expect((await post(`/api/v1/staff/groups/${id}/reject`, staff, { reason: '   ' })).body.error.code).toBe('VALIDATION_FAILED');
      const res = await post(`/api/v1/staff/groups/${id}/reject`, staff, { reason: '已有相同的城市校友会' });
      expect(res.body).toMatchObject({ status: 'rejected', rejectReason: '已有相同的城市校友会' });
      expect((await get(`/api/v1/groups/${id}`, proposer)).body).toMatchObject({
        status: 'rejected',
        rejectReason: '已有相同的城市校友会',
      });
    });

    it('refuses bad proposals with named codes and writes nothing', async () => {
      const verified = await signedIn(t, ['alumnus'], { verifiedAt: new Date() });
      const before = await count('SELECT count(*)::int AS n FROM groups');
      const cases: [Who, unknown, number, string][] = [
        [await signedIn(t), proposal, 403, 'GROUP_VERIFICATION_REQUIRED'],
        [verified, { ...proposal, kind: 'class' }, 422, 'GROUP_KIND_NOT_ALLOWED'],
        [verified, { ...proposal, city: ' ' }, 422, 'GROUP_KIND_DATA_REQUIRED'],
        [verified, { kind: 'industry', name: '金融圈' }, 422, 'GROUP_KIND_DATA_REQUIRED'],
        [verified, { ...proposal, joinPolicy: 'roster_only' }, 422, 'GROUP_POLICY_INVALID'],
        [verified, { ...proposal, name: '' }, 400, 'VALIDATION_FAILED'],
        [verified, { ...proposal, name: '名'.repeat(41) }, 400, 'VALIDATION_FAILED'],
        [verified, { ...proposal, kind: 'club' }, 400, 'VALIDATION_FAILED'],
      ];
      for (const [who, body, status, code] of cases) {
        const res = await post('/api/v1/groups/proposals', who, body);
        expect([res.status, res.body.error?.code]).toEqual([status, code]);
      }
      expect(await count('SELECT count(*)::int AS n FROM groups')).toBe(before);
    });

    it('lets staff create a group, audited; alumni cannot', async () => {
      const body = { kind: 'industry', name: '新能源校友圈', industry: '新能源' };
      expect((await post('/api/v1/staff/groups', await signedIn(t), body)).body.error.code).toBe('FORBIDDEN');
      const res = await post('/api/v1/staff/groups', staff, body);
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ status: 'active', joinPolicy: 'open', industry: '新能源', subtitle: '新能源' });
      expect(
        await count(`SELECT count(*)::int AS n FROM audit_entries WHERE action = 'group.created' AND subject_id = $1`, [res.body.id]),
      ).toBe(1);
    });

    it('lets staff archive a group: members keep reading it, nobody joins', async () => {
      const g = await makeGroup({ joinPolicy: 'approval' });
      const member = await signedIn(t);
      await addMember(g.id, member);
      expect((await post(`/api/v1/staff/groups/${g.id}/archive`, member)).body.error.code).toBe('FORBIDDEN');
      expect((await post(`/api/v1/staff/groups/${g.id}/archive`, staff)).body).toMatchObject({ status: 'archived' });
      expect((await post(`/api/v1/staff/groups/${g.id}/archive`, staff)).body.error.code).toBe('GROUP_NOT_ACTIVE');
      expect((await join(g.id, await signedIn(t))).body.error.code).toBe('GROUP_NOT_ACTIVE');
      expect((await get(`/api/v1/groups/${g.id}/members`, member)).status).toBe(200);
      expect((await get(`/api/v1/groups?limit=100`)).body.items.map((x: { id: string }) => x.id)).not.toContain(g.id);
      expect(await count(`SELECT count(*)::int AS n FROM audit_entries WHERE action = 'group.archived' AND subject_id = $1`, [g.id])).toBe(
        1,
      );
    });

    it('answers bad ids and unknown groups with named codes', async () => {
      const who = await signedIn(t);
      expect((await join('not-a-uuid', who)).body.error.code).toBe('VALIDATION_FAILED');
      expect((await join(UNKNOWN, who)).body.error.code).toBe('GROUP_NOT_FOUND');
      expect((await get(`/api/v1/groups/${UNKNOWN}/members`, who)).body.error.code).toBe('GROUP_NOT_FOUND');
      expect((await join((await makeGroup()).id, who, { note: 'x'.repeat(201) })).body.error.code).toBe('VALIDATION_FAILED');
      expect(await count('SELECT count(*)::int AS n FROM group_memberships WHERE alumnus_id = $1', [who.alumnus.id])).toBe(0);
      expect((await t.request('/api/v1/groups/suggestions')).body.error.code).toBe('UNAUTHENTICATED');
    });
  });

  describe('class groups from the roster and verification', () => {
    it('creates one class group per class on roster commit, idempotently', async () => {
      const file = csvFile([
        ['甲', 'G0001', '2018', '机械工程学院', '机械', '机械1401班', '本科'],
        ['乙', 'G0002', '2018', '机械工程学院', '机械', '机械1401班', '本科'],
        ['丙', 'G0003', '2018', '机械工程学院', '机械', '机械1402班', '本科'],
        ['丁', 'G0004', '2018', '机械工程学院', '机械', '', '本科'],
      ]);
      const commitFile = async (body: Buffer) => {
        const previewed = await uploadFile(t, '/api/v1/staff/roster/imports', staff.headers, body, 'roster.csv');
        return t.request(`/api/v1/staff/roster/imports/${previewed.body.importId}/commit`, { method: 'POST', headers: staff.headers });
      };
      expect((await commitFile(file)).status).toBe(200);
      const classes = () =>
        t.dataSource.query(
          `SELECT name, class_name, join_policy FROM groups WHERE kind = 'class' AND graduation_year = 2018 ORDER BY name`,
        );
      expect(await classes()).toEqual([
        { name: '2018届机械1401班', class_name: '机械1401班', join_policy: 'roster_only' },
        { name: '2018届机械1402班', class_name: '机械1402班', join_policy: 'roster_only' },
      ]);
      expect((await commitFile(csvFile([['戊', 'G0005', '2018', '机械工程学院', '机械', '机械1401班', '本科']]))).status).toBe(200);
      expect(await classes()).toHaveLength(2);
    });

    it('creates the class group when staff verify a claim for a class the roster does not list', async () => {
      const who = await signedIn(t, ['alumnus'], { consentVersion: 'x', consentedAt: new Date() });
      await t.dataSource.query(
        `INSERT INTO verification_claims (alumnus_id, status, name, graduation_year, department_id, class_name) VALUES ($1, 'pending', '林', 2019, $2, '机械1599班')`,
        [who.alumnus.id, department],
      );
      const [{ id }] = await t.dataSource.query(`SELECT id FROM verification_claims WHERE alumnus_id = $1`, [who.alumnus.id]);
      const approved = await post(`/api/v1/staff/claims/${id}/approve`, staff, {});
      expect(approved.status).toBe(200);
      const [created] = await t.dataSource.query(`SELECT id, member_count FROM groups WHERE kind = 'class' AND class_name = '机械1599班'`);
      expect(created).toMatchObject({ member_count: 0 });
      // Approved without a roster entry: the claim's class is the verified one.
      expect((await join(created.id, who)).body.status).toBe('active');
    });
  });

  describe('discovery', () => {
    it('lists active groups by kind and by name, keyset-paginated', async () => {
      const kind = 'industry';
      const made = [];
      for (let i = 0; i < 3; i++) made.push(await makeGroup({ kind, industry: '航空航天', name: `航空航天校友圈${i}` }));
      await makeGroup({ kind, industry: '航空航天', name: '航空航天待审', status: 'proposed' });
      const first = await get(`/api/v1/groups?kind=${kind}&q=${encodeURIComponent('航空')}&limit=2`);
      expect(first.status).toBe(200);
      expect(first.body.items.map((g: { name: string }) => g.name)).toEqual(['航空航天校友圈2', '航空航天校友圈1']);
      const second = await get(`/api/v1/groups?kind=${kind}&q=${encodeURIComponent('航空')}&limit=2&cursor=${first.body.nextCursor}`);
      expect(second.body).toEqual({ items: [expect.objectContaining({ name: '航空航天校友圈0' })], nextCursor: null });
      // `%` and `_` are literal characters, not patterns.
      expect((await get(`/api/v1/groups?q=${encodeURIComponent('%')}`)).body.items).toEqual([]);
      expect((await get('/api/v1/groups?kind=club')).body.error.code).toBe('VALIDATION_FAILED');
      expect((await get('/api/v1/groups?cursor=bogus')).body.error.code).toBe('INVALID_CURSOR');
    });

    it('browses class groups by 届别 and 院系, leaving out the ones nobody has joined yet', async () => {
      const other = (await createDepartments(t, ['外国语学院'])).get('外国语学院')!;
      const joinedOne = await classGroup('机械0301班', 2007);
      const empty = await classGroup('机械0302班', 2007);
      await t.app
        .get(GroupsService)
        .ensureClassGroup(t.dataSource.manager, { graduationYear: 2007, departmentId: other, className: '英语0301班' });
      const english = await t.dataSource
        .getRepository(GroupEntity)
        .findOneByOrFail({ kind: 'class', departmentId: other, className: '英语0301班' });
      await addMember(joinedOne.id, await signedIn(t));
      await addMember(english.id, await signedIn(t));
      const names = async (query: string) =>
        (await get(`/api/v1/groups?kind=class&${query}`)).body.items.map((g: { name: string }) => g.name).sort();
      expect(await names('graduationYear=2007')).toEqual([english.name, joinedOne.name].sort());
      expect(await names(`graduationYear=2007&departmentId=${department}`)).toEqual([joinedOne.name]);
      expect(await names(`departmentId=${other}`)).toEqual([english.name]);
      expect((await names('graduationYear=2007')).includes(empty.name)).toBe(false);
      const bad = await get('/api/v1/groups?kind=class&graduationYear=1800&departmentId=nope');
      expect([bad.status, bad.body.error.details.map((d: { field: string }) => d.field).sort()]).toEqual([
        400,
        ['departmentId', 'graduationYear'],
      ]);
    });

    it('suggests my verified class’s group, then city and industry groups of my profile, that I have not joined', async () => {
      const cls = await classGroup('机械1601班', 2020);
      const city = await makeGroup({ kind: 'city', city: '喀什', name: '喀什校友会' });
      const industry = await makeGroup({ kind: 'industry', industry: '畜牧业', name: '畜牧业校友圈' });
      const joined = await makeGroup({ kind: 'city', city: '喀什', name: '喀什校友会二群' });
      await makeGroup({ kind: 'city', city: '和田', name: '和田校友会' });
      const who = await verifiedIn('机械1601班', 2020);
      await t.dataSource.getRepository(AlumnusEntity).update({ id: who.alumnus.id }, { city: '喀什', industry: '畜牧业' });
      await join(joined.id, who);
      const res = await get('/api/v1/groups/suggestions', who);
      expect(res.body.map((g: { id: string }) => g.id)).toEqual([cls.id, city.id, industry.id]);
      const mine = await get('/api/v1/me/groups', who);
      expect(mine.body.items.map((g: { id: string }) => g.id)).toEqual([joined.id]);
    });

    it('suggests class groups by the roster class, never by the editable profile', async () => {
      const verified = await classGroup('机械1701班', 2021);
      const claimed = await classGroup('机械1702班', 2021);
      // Verified in 1701 by the roster, but the profile now says 1702.
      const who = await verifiedIn('机械1701班', 2021);
      await t.dataSource.getRepository(AlumnusEntity).update({ id: who.alumnus.id }, { className: '机械1702班' });
      const ids = async (w: Who) => (await get('/api/v1/groups/suggestions', w)).body.map((g: { id: string }) => g.id);
      expect(await ids(who)).toEqual([verified.id]);
      // Not verified at all: a profile class suggests nothing.
      const unverified = await signedIn(t, ['alumnus'], { graduationYear: 2021, departmentId: department, className: '机械1702班' });
      expect(await ids(unverified)).toEqual([]);
      // Verified by a claim staff approved without a roster entry: the claim's class counts.
      const byClaim = await signedIn(t, ['alumnus'], { verifiedAt: new Date(), className: '机械1701班' });
      await t.dataSource.query(
        `INSERT INTO verification_claims (alumnus_id, status, name, graduation_year, department_id, class_name, decided_at)
         VALUES ($1, 'approved', '林', 2021, $2, '机械1702班', now())`,
        [byClaim.alumnus.id, department],
      );
      expect(await ids(byClaim)).toEqual([claimed.id]);
    });
  });

  describe('my requests and proposals', () => {
    const requests = async (who: Who, query = '') => (await get(`/api/v1/me/group-requests${query}`, who)).body;

    it('lists my join requests newest first: pending, approved, rejected with the admins’ reason, withdrawn', async () => {
      const who = await signedIn(t);
      const owner = await signedIn(t);
      const made = [];
      for (const name of ['摄影群', '读书群', '登山群', '茶艺群']) {
        const g = await makeGroup({ joinPolicy: 'approval', name });
        await addMember(g.id, owner, 'owner');
        made.push(g);
        expect((await join(g.id, who, name === '读书群' ? { note: '想一起读书' } : {})).body.status).toBe('pending');
      }
      const [photo, books, hiking, tea] = made as [GroupEntity, GroupEntity, GroupEntity, GroupEntity];
      const decide = (g: GroupEntity, action: string, body: unknown = {}) =>
        post(`/api/v1/groups/${g.id}/join-requests/${who.alumnus.id}/${action}`, owner, body);
      expect((await decide(books, 'approve')).status).toBe(204);
      expect((await decide(hiking, 'reject', { reason: '本群仅限登山队员' })).status).toBe(204);
      expect((await post(`/api/v1/groups/${tea.id}/leave`, who)).status).toBe(204);
      // An open group joined at once was never a request.
      await join((await makeGroup()).id, who);

      const page = await requests(who);
      expect(page.items.map((r: { group: { name: string }; outcome: string }) => [r.group.name, r.outcome])).toEqual([
        ['茶艺群', 'withdrawn'],
        ['登山群', 'rejected'],
        ['读书群', 'approved'],
        ['摄影群', 'pending'],
      ]);
      expect(page.items[1]).toMatchObject({ reason: '本群仅限登山队员', decidedAt: expect.any(String), group: { id: hiking.id } });
      expect(page.items[2]).toMatchObject({ note: '想一起读书', reason: null, decidedAt: expect.any(String) });
      expect(page.items[3]).toMatchObject({ decidedAt: null, reason: null, group: { id: photo.id, memberCount: 1 } });

      // Asking again after a rejection starts a new request, with no old reason on it.
      expect((await join(hiking.id, who)).body.status).toBe('pending');
      const first = await requests(who, '?limit=2');
      expect(first.items.map((r: { group: { name: string }; outcome: string }) => [r.group.name, r.outcome])).toEqual([
        ['登山群', 'pending'],
        ['茶艺群', 'withdrawn'],
      ]);
      expect(first.items[0].reason).toBeNull();
      const second = await requests(who, `?limit=2&cursor=${first.nextCursor}`);
      expect(second.items.map((r: { group: { name: string } }) => r.group.name)).toEqual(['读书群', '摄影群']);
      expect(second.nextCursor).toBeNull();

      // Mine only.
      expect((await requests(owner)).items).toEqual([]);
      expect((await get('/api/v1/me/group-requests?cursor=bogus', who)).body.error.code).toBe('INVALID_CURSOR');
      expect((await t.request('/api/v1/me/group-requests')).status).toBe(401);
    });

    it('lists the groups I proposed with their status and the staff’s reason, but not groups staff created', async () => {
      const proposer = await signedIn(t, ['alumnus'], { verifiedAt: new Date() });
      const propose = async (name: string) =>
        (await post('/api/v1/groups/proposals', proposer, { kind: 'interest', name })).body.id as string;
      const rejected = await propose('桥牌社');
      const approved = await propose('围棋社');
      const waiting = await propose('书法社');
      await post(`/api/v1/staff/groups/${rejected}/reject`, staff, { reason: '已有桥牌群' });
      await post(`/api/v1/staff/groups/${approved}/approve`, staff);
      const res = await get('/api/v1/me/group-proposals', proposer);
      expect(res.status).toBe(200);
      expect(res.body.items.map((p: { group: { id: string; status: string } }) => [p.group.id, p.group.status])).toEqual([
        [waiting, 'proposed'],
        [approved, 'active'],
        [rejected, 'rejected'],
      ]);
      expect(res.body.items[0]).toMatchObject({ decidedAt: null, reason: null, proposedAt: expect.any(String) });
      expect(res.body.items[1]).toMatchObject({ decidedAt: expect.any(String), reason: null });
      expect(res.body.items[2]).toMatchObject({ decidedAt: expect.any(String), reason: '已有桥牌群' });

      const createdByStaff = (await post('/api/v1/staff/groups', staff, { kind: 'interest', name: '校友合唱团' })).body.id;
      const staffList = (await get('/api/v1/me/group-proposals?limit=100', staff)).body.items.map(
        (p: { group: { id: string } }) => p.group.id,
      );
      expect(staffList).not.toContain(createdByStaff);
      expect((await get('/api/v1/me/group-proposals?limit=0', proposer)).body.error.code).toBe('VALIDATION_FAILED');
    });
  });

  describe('invitations', () => {
    it('resolves a scene to its group, and refuses others', async () => {
      const g = await makeGroup({ name: '扫码进群' });
      const { scene } = (await get(`/api/v1/groups/${g.id}`)).body;
      expect(scene).toMatch(/^g=[A-Za-z0-9_-]{22}$/);
      const res = await get(`/api/v1/groups/by-scene/${encodeURIComponent(scene)}`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: g.id, name: '扫码进群' });
      const proposed = await makeGroup({ status: 'proposed' });
      const proposedScene = (await get(`/api/v1/groups/${proposed.id}`, staff)).body.scene;
      for (const bad of ['g=nope', 'e=42', proposedScene, `${scene.slice(0, -1)}B`]) {
        const refused = await get(`/api/v1/groups/by-scene/${encodeURIComponent(bad)}`);
        expect([refused.status, refused.body.error.code]).toEqual([404, 'GROUP_SCENE_INVALID']);
      }
    });

    it('serves the mini-program code as a PNG, asking WeChat only the first time', async () => {
      const g = await makeGroup();
      const who = await signedIn(t);
      const fake = wechatFake(t);
      const calls = () => fake.calls.get('/wxa/getwxacodeunlimit') ?? 0;
      const before = calls();
      const first = await fetch(`${t.baseUrl}/api/v1/groups/${g.id}/qrcode`, { headers: who.headers });
      expect(first.status).toBe(200);
      expect(first.headers.get('content-type')).toBe('image/png');
      const image = Buffer.from(await first.arrayBuffer());
      expect(image.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
      const second = await fetch(`${t.baseUrl}/api/v1/groups/${g.id}/qrcode`, { headers: who.headers });
      expect(Buffer.from(await second.arrayBuffer())).toEqual(image);
      expect(calls()).toBe(before + 1);
      const { scene } = (await get(`/api/v1/groups/${g.id}`)).body;
      expect(fake.feature(WxacodeFake).issued.at(-1)).toEqual({ scene, page: GROUP_PAGE_PATH, envVersion: 'release' });
    });

    it('takes a cover image from group admins only, served at a public URL', async () => {
      const g = await makeGroup();
      const [owner, member] = [await signedIn(t), await signedIn(t)];
      await addMember(g.id, owner, 'owner');
      await addMember(g.id, member);
      const png = Buffer.from(await (await fetch(`${t.baseUrl}/api/v1/groups/${g.id}/qrcode`, { headers: owner.headers })).arrayBuffer());
      const refused = await uploadFile(t, `/api/v1/groups/${g.id}/cover`, member.headers, png, 'cover.png', 'image/png');
      expect([refused.status, refused.body.error.code]).toEqual([403, 'GROUP_ADMIN_REQUIRED']);
      const fake = await uploadFile(t, `/api/v1/groups/${g.id}/cover`, owner.headers, Buffer.from('<svg/>'), 'cover.png', 'image/png');
      expect(fake.body.error.code).toBe('UPLOAD_TYPE_UNSUPPORTED');
      expect((await group(g.id)).coverKey).toBeNull();
      const res = await uploadFile(t, `/api/v1/groups/${g.id}/cover`, owner.headers, png, 'cover.png', 'image/png');
      expect(res.status).toBe(200);
      expect(res.body.coverUrl).toMatch(/^\/api\/v1\/uploads\/group-covers\/[0-9a-f-]{36}\.png$/);
      const served = await fetch(`${t.baseUrl}${res.body.coverUrl}`);
      expect([served.status, served.headers.get('content-type')]).toEqual([200, 'image/png']);

      // Lists show the cover small: its thumbnail, 480 px on the longest side, the same cleaning.
      const wide = await uploadFile(
        t,
        `/api/v1/groups/${g.id}/cover`,
        owner.headers,
        await phonePhoto(1600, 900),
        'cover.jpg',
        'image/jpeg',
      );
      expect(wide.body.coverThumbnailUrl).toBe(wide.body.coverUrl.replace(/\.jpg$/, '.thumb.jpg'));
      const thumbnail = await fetch(`${t.baseUrl}${wide.body.coverThumbnailUrl}`);
      expect(thumbnail.headers.get('content-type')).toBe('image/jpeg');
      expect(await pictureFacts(await thumbnail.arrayBuffer())).toEqual({ format: 'jpeg', width: 480, height: 270, exif: false });
      const listed = await get(`/api/v1/groups?q=${encodeURIComponent(g.name)}&limit=50`, member);
      expect(listed.body.items.find((i: { id: string }) => i.id === g.id)).toMatchObject({
        coverThumbnailUrl: wide.body.coverThumbnailUrl,
      });
    });

    it('takes a proposal’s cover from its proposer while it waits, and from nobody else', async () => {
      const proposer = await signedIn(t, ['alumnus'], { verifiedAt: new Date() });
      const { id } = (await post('/api/v1/groups/proposals', proposer, { kind: 'interest', name: '骑行社' })).body;
      // The type is decided by the magic bytes, whatever the name or the declared type say.
      const png = await picture('png');
      const cover = (who: Who, body = png) => uploadFile(t, `/api/v1/groups/${id}/cover`, who.headers, body, 'cover.png', 'image/png');
      const stranger = await cover(await signedIn(t));
      expect([stranger.status, stranger.body.error.code]).toEqual([404, 'GROUP_NOT_FOUND']);
      expect((await cover(proposer, Buffer.from('GIF89a'))).body.error.code).toBe('UPLOAD_TYPE_UNSUPPORTED');
      expect((await group(id)).coverKey).toBeNull();
      const res = await cover(proposer);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'proposed', coverUrl: expect.stringMatching(/^\/api\/v1\/uploads\/group-covers\//) });
      // Once staff decide, the proposer is a proposer no more: only an approved group's admins change it.
      await post(`/api/v1/staff/groups/${id}/reject`, staff, { reason: '重复' });
      const before = (await group(id)).coverKey;
      const late = await cover(proposer);
      expect([late.status, late.body.error.code]).toEqual([403, 'GROUP_ADMIN_REQUIRED']);
      expect((await group(id)).coverKey).toBe(before);
    });

    it('refreshes a stale access token once, and surfaces WeChat refusals as named codes', async () => {
      const fake = wechatFake(t);
      const who = await signedIn(t);
      const qrcode = async () => get(`/api/v1/groups/${(await makeGroup()).id}/qrcode`, who);
      fake.revokeTokens();
      expect((await qrcode()).status).toBe(200);

      fake.injectFault({ errcode: 45009, path: '/wxa/getwxacodeunlimit' });
      const limited = await qrcode();
      expect([limited.status, limited.body.error.code]).toEqual([429, 'WECHAT_RATE_LIMITED']);

      fake.feature(WxacodeFake).setPublishedPages(['pages/index/index']);
      try {
        const unpublished = await qrcode();
        expect([unpublished.status, unpublished.body.error.code]).toEqual([502, 'WECHAT_QRCODE_PAGE_INVALID']);
      } finally {
        fake.feature(WxacodeFake).setPublishedPages(DEFAULT_PUBLISHED_PAGES);
      }
      // On the call and on its one repeat.
      for (let i = 0; i < 2; i++) fake.injectFault({ garbage: true, path: '/wxa/getwxacodeunlimit' });
      const garbage = await qrcode();
      expect([garbage.status, garbage.body.error.code]).toEqual([503, 'WECHAT_UNAVAILABLE']);
      expect(await count('SELECT count(*)::int AS n FROM group_qrcodes')).toBeGreaterThan(0);
      expect((await get(`/api/v1/groups/${UNKNOWN}/qrcode`, who)).body.error.code).toBe('GROUP_NOT_FOUND');
    });
  });
});
