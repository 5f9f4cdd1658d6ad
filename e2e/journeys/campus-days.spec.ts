import type { EventDetailDto, StaffCampusDayDto } from '@alumni/shared';
import { openPhonePage, settledScreenshot } from '../support/browser.js';
import { apiOf } from '../support/api.js';
import { openPage, signIn } from '../support/demo.js';
import { useFreshInstallation } from '../support/installation.js';

/**
 * A campus day end to end on the demo college: staff post a 校庆返校日 (through the API) and add
 * its three spots on 工作台 → 返校日与聚会, opening a spot's code to print; 周明远 opens it from the event, scans each spot's code
 * (in the browser, the code's page path is what WeChat's scanner would open), watches the card
 * fill, gets the keepsake (drawn as an image to download) once the set is complete, and sees the day's visitors.
 */
describe('campus day: an alumnus collects every stamp and gets the keepsake', () => {
  const app = useFreshInstallation();
  const { api, session } = apiOf(app);

  it('collects the stamps spot by spot, a second scan changes nothing, the full set gives the keepsake', async () => {
    const staff = (await session('o_demo_staff')).accessToken;
    const inMinutes = (m: number) => new Date(Date.now() + m * 60_000).toISOString();
    const event = await api<EventDetailDto>('/staff/events', {
      method: 'POST',
      token: staff,
      body: {
        title: '建校六十八周年校庆返校日',
        kind: 'campus_day',
        description: '<p>欢迎回家</p>',
        online: false,
        city: '江州',
        venue: '江州学院',
        address: '江州市学府路 1 号',
        latitude: 30.5,
        longitude: 114.3,
        startsAt: inMinutes(10),
        endsAt: inMinutes(300),
        capacity: 500,
        waitlistEnabled: false,
      },
    });
    await api(`/staff/events/${event.id}/publish`, { method: 'POST', token: staff, body: {} });

    // Staff add the spots on 工作台 → 返校日与聚会 and open the first one's code to print.
    const desk = await openPhonePage(app.browser);
    await signIn(app, desk.page, '管理员');
    await openPage(desk.page, `${app.server.url}/#/packages/staff/pages/index/index`);
    await desk.page.locator('.staff-tool', { hasText: '返校日与聚会' }).click({ timeout: 30_000 });
    await desk.page.locator('.st-campus__event', { hasText: event.title }).click({ timeout: 30_000 });
    await desk.page.locator('.st-campus__heading', { hasText: event.title }).waitFor({ timeout: 30_000 });
    for (const [n, name] of ['老校门', '图书馆', '体育场'].entries()) {
      await desk.page.locator('.st-campus__spot-name input').fill(name);
      await desk.page.locator('.st-campus__add-button').click();
      await desk.page.locator('.st-campus__spot-name-text', { hasText: `${n + 1}. ${name}` }).waitFor({ timeout: 30_000 });
    }
    await desk.page.locator('.st-campus__spot', { hasText: '老校门' }).locator('.nut-button', { hasText: '查看二维码' }).click();
    await desk.page.locator('.st-campus__code-image').waitFor({ timeout: 30_000 });
    await settledScreenshot(desk.page, 'journey-campus-day-staff-spots');
    expect(desk.problems).toEqual([]);
    await desk.page.close();
    const { spots } = await api<StaffCampusDayDto>(`/staff/campus-days/${event.id}`, { token: staff });
    expect(spots.map((s) => s.name)).toEqual(['老校门', '图书馆', '体育场']);

    const { page, problems } = await openPhonePage(app.browser);
    await signIn(app, page, '周明远');

    await openPage(page, `${app.server.url}/#/packages/events/pages/detail/index?id=${event.id}`);
    await page.locator('.event-detail__campus-day').click({ timeout: 30_000 });
    await page.locator('.cd-card__progress', { hasText: '已集 0 / 3 枚' }).waitFor({ timeout: 30_000 });
    await settledScreenshot(page, 'journey-campus-day-card');

    const scan = (token: string) =>
      openPage(page, `${app.server.url}/#/packages/campus-days/pages/stamp/index?scene=${encodeURIComponent(`t=${token}`)}`);
    await scan(spots[0]!.token);
    await page.locator('.cd-stamp__title', { hasText: '集到「老校门」印章' }).waitFor({ timeout: 30_000 });
    await page.locator('.cd-card__progress', { hasText: '已集 1 / 3 枚' }).waitFor();
    await settledScreenshot(page, 'journey-campus-day-stamp');
    // The same code again: nothing new.
    await scan(spots[0]!.token);
    await page.locator('.cd-stamp__title', { hasText: '「老校门」已经集过了' }).waitFor({ timeout: 30_000 });

    await scan(spots[1]!.token);
    await page.locator('.cd-card__progress', { hasText: '已集 2 / 3 枚' }).waitFor({ timeout: 30_000 });
    await scan(spots[2]!.token);
    await page.locator('.cd-stamp__done', { hasText: '全部集齐' }).waitFor({ timeout: 30_000 });
    await page.locator('.cd-keepsake__name', { hasText: '周明远' }).waitFor();
    await page.locator('.cd-keepsake__body', { hasText: '是当天第 1 位集齐的校友' }).waitFor();
    // The keepsake drawn as an image to download.
    await page.locator('.cd-keepsake-image__image').waitFor({ timeout: 30_000 });
    await page.locator('.cd-keepsake-image__save', { hasText: '下载返校纪念' }).waitFor();
    await settledScreenshot(page, 'journey-campus-day-keepsake');

    await page.locator('.cd-stamp__day').click();
    await page.locator('.cd-day__wall').click({ timeout: 30_000 });
    await page.locator('.cd-wall__total', { hasText: '今天已有 1 位校友回到母校' }).waitFor({ timeout: 30_000 });
    await settledScreenshot(page, 'journey-campus-day-class-wall');
    expect(problems).toEqual([]);
  });
});
