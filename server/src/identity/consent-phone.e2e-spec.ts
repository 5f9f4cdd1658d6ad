import { AlumnusEntity } from '../alumni/alumnus.entity.js';
import { InteractionEntity } from '../interactions/interaction.entity.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { bearer, json, newOpenid, signInWithWechat, wechatFake } from '../../test/wechat.js';
import { ConsentService } from './consent.service.js';
import { PRIVACY_NOTICE } from './privacy-notice.js';

describe('privacy notice and consent', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const kinds = async (alumnusId: string) =>
    (await t.dataSource.getRepository(InteractionEntity).find({ where: { alumnusId }, order: { id: 'ASC' } })).map((i) => i.kind);
  const row = (id: string) => t.dataSource.getRepository(AlumnusEntity).findOneByOrFail({ id });

  it('serves the notice to anyone, with its version and Chinese text', async () => {
    const res = await t.request('/api/v1/privacy-notice');
    expect(res.status).toBe(200);
    expect(res.body.version).toBe(PRIVACY_NOTICE.version);
    expect(res.body.title).toBe('校友通隐私政策');
    expect(res.body.sections.map((s: { heading: string }) => s.heading)).toContain('您的权利');
  });

  it('records the accepted version and time, once, with an identity.consented row; the session stops asking', async () => {
    const session = await signInWithWechat(t);
    const res = await t.request('/api/v1/me/consent', json({ version: PRIVACY_NOTICE.version }, bearer(session)));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ version: PRIVACY_NOTICE.version, consentedAt: expect.stringMatching(/Z$/) });
    expect(await row(session.alumnus.id)).toMatchObject({
      consentVersion: PRIVACY_NOTICE.version,
      consentedAt: new Date(res.body.consentedAt),
    });
    const again = await t.request('/api/v1/me/consent', json({ version: PRIVACY_NOTICE.version }, bearer(session)));
    expect(again.body.consentedAt).toBe(res.body.consentedAt);
    expect(await kinds(session.alumnus.id)).toEqual(['identity.signed_up', 'identity.consented']);
    expect((await t.request('/api/v1/auth/session', { headers: bearer(session) })).body.consentRequired).toBe(false);
  });

  it('refuses an old or unknown version with 409 CONSENT_VERSION_OUTDATED and records nothing', async () => {
    const session = await signInWithWechat(t);
    for (const version of ['2020-01-01', 'latest']) {
      const res = await t.request('/api/v1/me/consent', json({ version }, bearer(session)));
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('CONSENT_VERSION_OUTDATED');
    }
    expect(await row(session.alumnus.id)).toMatchObject({ consentVersion: null, consentedAt: null });
    expect(await kinds(session.alumnus.id)).toEqual(['identity.signed_up']);
  });

  it('requires sign-in to consent and a version in the body', async () => {
    expect((await t.request('/api/v1/me/consent', json({ version: PRIVACY_NOTICE.version }))).status).toBe(401);
    const session = await signInWithWechat(t);
    const res = await t.request('/api/v1/me/consent', json({}, bearer(session)));
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { field: string }) => d.field)).toContain('version');
  });

  it('ConsentService.assertConsented throws CONSENT_REQUIRED before consent, and passes after', async () => {
    const session = await signInWithWechat(t);
    const consent = t.app.get(ConsentService);
    await expect(consent.assertConsented(session.alumnus.id)).rejects.toMatchObject({ code: 'CONSENT_REQUIRED', status: 403 });
    await t.request('/api/v1/me/consent', json({ version: PRIVACY_NOTICE.version }, bearer(session)));
    await expect(consent.assertConsented(session.alumnus.id)).resolves.toBeUndefined();
  });
});

