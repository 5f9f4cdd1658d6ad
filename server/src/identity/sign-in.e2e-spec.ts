import { AlumnusEntity } from '../alumni/alumnus.entity.js';
import { InteractionEntity } from '../interactions/interaction.entity.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { bearer, json, newOpenid, signInWithWechat, wechatFake } from '../../test/wechat.js';
import { IdentityService } from './identity.service.js';
import { RefreshTokenEntity } from './refresh-token.entity.js';
import { hashRefreshToken } from './sessions.service.js';

describe('sign-in with WeChat', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const alumnusByOpenid = (openid: string) => t.dataSource.getRepository(AlumnusEntity).findOneByOrFail({ openid });
  const kinds = async (alumnusId: string) =>
    (await t.dataSource.getRepository(InteractionEntity).find({ where: { alumnusId }, order: { id: 'ASC' } })).map((i) => i.kind);

  it('makes an account on first sign-in, storing the openid and unionid and nothing personal, with one signed_up row', async () => {
    const openid = newOpenid();
    const session = await signInWithWechat(t, openid, 'union-123');
    expect(session).toEqual({
      accessToken: expect.any(String),
      accessTokenExpiresAt: expect.stringMatching(/Z$/),
      refreshToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      refreshTokenExpiresAt: expect.stringMatching(/Z$/),
      alumnus: { id: expect.any(String), displayName: '新校友', roles: ['alumnus'], consentRequired: true, phoneMasked: null },
    });
    const row = await alumnusByOpenid(openid);
    expect(row).toMatchObject({
      id: session.alumnus.id,
      unionid: 'union-123',
      realName: null,
      graduationYear: null,
      city: null,
      avatarKey: null,
      phoneEncrypted: null,
      consentVersion: null,
    });
    expect(await kinds(row.id)).toEqual(['identity.signed_up']);
    // The access token works on guarded routes.
    expect((await t.request('/api/v1/auth/session', { headers: bearer(session) })).body).toEqual(session.alumnus);
  });

  it('finds the same account on the next sign-in, without another signed_up row', async () => {
    const openid = newOpenid();
    const first = await signInWithWechat(t, openid);
    const second = await signInWithWechat(t, openid);
    expect(second.alumnus.id).toBe(first.alumnus.id);
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(await kinds(first.alumnus.id)).toEqual(['identity.signed_up']);
  });

  it('puts the roles of the account into the token, so staff reach staff routes', async () => {
    const openid = newOpenid();
    await signInWithWechat(t, openid);
    await t.dataSource.getRepository(AlumnusEntity).update({ openid }, { roles: ['alumnus', 'staff'] });
    const session = await signInWithWechat(t, openid);
    expect(session.alumnus.roles).toEqual(['alumnus', 'staff']);
    const claims = JSON.parse(Buffer.from(session.accessToken.split('.')[1]!, 'base64url').toString());
    expect(claims.roles).toEqual(['alumnus', 'staff']);
  });

  it('makes one account when the same new user signs in twice at once', async () => {
    const openid = newOpenid();
    const sessions = await Promise.all([signInWithWechat(t, openid), signInWithWechat(t, openid)]);
    expect(sessions[0].alumnus.id).toBe(sessions[1].alumnus.id);
    expect(await kinds(sessions[0].alumnus.id)).toEqual(['identity.signed_up']);
  });

  it.each([
    [{}, 'code'],
    [{ code: '' }, 'code'],
    [{ code: 42 }, 'code'],
    [{ code: 'x', extra: 1 }, 'extra'],
  ])('refuses the body %j naming %s, and makes no account', async (body, field) => {
    const before = await t.dataSource.getRepository(AlumnusEntity).count();
    const res = await t.request('/api/v1/auth/wechat', json(body));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.details.map((d: { field: string }) => d.field)).toContain(field);
    expect(await t.dataSource.getRepository(AlumnusEntity).count()).toBe(before);
  });
});

