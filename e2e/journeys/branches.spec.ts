import type { Page } from 'playwright-core';
import { apiOf } from '../support/api.js';
import { allowMessages, openPhonePage, settledScreenshot } from '../support/browser.js';
import { goBack, openPage, signIn, type } from '../support/demo.js';
import { useFreshInstallation } from '../support/installation.js';

/**
 * A branch (分会) run by a volunteer, on the demo college: staff create 上海校友分会 and appoint
 * 周明远 (a verified alumnus) its admin; 林小雨 applies to join; 周明远 approves her from the
 * branch workbench, posts an event for the branch's members, and finds nothing outside the
 * branch open to him — no staff workbench, no staff page, not another branch's workbench.
 */
describe('branches: a branch admin runs their branch and reaches nothing outside it', () => {
  const app = useFreshInstallation();
  const { api, session } = apiOf(app);
  const suffix = Date.now() % 1000;
  const branchName = `上海校友分会${suffix}`;
  const eventTitle = `上海分会冬季聚会${suffix}`;
  let staff: Awaited<ReturnType<typeof openPhonePage>>;
  let admin: Awaited<ReturnType<typeof openPhonePage>>;
  let applicant: Awaited<ReturnType<typeof openPhonePage>>;

  const openBranch = async (page: Page) => {
    await openPage(page, `${app.server.url}/#/pages/me/index`);
    await page.locator('.me-branches').click({ timeout: 30_000 });
    await page.locator('.branch-item', { hasText: branchName }).click({ timeout: 30_000 });
    await page.locator('.branch-header__name', { hasText: branchName }).waitFor({ timeout: 30_000 });
  };

  beforeAll(async () => {
    [staff, admin, applicant] = await Promise.all([openPhonePage(app.browser), openPhonePage(app.browser), openPhonePage(app.browser)]);
    await signIn(app, staff.page, '管理员');
    await signIn(app, admin.page, '周明远');
    await signIn(app, applicant.page, '林小雨');
  });

  afterAll(() => {
    for (const who of [staff, admin, applicant]) expect(who.problems).toEqual([]);
  });

  it('staff create a city branch and appoint a verified alumnus its admin', async () => {
    const { page } = staff;
    await openPage(page, `${app.server.url}/#/packages/staff/pages/index/index`);
    await page.locator('.staff-tool', { hasText: '分会管理' }).click({ timeout: 30_000 });
    await page.locator('.staff-branch-new').waitFor({ timeout: 30_000 });
    await type(page, '.staff-branch-name', branchName);
    await type(page, '.staff-branch-place', '上海');
    await type(page, '.staff-branch-intro', '在上海工作、生活的校友之家');
    await page.locator('.staff-branch-create').click();
    const item = page.locator('.staff-branch-item', { hasText: branchName });
    await item.locator('.staff-branch-panel').waitFor({ timeout: 30_000 });
    await type(page, '.staff-branch-search', '周明远');
    await item.locator('.staff-branch-find').click();
    await item.locator('.staff-branch-candidate', { hasText: '周明远' }).locator('.staff-branch-appoint').click({ timeout: 30_000 });
    await item.locator('.staff-branch-admin', { hasText: '周明远' }).waitFor({ timeout: 30_000 });
    await settledScreenshot(page, 'journey-branches-staff');
  });

  it('an alumnus applies to join the branch', async () => {
    const { page } = applicant;
    await openBranch(page);
    await page.locator('.branch-admins', { hasText: '周明远' }).waitFor();
    await page.locator('.branch-join--request').click();
    await allowMessages(page);
    await page.locator('.branch-actionbar__note', { hasText: '等待分会管理员审核' }).waitFor({ timeout: 30_000 });
    await settledScreenshot(page, 'journey-branches-applied');
  });

  it('the branch admin approves her from the workbench and posts an event for the branch', async () => {
    const { page } = admin;
    await openPage(page, `${app.server.url}/#/pages/me/index`);
    await page.locator('.me-branches').click({ timeout: 30_000 });
    await page
      .locator('.my-branch', { hasText: branchName })
      .locator('.br-card__tag', { hasText: '我是管理员' })
      .click({ timeout: 30_000 });
    await page.locator('.branch-manage').click({ timeout: 30_000 });
    await page.locator('.branch-figure--pending .branch-figure__value', { hasText: '1' }).waitFor({ timeout: 30_000 });
    await settledScreenshot(page, 'journey-branches-workbench');

    await page.locator('.branch-requests').click();
    const request = page.locator('.join-request', { hasText: '林小雨' });
    await request.waitFor({ timeout: 30_000 });
    await request.locator('.decision__approve').click();
    await request.waitFor({ state: 'detached', timeout: 30_000 });
    await goBack(page);
    await page.locator('.branch-figure--members .branch-figure__value', { hasText: '2' }).waitFor({ timeout: 30_000 });

    await page.locator('.branch-post-event').click();
    await type(page, '.branch-event-title', eventTitle);
    await type(page, '.branch-event-startsAt', '2030-01-12 14:00');
    await type(page, '.branch-event-endsAt', '2030-01-12 17:00');
    await type(page, '.branch-event-onlineUrl', 'https://meeting.example.com/shanghai');
    await type(page, '.branch-event-capacity', '40');
    await type(page, '.branch-event-description', '新年聚会，欢迎在沪校友携家属参加。');
    await settledScreenshot(page, 'journey-branches-event-form');
    await page.locator('.branch-event-submit').click();
    await page
      .locator('text=' + eventTitle)
      .first()
      .waitFor({ timeout: 30_000 });
    await settledScreenshot(page, 'journey-branches-event');
  });

  it('the new member sees the event on the branch page', async () => {
    const { page } = applicant;
    await openBranch(page);
    await page.locator('.branch-event', { hasText: eventTitle }).waitFor({ timeout: 30_000 });
    await page.locator('.branch-join--leave').waitFor();
    await settledScreenshot(page, 'journey-branches-member');
  });

  it('reaches nothing outside the branch: no staff workbench, no staff page, no other branch', async () => {
    const { page } = admin;
    // Another branch, with its own admin, made through the API by staff.
    const staffSession = await session('o_demo_staff');
    const other = await api<{ id: string }>('/staff/branches', {
      token: staffSession.accessToken,
      method: 'POST',
      body: { kind: 'industry', name: `金融行业分会${suffix}`, place: '金融', joinPolicy: 'open' },
    });

    await openPage(page, `${app.server.url}/#/pages/me/index`);
    await page.locator('.me-branches').waitFor({ timeout: 30_000 });
    expect(await page.locator('.me-entry', { hasText: '工作台' }).count()).toBe(0);

    admin.allow(/403/);
    await openPage(page, `${app.server.url}/#/packages/staff/pages/branches/index`);
    await page.locator('.error-state', { hasText: '没有权限' }).waitFor({ timeout: 30_000 });
    await openPage(page, `${app.server.url}/#/packages/branches/pages/manage/index?id=${other.id}`);
    await page.locator('.error-state', { hasText: '只有本分会的管理员' }).waitFor({ timeout: 30_000 });
    await settledScreenshot(page, 'journey-branches-refused');

    // The same answers straight from the API, for the school's data.
    const mine = await session('o_demo_001');
    for (const path of ['/staff/dashboard/summary', '/staff/claims', '/staff/donations', `/branches/${other.id}/report`]) {
      await expect(api(path, { token: mine.accessToken })).rejects.toThrow(/403/);
    }
  });
});
