import { openPhonePage, settledScreenshot } from '../support/browser.js';
import { openPage, openTab, reloadPage, signIn, type } from '../support/demo.js';
import { useFreshInstallation } from '../support/installation.js';

/**
 * 校友录 contact requests on the demo college: 周明远 finds 林小雨 in 校友录 (我的 → 校友录),
 * asks to be in touch from her card with a note and his e-mail address; 林小雨 opens 我的 →
 * 联系请求, reads the note and accepts, sharing her WeChat ID; then each sees what the other
 * shared — she in her list, he on her card and in 发出的.
 */
describe('校友录: a contact request, accepted, shows both sides what the other shared', () => {
  const app = useFreshInstallation();
  let asker: Awaited<ReturnType<typeof openPhonePage>>;
  let classmate: Awaited<ReturnType<typeof openPhonePage>>;

  beforeAll(async () => {
    [asker, classmate] = await Promise.all([openPhonePage(app.browser), openPhonePage(app.browser)]);
    await signIn(app, asker.page, '周明远');
    await signIn(app, classmate.page, '林小雨');
  });

  afterAll(() => {
    for (const who of [asker, classmate]) expect(who.problems).toEqual([]);
  });

  it('周明远 finds 林小雨 in 校友录 and asks, with a note and his e-mail address', async () => {
    const { page } = asker;
    await openPage(page, `${app.server.url}/#/pages/index/index`);
    await openTab(page, '我的', 'pages/me/index');
    await page.locator('.me-entry', { hasText: '校友录' }).click();
    await type(page, '.directory-search__input', '林小雨');
    await page.locator('.directory-search__button').click();
    await page.locator('.alumnus-item', { hasText: '林小雨' }).first().click({ timeout: 30_000 });
    await page.locator('.contact-section__ask').click({ timeout: 30_000 });
    await type(page, '.contact-form__note', '我是周明远，看到你也在找互联网方向的实习，欢迎随时交流。');
    await page.locator('.contact-form__email-box').click();
    await type(page, '.contact-form__email', 'zhoumingyuan@example.com');
    await settledScreenshot(page, 'journey-contacts-ask');
    await page.locator('.contact-form__send').click();
    await page.getByText('已发送联系请求，等待对方回应').waitFor({ timeout: 30_000 });
  });

  it('林小雨 reads the request in 我的 → 联系请求 and accepts, sharing her WeChat ID', async () => {
    const { page } = classmate;
    await openPage(page, `${app.server.url}/#/pages/index/index`);
    await openTab(page, '我的', 'pages/me/index');
    await page.locator('.me-contacts').click();
    const item = page.locator('.contact-item', { hasText: '周明远' });
    await item.getByText('附言：我是周明远，看到你也在找互联网方向的实习，欢迎随时交流。').waitFor({ timeout: 30_000 });
    await settledScreenshot(page, 'journey-contacts-received');
    await item.locator('.contact-item__accept').click();
    // Whether or not her phone is bound, she shares a WeChat ID.
    await item.locator('.contact-form__wechat-box').click();
    await type(page, '.contact-form__wechat', 'linxiaoyu_2027');
    await item.locator('.contact-form__send').click();
    await item.locator('.contact-item__status', { hasText: '已交换联系方式' }).waitFor({ timeout: 30_000 });
    await item.locator('.shared-contact__email', { hasText: 'zhoumingyuan@example.com' }).waitFor();
    await settledScreenshot(page, 'journey-contacts-accepted');
  });

  it('周明远 sees her WeChat ID on her card and in 发出的', async () => {
    const { page } = asker;
    await reloadPage(page);
    await page.locator('.shared-contact__wechat', { hasText: 'linxiaoyu_2027' }).waitFor({ timeout: 30_000 });
    await settledScreenshot(page, 'journey-contacts-card');
    await openPage(page, `${app.server.url}/#/pages/me/index`);
    await page.locator('.me-contacts').click();
    await page.locator('.contacts-tab', { hasText: '发出的' }).click();
    const item = page.locator('.contact-item', { hasText: '林小雨' });
    await item.locator('.shared-contact__wechat', { hasText: 'linxiaoyu_2027' }).waitFor({ timeout: 30_000 });
    await settledScreenshot(page, 'journey-contacts-sent');
  });
});
