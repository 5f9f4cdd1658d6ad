import { graduate, type Person, unverified } from '../../test/careers.js';
import { scalar } from '../../test/interactions.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { json, wechatFake } from '../../test/wechat.js';
import { RISKY_WORD } from '../wechat/fake/content-security.fake.js';

describe('校友录 contact requests', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const ask = (who: Person, body: Record<string, unknown>) => t.request('/api/v1/contact-requests', json(body, who.headers));
  const step = (who: Person, id: string, action: string, body: unknown = {}) =>
    t.request(`/api/v1/contact-requests/${id}/${action}`, json(body, who.headers));
  const mine = async (who: Person) => (await t.request('/api/v1/me/contact-requests', { headers: who.headers })).body;
  const standing = async (who: Person, other: Person) =>
    (await t.request(`/api/v1/contact-requests/with/${other.alumnus.id}`, { headers: who.headers })).body;
  const messages = async (who: Person) =>
    (await t.request('/api/v1/me/messages', { headers: who.headers })).body.items as { kind: string; body: string; page: string }[];
  const interactions = (who: Person, kind: string) =>
    scalar(t, `SELECT count(*) FROM interactions WHERE alumnus_id = $1 AND kind = $2`, [who.alumnus.id, kind]);
  const rowsFrom = (who: Person) => scalar(t, `SELECT count(*) FROM contact_requests WHERE sender_id = $1`, [who.alumnus.id]);

  async function withPhone(person: Person, phoneNumber: string): Promise<Person> {
    const code = wechatFake(t).mintPhoneCode({ openid: person.alumnus.openid!, phoneNumber });
    const res = await t.request('/api/v1/me/phone', json({ code }, person.headers));
    if (res.status !== 200) throw new Error(`phone: ${res.status} ${JSON.stringify(res.body)}`);
    return person;
  }

  it('asks with a note, and once accepted each side sees what the other chose to share', async () => {
    const sender = await withPhone(await graduate(t, { realName: '江舟', displayName: '小舟' }), '13812341234');
    const recipient = await graduate(t, { realName: '李娜' });

    const sent = await ask(sender, {
      recipientId: recipient.alumnus.id,
      note: '我是 2012 届机械 1 班的江舟，想约老同学聚聚',
      sharePhone: true,
      email: 'jiangzhou@example.com',
    });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({
      direction: 'sent',
      status: 'pending',
      other: { id: recipient.alumnus.id, realName: '李娜' },
      myShare: { phone: '13812341234', email: 'jiangzhou@example.com', wechatId: null },
      theirContact: null,
    });
    expect(await interactions(sender, 'directory.contact_requested')).toBe(1);

    // The recipient is told in 消息, sees the note and who asks, but no contact details yet.
    const [notice] = await messages(recipient);
    expect(notice).toMatchObject({ kind: 'directory.contact-requested', page: 'packages/alumni/pages/contacts/index' });
    expect(notice!.body).toContain('江舟 想与你交换联系方式');
    const waiting = (await mine(recipient)).received[0];
    expect(waiting).toMatchObject({ id: sent.body.id, direction: 'received', status: 'pending', theirContact: null, myShare: null });
    expect(waiting.note).toContain('想约老同学聚聚');
    expect(await standing(sender, recipient)).toMatchObject({ mayRequest: false, blockedBy: 'CONTACT_REQUEST_PENDING' });
    expect(await standing(recipient, sender)).toMatchObject({ mayRequest: false, blockedBy: 'CONTACT_REQUEST_AWAITS_YOU' });

    const accepted = await step(recipient, sent.body.id, 'accept', { sharePhone: false, wechatId: 'lina_wx' });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({
      status: 'accepted',
      myShare: { phone: null, email: null, wechatId: 'lina_wx' },
      theirContact: { phone: '13812341234', email: 'jiangzhou@example.com', wechatId: null },
    });
    expect((await mine(sender)).sent[0]).toMatchObject({
      status: 'accepted',
      theirContact: { phone: null, email: null, wechatId: 'lina_wx' },
    });
    expect((await messages(sender))[0]).toMatchObject({ kind: 'directory.contact-accepted' });
    expect(await interactions(sender, 'directory.contact_accepted')).toBe(1);
    expect(await interactions(recipient, 'directory.contact_accepted')).toBe(1);
    // In touch: neither asks again; accepting twice is a state conflict.
    expect((await ask(recipient, { recipientId: sender.alumnus.id, sharePhone: false, wechatId: 'x' })).body.error.code).toBe(
      'CONTACT_ALREADY_CONNECTED',
    );
    const again = await step(recipient, sent.body.id, 'accept', { sharePhone: false, wechatId: 'x' });
    expect([again.status, again.body.error.code]).toEqual([409, 'CONTACT_REQUEST_STATE_CONFLICT']);
  });

  it('respects a refusal for 30 days, and a block for good (the sender reads both as 未接受)', async () => {
    const sender = await graduate(t);
    const refuser = await graduate(t);
    const blocker = await graduate(t);
    const body = (to: Person) => ({ recipientId: to.alumnus.id, sharePhone: false, wechatId: 'sender_wx' });

    const first = await ask(sender, body(refuser));
    expect((await step(refuser, first.body.id, 'refuse')).body.status).toBe('refused');
    expect(await interactions(refuser, 'directory.contact_refused')).toBe(1);
    const soon = await ask(sender, body(refuser));
    expect([soon.status, soon.body.error.code]).toEqual([409, 'CONTACT_REFUSED_RECENTLY']);
    await t.dataSource.query(`UPDATE contact_requests SET decided_at = now() - interval '31 days' WHERE id = $1`, [first.body.id]);
    expect((await ask(sender, body(refuser))).status).toBe(201);

    const second = await ask(sender, body(blocker));
    const blocked = await step(blocker, second.body.id, 'block');
    expect(blocked.body.status).toBe('blocked');
    expect((await mine(sender)).sent.find((r: { id: string }) => r.id === second.body.id).status).toBe('refused');
    await t.dataSource.query(`UPDATE contact_requests SET decided_at = now() - interval '400 days' WHERE id = $1`, [second.body.id]);
    const never = await ask(sender, body(blocker));
    expect([never.status, never.body.error.code]).toEqual([403, 'CONTACT_NOT_ACCEPTED']);
    expect(await standing(sender, blocker)).toMatchObject({ mayRequest: false, blockedBy: 'CONTACT_NOT_ACCEPTED' });
    // No notice tells the sender of a refusal or a block.
    expect((await messages(sender)).filter((m) => m.kind.startsWith('directory.'))).toEqual([]);
  });

  it('ends an exchange when the recipient blocks it: neither sees the other’s fields any more', async () => {
    const [a, b] = [await graduate(t), await graduate(t)];
    const req = await ask(a, { recipientId: b.alumnus.id, sharePhone: false, email: 'a@example.com' });
    await step(b, req.body.id, 'accept', { sharePhone: false, wechatId: 'b_wx' });
    await step(b, req.body.id, 'block');
    expect((await mine(a)).sent[0]).toMatchObject({ status: 'refused', theirContact: null });
    expect((await mine(b)).received[0]).toMatchObject({ status: 'blocked', theirContact: null });
  });

  it('lets one sender ask at most 10 people a day, then answers 429 and writes nothing', async () => {
    const sender = await graduate(t);
    for (let i = 0; i < 10; i++) {
      const other = await graduate(t);
      expect((await ask(sender, { recipientId: other.alumnus.id, sharePhone: false, wechatId: 'wx' })).status).toBe(201);
    }
    const eleventh = await graduate(t);
    const limited = await ask(sender, { recipientId: eleventh.alumnus.id, sharePhone: false, wechatId: 'wx' });
    expect([limited.status, limited.body.error.code]).toEqual([429, 'CONTACT_RATE_LIMITED']);
    expect(await rowsFrom(sender)).toBe(10);
    expect(await interactions(sender, 'directory.contact_requested')).toBe(10);
  });

  it('refuses bad requests with a code that says what to fix, and writes nothing', async () => {
    const sender = await graduate(t);
    const other = await graduate(t);
    const cases: [Person, Record<string, unknown>, number, string][] = [
      [sender, { recipientId: other.alumnus.id, sharePhone: false }, 422, 'CONTACT_NOTHING_SHARED'],
      [sender, { recipientId: other.alumnus.id, sharePhone: true }, 409, 'CONTACT_PHONE_NOT_BOUND'],
      [sender, { recipientId: sender.alumnus.id, sharePhone: false, wechatId: 'wx' }, 422, 'CONTACT_SELF'],
      [sender, { recipientId: (await unverified(t)).alumnus.id, sharePhone: false, wechatId: 'wx' }, 404, 'CONTACT_RECIPIENT_NOT_FOUND'],
      [sender, { recipientId: other.alumnus.id, sharePhone: false, email: 'not-an-address' }, 400, 'VALIDATION_FAILED'],
      [sender, { recipientId: other.alumnus.id, sharePhone: false, wechatId: 'wx', note: 'x'.repeat(201) }, 400, 'VALIDATION_FAILED'],
      [sender, { recipientId: other.alumnus.id, sharePhone: false, wechatId: 'wx', note: `你好${RISKY_WORD}` }, 422, 'CONTENT_RISKY'],
      [await unverified(t), { recipientId: other.alumnus.id, sharePhone: false, wechatId: 'wx' }, 403, 'DIRECTORY_VERIFICATION_REQUIRED'],
    ];
    for (const [who, body, status, code] of cases) {
      const res = await ask(who, body);
      expect([res.status, res.body.error?.code], JSON.stringify(body)).toEqual([status, code]);
    }
    expect(await rowsFrom(sender)).toBe(0);

    const req = await ask(sender, { recipientId: other.alumnus.id, sharePhone: false, wechatId: 'wx' });
    const twice = await ask(sender, { recipientId: other.alumnus.id, sharePhone: false, wechatId: 'wx' });
    expect([twice.status, twice.body.error.code]).toEqual([409, 'CONTACT_REQUEST_PENDING']);
    const reverse = await ask(other, { recipientId: sender.alumnus.id, sharePhone: false, wechatId: 'wx' });
    expect([reverse.status, reverse.body.error.code]).toEqual([409, 'CONTACT_REQUEST_AWAITS_YOU']);
    // Only the recipient decides; to the sender and to strangers the request is not there.
    for (const who of [sender, await graduate(t)]) {
      const res = await step(who, req.body.id, 'accept', { sharePhone: false, wechatId: 'wx' });
      expect([res.status, res.body.error.code]).toEqual([404, 'CONTACT_REQUEST_NOT_FOUND']);
    }
    const nothing = await step(other, req.body.id, 'accept', { sharePhone: false });
    expect([nothing.status, nothing.body.error.code]).toEqual([422, 'CONTACT_NOTHING_SHARED']);
    expect((await mine(other)).received[0].status).toBe('pending');
  });

  it('exports each side’s own part, and erasing an account deletes its requests', async () => {
    const [a, b] = [await graduate(t), await graduate(t)];
    const req = await ask(a, { recipientId: b.alumnus.id, note: '你好', sharePhone: false, email: 'a@example.com' });
    await step(b, req.body.id, 'accept', { sharePhone: false, wechatId: 'b_wx' });
    const exportOf = async (who: Person) => (await t.request('/api/v1/me/export', { headers: who.headers })).body.records;
    expect((await exportOf(a)).contactRequestsSent).toEqual([
      expect.objectContaining({ recipientId: b.alumnus.id, note: '你好', status: 'accepted', sharedEmail: 'a@example.com' }),
    ]);
    const received = (await exportOf(b)).contactRequestsReceived;
    expect(received).toEqual([expect.objectContaining({ senderId: a.alumnus.id, sharedWechatId: 'b_wx', sharedEmail: null })]);
    const erased = await t.request('/api/v1/me', { method: 'DELETE', headers: a.headers });
    expect(erased.status).toBeLessThan(300);
    expect(await scalar(t, `SELECT count(*) FROM contact_requests WHERE id = $1`, [req.body.id])).toBe(0);
  });
});
