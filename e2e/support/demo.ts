import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Installation } from './installation.js';

/**
 * Signs in through the H5 sign-in page as the demo account whose card shows `name` (the first
 * demo account when none), and waits for 我的 to show the signed-in card.
 */
export async function signIn(app: Installation, page: Page, name?: string): Promise<void> {
  await page.goto(`${app.server.url}/#/packages/account/pages/sign-in/index`);
  await page
    .locator('.sign-in__account', name ? { hasText: name } : {})
    .first()
    .click({ timeout: 30_000 });
  await page.locator('.me-sign-out').waitFor({ timeout: 30_000 });
}

/** Types into a Taro Input or Textarea (the H5 build wraps the real element). */
export const type = (page: Page, selector: string, value: string) =>
  page.locator(`${selector} input, ${selector} textarea`).first().fill(value);

/** The page of `route` (such as `pages/me/index`) while the router shows it. */
const shownPage = (page: Page, route: string) => page.locator(`.taro_page.taro_page_show[id^="/${route}"]`);

/**
 * Taps the tab-bar item `label` until its page `route` is the one shown. A page reached by a
 * hash change that is still loading when the tab is tapped is shown once it has loaded, over
 * the tab's page under a URL that names the tab (the clean-clone CI saw 我的 stay hidden so),
 * so the tap waits for the current page first; and the tab bar can ignore a tap that comes
 * straight after a hash change, so the tap is repeated until the URL names the tab.
 */
export async function openTab(page: Page, label: string, route: string): Promise<void> {
  const current = new URL(page.url()).hash.replace(/^#\//, '').split('?')[0];
  if (current) await shownPage(page, current).waitFor({ state: 'attached', timeout: 30_000 });
  const item = page.locator('.weui-tabbar__item', { hasText: label });
  await expect
    .poll(
      async () => {
        if (!page.url().includes(route)) await item.click();
        return page.url();
      },
      { timeout: 30_000, interval: 500 },
    )
    .toContain(route);
  await shownPage(page, route).waitFor({ state: 'attached', timeout: 30_000 });
}
