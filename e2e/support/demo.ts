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

/**
 * Taps the tab-bar item `label` until its page `route` is the one shown. Right after a hash
 * change the tab bar can still count the previous tab as current and ignore the tap (the
 * clean-clone CI saw 我的 tapped straight after leaving 我的 for 首页), so the tap is repeated.
 */
export async function openTab(page: Page, label: string, route: string): Promise<void> {
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
}
