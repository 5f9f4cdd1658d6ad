import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { requestsAnswered } from './browser.js';
import type { Installation } from './installation.js';

/**
 * Signs in through the H5 sign-in page as the demo account whose card shows `name` (the first
 * demo account when none), and waits for 我的 to show the signed-in card.
 */
export async function signIn(app: Installation, page: Page, name?: string): Promise<void> {
  await openPage(page, `${app.server.url}/#/packages/account/pages/sign-in/index`);
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
 * The page of `route` (such as `pages/me/index`; a query after it is ignored) once the router
 * has shown it and its slide in has ended (`taro_page_stationed`). A tab page left for another
 * tab keeps those classes under `taro_page_shade` (display: none), and a page covered by the
 * next keeps them too: only a visible container is the one shown.
 */
export const shownPage = (page: Page, route: string) =>
  page
    .locator(`.taro_page.taro_page_show.taro_page_stationed:not(.taro_page_shade)[id^="/${route.split('?')[0]}?"]`)
    .filter({ visible: true });

/** The route (such as `pages/me/index`) the address bar names, '' before the app's first page. */
const currentRoute = (page: Page) => new URL(page.url()).hash.replace(/^#\//, '').split('?')[0];

/**
 * Waits until the router shows the page the address bar names. The router loads a page's code
 * asynchronously after the hash changes, and a page whose load ends after a later navigation's
 * is shown over the later page: under load, a tap or a jump made before the previous page is
 * shown can leave the wrong page on top under the right URL. So a navigation in a journey
 * waits for the one before it.
 */
export async function settledRoute(page: Page): Promise<void> {
  const route = currentRoute(page);
  if (route) await shownPage(page, route).waitFor({ timeout: 30_000 });
}

/**
 * Opens `url` (such as `${app.server.url}/#/pages/me/index`) through the address bar, as a
 * link or a scanned code would, once the page before it is shown, and waits until the router
 * shows the page the address bar then names.
 */
export async function openPage(page: Page, url: string): Promise<void> {
  await settledRoute(page);
  await page.goto(url);
  await settledRoute(page);
}

/**
 * Reloads the page once the page shown has its answers (see `requestsAnswered`), and waits until
 * the router shows it again.
 */
export async function reloadPage(page: Page): Promise<void> {
  await settledRoute(page);
  await requestsAnswered(page);
  await page.reload();
  await settledRoute(page);
}

/**
 * Opens `url` in a new document, as a link opened afresh would: a hash jump to a page already in
 * the router's stack would show the kept instance instead.
 */
export async function openAfresh(page: Page, url: string): Promise<void> {
  await settledRoute(page);
  await requestsAnswered(page);
  await page.goto('about:blank');
  await openPage(page, url);
}

/**
 * The browser's back button, once the page it leaves is shown (a back during the page's slide
 * in can be lost on a busy machine); waits until the router shows the page it returns to.
 */
export async function goBack(page: Page): Promise<void> {
  await settledRoute(page);
  await page.goBack();
  await settledRoute(page);
}

/**
 * Taps the tab-bar item `label` until its page `route` is the one shown. The tap waits for the
 * current page to be shown first (see `settledRoute`: the clean-clone CI saw 我的 stay hidden
 * under a page still loading when it was tapped); and the tab bar can ignore a tap that comes
 * straight after a hash change, so the tap is repeated until the URL names the tab.
 */
export async function openTab(page: Page, label: string, route: string): Promise<void> {
  await settledRoute(page);
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
  await shownPage(page, route).waitFor({ timeout: 30_000 });
}
