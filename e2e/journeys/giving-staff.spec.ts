import { readFileSync } from 'node:fs';
import {
  type CampaignDetailDto,
  type CampaignSummaryDto,
  type DisbursementDto,
  formatFen,
  formatFenShort,
  type Page as ListPage,
  type ReconciliationDto,
  type StaffDonationDto,
} from '@alumni/shared';
import type { Page } from 'playwright-core';
import { apiOf } from '../support/api.js';
import { openPhonePage, settledScreenshot } from '../support/browser.js';
import { gradientPng } from '../support/images.js';
import { openPage, signIn } from '../support/demo.js';
import { useFreshInstallation } from '../support/installation.js';

const SAPLING_TITLE = '校友林植树：为母校种下一棵树';
const LEDGER_PURPOSE = '为东坡新栽的 40 棵树苗浇水施肥';

/** The H5 router keeps earlier pages in the document, hidden: look only at what is visible. */
const shown = (page: Page, selector: string, hasText?: string) =>
  page.locator(selector, hasText ? { hasText } : {}).filter({ visible: true });

/**
 * The staff side of giving on the demo college: the administrator finds a gift in 捐赠明细
 * from the staff home, refunds part of it, exports that day for finance, checks the
 * reconciliation with WeChat Pay's bill, and publishes a fund-use entry with a photo that
 * then shows on the drive's page; a staff member who is not an administrator sees the gifts
 * but no refund action.
 */
