import { readFileSync } from 'node:fs';
import {
  type CampaignDetailDto,
  type CampaignSummaryDto,
  type ClassLeaderboardDto,
  formatFen,
  type HonourRollEntryDto,
  type Page as ListPage,
  type SchoolDto,
} from '@alumni/shared';
import type { Page } from 'playwright-core';
import { openPhonePage, settledScreenshot } from '../support/browser.js';
import { goBack, openPage, reloadPage, signIn } from '../support/demo.js';
import { useFreshInstallation } from '../support/installation.js';

/** Screenshots wait for the router's page-slide animation to finish. */

const SAPLING_TITLE = '校友林植树：为母校种下一棵树';

/**
 * The H5 router keeps earlier pages in the document, hidden, and the tab pages stay visible
 * under the page on top: look only at what is visible, under a page's own root class.
 */
const shown = (page: Page, selector: string, hasText?: string) =>
  page.locator(selector, hasText ? { hasText } : {}).filter({ visible: true });

/**
 * A sapling on the H5 demo: an alumnus opens the seeded sapling drive, picks 1 棵, pays
 * through the simulated WeChat Pay step, gets the certificate with the tree number, sees
 * the drive's progress move by exactly ¥30 and their name on the wall; staff publish what
 * the money did (told first who hears by WeChat and who only in 消息), and the alumnus finds
 * the gift and that entry in 我的捐赠 and the notice in 消息.
 */
