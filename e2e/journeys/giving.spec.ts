import { type CampaignDetailDto, type CampaignSummaryDto, formatFen, type Page as ListPage } from '@alumni/shared';
import type { Page } from 'playwright-core';
import { openPhonePage, settledScreenshot } from '../support/browser.js';
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
 * the money did, and the alumnus finds the gift and that entry in 我的捐赠.
 */
describe('giving: plant a sapling and get its certificate', () => {
  const app = useFreshInstallation();
  let alumnus: Awaited<ReturnType<typeof openPhonePage>>;
  let staff: Awaited<ReturnType<typeof openPhonePage>>;
  let before: CampaignDetailDto;
  let certificateNo: string;
  let donorName: string;

  const api = async <T>(path: string): Promise<T> => (await fetch(`${app.server.url}${path}`)).json() as Promise<T>;

  beforeAll(async () => {
    alumnus = await openPhonePage(app.browser);
    staff = await openPhonePage(app.browser);
    const open = await api<ListPage<CampaignSummaryDto>>('/api/v1/campaigns?limit=50');
    const sapling = open.items.find((c) => c.title === SAPLING_TITLE)!;
    before = await api<CampaignDetailDto>(`/api/v1/campaigns/${sapling.id}`);
  });

  it('a new alumnus opens the sapling drive from the giving tab and sees its progress in trees', async () => {
    const { page } = alumnus;
    // A newcomer: the seeded demo accounts have given already.
    await page.goto(`${app.server.url}/#/packages/account/pages/sign-in/index`);
    await page.locator('.sign-in__new').click({ timeout: 30_000 });
    await page.locator('.privacy__agree').click({ timeout: 30_000 });
    await page.locator('.me-sign-out').waitFor();
    donorName = (await page.locator('.me-name').textContent())!.trim();

    await page.goto(`${app.server.url}/#/pages/giving/index`);
    const card = page.locator('.campaign-card', { hasText: SAPLING_TITLE });
    await card.waitFor({ timeout: 30_000 });
    expect(await card.textContent()).toContain('1 棵树苗 = ¥30');
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
    expect(alumnus.problems).toEqual([]);
  });

  it('picks 1 棵, pays through the simulated WeChat Pay step and gets the certificate with the tree number', async () => {
    const { page } = alumnus;
    await shown(page, '.campaign .campaign-donate').click();
    await page.locator('.donate-chip', { hasText: '1 棵树苗' }).click({ timeout: 30_000 });
    await page.locator('.donate-message textarea').fill('愿母校常青');
    expect(await page.locator('.donate-pay').textContent()).toBe('支付 ¥30.00');
    await settledScreenshot(page, 'journey-giving-donate');
    await page.locator('.donate-pay').click();

    // The thank-you message: the H5 build asks with a look-alike of WeChat's dialog.
    await page.locator('.taro-model__confirm').click({ timeout: 30_000 });
    await page.locator('.donate-simulate__pay').waitFor({ timeout: 30_000 });
    expect(await page.locator('.donate-simulate__amount').textContent()).toBe('¥30.00');
    await settledScreenshot(page, 'journey-giving-simulate');
    await page.locator('.donate-simulate__pay').click();

    const trees = page.locator('.certificate__trees');
    await trees.waitFor({ timeout: 60_000 });
    expect(await trees.textContent()).toBe(`你种下了第 ${(before.unitsRaised + 1).toLocaleString('en-US')} 棵树`);
    expect(await page.locator('.certificate__name').textContent()).toBe(donorName);
    certificateNo = (await page.locator('.certificate__no').textContent())!.replace('证书编号 ', '');
    expect(certificateNo).toMatch(/^GIV-[0-9A-Fa-f]{8}-\d{6}$/);
    await settledScreenshot(page, 'journey-giving-certificate');
    expect(alumnus.problems).toEqual([]);
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
    expect(alumnus.problems).toEqual([]);
  });

  it('staff record what the money did; it shows on the drive’s 善款去向', async () => {
    const { page } = staff;
    await page.goto(`${app.server.url}/#/packages/account/pages/sign-in/index`);
    await page.locator('.sign-in__account', { hasText: '管理员' }).click({ timeout: 30_000 });
    await page.locator('.me-sign-out').waitFor();
    await page.goto(`${app.server.url}/#/packages/staff/pages/campaigns/index`);
    await shown(page, '.staff-campaigns .campaign-card', SAPLING_TITLE).click({ timeout: 30_000 });
    await shown(page, '.campaign-fund-use-amount input').fill('3600');
    await shown(page, '.campaign-fund-use-purpose textarea').fill('在南校区东坡种下 120 棵树苗');
    await shown(page, '.campaign-fund-use').scrollIntoViewIfNeeded();
    await settledScreenshot(page, 'journey-giving-staff-fund-use');
    await shown(page, '.campaign-fund-use-submit').click();
    await page.locator('.taro-model__confirm').click();
    await shown(page, '.editor-hint', '已公示使用 ¥3,600.00').waitFor({ timeout: 30_000 });
    expect(staff.problems).toEqual([]);

    await alumnus.page.reload();
    const entry = shown(alumnus.page, '.campaign .fund-use-entry', '在南校区东坡种下 120 棵树苗');
    await entry.waitFor({ timeout: 30_000 });
    expect(await shown(alumnus.page, '.campaign .campaign-funds__spent').textContent()).toBe('¥3,600.00');
    await entry.scrollIntoViewIfNeeded();
    await settledScreenshot(alumnus.page, 'journey-giving-fund-use');
  });

  it('我的捐赠 lists the gift as given, with its certificate', async () => {
    const { page } = alumnus;
    await page.goto(`${app.server.url}/#/pages/giving/index`);
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
    expect(alumnus.problems).toEqual([]);
  });
});
