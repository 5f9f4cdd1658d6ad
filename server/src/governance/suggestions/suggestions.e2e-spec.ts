import { type Person, staffOf, unverifiedOf, voter } from '../../../test/governance.js';
import { scalar } from '../../../test/interactions.js';
import { settledMessages, subscribe } from '../../../test/notifications.js';
import { startTestApp, type TestApp } from '../../../test/test-app.js';
import { json } from '../../../test/wechat.js';
import { REVIEW_WORD, RISKY_WORD } from '../../wechat/fake/content-security.fake.js';
import { SuggestionsService } from './suggestions.service.js';

const body = (overrides: Record<string, unknown> = {}) => ({
  title: '建议开放校史馆周末参观',
  category: 'campus',
  body: '校史馆目前只在工作日开放，返校校友多在周末，建议周末也能预约参观。',
  ...overrides,
});

describe('suggestions to the school (建言献策)', () => {
  let t: TestApp;
  let staff: Person;
  beforeAll(async () => {
    t = await startTestApp();
    staff = await staffOf(t);
    // Three co-signatures send a suggestion to the school.
    expect(
      (
        await t.request('/api/v1/staff/governance/settings', {
          ...json({ cosignThreshold: 3, collectingDays: 30 }, staff.headers),
          method: 'PUT',
        })
      ).status,
    ).toBe(200);
  });
  afterAll(() => t.close());

  const submit = (who: Person, overrides: Record<string, unknown> = {}) =>
    t.request('/api/v1/governance/suggestions', json(body(overrides), who.headers));
  const cosign = (who: Person, id: string) => t.request(`/api/v1/governance/suggestions/${id}/cosign`, json({}, who.headers));
  const advance = (id: string, to: string, answer?: string) =>
    t.request(`/api/v1/staff/governance/suggestions/${id}/advance`, json({ to, answer }, staff.headers));
  const outboxStatuses = async (alumnusId: string) =>
    (
      await t.dataSource.query(
        `SELECT payload->>'status' AS status FROM outbox_messages WHERE alumnus_id = $1 AND kind = 'governance.suggestion-updated' ORDER BY created_at, id`,
        [alumnusId],
      )
    ).map((r: { status: string }) => r.status);

  it('collects co-signatures, reaches the school at the threshold, and is answered in public; author and co-signers hear of each step', async () => {
    const author = await voter(t, 2012, { displayName: '建言的学长' });
    const [a, b, c, late] = [await voter(t), await voter(t), await voter(t), await voter(t)];
    await subscribe(t, author.headers, ['governanceProgress']);
    const created = await submit(author);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      status: 'collecting',
      cosignCount: 0,
      threshold: 3,
      authorName: '建言的学长',
      me: { author: true, mayCosign: false },
    });
    const id = created.body.id as string;
    expect((await t.request('/api/v1/governance/suggestions?stage=collecting')).body.items.map((s: { id: string }) => s.id)).toContain(id);

    expect((await cosign(a, id)).body).toMatchObject({ cosignCount: 1, status: 'collecting', me: { cosigned: true, mayCosign: false } });
    expect((await cosign(a, id)).body.error.code).toBe('SUGGESTION_ALREADY_COSIGNED');
    expect((await cosign(author, id)).body.error.code).toBe('SUGGESTION_OWN');
    await cosign(b, id);
    const reached = await cosign(c, id);
    expect(reached.body).toMatchObject({ status: 'received', cosignCount: 3 });
    expect(reached.body.history.map((h: { status: string }) => h.status)).toEqual(['collecting', 'received']);
    const queue = await t.request('/api/v1/staff/governance/suggestions', { headers: staff.headers });
    expect(queue.body.items.map((s: { id: string }) => s.id)).toContain(id);
    // Support still counts until the school answers.
    expect((await cosign(late, id)).body.cosignCount).toBe(4);

    expect((await advance(id, 'answered')).body.error.code).toBe('SUGGESTION_ANSWER_REQUIRED');
    expect((await advance(id, 'under_review', '已转校史馆研究')).body.status).toBe('under_review');
    const answered = await advance(id, 'adopted', '自 2027 年 3 月起，校史馆周六上午开放预约参观。');
    expect(answered.body).toMatchObject({ status: 'adopted', answer: '自 2027 年 3 月起，校史馆周六上午开放预约参观。' });
    expect((await advance(id, 'declined', '重复答复')).body.error.code).toBe('SUGGESTION_STATE_CONFLICT');
    expect((await cosign(await voter(t), id)).body.error.code).toBe('SUGGESTION_NOT_COSIGNABLE');

    const shown = await t.request(`/api/v1/governance/suggestions/${id}`);
    expect(shown.body).toMatchObject({ status: 'adopted', answer: expect.stringContaining('周六上午'), me: null });
    expect(shown.body.history.map((h: { status: string }) => h.status)).toEqual(['collecting', 'received', 'under_review', 'adopted']);
    expect(await outboxStatuses(author.alumnus.id)).toEqual(['received', 'under_review', 'adopted']);
    expect(await outboxStatuses(a.alumnus.id)).toEqual(['received', 'under_review', 'adopted']);
    expect(await outboxStatuses(late.alumnus.id)).toEqual(['under_review', 'adopted']);
    const told = await settledMessages(t, author.alumnus.id, 'governance.suggestion-updated');
    expect(told.map((m) => m.status)).toContain('sent');
    expect(await scalar(t, `SELECT count(*) FROM interactions WHERE kind = 'governance.cosigned' AND subject_id = $1`, [id])).toBe(4);
    expect(await scalar(t, `SELECT count(*) FROM interactions WHERE kind = 'governance.suggested' AND subject_id = $1`, [id])).toBe(1);
  });

  it('counts each co-signature once when many arrive together, and sends the suggestion to the school once', async () => {
    const created = await submit(await voter(t));
    const people = await Promise.all(Array.from({ length: 8 }, () => voter(t)));
    const answers = await Promise.all([...people, ...people.slice(0, 4)].map((who) => cosign(who, created.body.id)));
    expect(answers.filter((r) => r.status === 200)).toHaveLength(8);
    expect(answers.filter((r) => r.status === 409).map((r) => r.body.error.code)).toEqual(Array(4).fill('SUGGESTION_ALREADY_COSIGNED'));
    const [row] = await t.dataSource.query(`SELECT cosign_count, status FROM suggestions WHERE id = $1`, [created.body.id]);
    expect(row).toEqual({ cosign_count: 8, status: 'received' });
    expect(
      await scalar(t, `SELECT count(*) FROM suggestion_steps WHERE suggestion_id = $1 AND status = 'received'`, [created.body.id]),
    ).toBe(1);
  });

  it('holds text the check asks a person about, refuses risky text and unverified accounts, and writes nothing on a refusal', async () => {
    const before = await scalar(t, `SELECT count(*) FROM suggestions`);
    expect((await submit(await voter(t), { body: `内容含${RISKY_WORD}` })).body.error.code).toBe('CONTENT_RISKY');
    expect((await submit(await unverifiedOf(t))).body.error.code).toBe('SUGGESTION_VERIFICATION_REQUIRED');
    expect((await submit(await voter(t), { category: 'sports' })).status).toBe(400);
    expect((await submit(await voter(t), { title: '' })).status).toBe(400);
    expect(await scalar(t, `SELECT count(*) FROM suggestions`)).toBe(before);

    const author = await voter(t);
    const held = await submit(author, { body: `涉及${REVIEW_WORD}的建议` });
    expect(held.body.status).toBe('held');
    expect((await t.request(`/api/v1/governance/suggestions/${held.body.id}`)).status).toBe(404);
    expect((await cosign(await voter(t), held.body.id)).status).toBe(404);
    const removed = await t.request(
      `/api/v1/staff/governance/suggestions/${held.body.id}/remove`,
      json({ reason: '涉及个人隐私' }, staff.headers),
    );
    expect(removed.body).toMatchObject({ status: 'removed', moderationNote: '涉及个人隐私' });
    expect((await t.request(`/api/v1/governance/suggestions/${held.body.id}`, { headers: author.headers })).body.moderationNote).toBe(
      '涉及个人隐私',
    );

    const second = await submit(author, { body: `另一条${REVIEW_WORD}建议` });
    const approved = await t.request(`/api/v1/staff/governance/suggestions/${second.body.id}/approve`, json({}, staff.headers));
    expect(approved.body.status).toBe('collecting');
    expect(await outboxStatuses(author.alumnus.id)).toEqual(['removed', 'collecting']);
  });

  it('lets the author withdraw while collecting, and lapses what stays below the threshold past its window', async () => {
    const author = await voter(t);
    const first = await submit(author);
    expect(
      (await t.request(`/api/v1/governance/suggestions/${first.body.id}/withdraw`, json({}, (await voter(t)).headers))).body.error.code,
    ).toBe('SUGGESTION_AUTHOR_ONLY');
    expect((await t.request(`/api/v1/governance/suggestions/${first.body.id}/withdraw`, json({}, author.headers))).body.status).toBe(
      'withdrawn',
    );
    expect((await t.request(`/api/v1/governance/suggestions/${first.body.id}`)).status).toBe(404);

    const second = await submit(author);
    await cosign(await voter(t), second.body.id);
    await t.dataSource.query(`UPDATE suggestions SET collect_until = now() - interval '1 minute' WHERE id = $1`, [second.body.id]);
    expect(await t.app.get(SuggestionsService).lapseDue(new Date())).toBe(1);
    const mine = await t.request('/api/v1/governance/me/suggestions', { headers: author.headers });
    expect(mine.body.items.map((s: { status: string }) => s.status)).toEqual(['lapsed', 'withdrawn']);
    expect(await outboxStatuses(author.alumnus.id)).toEqual(['lapsed']);
  });
});
