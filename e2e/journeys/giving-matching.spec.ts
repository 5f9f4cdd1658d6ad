import { type CampaignDetailDto, type CampaignSummaryDto, type Page as ListPage } from '@alumni/shared';
import type { Page } from 'playwright-core';
import { apiOf } from '../support/api.js';
import { openPhonePage, settledScreenshot } from '../support/browser.js';
import { openPage, signIn } from '../support/demo.js';
import { useFreshInstallation } from '../support/installation.js';

const AID_TITLE = '春晖助学基金';
const SPONSOR = '江州科技有限公司';

/** The H5 router keeps earlier pages in the document, hidden: look only at what is visible. */
const shown = (page: Page, selector: string, hasText?: string) =>
  page.locator(selector, hasText ? { hasText } : {}).filter({ visible: true });

/**
 * A sponsor's 1:1 match (配捐) on the demo college: the administrator adds a company's pledge
 * (1:1 up to ¥100) to the student-aid drive in the campaign editor; a new alumnus sees it on
 * the drive, gives ¥50, is told the gift was matched, and the drive then shows ¥50 matched
 * and ¥50 left of the pledge.
 */
describe('giving: a sponsor matches gifts 1:1 up to a cap', () => {
  const app = useFreshInstallation();
  let staff: Awaited<ReturnType<typeof openPhonePage>>;
  let alumnus: Awaited<ReturnType<typeof openPhonePage>>;
  let aid: CampaignSummaryDto;
  const { api } = apiOf(app);

  beforeAll(async () => {
    staff = await openPhonePage(app.browser);
    alumnus = await openPhonePage(app.browser);
    const open = await api<ListPage<CampaignSummaryDto>>('/campaigns?limit=50');
    aid = open.items.find((c) => c.title === AID_TITLE)!;
  });

  it('the administrator adds a 1:1 pledge up to ¥100 in the campaign editor', async () => {
    const { page } = staff;
    await signIn(app, page, '管理员');
    await openPage(page, `${app.server.url}/#/packages/staff/pages/campaigns-editor/index?id=${aid.id}`);
    await shown(page, '.campaign-match-sponsor input').fill(SPONSOR, { timeout: 30_000 });
    await shown(page, '.campaign-match-cap input').fill('100');
    await shown(page, '.campaign-matches-editor').scrollIntoViewIfNeeded();
    await settledScreenshot(page, 'journey-matching-staff-form');
    await shown(page, '.campaign-match-submit').click();
    const confirmation = page.locator('.taro-modal__content', { hasText: SPONSOR });
    await confirmation.waitFor({ timeout: 30_000 });
    expect(await confirmation.textContent()).toContain('1:1 配捐');
    await page.locator('.taro-model__confirm').click();
    const pledge = shown(page, '.campaign-match-pledge', SPONSOR);
    await pledge.waitFor({ timeout: 30_000 });
    expect(await pledge.textContent()).toContain('已配捐 ¥0.00 / ¥100.00');
    await pledge.scrollIntoViewIfNeeded();
    await settledScreenshot(page, 'journey-matching-staff-pledge');
  });

  it('a new alumnus sees the match on the drive, gives ¥50 and is told it was matched', async () => {
    const { page } = alumnus;
    await openPage(page, `${app.server.url}/#/packages/account/pages/sign-in/index`);
    await page.locator('.sign-in__new').click({ timeout: 30_000 });
    await page.locator('.privacy__agree').click({ timeout: 30_000 });
    await page.locator('.me-sign-out').waitFor();

    await openPage(page, `${app.server.url}/#/packages/giving/pages/campaign/index?id=${aid.id}`);
    const card = shown(page, '.campaign .campaign-matches');
    await card.waitFor({ timeout: 30_000 });
    expect(await card.locator('.campaign-match__sponsor').textContent()).toBe(SPONSOR);
    expect(await card.textContent()).toContain('1:1 配捐 · 上限 ¥100.00');
    expect(await card.textContent()).toContain('剩余 ¥100.00');
    await card.scrollIntoViewIfNeeded();
    await settledScreenshot(page, 'journey-matching-campaign');

    await shown(page, '.campaign .campaign-donate').click();
    await page.locator('.donate-chip', { hasText: /^¥50$/ }).click({ timeout: 30_000 });
    expect(await page.locator('.donate-pay').textContent()).toBe('支付 ¥50.00');
    await page.locator('.donate-pay').click();
    const ask = page.locator('.taro-modal__content', { hasText: '接收消息通知' });
    await ask.waitFor({ timeout: 30_000 });
    await page.locator('.taro-model__confirm').click({ timeout: 30_000 });
    await page.locator('.donate-simulate__pay').click({ timeout: 30_000 });

    const matched = page.locator('.donation-matched');
    await matched.waitFor({ timeout: 60_000 });
    expect(await matched.textContent()).toBe('你的捐赠获配捐 ¥50.00，共为项目带来 ¥100.00');
    await settledScreenshot(page, 'journey-matching-certificate');
  });

  it('the drive shows ¥50 matched and ¥50 left, as the API does', async () => {
    const { page } = alumnus;
    await page.locator('.donation-back').click();
    const card = shown(page, '.campaign .campaign-matches');
    await expect.poll(async () => card.locator('.campaign-match').textContent(), { timeout: 30_000 }).toContain('剩余 ¥50.00');
    expect(await card.textContent()).toContain('已配捐 ¥50.00');
    const after = await api<CampaignDetailDto>(`/campaigns/${aid.id}`);
    expect(after.matchedFen).toBe(5000);
    expect(after.matches).toEqual([expect.objectContaining({ sponsorName: SPONSOR, matchedFen: 5000, remainingFen: 5000 })]);
    await card.scrollIntoViewIfNeeded();
    await settledScreenshot(page, 'journey-matching-campaign-after');
  });
});
