import { openPhonePage, settledScreenshot } from '../support/browser.js';
import { openPage } from '../support/demo.js';
import { useFreshInstallation } from '../support/installation.js';

/** Screenshots wait for the router's page-slide animation to finish. */

/**
 * Signing in on the H5 build in demo mode: the fake WeChat mints the login code, so the
 * server runs the same code2Session path as on a phone.
 */
describe('sign-in, privacy consent and phone binding', () => {
  const app = useFreshInstallation();

  it('a new alumnus signs in, reads and accepts the privacy notice, and binds a phone shown masked', async () => {
    const { page } = await openPhonePage(app.browser);
    await openPage(page, `${app.server.url}/#/pages/me/index`);
    await page.locator('.me-sign-in').click({ timeout: 30_000 });

    await page.locator('.sign-in__account').first().waitFor();
    expect(await page.locator('.sign-in__account').allTextContents()).toContainEqual(expect.stringContaining('管理员'));
    await settledScreenshot(page, 'sign-in');
    await page.locator('.sign-in__new').click();

    await page.locator('.privacy__agree').waitFor();
    expect(await page.locator('.privacy__title').textContent()).toBe('校友通隐私政策');
    await settledScreenshot(page, 'privacy-notice');
    await page.locator('.privacy__agree').click();

    await page.locator('.me-phone__bind').click();
    await expect.poll(() => page.locator('.me-phone__masked').textContent()).toMatch(/^139\*{4}\d{4}$/);
    await settledScreenshot(page, 'me-signed-in');

    await page.locator('.me-sign-out').click();
    await page.locator('.me-sign-in').waitFor();
  });

  it('a seeded staff account signs in without the notice (already accepted) and sees the staff entry', async () => {
    const { page } = await openPhonePage(app.browser);
    await openPage(page, `${app.server.url}/#/packages/account/pages/sign-in/index`);
    await page.locator('.sign-in__account', { hasText: '管理员' }).click({ timeout: 30_000 });
    await page.getByText('工作台').waitFor();
  });
});
