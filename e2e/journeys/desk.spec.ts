import { readFileSync } from 'node:fs';
import {
  type CampaignSummaryDto,
  type ClaimDto,
  type ContentReviewDto,
  type DashboardSummaryDto,
  type EventDetailDto,
  formatFen,
  type Page as ListPage,
  type StaffClaimDto,
  type StaffDonationDto,
  type StaffDonationRefundDto,
  type StaffMonthlyReportDto,
  type StaffRosterEntryDto,
} from '@alumni/shared';
import type { Page } from 'playwright-core';
import { getJson } from '../../server/test/server-process.js';
import { apiOf } from '../support/api.js';
import { openDeskPage, settledScreenshot } from '../support/browser.js';
import { openPage, signIn } from '../support/demo.js';
import { useFreshInstallation } from '../support/installation.js';

/** The H5 router keeps earlier pages in the document, hidden: look only at what is visible. */
const shown = (page: Page, selector: string, hasText?: string) =>
  page.locator(selector, hasText ? { hasText } : {}).filter({ visible: true });

const WAITING = ['宋远舟', '韩知夏', '邵明川'];
/** 待审词 is the fake content check's word for "review" (server/src/wechat/fake/content-security.fake.ts). */
const REVIEWED_BIO = '桌面审核的简介，待审词';

/**
 * Staff at a desk (1440×900): the alumni pages stay a phone-width column, the workbench has a
 * side navigation over every staff area, claims are reviewed in a table and approved several
 * at a time after a confirmation that says how many, a gift is found and refunded from the
 * side panel (and a refund WeChat Pay reports abnormal sent to the school account), an event's registrants are exported (all, and a selection), the roster is
 * filtered, sorted and paged in a table, a bio WeChat wants reviewed is decided from the
 * moderation table's side panel, 月捐 reads as tables, an event is drafted from the keyboard
 * (Tab through the fields, the browser's date-time picker, Enter to save), and the dashboard
 * reads at full width.
 */
