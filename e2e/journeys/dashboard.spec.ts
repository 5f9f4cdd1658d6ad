import { readFileSync } from 'node:fs';
import type {
  AlumnusEngagementDto,
  DashboardListItemDto,
  DashboardSummaryDto,
  MyProfileDto,
  Page as ListPage,
  RosterCoverageDto,
} from '@alumni/shared';
import type { Page } from 'playwright-core';
import { join } from 'node:path';
import { apiOf } from '../support/api.js';
import { openPhonePage, OUTPUT_DIR, settledScreenshot } from '../support/browser.js';
import { openPage, signIn, type } from '../support/demo.js';
import { useFreshInstallation } from '../support/installation.js';

/** Screenshots wait for the router's page-slide animation to finish. */

/**
 * The staff dashboard on the demo college: the headline figures are the API's, the trend
 * charts draw on a phone, a breakdown switches to 城市, an action list exports as CSV, and
 * a staff member logs a phone call on an alumnus's timeline, which the alumnus then sees
 * in 我的足迹.
 */
describe('dashboard: figures, breakdown, export, timeline', () => {
  const app = useFreshInstallation();
  const names: Record<string, string> = {};
  let staff: Awaited<ReturnType<typeof openPhonePage>>;
  let token: string;

  const { api, session } = apiOf(app);

  /** How many pixels of a chart's canvas are painted: a blank chart has none. */
  const paintedPixels = (page: Page, selector: string) =>
    page
      .locator(`${selector} canvas`)
      .first()
      .evaluate((canvas: HTMLCanvasElement) => {
        const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
        let painted = 0;
        for (let i = 3; i < data.length; i += 4) if (data[i] > 0) painted++;
        return painted;
      });

  beforeAll(async () => {
    for (const account of await api<{ openid: string; displayName: string }[]>('/auth/demo-accounts'))
      names[account.openid] = account.displayName;
    token = (await session('o_demo_staff')).accessToken;
    staff = await openPhonePage(app.browser);
  });

  it('staff open the dashboard: the API’s figures and two trend charts drawn on a phone', async () => {
    const { page } = staff;
    await signIn(app, page, names['o_demo_staff']);
    await openPage(page, `${app.server.url}/#/packages/staff/pages/dashboard/index`);
    const totals = (await api<DashboardSummaryDto>('/staff/dashboard/summary', { token })).totals;
    const headline = (key: string) =>
      page.locator(`.dashboard-headline--${key} .dashboard-headline__value`).textContent({ timeout: 30_000 });
    expect(await headline('alumni')).toBe(String(totals.alumni));
    expect(await headline('verified')).toBe(String(totals.verified));
    expect(await headline('raised')).toMatch(/^¥[\d,]+\.\d{2}$/);
    expect(await page.locator('.dashboard-headline--contact .dashboard-headline__hint').textContent()).toBe(
      `占账户 ${totals.contactCoveragePercent}%`,
    );

    await page.locator('.dashboard-trend--giving canvas').waitFor();
    await page.waitForFunction(() => document.querySelectorAll('.dashboard-trend canvas').length === 2);
    expect(await paintedPixels(page, '.dashboard-trend--participation')).toBeGreaterThan(1000);
    expect(await paintedPixels(page, '.dashboard-trend--giving')).toBeGreaterThan(1000);
    // The charts fit the phone: nothing wider than the screen.
    const widths = await page.locator('.dashboard-trend canvas').evaluateAll((list) => list.map((c) => c.getBoundingClientRect().right));
    for (const right of widths) expect(right).toBeLessThanOrEqual(390);
    await settledScreenshot(page, 'journey-dashboard');
    // The page scrolls inside the H5 router, so each chart is shot on its own, at phone size.
    await page.locator('.dashboard-trends').screenshot({ path: join(OUTPUT_DIR, 'journey-dashboard-trends.png') });
  });

  it('the first figure is coverage against the rosters, by department and by year, with its trend', async () => {
    const { page } = staff;
    const coverage = await api<RosterCoverageDto>('/staff/dashboard/coverage', { token });
    expect(coverage.totals.graduates).toBeGreaterThan(coverage.totals.reached);
    const percent = page.locator('.dashboard-coverage__percent');
    expect(await percent.textContent({ timeout: 30_000 })).toBe(`${coverage.totals.percent}%`);
    expect(await page.locator('.dashboard-coverage__hint').textContent()).toContain(
      `名册毕业生 ${coverage.totals.graduates.toLocaleString('zh-CN')} 人，已认证联系上 ${coverage.totals.reached.toLocaleString('zh-CN')} 人`,
    );
    // Above every other figure on the page.
    const coverageBox = (await page.locator('.dashboard-coverage').boundingBox())!;
    expect(coverageBox.y).toBeLessThan((await page.locator('.dashboard-headlines').boundingBox())!.y);

    const rows = page.locator('.dashboard-coverage__row');
    expect(await rows.count()).toBe(Math.min(coverage.byDepartment.length, 8));
    expect(await rows.first().locator('.dashboard-table__name').textContent()).toBe(coverage.byDepartment[0]!.label);
    expect(await rows.first().locator('.dashboard-coverage__row-percent').textContent()).toBe(`${coverage.byDepartment[0]!.percent}%`);
    await page.locator('.dashboard-coverage__dimension', { hasText: '按届别' }).click();
    await rows.first().locator('.dashboard-table__name', { hasText: coverage.byYear[0]!.label }).waitFor();
    await page.locator('.dashboard-coverage__trend canvas').waitFor();
    expect(await paintedPixels(page, '.dashboard-coverage__trend')).toBeGreaterThan(500);
    await page.locator('.dashboard-coverage').screenshot({ path: join(OUTPUT_DIR, 'journey-dashboard-coverage.png') });
  });

  it('switches the breakdown to 城市: one row per city, ranked by alumni', async () => {
    const { page } = staff;
    const byCity = await api<DashboardSummaryDto>('/staff/dashboard/summary?by=city', { token });
    expect(byCity.groups.length).toBeGreaterThan(1);
    await page.locator('.dashboard-dimension__chip', { hasText: '城市' }).click();
    await page.locator('.dashboard-dimension__chip.dashboard-chip--active', { hasText: '城市' }).waitFor();
    const first = page.locator('.dashboard-breakdown__row').first().locator('.dashboard-table__name');
    await first.waitFor({ timeout: 30_000 });
    const largest = [...byCity.groups].sort((a, b) => b.figures.alumni - a.figures.alumni)[0];
    expect(await first.textContent()).toBe(largest.label);
    expect(await page.locator('.dashboard-breakdown__row').count()).toBe(Math.min(byCity.groups.length, 10));
    expect(await paintedPixels(page, '.dashboard-breakdown__chart')).toBeGreaterThan(500);
    await page.locator('.dashboard-breakdown').screenshot({ path: join(OUTPUT_DIR, 'journey-dashboard-city.png') });

    // Ranked by coverage instead, the bars read as percentages.
    await page.locator('.dashboard-metric__chip', { hasText: '联系覆盖率' }).click();
    await page.locator('.dashboard-metric__chip.dashboard-chip--active', { hasText: '联系覆盖率' }).waitFor();
    await settledScreenshot(page, 'journey-dashboard-city-coverage');
  });

  it('exports an action list as CSV with a BOM and Chinese headers', async () => {
    const { page } = staff;
    await page.locator('.dashboard-list-tab__chip', { hasText: '流失捐赠人' }).click();
    await page.locator('.dashboard-list-tab__chip.dashboard-chip--active', { hasText: '流失捐赠人' }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.dashboard-export--csv').click()]);
    expect(download.suggestedFilename()).toBe('流失捐赠人.csv');
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const [header] = csv.slice(1).split('\r\n');
    expect(header).toBe('姓名,昵称,毕业年份,院系,城市,活跃度,分层,联系方式更新,最近捐赠,累计捐赠');
    await settledScreenshot(page, 'journey-dashboard-lists');
  });

  it('from an action list to an alumnus’s timeline: staff log a visit, and the alumnus’s score rises', async () => {
    const { page } = staff;
    const stale = await api<ListPage<DashboardListItemDto>>('/staff/dashboard/lists/stale-contacts', { token });
    const person = stale.items.find((item) => item.city !== null);
    expect(person, JSON.stringify(stale.items.slice(0, 5))).toBeDefined();
    const name = person!.realName ?? person!.displayName;
    const engagement = () => api<AlumnusEngagementDto>(`/staff/alumni/${person!.alumnusId}/engagement`, { token });
    const before = (await engagement()).score;
    await page.locator('.dashboard-list-tab__chip', { hasText: '两年未更新联系方式' }).click();
    await page.locator('.dashboard-person', { hasText: name }).first().click({ timeout: 30_000 });
    await page.locator('.alumnus-timeline-head__name', { hasText: name }).waitFor({ timeout: 30_000 });
    await page.locator('.alumnus-engagement__value').waitFor();

    // Nothing chosen: the form says so before anything is sent.
    await page.locator('.log-form__submit').click();
    await page.locator('.log-form__problem', { hasText: '请选择互动类型' }).waitFor();
    await page.locator('.log-form__kind--visit').click();
    await type(page, '.log-form__notes', '走访：愿意担任城市群组联络人');
    await page.locator('.log-form__submit').click();
    const newest = page.locator('.timeline-item').first();
    await newest.locator('.timeline-item__kind', { hasText: '校友走访' }).waitFor({ timeout: 30_000 });
    expect(await newest.locator('.timeline-item__note').textContent()).toBe('走访：愿意担任城市群组联络人');
    await settledScreenshot(page, 'journey-alumnus-timeline');

    // A visit counts as taking part: the score the dashboard ranks by goes up.
    expect((await engagement()).score).toBeGreaterThan(before);
  });

  it('an alumnus reads the call staff logged in 我的足迹', async () => {
    const me = await api<MyProfileDto>('/me', { token: (await session('o_demo_001')).accessToken });
    await api(`/staff/alumni/${me.id}/interactions`, {
      token,
      method: 'POST',
      body: { kind: 'phone_call', notes: '邀请参加江州校友聚会' },
    });

    const alumnus = await openPhonePage(app.browser);
    await signIn(app, alumnus.page, names['o_demo_001']);
    await openPage(alumnus.page, `${app.server.url}/#/packages/timeline/pages/mine/index`);
    const newest = alumnus.page.locator('.timeline-item').first();
    await newest.locator('.timeline-item__kind', { hasText: '电话联系' }).waitFor({ timeout: 30_000 });
    expect(await newest.locator('.timeline-item__note').textContent()).toBe('邀请参加江州校友聚会');
    await settledScreenshot(alumnus.page, 'journey-my-timeline');
  });

  it('reads on a desktop browser: the page keeps a readable width, breakdown beside the trends', async () => {
    const desktop = await app.browser.newPage({ viewport: { width: 1280, height: 1000 }, locale: 'zh-CN' });
    await signIn(app, desktop, names['o_demo_staff']);
    await openPage(desktop, `${app.server.url}/#/packages/staff/pages/dashboard/index`);
    await desktop.locator('.dashboard-trend--giving canvas').waitFor({ timeout: 30_000 });
    const breakdown = await desktop.locator('.dashboard-breakdown').boundingBox();
    const trends = await desktop.locator('.dashboard-trends').boundingBox();
    expect(trends!.x).toBeGreaterThan(breakdown!.x + breakdown!.width - 1);
    expect((await desktop.locator('.dashboard').boundingBox())!.width).toBeLessThanOrEqual(1280);
    await desktop.screenshot({ path: join(OUTPUT_DIR, 'journey-dashboard-desktop.png') });
    await desktop.close();
  });

  it('the weights editor refuses an out-of-range weight before sending it', async () => {
    const { page } = staff;
    await openPage(page, `${app.server.url}/#/packages/staff/pages/engagement-weights/index`);
    await type(page, '.weights-weight--events-checked_in', '150');
    await page.locator('.weights-save').click();
    await page.locator('.weights-row__problem', { hasText: '权重为 -100 到 100 之间的数' }).waitFor({ timeout: 30_000 });
    await settledScreenshot(page, 'journey-engagement-weights');
  });
});