describe('giving, staff side: refund, finance export, reconciliation, fund-use photos', () => {
  const app = useFreshInstallation();
  let admin: Awaited<ReturnType<typeof openPhonePage>>;
  let token: string;
  let gift: StaffDonationDto;
  let today: string;

  const { api, session, simulatePayment } = apiOf(app);

  const beijingDay = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10);

  beforeAll(async () => {
    token = (await session('o_demo_staff')).accessToken;
    admin = await openPhonePage(app.browser);
    // A gift paid today through WeChat Pay (the fake): seeded gifts never went through it, so only such a gift can be refunded.
    const donor = (await session('o_demo_003')).accessToken;
    const open = await api<ListPage<CampaignSummaryDto>>('/campaigns?limit=50');
    const sapling = open.items.find((c) => c.title === SAPLING_TITLE)!;
    const order = await api<{ donation: { id: string } }>(`/campaigns/${sapling.id}/donations`, {
      method: 'POST',
      token: donor,
      body: { amountFen: 6000, message: '愿母校常青' },
    });
    await simulatePayment(order.donation.id, donor);
    const listed = await api<ListPage<StaffDonationDto>>(`/staff/donations?campaignId=${sapling.id}&limit=1`, { token });
    gift = listed.items[0]!;
    expect(gift.id).toBe(order.donation.id);
    today = beijingDay(gift.paidAt!);
  });

  it('the administrator opens 捐赠明细 from the staff home and finds a gift by its order number', async () => {
    const { page } = admin;
    await signIn(app, page, '管理员');
    await openPage(page, `${app.server.url}/#/packages/staff/pages/index/index`);
    await shown(page, '.staff-tool', '捐赠明细').click({ timeout: 30_000 });
    await shown(page, '.giving-donation').first().waitFor({ timeout: 30_000 });

    await shown(page, '.giving-donations-q input').fill(gift.outTradeNo);
    await shown(page, '.giving-donations-search').click();
    await expect.poll(() => shown(page, '.giving-donation').count(), { timeout: 30_000 }).toBe(1);
    const row = shown(page, '.giving-donation').first();
    expect(await row.locator('.giving-donation__amount').textContent()).toBe(formatFen(gift.amountFen));
    expect(await row.textContent()).toContain(gift.campaignTitle);
    await settledScreenshot(page, 'journey-giving-staff-donations');
  });

  it('refunds ¥1 of it: more than is left is refused on the form, the gift then shows the refund in progress', async () => {
    const { page } = admin;
    const row = shown(page, '.giving-donation').first();
    await row.locator('.giving-donation__refund').click();
    const amount = row.locator('.refund-sheet-amount input');
    // Everything that is left, unless changed.
    expect(await amount.inputValue()).toBe(formatFenShort(gift.amountFen).replace(/[¥,]/g, ''));

    await amount.fill(String(gift.amountFen / 100 + 1));
    await row.locator('.refund-sheet-submit').click();
    await row.locator('.refund-sheet__problem', { hasText: '最多可退' }).waitFor();
    await row.locator('.refund-sheet__problem', { hasText: '请填写退款原因' }).waitFor();
    await settledScreenshot(page, 'journey-giving-staff-refund-refused');

    await amount.fill('1');
    await row.locator('.refund-sheet-reason textarea').fill('重复捐赠，部分退回');
    await row.locator('.refund-sheet-submit').click();
    await page.locator('.taro-modal__content', { hasText: '将原路退还 ¥1.00' }).waitFor();
    await page.locator('.taro-model__confirm').click();
    await row.locator('.giving-donation__state', { hasText: '退款处理中' }).waitFor({ timeout: 30_000 });
    await settledScreenshot(page, 'journey-giving-staff-refunded');

    const [after] = (await api<ListPage<StaffDonationDto>>(`/staff/donations?q=${gift.outTradeNo}`, { token })).items;
    expect(after!.refundableFen).toBe(gift.amountFen - 100);
  });

  it('exports the day as CSV, with the gift in it', async () => {
    const { page } = admin;
    await shown(page, '.giving-donations-from input').fill(today);
    await shown(page, '.giving-donations-to input').fill(today);
    await shown(page, '.giving-donations__export-hint', `${today} 至 ${today}`).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), shown(page, '.giving-donations-export--csv').click()]);
    expect(download.suggestedFilename()).toBe(`捐赠明细-${today}-${today}.csv`);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('支付时间,项目,捐赠人,实名,匿名,金额,已退款,份数,证书编号,商户订单号,微信支付订单号,状态');
    expect(lines.filter((line) => line.includes(gift.outTradeNo))).toHaveLength(1);
    await settledScreenshot(page, 'journey-giving-staff-export');
  });

  it('shows a day’s reconciliation with its differences, and offers nothing to “fix” them', async () => {
    const { page } = admin;
    // The fake's bill knows nothing of the seeded gifts: on a day they were paid, each is a difference to look into.
    const seeded = await api<ListPage<StaffDonationDto>>('/staff/donations?limit=100', { token });
    const paidDay = beijingDay(seeded.items.at(-1)!.paidAt!);
    const checked = await api<ReconciliationDto>(`/staff/giving/reconciliations/${paidDay}`, { method: 'POST', token });
    expect(checked.status).toBe('differences');
    await openPage(page, `${app.server.url}/#/packages/staff/pages/index/index`);
    await shown(page, '.staff-tool', '对账差异').click({ timeout: 30_000 });
    const day = shown(page, '.reconciliation', paidDay);
    await day.waitFor({ timeout: 30_000 });
    expect(await day.locator('.reconciliation__difference').count()).toBe(checked.differences.length);
    expect(await day.locator('.reconciliation__kind').first().textContent()).toBe('本系统记为已支付，微信支付账单中没有');
    expect(await shown(page, '.reconciliations button').count()).toBe(0);
    await settledScreenshot(page, 'journey-giving-staff-reconciliation');
  });

  it('publishes a fund-use entry with a photo; the photo shows on the drive’s page', async () => {
    const { page } = admin;
    await openPage(page, `${app.server.url}/#/packages/staff/pages/campaigns/index`);
    await shown(page, '.staff-campaigns .campaign-card', SAPLING_TITLE).click({ timeout: 30_000 });
    await shown(page, '.campaign-fund-use-amount input').fill('1200');
    await shown(page, '.campaign-fund-use-purpose textarea').fill(LEDGER_PURPOSE);
    const chooser = page.waitForEvent('filechooser');
    await shown(page, '.campaign-fund-use .photo-picker__add').click();
    await (await chooser).setFiles({ name: 'watering.png', mimeType: 'image/png', buffer: gradientPng(240, 160) });
    await shown(page, '.campaign-fund-use .photo-picker__tile--done').waitFor({ timeout: 30_000 });
    await shown(page, '.campaign-fund-use').scrollIntoViewIfNeeded();
    await settledScreenshot(page, 'journey-giving-staff-fund-use-photo');
    await shown(page, '.campaign-fund-use-submit').click();
    await page.locator('.taro-model__confirm').click();
    await shown(page, '.campaign-fund-use .photo-picker__tile--done').waitFor({ state: 'detached', timeout: 30_000 });

    const sapling = { id: gift.campaignId };
    const [entry] = (await api<ListPage<DisbursementDto>>(`/campaigns/${sapling.id}/disbursements`)).items;
    expect(entry).toMatchObject({ purpose: LEDGER_PURPOSE, amountFen: 120_000 });
    expect(entry!.photoUrls).toEqual([expect.stringMatching(/^\/api\/v1\/uploads\/campaign-photos\/[0-9a-f-]{36}\.png$/)]);
    expect((await api<CampaignDetailDto>(`/campaigns/${sapling.id}`)).spentFen).toBeGreaterThanOrEqual(120_000);

    // Anyone, signed in or not, sees the entry and its photo on the drive.
    const visitor = await openPhonePage(app.browser);
    await openPage(visitor.page, `${app.server.url}/#/packages/giving/pages/campaign/index?id=${sapling.id}`);
    const shownEntry = shown(visitor.page, '.fund-use-entry', LEDGER_PURPOSE);
    await shownEntry.waitFor({ timeout: 30_000 });
    const photo = shownEntry.locator('.fund-use-entry__photo img');
    await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { timeout: 30_000 }).toBe(240);
    await shownEntry.scrollIntoViewIfNeeded();
    await settledScreenshot(visitor.page, 'journey-giving-staff-fund-use-public');
  });

  it('a staff member who is not an administrator sees the gifts but no refund action', async () => {
    const member = await session('o_demo_002');
    await api(`/admin/staff/${member.alumnus.id}`, { method: 'PUT', token, body: { admin: false } });
    const staff = await openPhonePage(app.browser);
    await signIn(app, staff.page, member.alumnus.displayName);
    await openPage(staff.page, `${app.server.url}/#/packages/staff/pages/giving-donations/index`);
    await shown(staff.page, '.giving-donation').first().waitFor({ timeout: 30_000 });
    expect(await shown(staff.page, '.giving-donation').count()).toBeGreaterThan(0);
    expect(await shown(staff.page, '.giving-donation__refund').count()).toBe(0);
    await settledScreenshot(staff.page, 'journey-giving-staff-not-admin');
  });
});
