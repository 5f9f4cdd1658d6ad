import type { Page } from 'playwright-core';
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
