import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { openPhonePage, screenshot } from '../support/browser.js';
import { openPage } from '../support/demo.js';
import { useFreshInstallation } from '../support/installation.js';

const SOURCE = join(dirname(fileURLToPath(import.meta.url)), '../../miniprogram/src');

/** Every page of the app and the title its config gives it: `pages/me/index` → 我的. */
function pageTitles(): { route: string; title: string }[] {
  const found: { route: string; title: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name === 'index.config.ts') {
        const title = /navigationBarTitleText:\s*'([^']*)'/.exec(readFileSync(path, 'utf8'))?.[1];
        if (title) found.push({ route: relative(SOURCE, dir).split('\\').join('/') + '/index', title });
      }
    }
  };
  walk(join(SOURCE, 'pages'));
  walk(join(SOURCE, 'packages'));
  return found;
}

/** Profile with per-field visibility, the directory's locked state, and staff management. */
describe('profile, directory and staff management', () => {
  const app = useFreshInstallation();

  async function signInAs(page: Page, account: string | number) {
    await openPage(page, `${app.server.url}/#/packages/account/pages/sign-in/index`);
    const accounts = page.locator('.sign-in__account');
    await accounts.first().waitFor({ timeout: 30_000 });
    await (typeof account === 'number' ? accounts.nth(account) : page.locator('.sign-in__account', { hasText: account })).click();
    await page.locator('.me-card').waitFor();
  }

  it('an alumnus changes a field and who may see it, and is told the directory opens after verification', async () => {
    const { page, allow } = await openPhonePage(app.browser);
    // The directory's 403 is the expected answer here, logged by the browser as a failed resource.
    allow(/status of 403/);
    await signInAs(page, 0);
    await page.getByText('个人资料').click();
    const city = page.locator('.profile-field', { hasText: '所在城市' });
    await city.locator('input').fill('宁波');
    await city.locator('.visibility-chip').click();
    await page.getByText('仅工作人员', { exact: true }).last().click();
    await expect.poll(() => city.locator('.visibility-chip').textContent()).toBe('仅工作人员');
    await page.getByText('取消', { exact: true }).last().waitFor({ state: 'hidden' });
    await screenshot(page, 'profile');
    await page.locator('.profile-actions .nut-button').click();
    await page.getByText('已是最新').waitFor();

    await openPage(page, `${app.server.url}/#/packages/alumni/pages/directory/index`);
    await page.locator('.nut-empty-title', { hasText: '完成校友认证后才能查找校友' }).waitFor({ timeout: 30_000 });
    await screenshot(page, 'directory-unverified');
  });

  it('a bio WeChat wants reviewed waits for staff, who see why and approve it in 内容审核', async () => {
    const { page } = await openPhonePage(app.browser);
    await signInAs(page, 0);
    await page.getByText('个人资料').click();
    // 待审词 is the fake content check's word for "review" (server/src/wechat/fake/content-security.fake.ts).
    await page.locator('.profile-field', { hasText: '简介' }).locator('textarea').fill('喜欢摄影，待审词');
    await page.locator('.profile-actions .nut-button').click();
    await page.getByText('以下修改正在审核，通过后生效：').waitFor();
    await page.getByText('个人简介：喜欢摄影，待审词').waitFor();
    await screenshot(page, 'profile-pending-review');

    const staff = (await openPhonePage(app.browser)).page;
    await signInAs(staff, '管理员');
    await openPage(staff, `${app.server.url}/#/packages/staff/pages/content-reviews/index`);
    const card = staff.locator('.content-review', { hasText: '喜欢摄影，待审词' });
    await card.waitFor({ timeout: 30_000 });
    await card.getByText('内容安全检查建议人工复核（类别 20012）').waitFor();
    await card.getByText('校友资料 · 个人简介').waitFor();
    await screenshot(staff, 'content-reviews');
    await card.locator('.content-review__approve').click();
    await card.waitFor({ state: 'detached' });
  });

  it('a bio WeChat refuses is shown under 简介 when saving fails, the only message on the screen', async () => {
    const { page, allow } = await openPhonePage(app.browser);
    // The 422 is the answer this step is about, logged by the browser as a failed resource.
    allow(/status of 422/);
    await signInAs(page, 0);
    await page.getByText('个人资料').click();
    const bio = page.locator('.profile-field', { hasText: '简介' });
    // 违禁词 is the fake content check's word for "risky" (server/src/wechat/fake/content-security.fake.ts).
    await bio.locator('textarea').fill('我的简介有违禁词');
    await page.locator('.profile-actions .nut-button').click();
    await bio.locator('.field-error', { hasText: '内容可能含有违规信息，请修改后再发布' }).waitFor({ timeout: 30_000 });
    expect(await page.locator('.field-error').count()).toBe(1);
    // No toast says it a second time.
    expect(await page.locator('.taro__toast').isVisible()).toBe(false);
    await screenshot(page, 'profile-save-refused');
    await bio.locator('textarea').fill('热爱摄影');
    await bio.locator('.field-error').waitFor({ state: 'detached' });
  });

  it('shows every page’s title whole on a 375 px phone', async () => {
    const { page, allow } = await openPhonePage(app.browser);
    // Pages opened without the ids they expect say so (404s and their errors): only the titles matter here.
    allow(/./);
    await page.setViewportSize({ width: 375, height: 812 });
    await signInAs(page, '管理员');
    const pages = pageTitles();
    expect(pages.length).toBeGreaterThan(50);
    const cut: string[] = [];
    for (const { route, title } of pages) {
      // The bar keeps the previous page's title until this page is shown (openPage waits for
      // that), and the router writes this page's title as it shows it.
      await openPage(page, `${app.server.url}/#/${route}`);
      const bar = page.locator('.taro-navigation-bar-title').last();
      await expect.poll(async () => ((await bar.textContent()) ?? '').length > 0, { timeout: 10_000 }).toBe(true);
      const { shown, whole } = await bar.evaluate((el) => ({ shown: el.textContent ?? '', whole: el.scrollWidth <= el.clientWidth }));
      if (!whole) cut.push(`${route}: ${shown} (config ${title})`);
    }
    expect(cut).toEqual([]);
    await openPage(page, `${app.server.url}/#/packages/staff/pages/class-liaisons/index`);
    await screenshot(page, 'title-at-375');
  });

  it('an administrator finds an alumnus and makes them staff', async () => {
    const { page } = await openPhonePage(app.browser);
    await signInAs(page, '管理员');
    await openPage(page, `${app.server.url}/#/packages/staff/pages/staff-members/index`);
    await page.locator('.staff-member').first().waitFor({ timeout: 30_000 });
    const before = await page.locator('.staff-members__list').first().locator('.staff-member').count();

    await page.locator('.staff-members__search input').fill('王');
    await page.locator('.staff-members__search .nut-button').click();
    await page.getByText('授权', { exact: true }).first().click();
    await page.getByText('设为工作人员').click();
    await expect.poll(() => page.locator('.staff-members__list').first().locator('.staff-member').count()).toBe(before + 1);
    await screenshot(page, 'staff-members');
  });
});
