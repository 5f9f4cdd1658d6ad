import { ballot, inHours, openVote, type Person, staffOf, unverifiedOf, voteBody, voter } from '../../../test/governance.js';
import { groupWith } from '../../../test/group-feeds.js';
import { scalar } from '../../../test/interactions.js';
import { settledMessages, subscribe } from '../../../test/notifications.js';
import { startTestApp, type TestApp } from '../../../test/test-app.js';
import { json } from '../../../test/wechat.js';

describe('votes and polls', () => {
  let t: TestApp;
  let staff: Person;
  beforeAll(async () => {
    t = await startTestApp();
    staff = await staffOf(t);
  });
  afterAll(() => t.close());

  const staffStep = (id: string, action: string, body: unknown = {}) =>
    t.request(`/api/v1/staff/governance/votes/${id}/${action}`, json(body, staff.headers));
  const read = (who: Person, id: string) => t.request(`/api/v1/governance/votes/${id}`, { headers: who.headers });
  const counts = async () => ({
    participations: await scalar(t, `SELECT count(*) FROM vote_participations`),
    ballots: await scalar(t, `SELECT coalesce(sum(ballots), 0) FROM vote_tallies`),
    logged: await scalar(t, `SELECT count(*) FROM interactions WHERE kind = 'governance.voted'`),
  });

  it('staff run a secret vote to the end: nobody sees the count while it runs, staff check it after, then publish it to the voters', async () => {
    const [a, b, c] = [await voter(t), await voter(t), await voter(t)];
    await subscribe(t, a.headers, ['governanceProgress']);
    const id = await openVote(t, staff);

    expect((await ballot(t, a, id, [1])).status).toBe(201);
    const receipt = await ballot(t, b, id, [2]);
    expect(receipt.status).toBe(201);
    // A secret ballot is not kept with its voter: even the voter's receipt has no choices.
    expect(receipt.body).toMatchObject({ voteId: id, choices: null, vote: { ballots: 2, me: { voted: true, choices: null } } });
    expect((await ballot(t, c, id, [1])).status).toBe(201);

    for (const who of [a, staff]) {
      const shown = await read(who, id);
      expect(shown.body).toMatchObject({ phase: 'open', results: null, resultsHiddenReason: '投票结束后公布结果' });
    }
    expect((await t.request(`/api/v1/staff/governance/votes/${id}/export`, { headers: staff.headers })).body.error.code).toBe(
      'VOTE_STATE_CONFLICT',
    );

    const closed = await staffStep(id, 'close');
    expect(closed.body).toMatchObject({ phase: 'closed', results: { ballots: 3, final: true } });
    expect(closed.body.results.options.map((o: { count: number }) => o.count)).toEqual([2, 1, 0]);
    expect(closed.body.results.options.map((o: { shareOfBallots: number }) => o.shareOfBallots)).toEqual([67, 33, 0]);
    expect((await read(a, id)).body).toMatchObject({ results: null, resultsHiddenReason: '投票已结束，结果待校友会公布' });
    expect((await ballot(t, await voter(t), id, [1])).body.error.code).toBe('VOTE_NOT_OPEN');

    const published = await staffStep(id, 'publish-results', { note: '“薪火相传”当选，将用于返校日宣传' });
    expect(published.body).toMatchObject({ resultsPublished: true, resultNote: '“薪火相传”当选，将用于返校日宣传' });
    expect((await read(a, id)).body.results.options[0]).toMatchObject({ label: '薪火相传', count: 2, shareOfBallots: 67 });
    expect((await staffStep(id, 'publish-results')).body.error.code).toBe('VOTE_STATE_CONFLICT');
    const [told] = await settledMessages(t, a.alumnus.id, 'governance.vote-result');
    expect(told!.status).toBe('sent');
    expect(
      await scalar(t, `SELECT count(*) FROM outbox_messages WHERE kind = 'governance.vote-result' AND payload->>'voteId' = $1`, [id]),
    ).toBe(3);

    const csv = await t.request(`/api/v1/staff/governance/votes/${id}/export?format=csv`, { headers: staff.headers });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const text = await (
      await fetch(`${t.baseUrl}/api/v1/staff/governance/votes/${id}/export?format=csv`, { headers: staff.headers })
    ).text();
    expect(text).toContain('薪火相传,2,67%,67%');
    // The poll book says who voted, never how.
    const book = await t.request(`/api/v1/staff/governance/votes/${id}/voters`, { headers: staff.headers });
    expect(book.body.items).toHaveLength(3);
    expect(book.body.items.every((v: { choices: unknown }) => v.choices === null)).toBe(true);
  });

  it('shows a live open poll’s figures while it runs, each voter’s own choices, and shares of ballots and of choices', async () => {
    const id = await openVote(t, staff, {
      title: '你希望校友会多办哪些活动',
      choice: 'multiple',
      maxChoices: 2,
      options: [{ label: '行业沙龙' }, { label: '返校参观' }, { label: '公益植树' }],
      resultsVisibility: 'live',
      secret: false,
    });
    const [a, b] = [await voter(t), await voter(t)];
    expect((await ballot(t, a, id, [2, 1])).body).toMatchObject({ choices: [1, 2] });
    await ballot(t, b, id, [1]);
    const shown = await read(b, id);
    expect(shown.body.me).toMatchObject({ voted: true, choices: [1], blockedReason: '你已投票' });
    // 2 ballots, 3 choices: 行业沙龙 is on every ballot (100%) and 2 of the 3 choices (67%).
    expect(shown.body.results).toMatchObject({ ballots: 2, choices: 3, final: false });
    expect(
      shown.body.results.options.map((o: { shareOfBallots: number; shareOfChoices: number }) => [o.shareOfBallots, o.shareOfChoices]),
    ).toEqual([
      [100, 67],
      [50, 33],
      [0, 0],
    ]);
    const book = await t.request(`/api/v1/staff/governance/votes/${id}/voters`, { headers: staff.headers });
    expect(book.body.items.map((v: { choices: number[] }) => v.choices).sort()).toEqual([[1], [1, 2]]);
  });

  it('lets only verified alumni of the audience vote, once, with a valid ballot, and writes nothing on a refusal', async () => {
    const insider = await voter(t, 2015);
    const id = await openVote(t, staff, {
      audience: { kind: 'graduation_years', yearFrom: 2014, yearTo: 2016 },
      choice: 'multiple',
      maxChoices: 2,
    });
    const before = await counts();
    const refusals = [
      [await ballot(t, await voter(t, 2010), id, [1]), 403, 'VOTE_NOT_ELIGIBLE'],
      [await ballot(t, await unverifiedOf(t), id, [1]), 403, 'VOTE_VERIFICATION_REQUIRED'],
      [await ballot(t, insider, id, [4]), 422, 'VOTE_BALLOT_INVALID'],
      [await ballot(t, insider, id, [1, 1]), 422, 'VOTE_BALLOT_INVALID'],
      [await ballot(t, insider, id, [1, 2, 3]), 422, 'VOTE_BALLOT_INVALID'],
      [await ballot(t, insider, id, []), 400, 'VALIDATION_FAILED'],
      [await ballot(t, insider, id, ['1']), 400, 'VALIDATION_FAILED'],
      [await ballot(t, insider, '00000000-0000-4000-8000-000000000000', [1]), 404, 'VOTE_NOT_FOUND'],
    ] as const;
    for (const [res, status, code] of refusals) expect([res.status, res.body.error.code]).toEqual([status, code]);
    expect(await counts()).toEqual(before);
    expect((await read(await voter(t, 2010), id)).body.me).toMatchObject({ eligible: false, blockedReason: '你不在本次投票的范围内' });

    expect((await ballot(t, insider, id, [1, 3])).status).toBe(201);
    expect((await ballot(t, insider, id, [2])).body.error.code).toBe('VOTE_ALREADY_CAST');
    const after = await counts();
    expect(after).toEqual({ participations: before.participations + 1, ballots: before.ballots + 1, logged: before.logged + 1 });
  });

  it('takes a group’s members or the council as the audience', async () => {
    const [member, outsider] = [await voter(t), await voter(t)];
    const groupId = await groupWith(t, 'open', [{ member }]);
    const size = await t.request(`/api/v1/staff/audiences/size?kind=group&groupId=${groupId}`, { headers: staff.headers });
    expect(size.body).toMatchObject({ size: 1 });
    const id = await openVote(t, staff, { audience: { kind: 'group', groupId } });
    expect((await ballot(t, outsider, id, [1])).body.error.code).toBe('VOTE_NOT_ELIGIBLE');
    expect((await ballot(t, member, id, [1])).status).toBe(201);

    const councillor = await voter(t);
    const appointed = await t.request(
      '/api/v1/staff/governance/council/members',
      json(
        { alumnusId: councillor.alumnus.id, title: '理事', termStartsOn: '2024-01-01', termEndsOn: '2029-12-31', source: 'appointed' },
        staff.headers,
      ),
    );
    expect(appointed.status).toBe(201);
    const councilVote = await openVote(t, staff, { audience: { kind: 'council' } });
    expect((await ballot(t, member, councilVote, [1])).body.error.code).toBe('VOTE_NOT_ELIGIBLE');
    expect((await ballot(t, councillor, councilVote, [1])).status).toBe(201);
  });

  it('refuses a vote set up wrong, naming what to fix, and keeps a published vote fixed', async () => {
    const create = (overrides: Record<string, unknown>) =>
      t.request('/api/v1/staff/governance/votes', json(voteBody(overrides), staff.headers));
    const before = await scalar(t, `SELECT count(*) FROM votes`);
    const refusals = [
      [await create({ options: [{ label: '同意' }, { label: '同意 ' }] }), 422, 'VOTE_OPTIONS_INVALID'],
      [await create({ choice: 'multiple', maxChoices: 5 }), 422, 'VOTE_OPTIONS_INVALID'],
      [await create({ closesAt: inHours(-2) }), 422, 'VOTE_TIME_INVALID'],
      [await create({ opensAt: inHours(1), closesAt: inHours(24 * 100) }), 422, 'VOTE_TIME_INVALID'],
      [await create({ resultsVisibility: 'live', secret: true }), 422, 'VOTE_SECRET_LIVE_RESULTS'],
      [await create({ purpose: 'election' }), 422, 'VOTE_CANDIDATE_INVALID'],
      [await create({ options: [{ label: '甲', candidateId: staff.alumnus.id }, { label: '乙' }] }), 422, 'VOTE_CANDIDATE_INVALID'],
      [await create({ audience: { kind: 'graduation_years', yearFrom: 2016, yearTo: 2010 } }), 422, 'AUDIENCE_INVALID'],
      [await create({ audience: { kind: 'group', groupId: '00000000-0000-4000-8000-000000000000' } }), 422, 'AUDIENCE_INVALID'],
      [await create({ options: [{ label: '只有一个' }] }), 400, 'VALIDATION_FAILED'],
    ] as const;
    for (const [res, status, code] of refusals)
      expect([res.status, res.body.error.code, res.body.error.details.length > 0]).toEqual([status, code, true]);
    expect(await scalar(t, `SELECT count(*) FROM votes`)).toBe(before);

    const unverified = await unverifiedOf(t);
    const election = await create({
      purpose: 'election',
      options: [
        { label: '候选人甲', candidateId: staff.alumnus.id },
        { label: '候选人乙', candidateId: unverified.alumnus.id },
      ],
    });
    expect(election.body.error.code).toBe('VOTE_CANDIDATE_INVALID');

    const id = await openVote(t, staff);
    expect(
      (await t.request(`/api/v1/staff/governance/votes/${id}`, { ...json(voteBody(), staff.headers), method: 'PUT' })).body.error.code,
    ).toBe('VOTE_STATE_CONFLICT');
    expect((await staffStep(id, 'cancel')).body.phase).toBe('cancelled');
    expect((await ballot(t, await voter(t), id, [1])).body.error.code).toBe('VOTE_NOT_OPEN');
    expect((await staffStep(id, 'close')).body.error.code).toBe('VOTE_STATE_CONFLICT');
  });

  it('keeps drafts to staff and tells the audience when a vote opens later', async () => {
    const draft = await t.request(
      '/api/v1/staff/governance/votes',
      json(voteBody({ opensAt: inHours(1), closesAt: inHours(30) }), staff.headers),
    );
    const alumnus = await voter(t);
    expect((await read(alumnus, draft.body.id)).status).toBe(404);
    expect((await ballot(t, alumnus, draft.body.id, [1])).body.error.code).toBe('VOTE_NOT_FOUND');
    const published = await staffStep(draft.body.id, 'publish');
    expect(published.body.phase).toBe('upcoming');
    expect((await ballot(t, alumnus, draft.body.id, [1])).body.error.code).toBe('VOTE_NOT_OPEN');
    expect(
      await scalar(t, `SELECT count(*) FROM outbox_messages WHERE kind = 'governance.vote-opened' AND payload->>'voteId' = $1`, [
        draft.body.id,
      ]),
    ).toBe(0);

    // An hour later the announcement job finds it open and tells every verified alumnus once.
    await t.dataSource.query(`UPDATE votes SET opens_at = now() - interval '1 minute' WHERE id = $1`, [draft.body.id]);
    const { VotesService } = await import('./votes.service.js');
    expect(await t.app.get(VotesService).announceOpened(new Date())).toBe(1);
    expect(await t.app.get(VotesService).announceOpened(new Date())).toBe(0);
    const verified = await scalar(t, `SELECT count(*) FROM alumni WHERE verified_at IS NOT NULL AND deleted_at IS NULL`);
    const { eventually } = await import('../../../test/notifications.js');
    await eventually(async () =>
      (await scalar(t, `SELECT count(*) FROM outbox_messages WHERE kind = 'governance.vote-opened' AND payload->>'voteId' = $1`, [
        draft.body.id,
      ])) === verified
        ? true
        : undefined,
    );
    const inbox = await t.request('/api/v1/me/messages', { headers: alumnus.headers });
    expect(inbox.body.items.map((m: { title: string }) => m.title)).toContain('校友会投票开始了');
  });
});
