import type { ClassRosterDto, MyProfileDto, ReunionClassDto, StaffLiaisonClassDto } from '@alumni/shared';
import { apiOf } from '../support/api.js';
import { allowMessages, openPhonePage, settledScreenshot } from '../support/browser.js';
import { openPage, signIn } from '../support/demo.js';
import { useFreshInstallation } from '../support/installation.js';

/**
 * A class liaison brings an unreached classmate in: staff appoint a verified demo alumnus
 * liaison of their class; the roster lists a classmate who never signed in; the liaison
 * invites them from 我的 › 班级联络; the classmate opens the invitation, signs in, finds the
 * claim filled in from the roster and is verified at once; the class's coverage goes up.
 */
describe('class liaisons: an unreached classmate brought in through an invitation', () => {
  const app = useFreshInstallation();
  const { api, session } = apiOf(app);
  const names: Record<string, string> = {};
  const CLASSMATE = '林小雨';
  let staffToken: string;
  let liaisonOpenid: string;
  let klass: StaffLiaisonClassDto;
  let invitationLink: string;

  const roster = () => api<ClassRosterDto>(`/liaison-classes/${klass.classGroupId}/classmates`, { token: staffToken });

  beforeAll(async () => {
    for (const account of await api<{ openid: string; displayName: string }[]>('/auth/demo-accounts'))
      names[account.openid] = account.displayName;
    staffToken = (await session('o_demo_staff')).accessToken;
    // A demo alumnus verified in a class: the liaison to be.
    for (const openid of Object.keys(names).filter((o) => o !== 'o_demo_staff')) {
      const token = (await session(openid)).accessToken;
      const [mine] = await api<ReunionClassDto[]>('/reunions/classes', { token });
      if (!mine) continue;
      const me = await api<MyProfileDto>('/me', { token });
      const classes = await api<StaffLiaisonClassDto[]>(`/staff/liaison-classes?graduationYear=${me.graduationYear}`, {
        token: staffToken,
      });
      const found = classes.find((c) => c.classGroupId === mine.groupId);
      if (found) {
        [liaisonOpenid, klass] = [openid, found];
        break;
      }
    }
    expect(klass, 'a verified demo account with a class').toBeDefined();
    // The registrar's roster lists a classmate who never signed in.
    const csv = [
      '\uFEFF姓名,学号,毕业年份,院系,专业,班级,学历',
      `${CLASSMATE},LIAISON0001,${klass.graduationYear},${klass.department.name},,${klass.className},本科`,
    ].join('\r\n');
    const form = new FormData();
    form.append('file', new Blob([csv], { type: 'text/csv' }), '补录名册.csv');
    const preview = await fetch(`${app.server.url}/api/v1/staff/roster/imports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${staffToken}` },
      body: form,
    }).then((r) => r.json() as Promise<{ importId: string; validRows: number }>);
    expect(preview.validRows).toBe(1);
    await api(`/staff/roster/imports/${preview.importId}/commit`, { method: 'POST', token: staffToken, body: {} });
  });

  it('staff appoint a verified alumnus of the class as its liaison', async () => {
    const { page } = await openPhonePage(app.browser);
    await signIn(app, page, names['o_demo_staff']);
    await openPage(page, `${app.server.url}/#/packages/staff/pages/class-liaisons/index?year=${klass.graduationYear}`);
    const card = page.locator('.sl-class', { hasText: klass.name });
    await card.waitFor({ timeout: 30_000 });
    await card.locator('.sl-class__appoint').click();
    await card.locator('.sl-candidate', { hasText: names[liaisonOpenid] }).locator('.sl-candidate__appoint').click({ timeout: 30_000 });
    await card.locator('.sl-liaison__name', { hasText: `联络人：${names[liaisonOpenid]}` }).waitFor({ timeout: 30_000 });
    await settledScreenshot(page, 'journey-liaisons-appoint');
  });

  it('the liaison sees the class roster with contact states and invites the unreached classmate', async () => {
    const before = await roster();
    const { page } = await openPhonePage(app.browser);
    await signIn(app, page, names[liaisonOpenid]);
    await page.locator('.me-liaison').click({ timeout: 30_000 });
    await page.locator('.lc-coverage__percent', { hasText: `${before.class.percent}%` }).waitFor({ timeout: 30_000 });
    const row = page.locator('.lc-mate', { hasText: CLASSMATE });
    expect(await row.locator('.lc-state').textContent()).toBe('未联系上');
    expect(await page.locator('.lc-mate').count()).toBe(before.classmates.length);
    await settledScreenshot(page, 'journey-liaisons-class');

    await row.locator('.lc-mate__invite').click();
    await page.locator('.lc-invitation__title', { hasText: `邀请 ${CLASSMATE} 认证` }).waitFor({ timeout: 30_000 });
    invitationLink = (await page.locator('.lc-invitation__link').textContent())!;
    expect(invitationLink).toMatch(/^#\/packages\/verification\/pages\/invitation\/index\?token=[A-Za-z0-9_-]{22}$/);
    await page.locator('.lc-invitation__show-code').click();
    await page.locator('.lc-invitation__code img, img.lc-invitation__code').first().waitFor({ timeout: 30_000 });
    await settledScreenshot(page, 'journey-liaisons-invitation');
  });

  it('the classmate opens the invitation, signs in, and is verified with the claim the roster filled in', async () => {
    const before = await roster();
    const { page } = await openPhonePage(app.browser);
    await openPage(page, `${app.server.url}/${invitationLink}`);
    await page.locator('.class-invitation__name', { hasText: CLASSMATE }).waitFor({ timeout: 30_000 });
    expect(await page.locator('.class-invitation__class').textContent()).toBe(klass.name);
    await settledScreenshot(page, 'journey-liaisons-invited');
    await page.locator('.class-invitation__accept').click();
    await page.locator('.sign-in__new').click({ timeout: 30_000 });
    await page.locator('.privacy__agree').click({ timeout: 30_000 });
    // Back on the claim, filled in from the roster.
    await page.locator('.claim-invited').waitFor({ timeout: 30_000 });
    expect(await page.locator('.claim-name input').inputValue()).toBe(CLASSMATE);
    expect(await page.locator('.claim-class input').inputValue()).toBe(klass.className);
    expect(await page.locator('.claim-year').textContent()).toBe(`${klass.graduationYear} 届`);
    await settledScreenshot(page, 'journey-liaisons-claim');
    await page.locator('.claim-submit').click();
    await allowMessages(page);
    await page.locator('.claim-outcome--matched').waitFor({ timeout: 30_000 });

    const after = await roster();
    expect(after.classmates.find((c) => c.name === CLASSMATE)!.state).toBe('verified');
    expect(after.class.reached).toBe(before.class.reached + 1);
  });

  it('the liaison sees the classmate verified and the class’s coverage up', async () => {
    const now = await roster();
    const { page } = await openPhonePage(app.browser);
    await signIn(app, page, names[liaisonOpenid]);
    await openPage(page, `${app.server.url}/#/packages/reach/pages/class/index?id=${klass.classGroupId}`);
    await page.locator('.lc-coverage__percent', { hasText: `${now.class.percent}%` }).waitFor({ timeout: 30_000 });
    expect(await page.locator('.lc-mate', { hasText: CLASSMATE }).locator('.lc-state').textContent()).toBe('已认证');
    await page.locator('.lc-coverage__rank').click();
    await page.locator('.lb-row--mine').first().waitFor({ timeout: 30_000 });
    await settledScreenshot(page, 'journey-liaisons-leaderboard');
    // Told in 消息 that the classmate they invited is verified.
    await openPage(page, `${app.server.url}/#/packages/messages/pages/index/index`);
    await page.getByText('你邀请的同学已认证').first().waitFor({ timeout: 30_000 });
    await page.getByText(`${CLASSMATE} 已完成校友认证`).first().waitFor({ timeout: 30_000 });
    await settledScreenshot(page, 'journey-liaisons-told');
  });

  it('a branch admin ends and makes appointments for a class within the branch, from the workbench', async () => {
    // A city branch the liaison belongs to (which puts the class within it), run by another verified alumnus.
    let adminOpenid = '';
    let admin: MyProfileDto | undefined;
    for (const openid of Object.keys(names).filter((o) => o !== 'o_demo_staff' && o !== liaisonOpenid)) {
      const me = await api<MyProfileDto>('/me', { token: (await session(openid)).accessToken });
      if (me.verifiedAt !== null) [adminOpenid, admin] = [openid, me];
      if (admin) break;
    }
    expect(admin, 'another verified demo account').toBeDefined();
    const branch = await api<{ id: string; groupId: string }>('/staff/branches', {
      method: 'POST',
      token: staffToken,
      body: { kind: 'city', name: '联络测试分会', place: '杭州', joinPolicy: 'open' },
    });
    await api(`/staff/branches/${branch.id}/admins/${admin!.id}`, { method: 'PUT', token: staffToken, body: {} });
    await api(`/groups/${branch.groupId}/join`, { method: 'POST', token: (await session(liaisonOpenid)).accessToken, body: {} });

    const { page } = await openPhonePage(app.browser);
    await signIn(app, page, names[adminOpenid]);
    await openPage(page, `${app.server.url}/#/packages/branches/pages/manage/index?id=${branch.id}`);
    await page.locator('.branch-liaisons-link').click({ timeout: 30_000 });
    const card = page.locator('.sl-class', { hasText: klass.name });
    await card.locator('.sl-liaison__name', { hasText: `联络人：${names[liaisonOpenid]}` }).waitFor({ timeout: 30_000 });
    // The classes its members are verified in (the admin's own class too, as a member): as the API says.
    const within = await api<StaffLiaisonClassDto[]>(`/branches/${branch.id}/liaison-classes`, { token: staffToken });
    expect(within.map((c) => c.classGroupId)).toContain(klass.classGroupId);
    expect(await page.locator('.sl-class').count()).toBe(within.length);
    await settledScreenshot(page, 'journey-liaisons-branch');

    await card.locator('.sl-liaison__end').click();
    await page.locator('.taro-modal__content', { hasText: '将不再担任' }).waitFor({ timeout: 30_000 });
    await page.locator('.taro-model__confirm').click();
    await card.locator('.sl-liaisons__none', { hasText: '尚无联络人' }).waitFor({ timeout: 30_000 });
    await card.locator('.sl-class__appoint').click();
    await card.locator('.sl-candidates__title', { hasText: '从本分会成员中' }).waitFor({ timeout: 30_000 });
    // Only the branch's members verified in the class are offered.
    const offered = await api<{ alumnusId: string }[]>(`/branches/${branch.id}/liaison-classes/${klass.classGroupId}/candidates`, {
      token: staffToken,
    });
    expect(offered.length).toBeLessThanOrEqual(2);
    expect(await card.locator('.sl-candidate').count()).toBe(offered.length);
    await card.locator('.sl-candidate', { hasText: names[liaisonOpenid] }).locator('.sl-candidate__appoint').click();
    await card.locator('.sl-liaison__name', { hasText: `联络人：${names[liaisonOpenid]}` }).waitFor({ timeout: 30_000 });
    await settledScreenshot(page, 'journey-liaisons-branch-appointed');
    const [now] = await api<StaffLiaisonClassDto[]>(`/branches/${branch.id}/liaison-classes`, { token: staffToken });
    expect(now!.liaisons.map((l) => l.alumnusId)).toHaveLength(1);
  });
});