describe('desk: the workbench on a computer screen', () => {
  const app = useFreshInstallation();
  const { api, session, simulatePayment } = apiOf(app);
  let desk: Awaited<ReturnType<typeof openDeskPage>>;
  let token: string;
  let gift: StaffDonationDto;

  beforeAll(async () => {
    token = (await session('o_demo_staff')).accessToken;
    // A gift paid through WeChat Pay (the fake): seeded gifts never went through it, so only such a gift can be refunded.
    const donor = (await session('o_demo_003')).accessToken;
    const drive = (await api<ListPage<CampaignSummaryDto>>('/campaigns?limit=50')).items[0]!;
    const order = await api<{ donation: { id: string } }>(`/campaigns/${drive.id}/donations`, {
      method: 'POST',
      token: donor,
      body: { amountFen: 8800, message: '桌面退款' },
    });
    await simulatePayment(order.donation.id, donor);
    gift = (await api<ListPage<StaffDonationDto>>(`/staff/donations?campaignId=${drive.id}&limit=1`, { token })).items[0]!;
    expect(gift.id).toBe(order.donation.id);
    // Three graduates the roster does not know wait for staff.
    const department = (await getJson(`${app.server.url}/api/v1/school`)).departments[0].id as string;
    const { version } = await api<{ version: string }>('/privacy-notice');
    for (const [i, name] of WAITING.entries()) {
      const alumnus = (await session(`o_desk_claim_${i}`)).accessToken;
      await api('/me/consent', { method: 'POST', token: alumnus, body: { version } });
      await api<ClaimDto>('/me/claims', {
        method: 'POST',
        token: alumnus,
        body: { name, graduationYear: 2015, departmentId: department, studentNumber: `DESK-${i}` },
      });
    }
    // A bio WeChat's content check wants a person to look at waits in 内容审核.
    await api('/me', { method: 'PATCH', token: donor, body: { bio: REVIEWED_BIO } });
    desk = await openDeskPage(app.browser);
  });

  it('alumni pages are a phone-width column in the middle, the tab bar inside it', async () => {
    const { page } = desk;
    await signIn(app, page, '管理员');
    const column = (await page.locator('#container').boundingBox())!;
    expect(column.width).toBe(414);
    expect(column.x).toBe((1440 - 414) / 2);
    const tabBar = (await page.locator('.weui-tabbar').boundingBox())!;
    expect(tabBar.x).toBeGreaterThanOrEqual(column.x);
    expect(tabBar.x + tabBar.width).toBeLessThanOrEqual(column.x + column.width);
    expect(tabBar.y + tabBar.height).toBeLessThanOrEqual(900);
    // Body text at a phone's size, not blown up to the window.
    const fontSize = await shown(page, '.me-sign-out').evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
    expect(fontSize).toBeLessThan(20);
    await settledScreenshot(page, 'journey-desk-alumni-column');
  });

  it('the workbench has a side navigation over every staff area and uses the full width', async () => {
    const { page } = desk;
    await shown(page, '.me-entry', '工作台').click();
    await shown(page, '.desk-nav').waitFor({ timeout: 30_000 });
    expect(await page.evaluate(() => document.documentElement.classList.contains('al-desk'))).toBe(true);
    // One entry per tool the workbench lists.
    await shown(page, '.staff-tool').first().waitFor();
    expect(await shown(page, '.desk-nav__item').count()).toBe(await shown(page, '.staff-tool').count());
    expect((await page.locator('#container').boundingBox())!.width).toBe(1440 - 216);
    await settledScreenshot(page, 'journey-desk-workbench');
  });

  it('reviews claims in a table and approves three in one go, after a confirmation that says how many', async () => {
    const { page } = desk;
    await shown(page, '.desk-nav__item', '认证审核').click();
    for (const name of WAITING) await shown(page, '.claims-desk-row', name).waitFor({ timeout: 30_000 });

    // The detail opens beside the list.
    await shown(page, '.claims-desk-row', WAITING[0]).click();
    await shown(page, '.claims-desk-panel .review-card', WAITING[0]).waitFor();
    expect(await shown(page, '.claims-desk-row').count()).toBeGreaterThanOrEqual(3);
    await settledScreenshot(page, 'journey-desk-claims-panel');

    // Sorted by name, filtered to these three, all chosen.
    await shown(page, '.desk-table__sort', '姓名').click();
    await shown(page, '.claims-desk-filter').fill('DESK-');
    expect(await shown(page, '.claims-desk-row').count()).toBe(3);
    for (const name of WAITING) await shown(page, '.claims-desk-row', name).locator('input[type=checkbox]').check();
    await shown(page, '.claims-desk-approve', '批量通过（3）').click();
    await page.locator('.taro-modal__content', { hasText: '将通过 3 条认证' }).waitFor();
    await settledScreenshot(page, 'journey-desk-claims-confirm');
    await page.locator('.taro-model__confirm').click();
    await shown(page, '.bulk-outcome', '已通过 3 条').waitFor({ timeout: 30_000 });
    expect(await shown(page, '.claims-desk-row').count()).toBe(0);
    await settledScreenshot(page, 'journey-desk-claims-approved');

    const approved = await api<ListPage<StaffClaimDto>>('/staff/claims?status=approved&limit=100', { token });
    expect(approved.items.filter((c) => WAITING.includes(c.name))).toHaveLength(3);
  });

  it('finds a gift by its order number and refunds ¥2 of it from the side panel', async () => {
    const { page } = desk;
    await shown(page, '.desk-nav__item', '捐赠明细').click();
    await shown(page, '.donations-desk-row').first().waitFor({ timeout: 30_000 });
    await shown(page, '.donations-desk-q').fill(gift.outTradeNo);
    // Enter in the form searches.
    await shown(page, '.donations-desk-q').press('Enter');
    await expect.poll(() => shown(page, '.donations-desk-row').count(), { timeout: 30_000 }).toBe(1);
    const row = shown(page, '.donations-desk-row', gift.outTradeNo);
    expect(await row.textContent()).toContain(formatFen(gift.amountFen));
    await row.click();
    const panel = shown(page, '.donations-desk-panel');
    await panel.locator('.refund-sheet-amount input').fill('2');
    await panel.locator('.refund-sheet-reason textarea').fill('重复捐赠，部分退回');
    await settledScreenshot(page, 'journey-desk-donation-refund');
    // Enter in the amount asks for the confirmation, as the button does.
    await panel.locator('.refund-sheet-amount input').press('Enter');
    await page.locator('.taro-modal__content', { hasText: '将原路退还 ¥2.00' }).waitFor();
    await page.locator('.taro-model__confirm').click();
    await panel.locator('.donations-desk-state', { hasText: '退款处理中' }).waitFor({ timeout: 30_000 });
    await settledScreenshot(page, 'journey-desk-donation-refunded');
    const [after] = (await api<ListPage<StaffDonationDto>>(`/staff/donations?q=${gift.outTradeNo}`, { token })).items;
    expect(after!.refundableFen).toBe(gift.amountFen - 200);
  });

  it('sends a refund WeChat Pay reports abnormal to the school account from the side panel, and follows it until it settles', async () => {
    const { page } = desk;
    // ¥0.44: the demo's WeChat Pay reports it abnormal (a closed card) a moment after accepting it.
    const refund = await api<{ id: string }>(`/staff/donations/${gift.id}/refunds`, {
      method: 'POST',
      token,
      body: { amountFen: 44, reason: '银行卡已注销' },
    });
    const refunds = () => api<StaffDonationRefundDto[]>(`/staff/donations/${gift.id}/refunds`, { token });
    const stateOf = async () => (await refunds()).find((r) => r.id === refund.id)!.status;
    // By its notification, or (where the notification cannot reach this server) the minute sweep.
    await expect.poll(stateOf, { timeout: 150_000, interval: 1000 }).toBe('abnormal');

    await shown(page, '.donations-desk-search select').selectOption('abnormal');
    await shown(page, '.donations-desk-q').fill('');
    await shown(page, '.donations-desk-q').press('Enter');
    const row = shown(page, '.donations-desk-row', gift.outTradeNo);
    await row.waitFor({ timeout: 30_000 });
    expect(await row.textContent()).toContain('退款异常 ¥0.44');
    await row.click();
    const panel = shown(page, '.donations-desk-panel');
    await panel.locator('.abnormal-refunds__line', { hasText: '¥0.44 · 退款异常：未能原路退回' }).waitFor({ timeout: 30_000 });
    await panel.locator('.abnormal-refund-route--merchant_bank_card').click();
    await settledScreenshot(page, 'journey-desk-abnormal-refund');
    await panel.locator('.abnormal-refund-submit').click();
    await page.locator('.taro-modal__content', { hasText: '退回到学校（商户）结算账户' }).waitFor();
    await settledScreenshot(page, 'journey-desk-abnormal-refund-confirm');
    await page.locator('.taro-model__confirm').click();
    await panel.locator('.abnormal-refunds__line', { hasText: '改退至学校账户，线下退还' }).waitFor({ timeout: 30_000 });
    await settledScreenshot(page, 'journey-desk-abnormal-refund-sent');
    // Followed until WeChat Pay settles it (by its notification, or the minute sweep).
    await expect.poll(stateOf, { timeout: 150_000, interval: 1000 }).toBe('succeeded');
    const [after] = (await api<ListPage<StaffDonationDto>>(`/staff/donations?q=${gift.outTradeNo}`, { token })).items;
    expect(after!.abnormalRefundFen).toBe(0);
  }, 400_000);

  it('exports an event’s registrants: the whole list from the server, and a selection', async () => {
    const { page } = desk;
    const events = (await api<ListPage<EventDetailDto>>('/staff/events?limit=100', { token })).items;
    const event = events.find((e) => e.confirmedCount >= 2)!;
    await openPage(page, `${app.server.url}/#/packages/staff/pages/events-registrants/index?id=${event.id}`);
    await expect.poll(() => shown(page, '.registrants-desk-row').count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
    await settledScreenshot(page, 'journey-desk-registrants');

    const [all] = await Promise.all([page.waitForEvent('download'), shown(page, '.registrants-export--csv').click()]);
    expect(readFileSync((await all.path())!, 'utf8').charCodeAt(0)).toBe(0xfeff);

    const rows = shown(page, '.registrants-desk-row');
    const names = [];
    for (const i of [0, 1]) {
      await rows.nth(i).locator('input[type=checkbox]').check();
      names.push((await rows.nth(i).locator('td').nth(1).textContent())!);
    }
    await shown(page, '.registrants-desk-export-selected', '导出所选（2）').click();
    await page.locator('.taro-modal__content', { hasText: '将导出所选的 2 条记录' }).waitFor();
    const [chosen] = await Promise.all([page.waitForEvent('download'), page.locator('.taro-model__confirm').click()]);
    expect(chosen.suggestedFilename()).toMatch(/^报名名单-所选-.+\.csv$/);
    const lines = readFileSync((await chosen.path())!, 'utf8')
      .slice(1)
      .trim()
      .split('\r\n');
    expect(lines[0]!.startsWith('姓名,届别,状态')).toBe(true);
    expect(lines).toHaveLength(3);
    for (const name of names) expect(lines.some((line) => line.startsWith(`${name},`))).toBe(true);
  });

  it('pages through the roster, then filters it to one year, department and claim state, sorted by name', async () => {
    const { page } = desk;
    await shown(page, '.desk-nav__item', '名册导入').click();
    // The server's first 100 entries, 20 to a page, and more behind 加载更多.
    await expect.poll(() => shown(page, '.roster-desk-row').count(), { timeout: 30_000 }).toBe(20);
    await shown(page, '.desk-pager', '共 100 条（还有未加载的）').waitFor();
    await shown(page, '.desk-button', '加载更多').click();
    await shown(page, '.desk-pager', '共 200 条').waitFor({ timeout: 30_000 });
    await shown(page, '.desk-button', '下一页').click();
    await shown(page, '.desk-pager', '2 / 10').waitFor();

    // Filters go to the server: a year, a department and 未认领, Enter to search.
    const [sample] = (await api<ListPage<StaffRosterEntryDto>>('/staff/roster/entries?claim=unclaimed&limit=1', { token })).items;
    const query = `graduationYear=${sample!.graduationYear}&departmentId=${sample!.department.id}&claim=unclaimed&limit=100`;
    const expected = (await api<ListPage<StaffRosterEntryDto>>(`/staff/roster/entries?${query}`, { token })).items;
    await shown(page, '.roster-desk-department').selectOption(sample!.department.id);
    await shown(page, '.roster-desk-claim-filter').selectOption('unclaimed');
    await shown(page, '.roster-desk-year').fill(String(sample!.graduationYear));
    await shown(page, '.roster-desk-year').press('Enter');
    await expect.poll(() => shown(page, '.desk-pager span').first().textContent(), { timeout: 30_000 }).toBe(`共 ${expected.length} 条`);
    await shown(page, '.desk-table__sort', '姓名').click();
    const names = await shown(page, '.roster-desk-row').evaluateAll((rows) =>
      rows.map((row) => row.querySelectorAll('td')[4]!.textContent),
    );
    expect(names).toEqual(
      expected
        .map((e) => e.name)
        .sort((a, b) => a.localeCompare(b, 'zh-CN'))
        .slice(0, 20),
    );
    for (const text of await shown(page, '.roster-desk-row').allTextContents()) {
      expect(text).toContain(String(sample!.graduationYear));
      expect(text).toContain('未认领');
    }
    await shown(page, '.roster-desk-row', sample!.name).first().click();
    await shown(page, '.roster-desk-panel', '尚未认领').waitFor();
    await settledScreenshot(page, 'journey-desk-roster');
  });

  it('moderates in a table: a bio WeChat wants reviewed is opened beside the queue and approved there', async () => {
    const { page } = desk;
    // Not 群内容审核 nor 职业内容审核: the item whose whole name is 内容审核.
    await shown(page, '.desk-nav__item')
      .filter({ hasText: /^内容审核$/ })
      .click();
    const row = shown(page, '.content-reviews-desk-row', REVIEWED_BIO);
    await row.waitFor({ timeout: 30_000 });
    expect(await row.textContent()).toContain('内容安全检查建议人工复核（类别 20012）');
    await row.click();
    const panel = shown(page, '.content-reviews-desk-panel');
    await panel.locator('.content-review', { hasText: REVIEWED_BIO }).waitFor();
    await settledScreenshot(page, 'journey-desk-moderation');
    await panel.locator('.content-review__approve').click();
    await row.waitFor({ state: 'detached', timeout: 30_000 });
    await panel.waitFor({ state: 'detached' });
    const queue = await api<ListPage<ContentReviewDto>>('/staff/content-reviews?limit=100', { token });
    expect(queue.items.some((item) => item.text === REVIEWED_BIO)).toBe(false);
  });

  it('reads 月捐 as tables: the month’s pledges sorted by amount, one opened beside them, with its missed months', async () => {
    const { page } = desk;
    await shown(page, '.desk-nav__item', '月捐').click();
    const report = await api<StaffMonthlyReportDto>('/staff/monthly-giving', { token });
    expect(report.pledges.length).toBeGreaterThan(0);
    await expect.poll(() => shown(page, '.monthly-desk-row').count(), { timeout: 30_000 }).toBe(Math.min(20, report.pledges.length));
    await shown(page, '.desk-table__sort', '每月金额').click();
    await shown(page, '.desk-table__sort', '每月金额 ↑').click();
    const largest = [...report.pledges].sort((a, b) => b.amountFen - a.amountFen)[0]!;
    const first = shown(page, '.monthly-desk-row').first();
    expect(await first.textContent()).toContain(formatFen(largest.amountFen));
    await first.click();
    const panel = shown(page, '.monthly-desk-panel');
    await panel.waitFor();
    const opened = report.pledges.filter((p) => p.amountFen === largest.amountFen);
    const title = await panel.locator('.desk-panel__title').textContent();
    expect(opened.some((p) => title === `${p.alumnusName} · 每月 ${formatFen(p.amountFen)}`)).toBe(true);
    // The tables use the width beside the side navigation, not a phone's.
    expect((await shown(page, '.staff-monthly').boundingBox())!.width).toBeGreaterThan(1100);
    await settledScreenshot(page, 'journey-desk-monthly');
  });

  it('drafts an event from the keyboard: Tab through the fields, the date-time from the browser’s picker, Enter to save', async () => {
    const { page } = desk;
    await openPage(page, `${app.server.url}/#/packages/staff/pages/events-editor/index`);
    const title = '桌面起草的校友沙龙';
    await shown(page, '.editor-title input').click({ timeout: 30_000 });
    await page.keyboard.type(title);
    // Tab order is reading order: the typed time, its picker, then the next time.
    const focused = () => page.evaluate(() => document.activeElement?.closest('[class*="editor-"]')?.className ?? '');
    await shown(page, '.editor-startsAt input').click();
    await page.keyboard.press('Tab');
    expect(await focused()).toContain('editor-startsAt-picker');
    await shown(page, '.editor-startsAt-picker').fill('2030-05-02T14:00');
    expect(await shown(page, '.editor-startsAt input').inputValue()).toBe('2030-05-02 14:00');
    await shown(page, '.editor-endsAt input').click();
    await page.keyboard.type('2030-05-02 17:00');
    expect(await shown(page, '.editor-endsAt-picker').inputValue()).toBe('2030-05-02T17:00');
    await page.keyboard.press('Shift+Tab');
    expect(await focused()).toContain('editor-startsAt-picker');
    await shown(page, '.editor-venue input').click();
    await page.keyboard.type('江州学院 图书馆报告厅');
    await page.keyboard.press('Tab');
    expect(await focused()).toContain('editor-address');
    await page.keyboard.type('江州市学府路 1 号');
    await settledScreenshot(page, 'journey-desk-event-editor');
    // Enter saves, as 保存为草稿 does.
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url(), { timeout: 30_000 }).toContain('events-editor/index?id=');
    const id = new URL(page.url().replace('#', '')).searchParams.get('id')!;
    const saved = await api<EventDetailDto>(`/staff/events/${id}`, { token });
    expect(saved).toMatchObject({ title, status: 'draft', venue: '江州学院 图书馆报告厅', address: '江州市学府路 1 号' });
    expect(Date.parse(saved.startsAt)).toBe(Date.parse('2030-05-02T14:00:00+08:00'));
    expect(Date.parse(saved.endsAt)).toBe(Date.parse('2030-05-02T17:00:00+08:00'));
    await settledScreenshot(page, 'journey-desk-event-saved');
  });

  it('reads the dashboard at full width: the API’s figures, four headlines in a row', async () => {
    const { page } = desk;
    await shown(page, '.desk-nav__item', '数据看板').click();
    const totals = (await api<DashboardSummaryDto>('/staff/dashboard/summary', { token })).totals;
    const alumni = shown(page, '.dashboard-headline--alumni .dashboard-headline__value');
    await alumni.waitFor({ timeout: 30_000 });
    expect(await alumni.textContent()).toBe(String(totals.alumni));
    const tops = await shown(page, '.dashboard-headline').evaluateAll((list) => list.slice(0, 4).map((h) => h.getBoundingClientRect().top));
    expect(new Set(tops).size).toBe(1);
    await page.waitForFunction(() => document.querySelectorAll('.dashboard-trend canvas').length === 2);
    await settledScreenshot(page, 'journey-desk-dashboard');
  });
});
