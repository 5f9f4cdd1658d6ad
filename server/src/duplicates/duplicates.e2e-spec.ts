import { signedIn } from '../../test/auth.js';
import { campaignFactory, eventFactory } from '../../test/factories.js';
import { giveAndPay, post, until } from '../../test/giving.js';
import { groupWith } from '../../test/group-feeds.js';
import { claimThatMisses, createDepartments, createRosterEntry } from '../../test/roster.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { EngagementService } from '../engagement/engagement.service.js';
import { PRIVACY_NOTICE } from '../identity/privacy-notice.js';
import { MergeRegistry } from './merge.registry.js';

type Who = Awaited<ReturnType<typeof signedIn>>;

/**
 * Duplicate records (docs/reach.md): the scan fills the queue, staff compare and merge, and
 * every total the association reads stays right across the merge.
 */
describe('duplicate records', () => {
  let t: TestApp;
  let staff: Who;
  let department: string;
  const api = (method: string, path: string, who: Who | null, body?: unknown) =>
    t.request(
      `/api/v1${path}`,
      body === undefined ? { method, headers: who?.headers ?? {} } : { ...post(body, who?.headers ?? {}), method },
    );
  const scan = async () => {
    const res = await api('POST', '/staff/duplicates/scan', staff);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as { open: number; added: number };
  };
  type Candidate = {
    id: string;
    kind: 'accounts' | 'roster';
    a: { id: string; displayName: string };
    b: { id: string; displayName: string };
    reasons: string[];
    score: number;
  };
  /** One page of the queue as staff read it. */
  const page = (query: string) => api('GET', `/staff/duplicates${query}`, staff);
  /** The whole queue, page after page. */
  const queue = async (kind?: 'accounts' | 'roster') => {
    const items: Candidate[] = [];
    let cursor: string | null = null;
    do {
      const res = await page(`?limit=100${kind ? `&kind=${kind}` : ''}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      items.push(...(res.body.items as Candidate[]));
      cursor = res.body.nextCursor as string | null;
    } while (cursor);
    return items;
  };
  const pairOf = async (x: string, y: string) => (await queue()).find((c) => [c.a.id, c.b.id].sort().join() === [x, y].sort().join());

  beforeAll(async () => {
    t = await startTestApp({ env: { LOG_LEVEL: process.env.DUP_LOG ?? 'silent' } });
    staff = await signedIn(t, ['alumnus', 'staff'], { displayName: '校友会老师' });
    department = (await createDepartments(t, ['计算机学院'])).get('计算机学院')!;
  });
  afterAll(() => t?.close());

  it('moves every table that names an alumnus: a foreign key to alumni without a merge participant fails here', async () => {
    const rows: { name: string }[] = await t.dataSource.query(
      `SELECT DISTINCT src.relname || '.' || a.attname AS name
         FROM pg_constraint c
         JOIN pg_class src ON src.oid = c.conrelid
         JOIN pg_class dst ON dst.oid = c.confrelid
         JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
        WHERE c.contype = 'f' AND dst.relname = 'alumni'
        ORDER BY 1`,
    );
    const covered = new Set(t.app.get(MergeRegistry).columns());
    expect(rows.map((row) => row.name).filter((name) => !covered.has(name))).toEqual([]);
    // And no participant names a column that is not there.
    expect([...covered].filter((name) => !rows.some((row) => row.name === name))).toEqual([]);
  });

  it('scores a pair by name, year, department and phone, and keeps a dismissed pair dismissed', async () => {
    const common = { graduationYear: 2012, departmentId: department, className: '计科1201班' };
    const one = await signedIn(t, ['alumnus'], { displayName: '周子健', realName: '周子健', ...common });
    // One character off, not a homophone (jian / jun).
    const two = await signedIn(t, ['alumnus'], { displayName: '周子俊', realName: '周子俊', ...common });
    const stranger = await signedIn(t, ['alumnus'], { displayName: '李雷', realName: '李雷', graduationYear: 1999 });
    await scan();
    const pair = await pairOf(one.alumnus.id, two.alumnus.id);
    expect(pair?.reasons).toEqual(['similarName', 'year', 'department', 'className']);
    expect(pair?.score).toBe(20 + 10 + 10 + 10);
    expect((await queue()).some((c) => [c.a.id, c.b.id].includes(stranger.alumnus.id))).toBe(false);

    const dismissed = await api('POST', `/staff/duplicates/${pair!.id}/dismiss`, staff, {});
    expect(dismissed.status).toBe(200);
    expect(dismissed.body.status).toBe('dismissed');
    expect((await api('POST', `/staff/duplicates/${pair!.id}/dismiss`, staff, {})).body.error.code).toBe('DUPLICATE_DECIDED');
    await scan();
    expect(await pairOf(one.alumnus.id, two.alumnus.id)).toBeUndefined();
  });

  it('scores names that sound the same (the same pinyin) as a name variant in one class; another sound is no pair', async () => {
    const common = { departmentId: department, className: '计科0601班' };
    const person = (realName: string, graduationYear: number, className = common.className) =>
      signedIn(t, ['alumnus'], { displayName: realName, realName, graduationYear, ...common, className });
    // A wrong character picked from the input method's candidates: two-character names too.
    const zhang = await person('张伟', 2006);
    const zhangTypo = await person('章伟', 2006);
    const li = await person('李娜', 2006);
    const liTypo = await person('李纳', 2007);
    // Another sound in the same class; the same sound in another class (25 + 10 + 10: below 50).
    const fang = await person('张芳', 2006);
    const elsewhere = await person('彰伟', 2006, '计科0602班');
    await scan();
    expect(await pairOf(zhang.alumnus.id, zhangTypo.alumnus.id)).toMatchObject({
      score: 25 + 10 + 10 + 10,
      reasons: ['pinyin', 'year', 'department', 'className'],
    });
    expect(await pairOf(li.alumnus.id, liTypo.alumnus.id)).toMatchObject({
      score: 25 + 5 + 10 + 10,
      reasons: ['pinyin', 'nearYear', 'department', 'className'],
    });
    const involving = (await queue()).filter((c) => [c.a.id, c.b.id].some((id) => [fang.alumnus.id, elsewhere.alumnus.id].includes(id)));
    expect(involving).toEqual([]);
    // The year corrected: the next scan rescores the same open pair, and queues nothing new.
    const before = (await pairOf(li.alumnus.id, liTypo.alumnus.id))!;
    await t.dataSource.query(`UPDATE alumni SET graduation_year = 2006 WHERE id = $1`, [liTypo.alumnus.id]);
    expect((await scan()).added).toBe(0);
    expect(await pairOf(li.alumnus.id, liTypo.alumnus.id)).toMatchObject({
      id: before.id,
      score: 25 + 10 + 10 + 10,
      reasons: ['pinyin', 'year', 'department', 'className'],
    });
  });

  it('refuses alumni, and a survivor outside the pair', async () => {
    const x = await signedIn(t, ['alumnus'], { displayName: '钱多多', realName: '钱多多', graduationYear: 2001, departmentId: department });
    const y = await signedIn(t, ['alumnus'], { displayName: '钱多多', realName: '钱多多', graduationYear: 2001, departmentId: department });
    await scan();
    const pair = (await pairOf(x.alumnus.id, y.alumnus.id))!;
    expect(pair.score).toBe(30 + 10 + 10);
    expect((await api('GET', '/staff/duplicates', x)).status).toBe(403);
    expect((await api('POST', `/staff/duplicates/${pair.id}/merge`, x, { survivorId: x.alumnus.id })).status).toBe(403);
    const outside = await api('POST', `/staff/duplicates/${pair.id}/merge`, staff, { survivorId: staff.alumnus.id });
    expect([outside.status, outside.body.error.code]).toEqual([422, 'DUPLICATE_SURVIVOR_INVALID']);
    expect((await api('POST', `/staff/duplicates/${pair.id}/merge`, staff, { survivorId: null })).status).toBe(400);
    const unknown = await api('GET', '/staff/duplicates/00000000-0000-4000-8000-000000000000', staff);
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'DUPLICATE_NOT_FOUND']);
  });

  it('merges two accounts of one person: rows move, totals stay, the old id answers for the survivor', async () => {
    const common = { realName: '陈思远', graduationYear: 2010, departmentId: department, className: '计科1001班' };
    const old = await signedIn(t, ['alumnus'], { displayName: '陈思远', ...common, verifiedAt: new Date('2024-01-02T00:00:00Z') });
    const fresh = await signedIn(t, ['alumnus'], { displayName: '思远', ...common, verifiedAt: new Date() });
    const friend = await signedIn(t, ['alumnus'], { displayName: '同学甲', verifiedAt: new Date() });

    // Both gave to the same campaign (the donor counted twice), one to another.
    const campaigns = campaignFactory(t.dataSource);
    const shared = await campaigns();
    const other = await campaigns();
    await giveAndPay(t, shared.id, old, { amountFen: 10_000 });
    await giveAndPay(t, shared.id, fresh, { amountFen: 5_000 });
    await giveAndPay(t, other.id, old, { amountFen: 2_000 });
    await giveAndPay(t, shared.id, friend, { amountFen: 1_000 });
    const campaign = async (id: string) => (await api('GET', `/campaigns/${id}`, staff)).body as { raisedFen: number; donorCount: number };
    await until(
      () => campaign(shared.id),
      (c) => c.donorCount === 3,
    );
    // Both hold a seat at one event, one at another.
    const events = eventFactory(t.dataSource);
    const meetup = await events(48);
    const talk = await events(72);
    for (const who of [old, fresh, friend])
      expect((await api('POST', `/events/${meetup.id}/registrations`, who, { answers: {} })).status).toBe(201);
    expect((await api('POST', `/events/${talk.id}/registrations`, fresh, { answers: {} })).status).toBe(201);
    // Both members of one group (the creator counted as owner).
    const groupId = await groupWith(t, 'open', [{ member: friend, role: 'owner' }]);
    await t.dataSource.query(`UPDATE groups SET member_count = 1 WHERE id = $1`, [groupId]);
    for (const who of [old, fresh]) expect((await api('POST', `/groups/${groupId}/join`, who, {})).body.status).toBe('active');

    const totals = async () => ({
      shared: await campaign(shared.id),
      other: await campaign(other.id),
      meetup: (await api('GET', `/events/${meetup.id}`, staff)).body.confirmedCount,
      talk: (await api('GET', `/events/${talk.id}`, staff)).body.confirmedCount,
      members: (await api('GET', `/groups/${groupId}`, staff)).body.memberCount,
    });
    const before = await totals();
    expect(before).toEqual({
      shared: expect.objectContaining({ raisedFen: 16_000, donorCount: 3 }),
      other: expect.objectContaining({ raisedFen: 2_000, donorCount: 1 }),
      meetup: 3,
      talk: 1,
      members: 3,
    });
    const engagement = t.app.get(EngagementService);
    const donatedBefore = (await engagement.forAlumnus(old.alumnus.id)).score + (await engagement.forAlumnus(fresh.alumnus.id)).score;
    const interactionsBefore = await count(`SELECT count(*) FROM interactions WHERE alumnus_id IN ($1, $2)`, [
      old.alumnus.id,
      fresh.alumnus.id,
    ]);
    // The newer account claimed the roster entry: the graduate counts as reached once, before and after.
    const entry = await createRosterEntry(t, { departmentId: department, name: '陈思远', graduationYear: 2010, className: '计科1001班' });
    await t.dataSource.query(`UPDATE roster_entries SET claimed_by = $2, claimed_at = now() WHERE id = $1`, [entry.id, fresh.alumnus.id]);
    const dashboard = async () => ({
      headline: (await api('GET', '/staff/dashboard/summary', staff)).body.totals,
      roster: (await api('GET', '/staff/dashboard/coverage', staff)).body.totals,
    });
    const dashboardBefore = await dashboard();

    await scan();
    const pair = (await pairOf(old.alumnus.id, fresh.alumnus.id))!;
    expect(pair.reasons).toEqual(expect.arrayContaining(['name', 'year', 'department', 'className']));
    const comparison = await api('GET', `/staff/duplicates/${pair.id}`, staff);
    expect(comparison.status).toBe(200);
    const byId = Object.fromEntries((comparison.body.records as { id: string }[]).map((r) => [r.id, r]));
    expect(byId[old.alumnus.id]).toMatchObject({ registrations: 1, donations: { count: 2, totalFen: 12_000 }, memberships: 1 });
    expect(byId[fresh.alumnus.id]).toMatchObject({ registrations: 2, donations: { count: 1, totalFen: 5_000 }, memberships: 1 });

    const merged = await api('POST', `/staff/duplicates/${pair.id}/merge`, staff, { survivorId: old.alumnus.id });
    expect(merged.status, JSON.stringify(merged.body)).toBe(200);
    expect(merged.body).toEqual({ survivorId: old.alumnus.id, mergedId: fresh.alumnus.id, rosterEntryId: null });

    // Nothing lost, nothing counted twice.
    expect(await totals()).toEqual({
      shared: expect.objectContaining({ raisedFen: 16_000, donorCount: 2 }),
      other: expect.objectContaining({ raisedFen: 2_000, donorCount: 1 }),
      meetup: 2,
      talk: 1,
      members: 2,
    });
    expect(await count(`SELECT count(*) FROM donations WHERE alumnus_id = $1`, [old.alumnus.id])).toBe(3);
    expect(await count(`SELECT count(*) FROM event_registrations WHERE alumnus_id = $1`, [old.alumnus.id])).toBe(2);
    // Every row of both histories is the survivor's, plus the merge's own row.
    expect(await count(`SELECT count(*) FROM interactions WHERE alumnus_id = $1`, [old.alumnus.id])).toBe(interactionsBefore + 1);
    expect(await count(`SELECT count(*) FROM interactions WHERE alumnus_id = $1 AND kind = 'identity.merged'`, [old.alumnus.id])).toBe(1);
    expect((await engagement.forAlumnus(old.alumnus.id)).score).toBeCloseTo(donatedBefore, 1);
    // One person fewer on record, verified and giving; the same money; the same graduates reached.
    const dashboardAfter = await dashboard();
    expect(dashboardAfter.headline).toMatchObject({
      alumni: dashboardBefore.headline.alumni - 1,
      verified: dashboardBefore.headline.verified - 1,
      donorsThisYear: dashboardBefore.headline.donorsThisYear - 1,
      raisedThisYearFen: dashboardBefore.headline.raisedThisYearFen,
    });
    expect(dashboardAfter.roster).toEqual(dashboardBefore.roster);
    expect(dashboardBefore.roster.reached).toBeGreaterThan(0);
    expect(await count(`SELECT count(*) FROM audit_entries WHERE action = 'alumni.merged' AND subject_id = $1`, [old.alumnus.id])).toBe(1);
    for (const table of await tablesNaming(fresh.alumnus.id)) expect(table).toBe('');

    // The old link answers for the survivor; the merged account signs in no more.
    const card = await api('GET', `/alumni/${fresh.alumnus.id}`, friend);
    expect([card.status, card.body.id]).toEqual([200, old.alumnus.id]);
    expect((await api('GET', '/me', fresh)).status).toBe(401);
    // The pair is decided: a second merge is refused.
    expect((await api('POST', `/staff/duplicates/${pair.id}/merge`, staff, { survivorId: old.alumnus.id })).body.error.code).toBe(
      'DUPLICATE_DECIDED',
    );
  });

  describe('an account and the roster entry its claim failed to match', () => {
    /** Claims store personal data: these alumni accepted the privacy notice. */
    const consenting = (values: Parameters<typeof signedIn>[2] = {}) =>
      signedIn(t, ['alumnus'], { consentVersion: PRIVACY_NOTICE.version, consentedAt: new Date(), ...values });
    const rosterPair = async (alumnusId: string, entryId: string) =>
      (await queue()).find((c) => c.kind === 'roster' && c.a.id === alumnusId && c.b.id === entryId);
    const alumnusRow = async (id: string) =>
      (await t.dataSource.query(`SELECT verified_at, real_name, graduation_year, class_name FROM alumni WHERE id = $1`, [id]))[0] as {
        verified_at: Date | null;
        real_name: string | null;
        graduation_year: number | null;
        class_name: string | null;
      };

    it('pairs an unverified account with the unclaimed entry its claim or profile nearly names, by the same points', async () => {
      // A claim with one character wrong matches no entry: it waits for staff.
      const { entry, seeker: variant } = await claimThatMisses(
        t,
        { departmentId: department, name: '欧阳明轩', graduationYear: 2014, className: '计科1403班' },
        { name: '欧阳明宇' },
        '小欧',
      );
      const yearTypo = await createRosterEntry(t, {
        departmentId: department,
        name: '司马静怡',
        graduationYear: 2015,
        className: '计科1501班',
      });
      // A profile with the year one off, no claim.
      const typo = await consenting({
        displayName: '静怡',
        realName: '司马静怡',
        graduationYear: 2016,
        departmentId: department,
        className: '计科1501班',
      });
      // Verified elsewhere, or holding an entry: never offered another.
      const verified = await consenting({
        displayName: '另一个明轩',
        realName: '欧阳明轩',
        graduationYear: 2014,
        departmentId: department,
        verifiedAt: new Date(),
      });
      const holder = await consenting({ displayName: '司马', realName: '司马静怡', graduationYear: 2015, departmentId: department });
      const held = await createRosterEntry(t, {
        departmentId: department,
        name: '司马静宜',
        graduationYear: 2015,
        className: '计科1501班',
      });
      await t.dataSource.query(`UPDATE roster_entries SET claimed_by = $2, claimed_at = now() WHERE id = $1`, [held.id, holder.alumnus.id]);

      await scan();
      const found = await rosterPair(variant.alumnus.id, entry.id);
      expect(found).toMatchObject({
        kind: 'roster',
        score: 20 + 10 + 10 + 10,
        reasons: ['similarName', 'year', 'department', 'className'],
      });
      expect(found?.b.displayName).toBe('欧阳明轩');
      expect(await rosterPair(typo.alumnus.id, yearTypo.id)).toMatchObject({
        score: 30 + 5 + 10 + 10,
        reasons: ['name', 'nearYear', 'department', 'className'],
      });
      const items = await queue();
      // Pairs of two accounts (counted twice in every total) come before account–entry pairs.
      const kinds = items.map((c) => c.kind);
      expect(new Set(kinds)).toEqual(new Set(['accounts', 'roster']));
      expect(kinds).toEqual([...kinds].sort());
      expect(items.filter((c) => c.kind === 'roster' && [verified.alumnus.id, holder.alumnus.id].includes(c.a.id))).toEqual([]);
      expect(items.filter((c) => c.b.id === held.id)).toEqual([]);
      // A second scan queues nothing new and keeps the pairs.
      expect((await scan()).added).toBe(0);
      expect(await rosterPair(variant.alumnus.id, entry.id)).toMatchObject({ id: found!.id });
    });

    it('pairs an account with the entry whose name sounds the same (王静 typed 王晶), and not one that sounds otherwise', async () => {
      const { entry, seeker } = await claimThatMisses(
        t,
        { departmentId: department, name: '王静', graduationYear: 2017, className: '计科1702班' },
        { name: '王晶' },
        '静静',
      );
      const otherSound = await createRosterEntry(t, {
        departmentId: department,
        name: '王琴',
        graduationYear: 2017,
        className: '计科1702班',
      });
      await scan();
      expect(await rosterPair(seeker.alumnus.id, entry.id)).toMatchObject({
        kind: 'roster',
        score: 25 + 10 + 10 + 10,
        reasons: ['pinyin', 'year', 'department', 'className'],
      });
      expect(await rosterPair(seeker.alumnus.id, otherSound.id)).toBeUndefined();
    });

    it('links the account to the entry as a claim approval does: verified, class group, log and audit, one graduate reached once', async () => {
      const {
        entry,
        seeker,
        claim: filed,
      } = await claimThatMisses(
        t,
        { departmentId: department, name: '诸葛云飞', graduationYear: 2013, className: '计科1302班' },
        { name: '诸葛芸飞' },
        '云飞',
      );
      // Another account the scan pairs with the same entry (same name, year and department).
      const other = await consenting({ displayName: '诸葛', realName: '诸葛云飞', graduationYear: 2013, departmentId: department });
      const dashboard = async () => ({
        headline: (await api('GET', '/staff/dashboard/summary', staff)).body.totals,
        roster: (await api('GET', '/staff/dashboard/coverage', staff)).body.totals,
      });
      await scan();
      const pair = (await rosterPair(seeker.alumnus.id, entry.id))!;
      expect(await rosterPair(other.alumnus.id, entry.id)).toBeDefined();
      const before = await dashboard();

      const comparison = await api('GET', `/staff/duplicates/${pair.id}`, staff);
      expect(comparison.status).toBe(200);
      expect(comparison.body).toMatchObject({
        candidate: { id: pair.id, kind: 'roster' },
        records: [{ id: seeker.alumnus.id, verified: false, claim: null }],
        rosterEntry: {
          id: entry.id,
          name: '诸葛云飞',
          studentNumber: entry.studentNumber,
          graduationYear: 2013,
          departmentName: '计算机学院',
          className: '计科1302班',
        },
        claims: [{ id: filed.id, name: '诸葛芸飞', status: 'pending' }],
      });
      expect(comparison.body.records).toHaveLength(1);

      // The entry is not a record that can stay.
      const wrong = await api('POST', `/staff/duplicates/${pair.id}/merge`, staff, { survivorId: entry.id });
      expect([wrong.status, wrong.body.error.code]).toEqual([422, 'DUPLICATE_SURVIVOR_INVALID']);
      const linked = await api('POST', `/staff/duplicates/${pair.id}/merge`, staff, { survivorId: seeker.alumnus.id });
      expect(linked.status, JSON.stringify(linked.body)).toBe(200);
      expect(linked.body).toEqual({ survivorId: seeker.alumnus.id, mergedId: null, rosterEntryId: entry.id });

      // Verified with the roster's record, the entry held, the waiting claim approved with it.
      expect(await alumnusRow(seeker.alumnus.id)).toEqual({
        verified_at: expect.any(Date),
        real_name: '诸葛云飞',
        graduation_year: 2013,
        class_name: '计科1302班',
      });
      expect((await t.dataSource.query(`SELECT claimed_by FROM roster_entries WHERE id = $1`, [entry.id]))[0].claimed_by).toBe(
        seeker.alumnus.id,
      );
      expect(
        await t.dataSource.query(`SELECT id, status, roster_entry_id, decided_by FROM verification_claims WHERE alumnus_id = $1`, [
          seeker.alumnus.id,
        ]),
      ).toEqual([{ id: filed.id, status: 'approved', roster_entry_id: entry.id, decided_by: staff.alumnus.id }]);
      // The interaction rows and the audit of an approval, and the staff decision on the pair; the alumnus is told.
      const kinds = (await t.dataSource.query(`SELECT kind FROM interactions WHERE alumnus_id = $1 ORDER BY id`, [seeker.alumnus.id])).map(
        (r: { kind: string }) => r.kind,
      );
      expect(kinds.slice(-2)).toEqual(['identity.claimed', 'identity.verified']);
      expect(await count(`SELECT count(*) FROM audit_entries WHERE action = 'claim.approved' AND subject_id = $1`, [filed.id])).toBe(1);
      expect(await count(`SELECT count(*) FROM audit_entries WHERE action = 'duplicates.linked' AND subject_id = $1`, [pair.id])).toBe(1);
      expect(
        await count(`SELECT count(*) FROM outbox_messages WHERE alumnus_id = $1 AND kind = 'verification.decided'`, [seeker.alumnus.id]),
      ).toBe(1);
      // Their class group: there, and open to them as to anyone verified in the class.
      const [group] = await t.dataSource.query(
        `SELECT id FROM groups WHERE kind = 'class' AND graduation_year = 2013 AND department_id = $1 AND class_name = '计科1302班'`,
        [department],
      );
      expect((await api('POST', `/groups/${group.id}/join`, seeker, {})).body.status).toBe('active');

      // One graduate more reached, one alumnus more verified, no one added.
      const after = await dashboard();
      expect(after.headline).toMatchObject({ alumni: before.headline.alumni, verified: before.headline.verified + 1 });
      expect(after.roster).toMatchObject({ graduates: before.roster.graduates, reached: before.roster.reached + 1 });
      // The entry is claimed: the other account's pair left the queue; this pair is decided.
      expect(await rosterPair(other.alumnus.id, entry.id)).toBeUndefined();
      const again = await api('POST', `/staff/duplicates/${pair.id}/merge`, staff, { survivorId: seeker.alumnus.id });
      expect([again.status, again.body.error.code]).toEqual([409, 'DUPLICATE_DECIDED']);
    });

    it('refuses a link once the entry is claimed or the account verified, writing nothing; refuses alumni and bad input', async () => {
      const entry = await createRosterEntry(t, {
        departmentId: department,
        name: '上官婉清',
        graduationYear: 2011,
        className: '计科1101班',
      });
      const seeker = await consenting({
        displayName: '婉清',
        realName: '上官婉清',
        graduationYear: 2011,
        departmentId: department,
        className: '计科1101班',
      });
      const someone = await consenting({ displayName: '别人' });
      await scan();
      const pair = (await rosterPair(seeker.alumnus.id, entry.id))!;
      expect(pair.score).toBe(60);
      const link = (who: Who, body: unknown = { survivorId: seeker.alumnus.id }) =>
        api('POST', `/staff/duplicates/${pair.id}/merge`, who, body);

      // Alumni are refused; bad ids and bodies are 400s naming the field.
      expect((await api('GET', `/staff/duplicates/${pair.id}`, seeker)).status).toBe(403);
      expect((await link(seeker)).status).toBe(403);
      const bad = await link(staff, { survivorId: 'the account' });
      expect([bad.status, JSON.stringify(bad.body.error)]).toEqual([400, expect.stringContaining('survivorId')]);
      expect((await link(staff, { survivorId: seeker.alumnus.id, rosterEntryId: entry.id })).status).toBe(400);
      expect((await api('GET', '/staff/duplicates/not-a-uuid', staff)).status).toBe(400);

      // Another account claimed the entry meanwhile.
      await t.dataSource.query(`UPDATE roster_entries SET claimed_by = $2, claimed_at = now() WHERE id = $1`, [
        entry.id,
        someone.alumnus.id,
      ]);
      const taken = await link(staff);
      expect([taken.status, taken.body.error.code]).toEqual([409, 'ROSTER_ENTRY_ALREADY_CLAIMED']);
      // The account was verified meanwhile (released entry, verified another way).
      await t.dataSource.query(`UPDATE roster_entries SET claimed_by = NULL, claimed_at = NULL WHERE id = $1`, [entry.id]);
      await t.dataSource.query(`UPDATE alumni SET verified_at = now() WHERE id = $1`, [seeker.alumnus.id]);
      const verified = await link(staff);
      expect([verified.status, verified.body.error.code]).toEqual([409, 'DUPLICATE_ACCOUNT_VERIFIED']);
      // Nothing was written: the pair still open, the entry free, no claim, no audit.
      expect((await api('GET', `/staff/duplicates/${pair.id}`, staff)).body.candidate.status).toBe('open');
      expect((await t.dataSource.query(`SELECT claimed_by FROM roster_entries WHERE id = $1`, [entry.id]))[0].claimed_by).toBeNull();
      expect(await count(`SELECT count(*) FROM verification_claims WHERE alumnus_id = $1`, [seeker.alumnus.id])).toBe(0);
      expect(await count(`SELECT count(*) FROM audit_entries WHERE action = 'duplicates.linked' AND subject_id = $1`, [pair.id])).toBe(0);
      // Staff may still say it is not their graduate.
      const dismissed = await api('POST', `/staff/duplicates/${pair.id}/dismiss`, staff, {});
      expect([dismissed.status, dismissed.body.kind, dismissed.body.status]).toEqual([200, 'roster', 'dismissed']);
    });
  });

  it('reads the queue a page at a time, of one kind if asked, and a pair decided meanwhile shifts no page', async () => {
    // Pairs of both kinds: three of two accounts, two of an account and an unclaimed entry.
    const common = { graduationYear: 2003, departmentId: department, className: '计科0301班' };
    for (const name of ['翟一鸣', '翟二鸣', '翟三鸣'])
      for (const displayName of [name, `${name}（新）`]) await signedIn(t, ['alumnus'], { displayName, realName: name, ...common });
    for (const name of ['蔺一帆', '蔺二帆']) {
      await createRosterEntry(t, { name, ...common });
      await signedIn(t, ['alumnus'], { displayName: name, realName: name, ...common, graduationYear: 2004 });
    }
    await scan();
    const all = await queue();
    const accounts = all.filter((c) => c.kind === 'accounts');
    const roster = all.filter((c) => c.kind === 'roster');
    expect([accounts.length, roster.length].every((n) => n >= 2)).toBe(true);
    // Two accounts first, then the highest score.
    expect(all).toEqual([...accounts, ...roster]);
    for (const list of [accounts, roster]) expect(list.map((c) => c.score)).toEqual([...list.map((c) => c.score)].sort((x, y) => y - x));

    // Pages of two, followed by their cursors, give the same queue once each; each kind alone gives its part.
    const walk = async (kind?: string) => {
      const pages: Candidate[][] = [];
      let cursor: string | null = null;
      do {
        const res = await page(`?limit=2${kind ? `&kind=${kind}` : ''}${cursor ? `&cursor=${cursor}` : ''}`);
        expect(res.status).toBe(200);
        expect(res.body.items.length).toBeLessThanOrEqual(2);
        expect([res.body.open, res.body.openByKind]).toEqual([all.length, { accounts: accounts.length, roster: roster.length }]);
        pages.push(res.body.items);
        cursor = res.body.nextCursor;
      } while (cursor);
      return pages;
    };
    const pages = await walk();
    expect(pages.flat().map((c) => c.id)).toEqual(all.map((c) => c.id));
    expect(pages.length).toBe(Math.ceil(all.length / 2));
    expect((await walk('accounts')).flat().map((c) => c.id)).toEqual(accounts.map((c) => c.id));
    expect((await walk('roster')).flat().map((c) => c.id)).toEqual(roster.map((c) => c.id));

    // A pair of the first page is dismissed: the next page still starts where the first ended.
    const first = await page('?limit=2');
    expect((await api('POST', `/staff/duplicates/${first.body.items[0].id}/dismiss`, staff, {})).status).toBe(200);
    const second = await page(`?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.items.map((c: Candidate) => c.id)).toEqual(all.slice(2, 4).map((c) => c.id));
    expect(second.body.open).toBe(all.length - 1);

    // Bad input names what to fix.
    for (const [query, code, field] of [
      ['?kind=both', 'VALIDATION_FAILED', 'kind'],
      ['?limit=0', 'VALIDATION_FAILED', 'limit'],
      ['?limit=101', 'VALIDATION_FAILED', 'limit'],
      ['?cursor=not-a-cursor', 'INVALID_CURSOR', 'cursor'],
      [
        `?cursor=${Buffer.from(JSON.stringify(['both', 50, new Date().toISOString(), first.body.items[0].id])).toString('base64url')}`,
        'INVALID_CURSOR',
        'cursor',
      ],
    ] as const) {
      const res = await page(query);
      expect([res.status, res.body.error.code], query).toEqual([400, code]);
      expect(
        res.body.error.details.map((d: { field?: string }) => d.field),
        query,
      ).toContain(field);
    }
  });

  it('offers the seat a merge frees to the waitlist, as a cancellation does, in the merge’s transaction', async () => {
    const common = { realName: '何嘉宁', graduationYear: 2009, departmentId: department, className: '计科0902班' };
    const one = await signedIn(t, ['alumnus'], { displayName: '何嘉宁', ...common, verifiedAt: new Date() });
    const two = await signedIn(t, ['alumnus'], { displayName: '嘉宁', ...common });
    const waiting = await signedIn(t, ['alumnus'], { displayName: '排队的同学' });
    const later = await signedIn(t, ['alumnus'], { displayName: '后来的同学' });
    const events = eventFactory(t.dataSource);
    const full = await events(24, { capacity: 2, waitlistEnabled: true });
    // A finished event both attended: its headcount is corrected, nobody is offered a past seat.
    const past = await events(-48, { capacity: 2, waitlistEnabled: true });
    for (const who of [one, two, waiting, later]) {
      expect((await api('POST', `/events/${full.id}/registrations`, who, { answers: {} })).status).toBe(201);
    }
    await t.dataSource.query(
      `INSERT INTO event_registrations (event_id, alumnus_id, status) VALUES ($1, $2, 'confirmed'), ($1, $3, 'confirmed'), ($1, $4, 'waitlisted')`,
      [past.id, one.alumnus.id, two.alumnus.id, waiting.alumnus.id],
    );
    await t.dataSource.query(`UPDATE events SET confirmed_count = 2 WHERE id = $1`, [past.id]);
    const statusOf = async (eventId: string, who: Who) =>
      (
        await t.dataSource.query(`SELECT status FROM event_registrations WHERE event_id = $1 AND alumnus_id = $2`, [
          eventId,
          who.alumnus.id,
        ])
      )[0]?.status as string | undefined;
    expect([await statusOf(full.id, waiting), await statusOf(full.id, later)]).toEqual(['waitlisted', 'waitlisted']);

    await scan();
    const pair = (await pairOf(one.alumnus.id, two.alumnus.id))!;
    const merged = await api('POST', `/staff/duplicates/${pair.id}/merge`, staff, { survivorId: one.alumnus.id });
    expect(merged.status, JSON.stringify(merged.body)).toBe(200);

    // The first in the queue took the freed seat, the second still waits: one seat each, none counted twice.
    expect((await api('GET', `/events/${full.id}`, staff)).body.confirmedCount).toBe(2);
    expect([await statusOf(full.id, one), await statusOf(full.id, waiting), await statusOf(full.id, later)]).toEqual([
      'confirmed',
      'confirmed',
      'waitlisted',
    ]);
    expect(await count(`SELECT count(*) FROM event_registrations WHERE event_id = $1 AND status = 'confirmed'`, [full.id])).toBe(2);
    expect(
      await count(`SELECT count(*) FROM interactions WHERE alumnus_id = $1 AND kind = 'events.promoted' AND subject_id = $2`, [
        waiting.alumnus.id,
        full.id,
      ]),
    ).toBe(1);
    expect(
      await count(`SELECT count(*) FROM outbox_messages WHERE alumnus_id = $1 AND kind = 'events.promoted'`, [waiting.alumnus.id]),
    ).toBe(1);
    // The past event: one seat fewer, the waitlist left alone.
    expect((await api('GET', `/events/${past.id}`, staff)).body.confirmedCount).toBe(1);
    expect(await statusOf(past.id, waiting)).toBe('waitlisted');
  });

  async function count(sql: string, params: unknown[]): Promise<number> {
    return Number((await t.dataSource.query(sql, params))[0].count);
  }

  /** `table.column` rows still naming the merged record, except the merged record's own trail. */
  async function tablesNaming(id: string): Promise<string[]> {
    const columns = t.app
      .get(MergeRegistry)
      .columns()
      .filter((c) => !['role_changes.alumnus_id', 'duplicate_candidates.alumnus_id', 'duplicate_candidates.other_alumnus_id'].includes(c));
    const found: string[] = [];
    for (const column of columns) {
      const [table, name] = column.split('.');
      if (await count(`SELECT count(*) FROM ${table} WHERE ${name} = $1`, [id])) found.push(column);
    }
    return found;
  }
});
