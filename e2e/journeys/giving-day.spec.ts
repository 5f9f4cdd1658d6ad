import { formatFen, type GivingDayDto, type GivingDayLiveDto } from '@alumni/shared';
import type { Page } from 'playwright-core';
import { apiOf } from '../support/api.js';
import { openPhonePage, settledScreenshot } from '../support/browser.js';
import { goBack, openPage, signIn } from '../support/demo.js';
import { useFreshInstallation } from '../support/installation.js';

const AID_TITLE = '春晖助学基金';
const DAY_TITLE = '百年校庆捐赠日';

/** The H5 router keeps earlier pages in the document, hidden: look only at what is visible. */
const shown = (page: Page, selector: string, hasText?: string) =>
  page.locator(selector, hasText ? { hasText } : {}).filter({ visible: true });

const beijingMinute = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

/**
 * A giving day with a class challenge on the demo college: staff set the day (today, the
 * student-aid drive, a class challenge by donors) and publish it; an alumnus of a class opens
 * it from the giving tab, sees the countdown and live totals, gives ¥10 from the page, and
 * back on it sees the totals and the class board move without reloading. Staff then raise the
 * running day's goal, which the alumnus's open page shows by itself; the alumnus makes the
 * day's share poster with its mini-program code and downloads it.
 */
