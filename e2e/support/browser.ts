import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page, type Request } from 'playwright-core';
import { vi } from 'vitest';

export const OUTPUT_DIR = fileURLToPath(new URL('../test-output/', import.meta.url));

/**
 * Debian's Chromium, never a downloaded browser. The flags keep it from reaching for
 * Google's services, which this closed network refuses.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface PhonePage {
  page: Page;
  /** Console errors, page errors and failed requests not allowed, in order. */
  problems: string[];
  /** Takes what matches as expected on this page from now on (a refusal the test asks for). */
  allow(pattern: RegExp): void;
}

/** Every page opened, with how many of its problems were already checked. */
const opened: { problems: string[]; checked: number }[] = [];

/** The requests each watched page has sent and not yet seen answered or failed. */
const inFlight = new WeakMap<Page, Set<Request>>();

/**
 * A phone-sized page that records console errors, page errors and failed requests. Any of
 * them fails the running test (support/no-problems.ts), unless the test allowed it.
 */
export function openPhonePage(browser: Browser): Promise<PhonePage> {
  return openWatchedPage(browser, { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
}

/** A laptop's browser window (1440×900, mouse and keyboard), watched as a phone page is. */
export function openDeskPage(browser: Browser): Promise<PhonePage> {
  return openWatchedPage(browser, { viewport: { width: 1440, height: 900 } });
}

async function openWatchedPage(browser: Browser, device: Parameters<Browser['newPage']>[0]): Promise<PhonePage> {
  const page = await browser.newPage({ ...device, locale: 'zh-CN' });
  const problems: string[] = [];
  const allowed: RegExp[] = [];
  const record = (problem: string) => {
    if (!allowed.some((pattern) => pattern.test(problem))) problems.push(problem);
  };
  page.on('console', (message) => {
    if (message.type() === 'error') record(`console: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => record(`page error: ${error.message}`));
  const pending = new Set<Request>();
  inFlight.set(page, pending);
  page.on('request', (request) => pending.add(request));
  page.on('requestfinished', (request) => pending.delete(request));
  page.on('requestfailed', (request) => {
    pending.delete(request);
    record(`request failed: ${request.url()} ${request.failure()?.errorText}`);
  });
  opened.push({ problems, checked: 0 });
  return { page, problems, allow: (pattern) => allowed.push(pattern) };
}

/**
 * Waits until every request the page has sent is answered. Leaving or reloading the document
 * aborts the requests still in flight (net::ERR_ABORTED, a failed request to the check above),
 * and a page just shown is often still fetching what it shows.
 */
export async function requestsAnswered(page: Page): Promise<void> {
  const pending = inFlight.get(page);
  if (!pending) throw new Error('requestsAnswered needs a page opened by openPhonePage or openDeskPage');
  await vi.waitFor(
    () => {
      if (pending.size > 0) throw new Error(`requests still in flight: ${[...pending].map((request) => request.url()).join(', ')}`);
    },
    { timeout: 30_000, interval: 100 },
  );
}

/** The problems of every page recorded since the last call. */
export function uncheckedProblems(): string[] {
  return opened.flatMap((watched) => {
    const fresh = watched.problems.slice(watched.checked);
    watched.checked = watched.problems.length;
    return fresh;
  });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  const path = join(OUTPUT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/**
 * Answers 允许 in the subscription-message dialog (WeChat's own dialog in the mini-program;
 * in H5 a modal that asks the same), which the app opens on taps such as 报名 or 提交认证.
 * `shot` names a screenshot of the dialog.
 */
export async function allowMessages(page: Page, shot?: string): Promise<void> {
  await page.locator('.taro-modal__content', { hasText: '接收消息通知' }).waitFor({ timeout: 30_000 });
  if (shot) await screenshot(page, shot);
  await page.locator('.taro-model__confirm').click();
}

/** A screenshot once animations (page transitions, toasts) have finished. */
export async function settledScreenshot(page: Page, name: string): Promise<void> {
  await page.waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== 'running'));
  await screenshot(page, name);
}