describe('refresh tokens', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const refresh = (refreshToken: string) => t.request('/api/v1/auth/refresh', json({ refreshToken }));
  const tokenRows = () => t.dataSource.getRepository(RefreshTokenEntity).find();

  it('stores only the hash of a refresh token', async () => {
    const session = await signInWithWechat(t);
    const rows = await tokenRows();
    expect(rows.some((r) => r.tokenHash === hashRefreshToken(session.refreshToken))).toBe(true);
    expect(JSON.stringify(await t.dataSource.query('SELECT * FROM refresh_tokens'))).not.toContain(session.refreshToken);
  });

  it('rotates: a refresh answers a new session and spends the old token', async () => {
    const session = await signInWithWechat(t);
    const res = await refresh(session.refreshToken);
    expect(res.status).toBe(200);
    expect(res.body.refreshToken).not.toBe(session.refreshToken);
    expect(res.body.alumnus.id).toBe(session.alumnus.id);
    expect((await t.request('/api/v1/auth/session', { headers: bearer(res.body) })).status).toBe(200);
    // The new token refreshes in turn.
    expect((await refresh(res.body.refreshToken)).status).toBe(200);
  });

  it('treats reuse of a rotated token as theft: 401 and the whole family revoked, including the newest token', async () => {
    const session = await signInWithWechat(t);
    const second = (await refresh(session.refreshToken)).body;
    const third = (await refresh(second.refreshToken)).body;
    const reuse = await refresh(session.refreshToken);
    expect(reuse.status).toBe(401);
    expect(reuse.body.error.code).toBe('REFRESH_TOKEN_INVALID');
    expect((await refresh(third.refreshToken)).body.error.code).toBe('REFRESH_TOKEN_INVALID');
  });

  it('leaves the other sign-ins of the alumnus alone when one family is revoked', async () => {
    const openid = newOpenid();
    const phone = await signInWithWechat(t, openid);
    const laptop = await signInWithWechat(t, openid);
    await refresh(phone.refreshToken);
    await refresh(phone.refreshToken);
    expect((await refresh(laptop.refreshToken)).status).toBe(200);
  });

  it('refuses unknown and expired tokens', async () => {
    expect((await refresh('not-a-token')).body.error.code).toBe('REFRESH_TOKEN_INVALID');
    const session = await signInWithWechat(t);
    await t.dataSource
      .getRepository(RefreshTokenEntity)
      .update({ tokenHash: hashRefreshToken(session.refreshToken) }, { expiresAt: new Date(Date.now() - 1000) });
    expect((await refresh(session.refreshToken)).status).toBe(401);
  });

  it('logout revokes the sign-in; logging out again is harmless', async () => {
    const session = await signInWithWechat(t);
    const out = await t.request('/api/v1/auth/logout', json({ refreshToken: session.refreshToken }));
    expect(out.status).toBe(204);
    expect((await refresh(session.refreshToken)).body.error.code).toBe('REFRESH_TOKEN_INVALID');
    expect((await t.request('/api/v1/auth/logout', json({ refreshToken: session.refreshToken }))).status).toBe(204);
  });

  it('IdentityService.eraseIdentity revokes every session and forgets the WeChat identity', async () => {
    const openid = newOpenid();
    const a = await signInWithWechat(t, openid);
    const b = await signInWithWechat(t, openid);
    await t.dataSource.transaction((manager) => t.app.get(IdentityService).eraseIdentity(manager, a.alumnus.id));
    expect((await refresh(a.refreshToken)).status).toBe(401);
    expect((await refresh(b.refreshToken)).status).toBe(401);
    const row = await t.dataSource.getRepository(AlumnusEntity).findOneByOrFail({ id: a.alumnus.id });
    expect(row.openid).toBeNull();
    // The same WeChat user signing in again gets a new, empty account.
    expect((await signInWithWechat(t, openid)).alumnus.id).not.toBe(a.alumnus.id);
  });
});

describe('demo sign-in', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('mints a code at the fake that signs in through POST /auth/wechat', async () => {
    const { body } = await t.request('/api/v1/auth/demo-code', json({ openid: 'o_demo_042' }));
    const res = await t.request('/api/v1/auth/wechat', json({ code: body.code }));
    expect(res.status).toBe(200);
    expect((await t.dataSource.getRepository(AlumnusEntity).findOneByOrFail({ id: res.body.alumnus.id })).openid).toBe('o_demo_042');
  });

  it('makes a new alumnus when no openid is given', async () => {
    const a = (await t.request('/api/v1/auth/demo-code', json({}))).body.code;
    const b = (await t.request('/api/v1/auth/demo-code', json({}))).body.code;
    const [first, second] = await Promise.all([a, b].map((code) => t.request('/api/v1/auth/wechat', json({ code }))));
    expect(first!.body.alumnus.id).not.toBe(second!.body.alumnus.id);
  });

  it('lists seeded demo accounts, not the ones made by 新校友 sign-ins', async () => {
    await t.dataSource
      .getRepository(AlumnusEntity)
      .save({ openid: 'o_demo_staff', displayName: '王老师', roles: ['alumnus', 'staff', 'admin'] });
    const res = await t.request('/api/v1/auth/demo-accounts');
    expect(res.status).toBe(200);
    expect(res.body).toContainEqual({ openid: 'o_demo_staff', displayName: '王老师', roles: ['alumnus', 'staff', 'admin'] });
    expect(res.body.every((a: { openid: string }) => a.openid.startsWith('o_demo_') && !a.openid.startsWith('o_demo_new_'))).toBe(true);
  });

  it('the fake itself refuses a code twice (40163 → 401 WECHAT_CODE_INVALID)', async () => {
    const code = wechatFake(t).mintLoginCode({ openid: newOpenid() });
    expect((await t.request('/api/v1/auth/wechat', json({ code }))).status).toBe(200);
    const again = await t.request('/api/v1/auth/wechat', json({ code }));
    expect(again.status).toBe(401);
    expect(again.body.error.code).toBe('WECHAT_CODE_INVALID');
  });
});

describe('demo sign-in without the fake', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { WECHAT_FAKE: 'false', WECHAT_API_BASE: 'http://127.0.0.1:9' } });
  });
  afterAll(() => t.close());

  it('answers 404 DEMO_MODE_ONLY for every demo endpoint', async () => {
    for (const res of [await t.request('/api/v1/auth/demo-code', json({})), await t.request('/api/v1/auth/demo-accounts')]) {
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('DEMO_MODE_ONLY');
    }
  });

  it('answers 503 WECHAT_UNAVAILABLE when WeChat cannot be reached, never a 500', async () => {
    const res = await t.request('/api/v1/auth/wechat', json({ code: 'anything' }));
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('WECHAT_UNAVAILABLE');
    expect(await t.dataSource.getRepository(AlumnusEntity).count()).toBe(0);
  });
});
