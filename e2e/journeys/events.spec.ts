import { readFileSync } from 'node:fs';
import { formatShanghaiDateTime } from '@alumni/shared';
import { allowMessages, openPhonePage, settledScreenshot } from '../support/browser.js';
import { gradientPng } from '../support/images.js';
import { openPage, reloadPage, signIn, type } from '../support/demo.js';
import { useFreshInstallation } from '../support/installation.js';

/** Screenshots wait for the router's page-slide animation to finish. */

const DAY = 24 * 3600_000;

/**
 * The events loop end to end: staff publish an event with a sign-up question; an alumnus
 * finds it, signs up and shows the ticket; staff type the ticket's short code at the door
 * (twice), and the registrant list and its export show the check-in.
 */
describe('events: publish, sign up, ticket, check-in', () => {
  const app = useFreshInstallation();
  const title = '校友讲堂：毕业二十年再出发';
  let staff: Awaited<ReturnType<typeof openPhonePage>>;
  let alumnus: Awaited<ReturnType<typeof openPhonePage>>;
  let shortCode: string;

  beforeAll(async () => {
    staff = await openPhonePage(app.browser);
    alumnus = await openPhonePage(app.browser);
  });

  it('staff create an event with one required question and publish it', async () => {
    const { page } = staff;
    await signIn(app, page, '管理员');
    await openPage(page, `${app.server.url}/#/packages/staff/pages/index/index`);
    await page.locator('.staff-tool', { hasText: '活动管理' }).click({ timeout: 30_000 });
    await page.locator('.staff-events__new').click();

    const starts = new Date(Date.now() + 2 * DAY);
    await type(page, '.editor-title', title);
    await page.locator('.editor-chip', { hasText: '讲座' }).click();
    await page.locator('.taro-navigation-bar-title', { hasText: '新建活动' }).first().waitFor();
    // The cover is a picture uploaded from the phone, not a link.
    const chooser = page.waitForEvent('filechooser');
    await page.locator('.photo-picker__add').click();
    await (await chooser).setFiles({ name: 'cover.png', mimeType: 'image/png', buffer: gradientPng(640, 360) });
    await page.locator('.photo-picker__tile--done').waitFor({ timeout: 30_000 });
    // The description from the toolbar, checked in the preview.
    await page.locator('.editor-toolbar__button', { hasText: '小标题' }).click();
    await page.locator('.editor-toolbar__button', { hasText: '列表' }).click();
    await page.locator('.editor-preview-toggle').click();
    await page.locator('.editor-preview li', { hasText: '第一项' }).waitFor();
    await page.locator('.editor-preview-toggle').click();
    await type(page, '.editor-startsAt', formatShanghaiDateTime(starts.toISOString()));
    // The time picker opens on the typed time; confirming keeps it.
    await page.locator('.editor-startsAt-time').click();
    await page.locator('.weui-picker__action:visible', { hasText: '确定' }).click();
    await expect.poll(() => page.locator('.editor-startsAt input').inputValue()).toBe(formatShanghaiDateTime(starts.toISOString()));
    await type(page, '.editor-endsAt', formatShanghaiDateTime(new Date(starts.getTime() + 2 * 3600_000).toISOString()));
    await type(page, '.editor-city', '江州');
    await type(page, '.editor-venue', '江州学院 学术报告厅');
    await type(page, '.editor-address', '江州市学府路 1 号');
    await type(page, '.editor-latitude', '30.5123');
    await type(page, '.editor-longitude', '114.3456');
    await type(page, '.editor-capacity', '30');
    await type(page, '.editor-contactName', '王老师');
    await page.locator('.editor-add-question').click();
    const question = page.locator('.editor-question').first();
    await type(page, '.editor-question__label', '是否携带家属？');
    await question.locator('.editor-chip', { hasText: '单选' }).click();
    await type(page, '.editor-question__options', '是\n否');
    await question.locator('.editor-question__required').click();
    await settledScreenshot(page, 'journey-event-editor');

    await page.locator('.editor-save').click();
    await page.locator('.editor-status__chip', { hasText: '草稿' }).waitFor({ timeout: 30_000 });
    await page.locator('.editor-publish').click();
    await page.locator('.taro-model__confirm').click();
    await page.locator('.editor-status__chip', { hasText: '已发布' }).waitFor();
  });

  it('an alumnus finds it by kind, opens it, signs up answering the question and sees the ticket', async () => {
    const { page } = alumnus;
    await signIn(app, page);
    await openPage(page, `${app.server.url}/#/pages/events/index`);
    await page.locator('.events-chip', { hasText: '讲座' }).click({ timeout: 30_000 });
    const card = page.locator('.event-card', { hasText: title });
    await card.waitFor();
    // The seeded events are homecomings, meet-ups and reunions: only ours is an upcoming lecture.
    // Polled: the list of every kind can still be showing our card while the lectures load.
    await expect.poll(() => page.locator('.event-card').count()).toBe(1);
    await settledScreenshot(page, 'journey-events-list');
    await card.click();

    await page.locator('.event-detail__title', { hasText: title }).waitFor();
    expect(await page.locator('.event-detail__seats').textContent()).toBe('剩余 30 个名额（共 30）');
    expect(await page.locator('.event-detail__venue').textContent()).toContain('学术报告厅');
    await settledScreenshot(page, 'journey-event-detail');
    await page.locator('.event-signup').click();

    // The required question stops an empty form before it reaches the server.
    await page.locator('.event-signup-submit').click();
    await page.locator('.signup-question__problem', { hasText: '此题为必答题' }).waitFor();
    await settledScreenshot(page, 'journey-event-signup-required');
    await page.locator('.signup-option', { hasText: '是' }).click();
    await page.locator('.event-signup-submit').click();
    await allowMessages(page, 'journey-event-subscribe');

    // Taro's H5 Image wraps a real <img>.
    const qr = page.locator('.ticket-qr img');
    await qr.waitFor({ timeout: 30_000 });
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(await qr.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    shortCode = (await page.locator('.ticket-short-code').textContent())!.replace(' ', '');
    expect(shortCode).toMatch(/^[0-9A-Z]{8}$/);
    await settledScreenshot(page, 'journey-event-ticket');
  });

  it('staff type the short code at the door: checked in, then already checked in; the list and export show it', async () => {
    const { page } = staff;
    await openPage(page, `${app.server.url}/#/packages/staff/pages/events/index`);
    const item = page.locator('.staff-event', { hasText: title });
    await item.locator('.staff-event__check-in').click({ timeout: 30_000 });

    await type(page, '.check-in-code__input', shortCode.toLowerCase());
    await page.locator('.check-in-code__submit').click();
    await page.locator('.check-in-outcome--ok', { hasText: '已签到' }).waitFor();
    await page.locator('.check-in-head__value', { hasText: '1' }).waitFor();
    await settledScreenshot(page, 'journey-check-in-ok');

    await type(page, '.check-in-code__input', shortCode);
    await page.locator('.check-in-code__submit').click();
    await page.locator('.check-in-outcome--repeat', { hasText: '此前已签到' }).waitFor();
    await settledScreenshot(page, 'journey-check-in-repeat');

    await openPage(page, `${app.server.url}/#/packages/staff/pages/events/index`);
    await page.locator('.staff-event', { hasText: title }).locator('.staff-event__registrants').click({ timeout: 30_000 });
    await page.locator('.registrants-count--checkedIn .registrants-count__value', { hasText: '1' }).waitFor();
    const registrant = page.locator('.registrant').first();
    expect(await registrant.textContent()).toContain('是否携带家属？：是');
    expect(await registrant.locator('.registrant__status').textContent()).toBe('已签到');
    await settledScreenshot(page, 'journey-registrants');

    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.registrants-export--csv').click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const [header, row] = csv.slice(1).split('\r\n');
    expect(header).toContain('是否携带家属？');
    expect(row).toContain('已确认');
    expect(row).toMatch(/,是$/);

    // The alumnus's ticket says so too.
    await reloadPage(alumnus.page);
    await alumnus.page.locator('.ticket-checked-in__title', { hasText: '已签到' }).waitFor({ timeout: 30_000 });
    await settledScreenshot(alumnus.page, 'journey-event-ticket-checked-in');
  });
});
