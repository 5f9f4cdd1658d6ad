import { signedIn } from '../../test/auth.js';
import { jsonRequest } from '../../test/events.js';
import { campaignFactory, eventFactory } from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { GroupMembershipEntity } from '../groups/group-membership.entity.js';
import { PRIVACY_NOTICE } from '../identity/privacy-notice.js';

type Who = Awaited<ReturnType<typeof signedIn>>;

const DAY = 24 * 60 * 60 * 1000;
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

/** A valid online event a week from now. */
const eventBody = (override: Record<string, unknown> = {}) => ({
  title: '上海分会线上分享会',
  kind: 'meetup',
  online: true,
  onlineUrl: 'https://meeting.example.com/shanghai',
  startsAt: new Date(Date.now() + 7 * DAY).toISOString(),
  endsAt: new Date(Date.now() + 7 * DAY + 2 * 60 * 60 * 1000).toISOString(),
  capacity: 30,
  waitlistEnabled: false,
  ...override,
});

describe('branches', () => {
  let t: TestApp;
  let staff: Who;
  let n = 0;

  const send = (method: string, path: string, who: Who | undefined, body?: unknown) =>
    t.request(path, body === undefined ? { method, headers: who?.headers ?? {} } : jsonRequest(method, body, who?.headers ?? {}));
  const verified = () => signedIn(t, ['alumnus'], { verifiedAt: new Date() });
  const count = async (sql: string, params: unknown[] = []) => Number((await t.dataSource.query(sql, params))[0].n);
  const role = async (groupId: string, who: Who) =>
    (await t.dataSource.getRepository(GroupMembershipEntity).findOneBy({ groupId, alumnusId: who.alumnus.id }))?.role ?? null;

  /** A branch staff created through the API, with `admin` appointed when given. */
  const branch = async (values: Record<string, unknown> = {}, admin?: Who) => {
    n += 1;
    const res = await send('POST', '/api/v1/staff/branches', staff, {
      kind: 'city',
      name: `上海校友分会${n}`,
      place: '上海',
      joinPolicy: 'approval',
      ...values,
    });
    expect(res.status).toBe(201);
    if (admin) expect((await send('PUT', `/api/v1/staff/branches/${res.body.id}/admins/${admin.alumnus.id}`, staff)).status).toBe(200);
    return res.body as { id: string; groupId: string; name: string };
  };

  beforeAll(async () => {
    t = await startTestApp();
    staff = await signedIn(t, ['alumnus', 'staff'], { verifiedAt: new Date() });
  });
  afterAll(() => t.close());

  describe('staff create branches', () => {
    it('creates a branch with its home group, audited, listed for alumni and anonymous visitors', async () => {
      const created = await branch({ kind: 'overseas', name: '北美校友分会', place: '北美', intro: '在北美的校友', joinPolicy: 'open' });
      const page = await send('GET', '/api/v1/branches?kind=overseas', undefined);
      expect(page.status).toBe(200);
      expect(page.body.items).toEqual([
        expect.objectContaining({
          id: created.id,
          kind: 'overseas',
          name: '北美校友分会',
          place: '北美',
          joinPolicy: 'open',
          memberCount: 0,
        }),
      ]);
      const detail = await send('GET', `/api/v1/branches/${created.id}`, undefined);
      expect(detail.body).toMatchObject({ groups: [{ id: created.groupId, home: true, kind: 'city' }], admins: [], me: null });
      expect(await count(`SELECT count(*) AS n FROM audit_entries WHERE action = 'branch.created' AND subject_id = $1`, [created.id])).toBe(
        1,
      );
    });

    it('asks a city, industry or overseas branch for its place, and refuses a name taken', async () => {
      const noPlace = await send('POST', '/api/v1/staff/branches', staff, { kind: 'industry', name: '金融行业分会', joinPolicy: 'open' });
      expect(noPlace.status).toBe(422);
      expect(noPlace.body.error).toMatchObject({ code: 'BRANCH_PLACE_REQUIRED', details: [{ field: 'place' }] });
      const first = await branch({ kind: 'interest', name: '户外运动分会', place: null });
      expect(first.id).toBeTruthy();
      const again = await send('POST', '/api/v1/staff/branches', staff, { kind: 'interest', name: '户外运动分会', joinPolicy: 'open' });
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe('BRANCH_NAME_TAKEN');
      expect(await count(`SELECT count(*) AS n FROM groups WHERE name = '户外运动分会'`)).toBe(1);
    });

    it('refuses alumni and branch admins on staff routes', async () => {
      const admin = await verified();
      const own = await branch({}, admin);
      expect((await send('POST', '/api/v1/staff/branches', admin, { kind: 'interest', name: '越权分会', joinPolicy: 'open' })).status).toBe(
        403,
      );
      expect((await send('GET', '/api/v1/staff/branches', admin)).status).toBe(403);
      expect((await send('PUT', `/api/v1/staff/branches/${own.id}/admins/${admin.alumnus.id}`, admin)).status).toBe(403);
      expect((await send('GET', '/api/v1/staff/dashboard/summary', admin)).status).toBe(403);
      expect((await send('GET', '/api/v1/staff/claims', admin)).status).toBe(403);
    });
  });

  describe('branch admins', () => {
    it('are appointed from verified alumni only, become admins of the home group, and the appointment is logged with the join', async () => {
      const b = await branch();
      const unverified = await signedIn(t);
      const refused = await send('PUT', `/api/v1/staff/branches/${b.id}/admins/${unverified.alumnus.id}`, staff);
      expect(refused.status).toBe(409);
      expect(refused.body.error.code).toBe('BRANCH_ADMIN_NOT_VERIFIED');
      expect((await send('PUT', `/api/v1/staff/branches/${b.id}/admins/${UNKNOWN}`, staff)).status).toBe(404);

      const admin = await verified();
      const res = await send('PUT', `/api/v1/staff/branches/${b.id}/admins/${admin.alumnus.id}`, staff);
      expect(res.status).toBe(200);
      expect(res.body.admins).toEqual([{ id: admin.alumnus.id, displayName: admin.alumnus.displayName }]);
      expect(res.body.memberCount).toBe(1);
      expect(await role(b.groupId, admin)).toBe('admin');
      const kinds = await t.dataSource.query(`SELECT kind FROM interactions WHERE alumnus_id = $1 ORDER BY id`, [admin.alumnus.id]);
      expect(kinds.map((r: { kind: string }) => r.kind)).toEqual(['groups.joined', 'branches.admin_appointed']);
      // Again: nothing changes, nothing is logged twice.
      expect((await send('PUT', `/api/v1/staff/branches/${b.id}/admins/${admin.alumnus.id}`, staff)).body.memberCount).toBe(1);
      expect(await count(`SELECT count(*) AS n FROM interactions WHERE alumnus_id = $1`, [admin.alumnus.id])).toBe(2);
      const mine = await send('GET', '/api/v1/me/branches', admin);
      expect(mine.body).toEqual([expect.objectContaining({ id: b.id, admin: true })]);
      expect((await send('GET', `/api/v1/branches/${b.id}`, admin)).body.me).toEqual({ membership: 'active', admin: true });
    });

    it('approve members through the home group; an admin of another branch cannot', async () => {
      const admin = await verified();
      const stranger = await verified();
      const b = await branch({}, admin);
      await branch({}, stranger);
      const applicant = await signedIn(t);
      const join = await send('POST', `/api/v1/groups/${b.groupId}/join`, applicant, { note: '我在上海工作' });
      expect(join.body.status).toBe('pending');
      expect((await send('GET', `/api/v1/branches/${b.id}`, applicant)).body.me).toEqual({ membership: 'pending', admin: false });

      const requests = await send('GET', `/api/v1/groups/${b.groupId}/join-requests`, admin);
      expect(requests.body.items.map((r: { alumnus: { id: string } }) => r.alumnus.id)).toEqual([applicant.alumnus.id]);
      const foreign = await send('POST', `/api/v1/groups/${b.groupId}/join-requests/${applicant.alumnus.id}/approve`, stranger);
      expect(foreign.status).toBe(403);
      expect((await send('GET', `/api/v1/groups/${b.groupId}/join-requests`, stranger)).status).toBe(403);
      expect((await send('POST', `/api/v1/groups/${b.groupId}/join-requests/${applicant.alumnus.id}/approve`, admin)).status).toBe(204);
      expect((await send('GET', `/api/v1/branches/${b.id}`, applicant)).body).toMatchObject({
        memberCount: 2,
        me: { membership: 'active' },
      });
    });

    it('see members only as any alumnus sees them: a field shown to staff only stays hidden', async () => {
      const admin = await verified();
      const b = await branch({ joinPolicy: 'open' }, admin);
      const member = await signedIn(t, ['alumnus'], {
        verifiedAt: new Date(),
        employer: '江州银行',
        city: '上海',
        visibility: { employer: 'staff', city: 'groups' },
      });
      expect((await send('POST', `/api/v1/groups/${b.groupId}/join`, member)).body.status).toBe('active');
      const members = await send('GET', `/api/v1/groups/${b.groupId}/members`, admin);
      expect(members.body.items.map((m: { alumnus: { id: string } }) => m.alumnus.id)).toContain(member.alumnus.id);
      const card = await send('GET', `/api/v1/alumni/${member.alumnus.id}`, admin);
      expect(card.status).toBe(200);
      expect(JSON.stringify(card.body)).not.toContain('江州银行');
      expect(JSON.stringify(card.body)).toContain('上海');
      expect(JSON.stringify((await send('GET', `/api/v1/alumni/${member.alumnus.id}`, staff)).body)).toContain('江州银行');
    });

    it('post an event for the branch, for its members by default; another branch admin is refused', async () => {
      const admin = await verified();
      const stranger = await verified();
      const b = await branch({}, admin);
      const other = await branch({}, stranger);

      const refused = await send('POST', `/api/v1/branches/${b.id}/events`, stranger, eventBody());
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('BRANCH_ADMIN_REQUIRED');
      const foreignAudience = await send(
        'POST',
        `/api/v1/branches/${b.id}/events`,
        admin,
        eventBody({ audience: { kind: 'group', groupId: other.groupId } }),
      );
      expect(foreignAudience.status).toBe(422);
      expect(foreignAudience.body.error.code).toBe('BRANCH_EVENT_AUDIENCE_INVALID');
      expect((await send('POST', `/api/v1/branches/${UNKNOWN}/events`, admin, eventBody())).status).toBe(404);

      const posted = await send('POST', `/api/v1/branches/${b.id}/events`, admin, eventBody());
      expect(posted.status).toBe(201);
      expect(posted.body).toMatchObject({ status: 'published', audience: { kind: 'group', groupId: b.groupId } });
      expect((await send('GET', `/api/v1/branches/${b.id}`, undefined)).body.upcomingEvents).toEqual([
        expect.objectContaining({ id: posted.body.id, title: '上海分会线上分享会' }),
      ]);
      expect(
        await count(`SELECT count(*) AS n FROM interactions WHERE alumnus_id = $1 AND kind = 'branches.event_posted' AND subject_id = $2`, [
          admin.alumnus.id,
          b.id,
        ]),
      ).toBe(1);
      // A non-member cannot sign up for a members' event; the branch admin (a member) can.
      const consented = { consentVersion: PRIVACY_NOTICE.version, consentedAt: new Date() };
      const outsider = await signedIn(t, ['alumnus'], { verifiedAt: new Date(), ...consented });
      const excluded = await send('POST', `/api/v1/events/${posted.body.id}/registrations`, outsider, {});
      expect(excluded.status).toBe(403);
      expect(excluded.body.error.code).toBe('EVENT_AUDIENCE_EXCLUDED');
      await t.dataSource.query(`UPDATE alumni SET consent_version = $2, consented_at = now() WHERE id = $1`, [
        admin.alumnus.id,
        PRIVACY_NOTICE.version,
      ]);
      expect((await send('POST', `/api/v1/events/${posted.body.id}/registrations`, admin, {})).status).toBe(201);
    });

    it('open groups under the branch, which every branch admin administers', async () => {
      const admin = await verified();
      const second = await verified();
      const b = await branch({}, admin);
      await send('PUT', `/api/v1/staff/branches/${b.id}/admins/${second.alumnus.id}`, staff);
      const res = await send('POST', `/api/v1/branches/${b.id}/groups`, admin, {
        kind: 'interest',
        name: '上海分会读书会',
        joinPolicy: 'approval',
      });
      expect(res.status).toBe(201);
      const opened = res.body.groups.find((g: { home: boolean }) => !g.home);
      expect(opened).toMatchObject({ name: '上海分会读书会', kind: 'interest', memberCount: 2 });
      expect(await role(opened.id, admin)).toBe('admin');
      expect(await role(opened.id, second)).toBe('admin');
      const cityWithoutPlace = await send('POST', `/api/v1/branches/${b.id}/groups`, admin, {
        kind: 'city',
        name: '浦东小组',
        joinPolicy: 'open',
      });
      expect(cityWithoutPlace.status).toBe(422);
      // A dismissed admin keeps the memberships but loses the rights, and the report.
      const dismissed = await send('DELETE', `/api/v1/staff/branches/${b.id}/admins/${second.alumnus.id}`, staff);
      expect(dismissed.status).toBe(200);
      expect(dismissed.body.admins.map((a: { id: string }) => a.id)).toEqual([admin.alumnus.id]);
      expect(await role(opened.id, second)).toBe('member');
      expect(await role(b.groupId, second)).toBe('member');
      expect((await send('GET', `/api/v1/branches/${b.id}/report`, second)).status).toBe(403);
      expect((await send('DELETE', `/api/v1/staff/branches/${b.id}/admins/${second.alumnus.id}`, staff)).status).toBe(404);
    });
  });

  describe('reports', () => {
    it('count members, activity, events held and funds raised through the branch’s campaigns, for its admins and staff only', async () => {
      const admin = await verified();
      const stranger = await verified();
      const b = await branch({ joinPolicy: 'open' }, admin);
      await branch({}, stranger);
      for (let i = 0; i < 2; i++) await send('POST', `/api/v1/groups/${b.groupId}/join`, await signedIn(t), {});
      // A past event of the branch with one person checked in, and a campaign counted toward it.
      const past = await eventFactory(t.dataSource)(-72, { status: 'finished' });
      const attendee = await signedIn(t);
      await t.dataSource.query(
        `INSERT INTO event_registrations (event_id, alumnus_id, status, confirmed_at, checked_in_at) VALUES ($1, $2, 'confirmed', now(), now())`,
        [past.id, attendee.alumnus.id],
      );
      await t.dataSource.query(`INSERT INTO branch_items (branch_id, item_type, item_id) VALUES ($1, 'event', $2)`, [b.id, past.id]);
      const campaign = await campaignFactory(t.dataSource)({ raisedFen: 123_400, donorCount: 3 });
      const notCounted = await campaignFactory(t.dataSource)({ raisedFen: 999_900, donorCount: 9 });
      expect((await send('PUT', `/api/v1/staff/branches/${b.id}/campaigns/${campaign.id}`, staff)).status).toBe(200);
      expect((await send('PUT', `/api/v1/staff/branches/${b.id}/campaigns/${campaign.id}`, staff)).status).toBe(200);
      expect((await send('PUT', `/api/v1/staff/branches/${b.id}/campaigns/${UNKNOWN}`, staff)).status).toBe(404);
      expect(notCounted.id).not.toBe(campaign.id);
      await send('POST', `/api/v1/branches/${b.id}/events`, admin, eventBody());

      const report = await send('GET', `/api/v1/branches/${b.id}/report`, admin);
      expect(report.status).toBe(200);
      expect(report.body).toEqual({
        branchId: b.id,
        name: b.name,
        days: 30,
        members: { total: 3, joined: 3, pendingRequests: 0 },
        // Three joins to the home group (the admin's by appointment).
        activity: { interactions: 3, activeAlumni: 3 },
        events: { held: 1, upcoming: 1, attendees: 1 },
        funds: { campaigns: 1, raisedFen: 123_400, donorCount: 3 },
        groups: 1,
      });
      expect((await send('GET', `/api/v1/branches/${b.id}/report`, staff)).body).toEqual(report.body);
      expect((await send('GET', `/api/v1/branches/${b.id}/report`, stranger)).status).toBe(403);
      expect((await send('GET', `/api/v1/branches/${b.id}/report`, undefined)).status).toBe(401);
      const taken = await branch();
      const conflict = await send('PUT', `/api/v1/staff/branches/${taken.id}/campaigns/${campaign.id}`, staff);
      expect(conflict.status).toBe(409);
      expect(conflict.body.error.code).toBe('BRANCH_CAMPAIGN_TAKEN');
    });
  });
});