describe('giving: plant a sapling and get its certificate', () => {
  const app = useFreshInstallation();
  let alumnus: Awaited<ReturnType<typeof openPhonePage>>;
  let staff: Awaited<ReturnType<typeof openPhonePage>>;
  let before: CampaignDetailDto;
  let certificateNo: string;
  let donorName: string;

  let school: SchoolDto;

  const api = async <T>(path: string, token?: string): Promise<T> =>
    (await fetch(`${app.server.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} })).json() as Promise<T>;

  beforeAll(async () => {
    alumnus = await openPhonePage(app.browser);
    staff = await openPhonePage(app.browser);
    const open = await api<ListPage<CampaignSummaryDto>>('/api/v1/campaigns?limit=50');
    const sapling = open.items.find((c) => c.title === SAPLING_TITLE)!;
    before = await api<CampaignDetailDto>(`/api/v1/campaigns/${sapling.id}`);
    school = await api<SchoolDto>('/api/v1/school');
  });

  it('a new alumnus opens the sapling drive from the giving tab and sees its progress in trees', async () => {
    const { page } = alumnus;
    // A newcomer: the seeded demo accounts have given already.
    await openPage(page, `${app.server.url}/#/packages/account/pages/sign-in/index`);
    await page.locator('.sign-in__new').click({ timeout: 30_000 });
    await page.locator('.privacy__agree').click({ timeout: 30_000 });
    await page.locator('.me-sign-out').waitFor();
    donorName = (await page.locator('.me-name').textContent())!.trim();

    await openPage(page, `${app.server.url}/#/pages/giving/index`);
    const card = page.locator('.campaign-card', { hasText: SAPLING_TITLE });
    await card.waitFor({ timeout: 30_000 });
    // The list shows what a unit drive has given so far, as the drive's page does.
    expect(await card.locator('.campaign-progress__units').textContent()).toBe(`已种 ${before.unitsRaised.toLocaleString('en-US')} 棵树苗`);
    expect(await page.locator('.campaign-card__kind').allTextContents()).toEqual(
      expect.arrayContaining(['植树', '助学', '奖学金', '综合']),
    );
    await settledScreenshot(page, 'journey-giving-tab');
    await card.click();

    await shown(page, '.campaign .campaign__title', SAPLING_TITLE).waitFor();
    expect(await shown(page, '.campaign .campaign-progress__raised-amount').textContent()).toBe(formatFen(before.raisedFen));
    expect(await shown(page, '.campaign .campaign-progress__units').textContent()).toBe(
      `已种 ${before.unitsRaised.toLocaleString('en-US')} 棵树苗`,
    );
    await settledScreenshot(page, 'journey-giving-campaign');
  });

  it('picks 1 棵, pays through the simulated WeChat Pay step and gets the certificate with the tree number', async () => {
    const { page } = alumnus;
    await shown(page, '.campaign .campaign-donate').click();
    await page.locator('.donate-chip', { hasText: '1 棵树苗' }).click({ timeout: 30_000 });
    await page.locator('.donate-message textarea').fill('愿母校常青');
    expect(await page.locator('.donate-pay').textContent()).toBe('支付 ¥30.00');
    await settledScreenshot(page, 'journey-giving-donate');
    await page.locator('.donate-pay').click();

    // One dialog for the thank-you, the fund-use and the refund messages: the H5 build asks with a look-alike of WeChat's.
    const ask = page.locator('.taro-modal__content', { hasText: '接收消息通知' });
    await ask.waitFor({ timeout: 30_000 });
    expect(await ask.textContent()).toContain('捐赠成功通知、善款使用公示、退款通知');
    await settledScreenshot(page, 'journey-giving-ask-messages');
    await page.locator('.taro-model__confirm').click({ timeout: 30_000 });
    await page.locator('.donate-simulate__pay').waitFor({ timeout: 30_000 });
    expect(await page.locator('.donate-simulate__amount').textContent()).toBe('¥30.00');
    await settledScreenshot(page, 'journey-giving-simulate');
    await page.locator('.donate-simulate__pay').click();

    // The certificate is drawn on the phone as an image; its words are in the page for screen readers.
    const image = page.locator('.certificate__image img');
    await image.waitFor({ timeout: 60_000 });
    expect(await page.locator('.certificate__trees').textContent()).toBe(
      `你种下了第 ${(before.unitsRaised + 1).toLocaleString('en-US')} 棵树`,
    );
    expect(await page.locator('.certificate__name').textContent()).toBe(donorName);
    expect(await page.locator('.certificate__school').textContent()).toBe(school.name);
    certificateNo = (await page.locator('.certificate__no').textContent())!.replace('证书编号 ', '');
    expect(certificateNo).toMatch(/^GIV-[0-9A-Fa-f]{8}-\d{6}$/);
    const drawn = await image.evaluate(async (img: HTMLImageElement) => {
      await img.decode();
      // The green of the tree line's pill: proof the painting ran, not just an empty canvas.
      const canvas = document.createElement('canvas');
      canvas.width = img.naturalWidth;
      canvas.height = img.naturalHeight;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
      let green = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i] === 0xe8 && data[i + 1] === 0xf5 && data[i + 2] === 0xec) green++;
      return { src: img.src.slice(0, 22), width: img.naturalWidth, height: img.naturalHeight, green };
    });
    expect(drawn).toMatchObject({ src: 'data:image/png;base64,', width: 750, height: 1050 });
    expect(drawn.green).toBeGreaterThan(5000);
    await settledScreenshot(page, 'journey-giving-certificate');

    // 下载证书 saves the same PNG under the certificate's number.
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.certificate__save').click()]);
    expect(download.suggestedFilename()).toBe(`捐赠证书-${certificateNo}.png`);
    const png = readFileSync((await download.path())!);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([750, 1050]);
  });

  it('the drive’s progress went up by exactly ¥30 and one tree, with the gift on the wall', async () => {
    const { page } = alumnus;
    await page.locator('.donation-back').click();
    await shown(page, '.campaign .campaign__title', SAPLING_TITLE).waitFor({ timeout: 30_000 });
    // Back on the drive, it reads itself again.
    await expect
      .poll(() => shown(page, '.campaign .campaign-progress__raised-amount').textContent(), { timeout: 30_000 })
      .toBe(formatFen(before.raisedFen + 3000));
    expect(await shown(page, '.campaign .campaign-progress__units').textContent()).toBe(
      `已种 ${(before.unitsRaised + 1).toLocaleString('en-US')} 棵树苗`,
    );
    const after = await api<CampaignDetailDto>(`/api/v1/campaigns/${before.id}`);
    expect([after.raisedFen - before.raisedFen, after.unitsRaised - before.unitsRaised, after.donorCount - before.donorCount]).toEqual([
      3000, 1, 1,
    ]);
    const first = shown(page, '.campaign .donor-wall__entry').first();
    await first.waitFor();
    expect(await first.locator('.donor-wall__name').textContent()).toBe(donorName);
    expect(await first.locator('.donor-wall__amount').textContent()).toBe('¥30 · 1 棵树苗');
    expect(await first.locator('.donor-wall__message').textContent()).toBe('愿母校常青');
    await first.scrollIntoViewIfNeeded();
    await settledScreenshot(page, 'journey-giving-campaign-after');
  });

  it('staff record what the money did; it shows on the drive’s 善款去向', async () => {
    const { page } = staff;
    await signIn(app, page, '管理员');
    await openPage(page, `${app.server.url}/#/packages/staff/pages/campaigns/index`);
    await shown(page, '.staff-campaigns .campaign-card', SAPLING_TITLE).click({ timeout: 30_000 });
    await shown(page, '.campaign-fund-use-amount input').fill('3600');
    await shown(page, '.campaign-fund-use-purpose textarea').fill('在南校区东坡种下 120 棵树苗');
    // Before publishing, staff see who hears by WeChat (our donor allowed it) and who only in 消息.
    const reach = shown(page, '.campaign-fund-use-reach');
    await reach.waitFor({ timeout: 30_000 });
    expect(await reach.textContent()).toMatch(/^将通知 \d+ 位捐赠人：[1-9]\d* 位会收到微信消息，\d+ 位只能在小程序「消息」中看到$/);
    await shown(page, '.campaign-fund-use').scrollIntoViewIfNeeded();
    await settledScreenshot(page, 'journey-giving-staff-fund-use');
    await shown(page, '.campaign-fund-use-submit').click();
    const confirmation = page.locator('.taro-modal__content', { hasText: '发布支出记录' });
    await confirmation.waitFor({ timeout: 30_000 });
    expect(await confirmation.textContent()).toContain(await reach.textContent());
    await settledScreenshot(page, 'journey-giving-staff-fund-use-confirm');
    await page.locator('.taro-model__confirm').click();
    await shown(page, '.editor-hint', '已公示使用 ¥3,600.00').waitFor({ timeout: 30_000 });

    await reloadPage(alumnus.page);
    const entry = shown(alumnus.page, '.campaign .fund-use-entry', '在南校区东坡种下 120 棵树苗');
    await entry.waitFor({ timeout: 30_000 });
    expect(await shown(alumnus.page, '.campaign .campaign-funds__spent').textContent()).toBe('¥3,600.00');
    await entry.scrollIntoViewIfNeeded();
    await settledScreenshot(alumnus.page, 'journey-giving-fund-use');
  });

  it('我的捐赠 lists the gift as given, with its certificate', async () => {
    const { page } = alumnus;
    await openPage(page, `${app.server.url}/#/pages/giving/index`);
    await shown(page, '.giving-banner__mine').click({ timeout: 30_000 });
    const item = shown(page, '.my-donation').first();
    await item.waitFor({ timeout: 30_000 });
    expect(await shown(page, '.my-donation').count()).toBe(1);
    expect(await item.locator('.my-donation__title').textContent()).toBe(SAPLING_TITLE);
    expect(await item.locator('.my-donation__status').textContent()).toBe('已捐赠');
    expect(await item.locator('.my-donation__amount').textContent()).toBe('¥30.00');
    expect(await item.locator('.my-donation__certificate').textContent()).toContain(certificateNo);
    await settledScreenshot(page, 'journey-giving-mine');

    // Every donor learns what their money did.
    await shown(page, '.my-donations .campaign-tab', '善款去向').click();
    await shown(page, '.my-donations__fund-use', '在南校区东坡种下 120 棵树苗').waitFor({ timeout: 30_000 });
    await settledScreenshot(page, 'journey-giving-mine-fund-use');

    await shown(page, '.my-donations .campaign-tab', '捐赠记录').click();
    await shown(page, '.my-donation').first().click({ timeout: 30_000 });
    await shown(page, '.certificate__no', certificateNo).waitFor({ timeout: 30_000 });
    await shown(page, '.certificate__image img').waitFor({ timeout: 30_000 });
  });

  it('opts in to the honour roll in 我的捐赠; the roll from the giving tab shows the year’s names and totals as the server ranks them', async () => {
    const { page } = alumnus;
    await openPage(page, `${app.server.url}/#/packages/giving/pages/mine/index`);
    const choice = shown(page, '.my-donations__roll-switch');
    await choice.waitFor({ timeout: 30_000 });
    expect(await choice.locator('input').isChecked()).toBe(false);
    await choice.click();
    // Taro's H5 storage keeps { data } under the app's key.
    const token = await page.evaluate(() => JSON.parse(localStorage.getItem('alumnilink.session')!).data.accessToken as string);
    await expect.poll(() => api<{ honourRoll: boolean }>('/api/v1/me/giving/preferences', token)).toEqual({ honourRoll: true });
    await settledScreenshot(page, 'journey-giving-mine-honour-roll-choice');

    // The choice is the server's: it is still on after a reload.
    await reloadPage(page);
    await shown(page, '.my-donations__roll-switch').waitFor({ timeout: 30_000 });
    expect(await shown(page, '.my-donations__roll-switch').locator('input').isChecked()).toBe(true);

    const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
    const roll = await api<HonourRollEntryDto[]>(`/api/v1/giving/honour-roll?year=${year}`);
    expect(roll.length).toBeGreaterThan(0);

    await openPage(page, `${app.server.url}/#/pages/giving/index`);
    await shown(page, '.giving-board--honour').click({ timeout: 30_000 });
    await shown(page, '.honour-roll .honour-roll__entry').first().waitFor({ timeout: 30_000 });
    expect(await shown(page, '.honour-roll .year-board__title').textContent()).toBe(`${year} 年度捐赠光荣榜`);
    const rows = await shown(page, '.honour-roll .honour-roll__entry').evaluateAll((entries) =>
      entries.map((e) => [e.querySelector('.honour-roll__name')!.textContent, e.querySelector('.honour-roll__total')!.textContent]),
    );
    expect(rows).toEqual(roll.map((e) => [e.name, formatFen(e.totalFen)]));
    await settledScreenshot(page, 'journey-giving-honour-roll');

    // The year switch reads that year's roll.
    await shown(page, '.honour-roll .year-board__step', '上一年').click();
    await shown(page, '.honour-roll .year-board__title', `${year - 1} 年度捐赠光荣榜`).waitFor();
    const lastYear = await api<HonourRollEntryDto[]>(`/api/v1/giving/honour-roll?year=${year - 1}`);
    await expect.poll(() => shown(page, '.honour-roll .honour-roll__entry').count()).toBe(lastYear.length);
  });

  it('the class leaderboard ranks classes by the share that gave, counts only', async () => {
    const { page } = alumnus;
    const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
    const board = await api<ClassLeaderboardDto>(`/api/v1/giving/class-leaderboard?year=${year}`);
    expect(board.entries.length).toBeGreaterThan(0);
    await openPage(page, `${app.server.url}/#/pages/giving/index`);
    await shown(page, '.giving-board--classes').click({ timeout: 30_000 });
    await shown(page, '.class-leaderboard .class-leaderboard__entry').first().waitFor({ timeout: 30_000 });
    const rows = await shown(page, '.class-leaderboard .class-leaderboard__entry').evaluateAll((entries) =>
      entries.map((e) =>
        ['.class-leaderboard__class', '.class-leaderboard__count', '.class-leaderboard__share'].map((s) => e.querySelector(s)!.textContent),
      ),
    );
    expect(rows).toEqual(
      board.entries.map((e) => [
        [`${e.graduationYear} 届`, e.departmentName, e.className].filter(Boolean).join(' '),
        `${e.donors} / ${e.alumni} 人参与`,
        `${Number.isInteger(e.sharePercent) ? e.sharePercent : e.sharePercent.toFixed(1)}%`,
      ]),
    );
    await settledScreenshot(page, 'journey-giving-class-leaderboard');
  });
  it('the donor finds the fund-use notice in 我的 · 消息, unread, and opens the drive from it', async () => {
    const { page } = alumnus;
    await openPage(page, `${app.server.url}/#/pages/me/index`);
    const entry = shown(page, '.me-messages');
    await entry.locator('.me-entry__badge').waitFor({ timeout: 30_000 });
    await settledScreenshot(page, 'journey-messages-me-badge');
    await entry.click();
    const notice = shown(page, '.messages-item', '善款使用公示');
    await notice.waitFor({ timeout: 30_000 });
    expect(await notice.locator('.messages-item__body').textContent()).toBe(
      `你支持的「${SAPLING_TITLE}」公示了一笔支出：在南校区东坡种下 120 棵树苗，¥3,600.00。`,
    );
    expect(await notice.getAttribute('class')).toContain('messages-item--unread');
    // The thank-you for the gift is there too, older.
    await shown(page, '.messages-item', '感谢你的捐赠').waitFor();
    await settledScreenshot(page, 'journey-messages-inbox');
    await notice.click();
    await shown(page, '.campaign .fund-use-entry', '在南校区东坡种下 120 棵树苗').waitFor({ timeout: 30_000 });
    await goBack(page);
    await expect.poll(() => shown(page, '.messages-item--unread', '善款使用公示').count(), { timeout: 30_000 }).toBe(0);
    expect(alumnus.problems).toEqual([]);
  });
});
