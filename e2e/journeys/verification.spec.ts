import type { Page } from 'playwright-core';
import { getJson } from '../../server/test/server-process.js';
import { allowMessages, openPhonePage, settledScreenshot } from '../support/browser.js';
import { useFreshInstallation } from '../support/installation.js';
import { goBack, openPage, reloadPage } from '../support/demo.js';

/** Screenshots wait for the router's page-slide animation to finish. */

/**
 * Staff import a roster; a graduate on it claims and is verified at once; a graduate the
 * roster lists under another number waits for staff, who approve with the right entry.
 */
describe('roster import and verification', () => {
  const app = useFreshInstallation();
  // The claim form's pickers start at this year and at the first department, so choosing
  // them is a tap on 确定 (the H5 picker's wheel needs touch dragging).
  const year = new Date().getFullYear();
  let department: string;
  beforeAll(async () => {
    department = (await getJson(`${app.server.url}/api/v1/school`)).departments[0].name;
  });

  async function signInAsAdmin(page: Page) {
    await openPage(page, `${app.server.url}/#/packages/account/pages/sign-in/index`);
    await page.locator('.sign-in__account', { hasText: '管理员' }).click({ timeout: 30_000 });
    await page.getByText('工作台').waitFor();
  }

  /** A new account, signed in and past the privacy notice, on the claim page. */
  async function newAlumnusOnClaimPage(page: Page) {
    await openPage(page, `${app.server.url}/#/packages/account/pages/sign-in/index`);
    await page.locator('.sign-in__new').click({ timeout: 30_000 });
    await page.locator('.privacy__agree').click();
    await page.locator('.me-verification').click();
    await page.locator('.claim-form').waitFor();
  }

  async function fillClaim(page: Page, name: string, studentNumber: string) {
    await page.locator('.claim-name input').fill(name);
    for (const [picker, chosen] of [
      ['.claim-year', `${year} 届`],
      ['.claim-department', department],
    ]) {
      await page.locator(picker!).click();
      await page.locator('.weui-picker__action:visible', { hasText: '确定' }).click();
      await page.locator(picker!, { hasText: chosen }).waitFor();
    }
    await page.locator('.claim-student-number input').fill(studentNumber);
  }

  it('staff preview a roster with its problems and commit the valid rows', async () => {
    const { page } = await openPhonePage(app.browser);
    await signInAsAdmin(page);
    await page.getByText('工作台').click();
    await page.locator('.staff-tool', { hasText: '名册导入' }).click();
    const csv = [
      '\uFEFF姓名,学号,毕业年份,院系,专业,班级,学历',
      `林晓,E2E0001,${year},${department},机械设计制造及其自动化,机械2201班,本科`,
      `陈默,E2E0002,${year},${department},机械设计制造及其自动化,机械2201班,本科`,
      `,E2E0003,${year},${department},,,`,
      `周航,E2E0004,二零二六,${department},,,`,
    ].join('\r\n');
    // The browser's own file input (its words in English) is hidden behind a button in Chinese.
    await page.locator('.browser-file-button', { hasText: '选择名册文件' }).waitFor();
    expect(await page.locator('.roster-file-input').isVisible()).toBe(false);
    await page.locator('.roster-file-input').setInputFiles({ name: '名册.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await page.locator('.roster-preview').waitFor({ timeout: 30_000 });
    expect(await page.locator('.roster-count__value').allTextContents()).toEqual(['4', '2', '2', '0']);
    expect(await page.locator('.roster-problems').textContent()).toContain('姓名为空');
    await settledScreenshot(page, 'journey-roster-preview');
    await page.locator('.roster-commit').click();
    await page.locator('.roster-done__count', { hasText: '新增 2 条' }).waitFor();
  });

  it('a graduate on the roster claims their entry and is verified at once', async () => {
    const { page } = await openPhonePage(app.browser);
    await newAlumnusOnClaimPage(page);
    await fillClaim(page, '林晓', 'E2E0001');
    await settledScreenshot(page, 'journey-claim-form');
    await page.locator('.claim-submit').click();
    await allowMessages(page);
    await page.locator('.claim-outcome--matched').waitFor();
    expect(await page.locator('.claim-form').count()).toBe(0);
    // The next steps: classmates on 我的班级 (nobody else verified yet), the profile the claim filled.
    await page.locator('.claim-next__classmates').waitFor();
    await settledScreenshot(page, 'journey-claim-verified');
    await page.locator('.claim-next__classmates').click();
    await page.locator('.directory-tab--active', { hasText: '我的班级' }).waitFor();
    await settledScreenshot(page, 'journey-claim-my-class');
    await goBack(page);
    await page.locator('.claim-next__profile').click({ timeout: 60_000 });
    await page.locator('.profile').waitFor({ timeout: 30_000 });
    const values = await page.locator('.profile input').evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
    expect(values).toEqual(expect.arrayContaining(['林晓', '机械2201班']));
  });

  it('a claim the roster cannot settle waits for staff, who approve it; then the classmate is in 我的班级', async () => {
    const alumnus = await openPhonePage(app.browser);
    await newAlumnusOnClaimPage(alumnus.page);
    await fillClaim(alumnus.page, '陈默', 'WRONG-NUMBER');
    await alumnus.page.locator('.claim-submit').click();
    await allowMessages(alumnus.page);
    await alumnus.page.locator('.claim-outcome--pending').waitFor();
    // The waiting claim is shown, not the form again; the form comes back only to correct it.
    expect(await alumnus.page.locator('.claim-form').count()).toBe(0);
    await settledScreenshot(alumnus.page, 'journey-claim-pending');
    await alumnus.page.locator('.claim-correct').click();
    await alumnus.page.locator('.claim-form').waitFor();

    const staff = await openPhonePage(app.browser);
    await signInAsAdmin(staff.page);
    await openPage(staff.page, `${app.server.url}/#/packages/staff/pages/claims/index`);
    const card = staff.page.locator('.review-card', { hasText: '陈默' });
    await card.waitFor({ timeout: 30_000 });
    expect(await card.textContent()).toContain('E2E0002');
    await settledScreenshot(staff.page, 'journey-claims-queue');
    await card.locator('.decision__approve', { hasText: '按所选记录通过' }).click();
    // Approving cannot be undone: staff confirm first.
    await staff.page.locator('.taro-modal__content', { hasText: '陈默将成为认证校友' }).waitFor();
    await settledScreenshot(staff.page, 'journey-claim-approve-confirm');
    await staff.page.locator('.taro-model__confirm').click();
    await card.waitFor({ state: 'detached' });

    await reloadPage(alumnus.page);
    await alumnus.page.locator('.claim-outcome--approved').waitFor({ timeout: 30_000 });
    // The class group the first classmate's verification opened, one tap away.
    await alumnus.page.locator('.claim-next__class', { hasText: '机械2201班' }).click();
    await alumnus.page.locator('.group-page').waitFor({ timeout: 30_000 });
    await settledScreenshot(alumnus.page, 'journey-claim-class-group');
    await goBack(alumnus.page);

    // 林晓, verified in the previous journey, was in the same class on the roster: 找同班同学.
    await alumnus.page.locator('.claim-next__classmates').click({ timeout: 60_000 });
    await alumnus.page.locator('.directory-tab--active', { hasText: '我的班级' }).waitFor({ timeout: 30_000 });
    const classmate = alumnus.page.locator('.alumnus-item', { hasText: '林晓' });
    await classmate.waitFor({ timeout: 30_000 });
    expect(await classmate.textContent()).toContain('机械2201班');
    await settledScreenshot(alumnus.page, 'journey-my-class');
  });
});