describe('giving: a giving day with a class challenge and live totals', () => {
  const app = useFreshInstallation();
  let staff: Awaited<ReturnType<typeof openPhonePage>>;
  let alumnus: Awaited<ReturnType<typeof openPhonePage>>;
  let day: GivingDayDto;
  const { api } = apiOf(app);

  beforeAll(async () => {
    staff = await openPhonePage(app.browser);
    alumnus = await openPhonePage(app.browser);
  });

  it('staff set the day with the student-aid drive and a class challenge, and publish it', async () => {
    const { page } = staff;
    await signIn(app, page, '管理员');
    await openPage(page, `${app.server.url}/#/packages/staff/pages/index/index`);
    await shown(page, '.staff-tool', '捐赠日').click({ timeout: 30_000 });
    await shown(page, '.giving-day-editor-title input').fill(DAY_TITLE, { timeout: 30_000 });
    await shown(page, '.giving-day-editor-startsAt input').fill(beijingMinute(Date.now() - 3600_000));
    await shown(page, '.giving-day-editor-endsAt input').fill(beijingMinute(Date.now() + 6 * 3600_000));
    await shown(page, '.giving-day-editor-goalYuan input').fill('10000');
    await shown(page, '.giving-day-editor-goalDonors input').fill('100');
    await shown(page, '.giving-day-editor-campaign', AID_TITLE).click();
    // The class challenge by donors is set by default.
    expect(await shown(page, '.giving-day-editor-classChallenge-donors').getAttribute('class')).toContain('editor-chip--active');
    await settledScreenshot(page, 'journey-giving-day-staff');
    await shown(page, '.giving-day-editor-publish').click();
    await shown(page, '.staff-giving-day', DAY_TITLE).waitFor({ timeout: 30_000 });
    [day] = await api<GivingDayDto[]>('/giving-days');
    expect(day).toMatchObject({
      title: DAY_TITLE,
      status: 'published',
      challenges: [expect.objectContaining({ kind: 'class_competition' })],
    });
  });

  it('an alumnus opens the day from the giving tab: countdown, totals, the class challenge', async () => {
    const { page } = alumnus;
    // o_demo_001's class gives on the demo; the seed's gifts were before the day, so the day starts at zero.
    await signIn(app, page);
    await openPage(page, `${app.server.url}/#/pages/giving/index`);
    await shown(page, '.giving-day-banner', DAY_TITLE).click({ timeout: 30_000 });
    await shown(page, '.giving-day__title', DAY_TITLE).waitFor({ timeout: 30_000 });
    expect(await shown(page, '.giving-day__clock-label').textContent()).toBe('距结束');
    expect(await shown(page, '.giving-day__clock-value').textContent()).toMatch(/^0[56]:\d\d:\d\d$/);
    expect(await shown(page, '.giving-day-totals__amount').textContent()).toBe(formatFen(0));
    await settledScreenshot(page, 'journey-giving-day-before');
  });

  it('gives ¥10 from the day’s campaign; back on the day, totals and the class board moved by themselves', async () => {
    const { page } = alumnus;
    await shown(page, '.giving-day-campaign', AID_TITLE).click();
    await shown(page, '.campaign .campaign-donate').click({ timeout: 30_000 });
    await page.locator('.donate-chip', { hasText: /^¥10$/ }).click({ timeout: 30_000 });
    await page.locator('.donate-pay').click();
    const ask = page.locator('.taro-modal__content', { hasText: '接收消息通知' });
    await ask.waitFor({ timeout: 30_000 });
    await page.locator('.taro-model__confirm').click({ timeout: 30_000 });
    await page.locator('.donate-simulate__pay').click({ timeout: 30_000 });
    await page.locator('.certificate__image img').waitFor({ timeout: 60_000 });
    await page.locator('.donation-back').click();
    await shown(page, '.campaign .campaign__title', AID_TITLE).waitFor({ timeout: 30_000 });
    await goBack(page);
    await shown(page, '.giving-day__title', DAY_TITLE).waitFor({ timeout: 30_000 });
    // The page reads its figures again every few seconds.
    await expect.poll(() => shown(page, '.giving-day-totals__amount').textContent(), { timeout: 30_000 }).toBe(formatFen(1000));
    const live = await api<GivingDayLiveDto>(`/giving-days/${day.id}`);
    expect(live.totals).toMatchObject({ raisedFen: 1000, donors: 1, gifts: 1 });
    const board = shown(page, '.giving-day-classes .giving-day-board__row').first();
    await board.waitFor({ timeout: 30_000 });
    expect(await board.locator('.giving-day-board__name').textContent()).toBe(live.classBoard.entries[0]!.name);
    expect(await board.locator('.giving-day-board__figure').textContent()).toBe('1 人');
    expect(await shown(page, '.giving-day-challenge--class_competition .giving-day-challenge__progress').textContent()).toBe(
      `领先：${live.classBoard.entries[0]!.name} · 1 人`,
    );
    await settledScreenshot(page, 'journey-giving-day-after');
  });

  it('staff raise the running day’s goal; the alumnus’s open page shows it without reloading', async () => {
    await shown(staff.page, '.staff-giving-day', DAY_TITLE).locator('.staff-giving-day__edit').click();
    // Running: the editor says what may still change.
    await shown(staff.page, '.giving-day-editor-running').waitFor({ timeout: 30_000 });
    const goal = shown(staff.page, '.giving-day-editor-goalYuan input');
    expect(await goal.inputValue()).toBe('10000.00');
    await goal.fill('20000');
    await shown(staff.page, '.giving-day-editor-save').click();
    await shown(staff.page, '.staff-giving-day__meta', formatFen(2_000_000)).waitFor({ timeout: 30_000 });
    expect((await api<GivingDayLiveDto>(`/giving-days/${day.id}`)).day.goalFen).toBe(2_000_000);
    await settledScreenshot(staff.page, 'journey-giving-day-edited');

    const { page } = alumnus;
    await expect
      .poll(() => shown(page, '.giving-day-totals__goal').textContent(), { timeout: 30_000 })
      .toBe(`目标 ${formatFen(2_000_000)}`);
    // What was given stays.
    expect(await shown(page, '.giving-day-totals__amount').textContent()).toBe(formatFen(1000));
  });

  it('the alumnus makes the day’s share poster with its mini-program code and downloads it', async () => {
    const { page } = alumnus;
    await shown(page, '.giving-day-share__poster', '分享海报').click();
    const poster = shown(page, '.giving-day-poster__image img');
    await poster.waitFor({ timeout: 30_000 });
    // Drawn in the browser (a PNG data URL): the fallback shows only when drawing fails.
    expect(await poster.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    expect(await shown(page, '.giving-day-poster__fallback').count()).toBe(0);
    // The code it drew is the day's: a published day's poster code is an image.
    const live = await api<GivingDayLiveDto>(`/giving-days/${day.id}`);
    const code = await fetch(`${app.server.url}${live.posterCodeUrl}`);
    expect([code.status, code.headers.get('content-type')]).toEqual([200, 'image/png']);
    await poster.scrollIntoViewIfNeeded();
    await settledScreenshot(page, 'journey-giving-day-poster');
    const [download] = await Promise.all([page.waitForEvent('download'), shown(page, '.giving-day-poster__save').click()]);
    expect(download.suggestedFilename()).toBe(`海报-${DAY_TITLE}.png`);
  });
});