describe('binding a phone number', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const signedInAndConsented = async () => {
    const openid = newOpenid();
    const session = await signInWithWechat(t, openid);
    await t.request('/api/v1/me/consent', json({ version: PRIVACY_NOTICE.version }, bearer(session)));
    return { openid, session };
  };
  const bind = (session: Parameters<typeof bearer>[0], code: string) => t.request('/api/v1/me/phone', json({ code }, bearer(session)));

  it('stores the phone encrypted with a lookup hash, answers the number to its owner and the masked form elsewhere', async () => {
    const { openid, session } = await signedInAndConsented();
    const res = await bind(session, wechatFake(t).mintPhoneCode({ openid, phoneNumber: '13812341234' }));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ phoneNumber: '13812341234', countryCode: '86', phoneMasked: '138****1234' });

    const [stored] = await t.dataSource.query('SELECT phone_encrypted, phone_hash, phone_masked FROM alumni WHERE id = $1', [
      session.alumnus.id,
    ]);
    expect(stored.phone_encrypted).toMatch(/^dev1:[A-Za-z0-9+/=]+$/);
    expect(stored.phone_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.phone_masked).toBe('138****1234');
    // No column of any table holds the number in the clear.
    const dump =
      JSON.stringify(await t.dataSource.query(`SELECT * FROM alumni`)) +
      JSON.stringify(await t.dataSource.query(`SELECT * FROM interactions`));
    expect(dump).not.toContain('13812341234');
    expect(dump).not.toContain('3812341234');

    expect((await t.request('/api/v1/me/phone', { headers: bearer(session) })).body).toEqual({ phone: res.body });
    expect((await t.request('/api/v1/auth/session', { headers: bearer(session) })).body.phoneMasked).toBe('138****1234');
    const kinds = await t.dataSource.getRepository(InteractionEntity).find({ where: { alumnusId: session.alumnus.id } });
    expect(kinds.map((k) => k.kind)).toContain('identity.phone_bound');
  });

  it('refuses before consent with 403 CONSENT_REQUIRED, without asking WeChat or storing anything', async () => {
    const openid = newOpenid();
    const session = await signInWithWechat(t, openid);
    const code = wechatFake(t).mintPhoneCode({ openid, phoneNumber: '13900001111' });
    const res = await bind(session, code);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('CONSENT_REQUIRED');
    expect((await t.dataSource.getRepository(AlumnusEntity).findOneByOrFail({ id: session.alumnus.id })).phoneEncrypted).toBeNull();
  });

  it('refuses a used, unknown or someone else’s code with 400 PHONE_CODE_INVALID and stores nothing', async () => {
    const fake = wechatFake(t);
    const me = await signedInAndConsented();
    const other = await signedInAndConsented();
    const used = fake.mintPhoneCode({ openid: me.openid, phoneNumber: '13700001111' });
    expect((await bind(me.session, used)).status).toBe(200);
    const fresh = await signedInAndConsented();
    for (const code of [used, 'never-issued', fake.mintPhoneCode({ openid: other.openid, phoneNumber: '13600001111' })]) {
      const res = await bind(fresh.session, code);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('PHONE_CODE_INVALID');
    }
    expect((await t.request('/api/v1/me/phone', { headers: bearer(fresh.session) })).body).toEqual({ phone: null });
  });

  it('replaces a bound phone with a new one', async () => {
    const { openid, session } = await signedInAndConsented();
    const fake = wechatFake(t);
    await bind(session, fake.mintPhoneCode({ openid, phoneNumber: '13812340000' }));
    await bind(session, fake.mintPhoneCode({ openid, phoneNumber: '15900009999' }));
    expect((await t.request('/api/v1/me/phone', { headers: bearer(session) })).body.phone.phoneNumber).toBe('15900009999');
  });

  it('gives a demo phone code only in demo mode, for the signed-in alumnus', async () => {
    const { session } = await signedInAndConsented();
    const { body } = await t.request('/api/v1/me/phone/demo-code', json({ phoneNumber: '13512345678' }, bearer(session)));
    expect((await bind(session, body.code)).body.phoneMasked).toBe('135****5678');
    const bad = await t.request('/api/v1/me/phone/demo-code', json({ phoneNumber: '123' }, bearer(session)));
    expect(bad.status).toBe(400);
  });
});
