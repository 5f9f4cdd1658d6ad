import { TokenService } from '../../auth/token.service.js';
import { startTestApp, type TestApp } from '../../../test/test-app.js';
import { seedIfEmpty } from '../schema-setup.js';

/** A bearer token for the seeded account with this openid. */
async function tokenFor(t: TestApp, openid: string): Promise<string> {
  const [{ id, roles }] = await t.dataSource.query(`SELECT id, roles FROM alumni WHERE openid = $1`, [openid]);
  return t.app.get(TokenService).issueAccessToken({ id, roles }).token;
}

describe('demo seed', () => {
  let first: TestApp;
  let second: TestApp;
  beforeAll(async () => {
    [first, second] = await Promise.all([startTestApp(), startTestApp()]);
  });
  afterAll(async () => {
    await Promise.all([first.close(), second.close()]);
  });

  const snapshot = (t: TestApp) =>
    t.dataSource.query(
      `SELECT a.display_name, a.graduation_year, a.class_name, a.city, a.industry, d.name AS department
         FROM alumni a LEFT JOIN departments d ON d.id = a.department_id ORDER BY a.display_name, a.class_name, a.city`,
    );

  it('is the same college every time, and seeds an empty database only once', async () => {
    const now = new Date('2026-11-24T00:00:00Z');
    expect(await seedIfEmpty(first.dataSource, now)).toBe(true);
    expect(await seedIfEmpty(second.dataSource, now)).toBe(true);
    expect(await seedIfEmpty(first.dataSource, now)).toBe(false);
    const alumni = await snapshot(first);
    expect(alumni.length).toBeGreaterThanOrEqual(300);
    expect(await snapshot(second)).toEqual(alumni);
    const years = alumni.map((a: { graduation_year: number }) => a.graduation_year);
    expect(Math.min(...years)).toBeGreaterThanOrEqual(2000);
    // Graduates of 2000–2024, and the careers area's students, who graduate in the next years.
    expect(years.filter((year: number) => year > 2024).every((year: number) => year > 2026 && year <= 2029)).toBe(true);
  });

  it('has a duplicate pair in the review queue: a graduate who signed in again under a nickname', async () => {
    const pairs: { names: string[]; reasons: string[] }[] = await first.dataSource.query(
      `SELECT ARRAY[a.display_name, b.display_name] AS names, d.reasons
         FROM duplicate_candidates d JOIN alumni a ON a.id = d.alumnus_id JOIN alumni b ON b.id = d.other_alumnus_id
        WHERE d.status = 'open'`,
    );
    expect(pairs.some((pair) => pair.names.some((name) => name.endsWith('（新号）')) && pair.reasons.includes('name'))).toBe(true);
  });

  it('has groups of every kind with members, each count equal to its memberships', async () => {
    const kinds = await first.dataSource.query(
      `SELECT g.kind, count(*)::int AS groups, max(g.member_count)::int AS largest,
              bool_and(g.member_count = (SELECT count(*) FROM group_memberships m WHERE m.group_id = g.id AND m.status = 'active')) AS exact
         FROM groups g WHERE g.status = 'active' GROUP BY g.kind ORDER BY g.kind`,
    );
    expect(kinds.map((k: { kind: string }) => k.kind)).toEqual(['city', 'class', 'industry', 'interest']);
    for (const k of kinds) expect(k).toMatchObject({ exact: true, largest: expect.any(Number) });
    expect(Math.min(...kinds.map((k: { largest: number }) => k.largest))).toBeGreaterThanOrEqual(5);
    // Every roster class has its class group.
    const [{ missing }] = await first.dataSource.query(
      `SELECT count(*)::int AS missing FROM (SELECT DISTINCT graduation_year, department_id, class_name FROM roster_entries WHERE class_name IS NOT NULL) c
        WHERE NOT EXISTS (SELECT 1 FROM groups g WHERE g.kind = 'class' AND (g.graduation_year, g.department_id, g.class_name) = (c.graduation_year, c.department_id, c.class_name))`,
    );
    expect(missing).toBe(0);
  });

  it('backs every event’s headcount with its registrations: confirmed, checked in, answers to its questions', async () => {
    const events = await first.dataSource.query(
      `SELECT e.title, e.status, e.confirmed_count AS counted,
              (SELECT count(*)::int FROM event_registrations r WHERE r.event_id = e.id AND r.status = 'confirmed') AS confirmed,
              (SELECT count(*)::int FROM event_registrations r WHERE r.event_id = e.id AND r.checked_in_at IS NOT NULL) AS checked_in,
              (SELECT count(*)::int FROM event_registrations r JOIN alumni a ON a.id = r.alumnus_id
                WHERE r.event_id = e.id AND (a.openid IS NULL OR a.openid LIKE 'o_demo_%')) AS not_signed_in_or_demo,
              (SELECT count(*)::int FROM event_registrations r WHERE r.event_id = e.id AND r.answers ? 'forum') AS answered,
              jsonb_array_length(e.questions) AS questions
         FROM events e WHERE e.status IN ('published', 'finished') ORDER BY e.starts_at`,
    );
    expect(events.length).toBeGreaterThanOrEqual(5);
    for (const e of events) {
      expect(e).toMatchObject({ confirmed: e.counted, not_signed_in_or_demo: 0 });
      expect(e.counted).toBeGreaterThan(0);
      // Four in five came to a finished event; nobody has checked in to one still to come.
      if (e.status === 'finished') expect(e.checked_in).toBe(e.counted - Math.floor(e.counted / 5));
      else expect(e.checked_in).toBe(0);
      expect(e.answered).toBe(e.questions > 0 ? e.counted : 0);
    }
    expect(events.some((e: { questions: number }) => e.questions > 0)).toBe(true);
    // 我的足迹 and the dashboard see the sign-ups and check-ins.
    const [{ registered, checkedIn }] = await first.dataSource.query(
      `SELECT count(*) FILTER (WHERE kind = 'events.registered')::int AS registered,
              count(*) FILTER (WHERE kind = 'events.checked_in')::int AS "checkedIn" FROM interactions`,
    );
    const [{ rows, checked }] = await first.dataSource.query(
      'SELECT count(*)::int AS rows, count(checked_in_at)::int AS checked FROM event_registrations',
    );
    expect([registered, checkedIn]).toEqual([rows, checked]);
  });

  it('backs every campaign with paid gifts: raised, donors, units and gifts are the sums the ledger keeps', async () => {
    const campaigns = await first.dataSource.query(
      `SELECT c.id, c.kind, c.status, c.raised_fen::int AS raised, c.donor_count AS donors, c.units_raised AS units, c.paid_count AS gifts,
              d.fen, d.donors AS given_donors, d.units AS given_units, d.gifts AS given_gifts,
              d.first_paid >= c.starts_at AND d.last_paid <= least(c.ends_at, now()) AS inside_window
         FROM campaigns c LEFT JOIN LATERAL (
              SELECT coalesce(sum(amount_fen - refunded_fen), 0)::int AS fen,
                     count(DISTINCT alumnus_id) FILTER (WHERE status = 'paid')::int AS donors,
                     coalesce(sum(units) FILTER (WHERE status = 'paid'), 0)::int AS units,
                     count(*)::int AS gifts, min(paid_at) AS first_paid, max(paid_at) AS last_paid
                FROM donations WHERE campaign_id = c.id AND status IN ('paid', 'refunded')) d ON true
        ORDER BY c.created_at`,
    );
    expect(campaigns).toHaveLength(6);
    for (const c of campaigns) {
      expect({ raised: c.raised, donors: c.donors, units: c.units, gifts: c.gifts }).toEqual({
        raised: c.fen,
        donors: c.given_donors,
        units: c.given_units,
        gifts: c.given_gifts,
      });
      if (c.status === 'draft') expect(c.gifts).toBe(0);
      else
        expect({ kind: c.kind, donors: c.donors, insideWindow: c.inside_window }).toMatchObject({
          donors: expect.any(Number),
          insideWindow: true,
        });
    }
    expect(campaigns.filter((c: { status: string; donors: number }) => c.status !== 'draft' && c.donors < 30)).toEqual([]);
    // The finished 2025 drive planted exactly the 1,200 saplings its page says, at ¥30 each.
    expect(campaigns.find((c: { status: string }) => c.status === 'closed')).toMatchObject({ raised: 3_600_000, units: 1200 });

    // Certificates GIV-<campaign>-000001… and, for sapling drives, trees 1…N in payment order, without gaps or repeats.
    const numbering = await first.dataSource.query(
      `SELECT c.id, c.kind,
              bool_and(d.certificate_no = 'GIV-' || upper(left(c.id::text, 8)) || '-' || lpad(d.seq::text, 6, '0')) AS certificates,
              array_agg(d.first_tree_no ORDER BY d.seq) FILTER (WHERE d.first_tree_no IS NOT NULL) AS firsts,
              array_agg(d.units ORDER BY d.seq) AS units
         FROM campaigns c JOIN (
              SELECT *, row_number() OVER (PARTITION BY campaign_id ORDER BY paid_at, id) AS seq FROM donations WHERE status IN ('paid', 'refunded')) d
           ON d.campaign_id = c.id
        GROUP BY c.id, c.kind`,
    );
    expect(numbering).toHaveLength(5);
    for (const n of numbering) {
      expect(n.certificates).toBe(true);
      if (n.kind !== 'sapling') {
        expect(n.firsts).toBeNull();
        continue;
      }
      const trees = n.firsts.flatMap((first: number, i: number) => Array.from({ length: n.units[i] }, (_, k) => first + k));
      expect(trees).toEqual(Array.from({ length: trees.length }, (_, k) => k + 1));
      expect(trees.length).toBe(campaigns.find((c: { id: string }) => c.id === n.id).units);
    }
  });

  it('shows where the money went: fund-use ledgers whose spent totals are their entries, never more than raised', async () => {
    const drives = await first.dataSource.query(
      `SELECT c.title, c.status, c.raised_fen::int AS raised, c.spent_fen::int AS spent,
              (SELECT coalesce(sum(amount_fen), 0)::int FROM campaign_disbursements d WHERE d.campaign_id = c.id) AS entries,
              (SELECT count(*)::int FROM campaign_disbursements d WHERE d.campaign_id = c.id) AS count
         FROM campaigns c ORDER BY c.created_at`,
    );
    for (const d of drives) {
      expect(d.spent).toBe(d.entries);
      expect(d.spent).toBeLessThanOrEqual(d.raised);
    }
    const withLedger = drives.filter((d: { count: number }) => d.count > 0);
    expect(withLedger.length).toBeGreaterThanOrEqual(2);
    // The closed drive spent exactly what it raised.
    const closed = drives.find((d: { status: string }) => d.status === 'closed');
    expect(closed.spent).toBe(closed.raised);
    expect(closed.count).toBe(2);
    // The public ledger answers them.
    const [aid] = await first.dataSource.query(`SELECT id FROM campaigns WHERE kind = 'student_aid'`);
    const ledger = await first.request(`/api/v1/campaigns/${aid.id}/disbursements`);
    expect(ledger.body.items).toHaveLength(1);
  });

  it('has every verified alumnus, donor and group member signed in with WeChat, as the app requires', async () => {
    const [row] = await first.dataSource.query(
      `SELECT (SELECT count(DISTINCT alumnus_id)::int FROM donations) AS donors,
              (SELECT count(*)::int FROM alumni a WHERE (a.openid IS NULL OR a.consented_at IS NULL)
                 AND (a.verified_at IS NOT NULL
                      OR EXISTS (SELECT 1 FROM donations d WHERE d.alumnus_id = a.id)
                      OR EXISTS (SELECT 1 FROM group_memberships m WHERE m.alumnus_id = a.id))) AS without_wechat,
              (SELECT count(*)::int FROM donations d JOIN alumni a ON a.id = d.alumnus_id WHERE d.payer_openid <> a.openid) AS paid_by_another`,
    );
    expect(row.donors).toBeGreaterThan(100);
    expect(row.without_wechat).toBe(0);
    expect(row.paid_by_another).toBe(0);
  });

  it('gives every demo account a giving history, with anonymous, hidden-amount, refunded and repeated gifts', async () => {
    const mix = await first.dataSource.query(
      `SELECT count(*) FILTER (WHERE anonymous)::int AS anonymous, count(*) FILTER (WHERE hide_amount)::int AS hidden,
              count(*) FILTER (WHERE message <> '')::int AS messages, count(*) FILTER (WHERE status = 'refunded')::int AS refunded,
              count(*) FILTER (WHERE status = 'paid' AND refunded_fen > 0)::int AS partly,
              (SELECT count(*)::int FROM donation_refunds r WHERE r.status = 'succeeded') AS refund_rows,
              (SELECT count(*)::int FROM audit_entries WHERE action = 'donation.refund_requested') AS audited,
              count(*)::int - count(DISTINCT (campaign_id, alumnus_id))::int AS repeats,
              (SELECT count(*)::int FROM giving_preferences WHERE honour_roll) AS on_roll
         FROM donations`,
    );
    expect(mix[0]).toMatchObject({ refunded: 1, partly: 1, refund_rows: 2, audited: 2 });
    for (const key of ['anonymous', 'hidden', 'messages', 'repeats', 'on_roll']) expect(mix[0][key]).toBeGreaterThanOrEqual(10);

    const demo = await first.dataSource.query(`SELECT id, roles FROM alumni WHERE openid LIKE 'o_demo_0%' ORDER BY openid`);
    expect(demo).toHaveLength(5);
    for (const { id, roles } of demo) {
      const { token } = first.app.get(TokenService).issueAccessToken({ id, roles });
      const mine = await first.request('/api/v1/me/donations', { headers: { authorization: `Bearer ${token}` } });
      expect(mine.status).toBe(200);
      expect(mine.body.items.length).toBeGreaterThanOrEqual(2);
      for (const d of mine.body.items)
        expect(d).toMatchObject({ status: 'paid', certificateNo: expect.stringMatching(/^GIV-[0-9A-F]{8}-\d{6}$/) });
    }

    // The wall shows the second demo account's anonymous gift without a name, and hides the hidden amounts.
    const [aid] = await first.dataSource.query(`SELECT id FROM campaigns WHERE kind = 'student_aid'`);
    const wall = await first.request(`/api/v1/campaigns/${aid.id}/donors?limit=100`);
    expect(wall.status).toBe(200);
    expect(wall.body.items.length).toBe(100);
    expect(wall.body.items.some((e: { anonymous: boolean; name: string }) => e.anonymous && e.name === '匿名校友')).toBe(true);
    // The first demo account's class (7 alumni) gave to it: six of them.
    const board = await first.request(`/api/v1/giving/class-leaderboard?campaignId=${aid.id}`);
    expect(board.body.entries[0]).toMatchObject({ alumni: 7, donors: 6, sharePercent: 85.7 });

    // Seeded again from the same seed: the same gifts.
    const gifts = (t: TestApp) =>
      t.dataSource.query(
        `SELECT a.display_name, c.title, d.amount_fen, d.units, d.anonymous, d.hide_amount, d.message, d.paid_at, d.first_tree_no, d.out_trade_no
           FROM donations d JOIN alumni a ON a.id = d.alumnus_id JOIN campaigns c ON c.id = d.campaign_id ORDER BY d.out_trade_no`,
      );
    expect(await gifts(second)).toEqual(await gifts(first));
  });

  it('has a few monthly pledges for staff’s 月捐 page: one due with a missed month, one paused, one cancelled this month', async () => {
    const [staff] = await first.dataSource.query(`SELECT id, roles FROM alumni WHERE 'staff' = ANY (roles) LIMIT 1`);
    const { token } = first.app.get(TokenService).issueAccessToken({ id: staff.id, roles: staff.roles });
    // Seeded as of 24 November 2026 (above).
    const report = await first.request('/api/v1/staff/monthly-giving?month=2026-11', { headers: { authorization: `Bearer ${token}` } });
    expect(report.status).toBe(200);
    expect(report.body).toMatchObject({ activePledges: 1, pausedPledges: 1, monthlyFen: 5000, cancelledInMonth: 1, activeAtStart: 3 });
    expect(report.body.missed).toHaveLength(1);
    expect(report.body.pledges).toHaveLength(3);
  });

  it('has demo accounts to sign in as, one of them staff and admin', async () => {
    const accounts = await first.request('/api/v1/auth/demo-accounts');
    expect(accounts.body.map((a: { openid: string }) => a.openid)).toEqual([
      'o_demo_001',
      'o_demo_002',
      'o_demo_003',
      'o_demo_004',
      'o_demo_005',
      'o_demo_mentor',
      'o_demo_staff',
      'o_demo_student',
    ]);
    expect(accounts.body.find((a: { openid: string }) => a.openid === 'o_demo_staff').roles).toEqual(['alumnus', 'staff', 'admin']);
    expect(await second.request('/api/v1/auth/demo-accounts')).toMatchObject({ body: accounts.body });
  });

  it('has a lively careers area whose counts agree with its rows', async () => {
    const [offers] = await first.dataSource.query(
      `SELECT count(*)::int AS offers,
              bool_and(o.active_count = (SELECT count(*) FROM mentorships m WHERE m.offer_id = o.id AND m.status = 'active')) AS active,
              bool_and(o.waiting_count = (SELECT count(*) FROM mentorships m WHERE m.offer_id = o.id AND m.status = 'requested')) AS waiting,
              count(DISTINCT o.industry)::int AS industries
         FROM mentor_offers o`,
    );
    expect(offers).toEqual({ offers: 14, active: true, waiting: true, industries: 10 });
    const [jobs] = await first.dataSource.query(
      `SELECT count(*) FILTER (WHERE status = 'published')::int AS published, count(*) FILTER (WHERE status = 'pending')::int AS pending,
              bool_and(application_count = (SELECT count(*) FROM job_applications a WHERE a.post_id = p.id AND a.status <> 'withdrawn')) AS counted
         FROM job_posts p`,
    );
    expect(jobs).toEqual({ published: 14, pending: 2, counted: true });
    const [resources] = await first.dataSource.query(
      `SELECT count(*) FILTER (WHERE status = 'published')::int AS published, count(*) FILTER (WHERE status = 'submitted')::int AS waiting,
              count(DISTINCT kind) FILTER (WHERE status = 'published')::int AS kinds,
              bool_and(bookmark_count = (SELECT count(*) FROM career_resource_bookmarks b WHERE b.resource_id = r.id)) AS counted
         FROM career_resources r`,
    );
    expect(resources).toEqual({ published: 5, waiting: 1, kinds: 3, counted: true });
    const library = await first.request('/api/v1/careers/resources');
    expect(library.body.items[0]).toMatchObject({ title: '医疗健康行业入门：医院之外的机会', bookmarkCount: 1 });
    const statuses = await first.dataSource.query(`SELECT DISTINCT status FROM mentorships ORDER BY 1`);
    expect(statuses.map((r: { status: string }) => r.status)).toEqual(['active', 'declined', 'ended', 'requested']);
    // The demo student is a student: verified against a roster entry graduating after this year.
    const student = await first.request('/api/v1/careers/me', {
      headers: { authorization: `Bearer ${await tokenFor(first, 'o_demo_student')}` },
    });
    expect(student.body).toMatchObject({ stage: 'student', mayParticipate: true, mayContribute: false });
  });

  it('carries stories: news, alumni stories and outstanding alumni with their consent, counts agreeing with their rows', async () => {
    const [stories] = await first.dataSource.query(
      `SELECT count(*) FILTER (WHERE status = 'published')::int AS published, count(*) FILTER (WHERE status = 'submitted')::int AS waiting,
              count(DISTINCT kind) FILTER (WHERE status = 'published')::int AS kinds,
              bool_and(status <> 'published' OR consent_status IN ('not_needed', 'given')) AS consented,
              bool_and(read_count = (SELECT count(*) FROM story_reads r WHERE r.story_id = s.id)
                   AND like_count = (SELECT count(*) FROM story_likes l WHERE l.story_id = s.id)
                   AND comment_count = (SELECT count(*) FROM story_comments c WHERE c.story_id = s.id AND c.status = 'published')) AS counted
         FROM stories s`,
    );
    expect(stories).toEqual({ published: 6, waiting: 2, kinds: 3, consented: true, counted: true });
    const list = await first.request('/api/v1/stories?kind=outstanding_alumnus');
    expect(list.body.items[0]).toMatchObject({ title: '从实验楼到发射场：一位航天工程师的二十年', likeCount: 5, commentCount: 2 });
    // The first demo account is asked about a profile of them.
    const mine = await first.request('/api/v1/me/stories', { headers: { authorization: `Bearer ${await tokenFor(first, 'o_demo_001')}` } });
    expect(mine.body.items).toEqual([expect.objectContaining({ title: '一位校友志愿者的十年', consentStatus: 'requested' })]);
  });

  it('carries old photos on class and year walls, with tags, 我在这里, a comment and the campus timeline, drawn at a demo start', async () => {
    const [memories] = await first.dataSource.query(
      `SELECT count(*) FILTER (WHERE class_group_id IS NOT NULL)::int AS "onClassWalls",
              count(*) FILTER (WHERE class_group_id IS NULL)::int AS "onYearWallsOnly",
              (SELECT count(*) FROM memory_photo_tags WHERE status = 'accepted')::int > 0 AS "tagShown",
              (SELECT count(*) FROM memory_photo_tags WHERE status = 'pending')::int > 0 AS "tagWaiting",
              bool_and(presence_count = (SELECT count(*) FROM memory_photo_presence x WHERE x.photo_id = p.id)) AS "presenceCounted",
              sum(comment_count)::int > 0 AS commented,
              (SELECT count(*) FROM campus_timeline_entries WHERE status = 'published')::int AS timeline
         FROM memory_photos p WHERE status = 'published'`,
    );
    expect(memories).toEqual({
      onClassWalls: 12,
      onYearWallsOnly: 3,
      tagShown: true,
      tagWaiting: true,
      presenceCounted: true,
      commented: true,
      timeline: 7,
    });

    // Started as the demo (SEED_DEMO), the server draws each photo's picture through the storage port.
    const demo = await startTestApp({ db: first.db, env: { SEED_DEMO: 'true' } });
    try {
      const headers = { authorization: `Bearer ${await tokenFor(demo, 'o_demo_staff')}` };
      const walls = await demo.request('/api/v1/memories/walls', { headers });
      expect(walls.status).toBe(200);
      const wall = (walls.body.classes as { groupId: string; photoCount: number }[]).find((c) => c.photoCount > 0);
      expect(wall!.photoCount).toBe(4);
      const photos = (await demo.request(`/api/v1/memories/photos?classGroupId=${wall!.groupId}`, { headers })).body.items as {
        url: string;
        thumbnailUrl: string;
      }[];
      expect(photos).toHaveLength(4);
      for (const url of [photos[0]!.url, photos[0]!.thumbnailUrl]) {
        const picture = await fetch(`${demo.baseUrl}${url}`);
        expect([picture.status, picture.headers.get('content-type')]).toEqual([200, 'image/jpeg']);
      }
      const timeline = (await demo.request('/api/v1/memories/timeline?decade=1950', { headers })).body as { year: number }[];
      expect(timeline.length).toBeGreaterThan(0);
    } finally {
      await demo.close();
    }
  });

  it('has votes whose ballot boxes agree with their poll books, a council, suggestions in every public stage and surveys with answers', async () => {
    const votes = await first.dataSource.query(
      `SELECT v.status, v.secret, t.ballots, (SELECT count(*)::int FROM vote_participations p WHERE p.vote_id = v.id) AS voters,
              (SELECT coalesce(sum(c), 0)::int FROM unnest(t.counts) c) AS counted,
              (SELECT coalesce(sum(cardinality(p.choices)), 0)::int FROM vote_participations p WHERE p.vote_id = v.id) AS named,
              (SELECT count(*)::int FROM vote_participations p WHERE p.vote_id = v.id AND p.choices IS NOT NULL) AS with_choices
         FROM votes v JOIN vote_tallies t ON t.vote_id = v.id ORDER BY v.created_at`,
    );
    expect(votes.filter((v: { status: string }) => v.status === 'published')).toHaveLength(3);
    for (const v of votes) {
      expect(v.ballots).toBe(v.voters);
      // A secret ballot names nobody's choice; an open one's poll book adds up to its counts.
      if (v.secret) expect(v.with_choices).toBe(0);
      else expect(v.counted).toBe(v.named);
    }
    const [council] = await first.dataSource.query(
      `SELECT count(*) FILTER (WHERE ended_on IS NULL)::int AS serving, count(*) FILTER (WHERE source = 'elected')::int AS elected FROM council_members`,
    );
    expect(council).toEqual({ serving: 9, elected: 3 });
    const suggestions = await first.dataSource.query(
      `SELECT status, bool_and(cosign_count = (SELECT count(*) FROM suggestion_cosigns c WHERE c.suggestion_id = s.id)) AS counted
         FROM suggestions s GROUP BY status ORDER BY status`,
    );
    expect(suggestions.map((r: { status: string }) => r.status)).toEqual([
      'adopted',
      'answered',
      'collecting',
      'declined',
      'received',
      'under_review',
    ]);
    expect(suggestions.every((r: { counted: boolean }) => r.counted)).toBe(true);
    const surveys = await first.dataSource.query(
      `SELECT s.status, count(*) FILTER (WHERE r.source = 'online')::int AS online, count(*) FILTER (WHERE r.source = 'import')::int AS imported
         FROM surveys s JOIN survey_responses r ON r.survey_id = s.id GROUP BY s.status ORDER BY s.status`,
    );
    expect(surveys).toEqual([
      { status: 'closed', online: expect.any(Number), imported: 0 },
      { status: 'open', online: expect.any(Number), imported: 24 },
    ]);
    expect(Math.min(...surveys.map((s: { online: number }) => s.online))).toBeGreaterThanOrEqual(30);
  });
});
