import { formatFen } from '@alumni/shared';
import { getJson } from '../../server/test/server-process.js';
import { openPhonePage, screenshot } from '../support/browser.js';
import { openPage, openTab } from '../support/demo.js';
import { useFreshInstallation } from '../support/installation.js';

/**
 * What a new user sees: the start command's server on a fresh embedded data folder, with
 * the demo seed and the H5 build, opened on a phone-sized screen.
 */
describe('home page on a fresh installation', () => {
  const app = useFreshInstallation();

  it('shows the school, upcoming events and open campaigns from the API', async () => {
    const school = await getJson(`${app.server.url}/api/v1/school`);
    const events = await getJson(`${app.server.url}/api/v1/events?when=upcoming&limit=5`);
    const campaigns = await getJson(`${app.server.url}/api/v1/campaigns?status=open&limit=5`);
    expect(events.items.length).toBeGreaterThan(0);
    expect(campaigns.items.length).toBeGreaterThan(0);

    const { page } = await openPhonePage(app.browser);
    await openPage(page, `${app.server.url}/`);
    await expect.poll(() => page.locator('.home-school-name').first().textContent(), { timeout: 30_000 }).toContain(school.name);
    await page.locator('.event-card').first().waitFor();

    const eventCards = page.locator('.event-card');
    expect(await eventCards.count()).toBe(events.items.length);
    expect(await eventCards.first().textContent()).toContain(events.items[0].title);
    const campaignCards = page.locator('.campaign-card');
    expect(await campaignCards.count()).toBe(campaigns.items.length);
    const first = campaigns.items[0];
    const firstCampaign = await campaignCards.first().textContent();
    expect(firstCampaign).toContain(first.title);
    expect(firstCampaign).toContain(formatFen(first.raisedFen));

    await screenshot(page, 'home');
    await campaignCards.first().scrollIntoViewIfNeeded();
    await screenshot(page, 'home-campaigns');
  });

  it('taps through every tab of the tab bar and back, without a console error', async () => {
    const { page } = await openPhonePage(app.browser);
    await openPage(page, `${app.server.url}/`);
    await page.locator('.home-school-name').first().waitFor({ timeout: 30_000 });
    const tabs = page.locator('.weui-tabbar__item');
    expect(await tabs.locator('.weui-tabbar__label').allTextContents()).toEqual(['首页', '群组', '活动', '捐赠', '我的']);
    for (const [label, route] of [
      ['群组', 'pages/groups/index'],
      ['活动', 'pages/events/index'],
      ['捐赠', 'pages/giving/index'],
      ['我的', 'pages/me/index'],
      ['首页', 'pages/index/index'],
    ]) {
      await openTab(page, label, route);
      await expect.poll(() => tabs.filter({ hasText: label }).getAttribute('class')).toContain('weui-bar__item_on');
    }
    await page.locator('.home-school-name').first().waitFor();
  });

  it('keeps API errors in the one error body next to the app', async () => {
    const res = await fetch(`${app.server.url}/api/v1/nowhere`);
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('ROUTE_NOT_FOUND');
  });
});
