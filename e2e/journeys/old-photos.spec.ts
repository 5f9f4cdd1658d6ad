import { openPhonePage, settledScreenshot } from '../support/browser.js';
import { gradientPng } from '../support/images.js';
import { openPage, reloadPage, signIn, type } from '../support/demo.js';
import { useFreshInstallation } from '../support/installation.js';

/**
 * 老照片 end to end on the demo college: 周明远 uploads an old photo of his class, which WeChat's
 * image check (the fake, by its asynchronous push) passes; 林小雨 finds it on the year's wall,
 * tags herself (shown at once) and tags 周明远, who is asked first and lets his name show.
 */
describe('old photos: an upload the image check passes, a classmate tags herself, a tagged alumnus agrees', () => {
  const app = useFreshInstallation();
  const stamp = Date.now() % 1000;
  const caption = `军训结束那天的合影（${stamp}）`;
  let uploader: Awaited<ReturnType<typeof openPhonePage>>;
  let classmate: Awaited<ReturnType<typeof openPhonePage>>;

  beforeAll(async () => {
    [uploader, classmate] = await Promise.all([openPhonePage(app.browser), openPhonePage(app.browser)]);
    await signIn(app, uploader.page, '周明远');
    await signIn(app, classmate.page, '林小雨');
  });

  afterAll(() => {
    for (const who of [uploader, classmate]) expect(who.problems).toEqual([]);
  });

  it('an alumnus uploads an old class photo, shown once the image check passes it', async () => {
    const { page } = uploader;
    await page.locator('.me-old-photos').click();
    await page.locator('.op-home__upload').waitFor({ timeout: 30_000 });
    await settledScreenshot(page, 'journey-old-photos-home');
    await page.locator('.op-home__upload').click();

    const chooser = page.waitForEvent('filechooser');
    await page.locator('.op-upload .photo-picker__add').click();
    await (await chooser).setFiles({ name: 'junxun.png', mimeType: 'image/png', buffer: gradientPng(320, 240) });
    await page.locator('.op-upload .photo-picker__tile--done').waitFor({ timeout: 30_000 });
    await type(page, '.op-upload__year', '2008');
    await type(page, '.op-upload__place', '体育场');
    await type(page, '.op-upload__caption', caption);
    // His verified class is chosen for him.
    await page.locator('.op-upload__class--on', { hasText: '计科2008级1班' }).waitFor();
    await settledScreenshot(page, 'journey-old-photos-upload');
    await page.locator('.op-upload__submit').click();

    await page.locator('.op-photo__caption', { hasText: caption }).waitFor({ timeout: 30_000 });
    // WeChat answers by push a moment later; until then only he sees it, and is told so.
    await expect
      .poll(
        async () => {
          await reloadPage(page);
          await page.locator('.op-photo__caption').waitFor({ timeout: 30_000 });
          return page.locator('.op-photo__notice').count();
        },
        { timeout: 60_000, interval: 1000 },
      )
      .toBe(0);
    await page.locator('.op-here').waitFor();
    await settledScreenshot(page, 'journey-old-photos-published');
  });

  it('a classmate finds it on the year wall and tags herself, then tags him, who is asked first', async () => {
    const { page } = classmate;
    await page.locator('.me-old-photos').click();
    await page.locator('.op-year', { hasText: '2008' }).click({ timeout: 30_000 });
    await page.locator('.op-tile__caption', { hasText: caption }).click({ timeout: 30_000 });
    await page.locator('.op-tag-me').click({ timeout: 30_000 });
    await page.locator('.op-person--accepted', { hasText: '我' }).waitFor({ timeout: 30_000 });

    await page.locator('.op-tag-classmate').click();
    await page.locator('.op-candidate', { hasText: '周明远' }).click({ timeout: 30_000 });
    await page.locator('.op-person--pending', { hasText: '周明远（待本人确认）' }).waitFor({ timeout: 30_000 });
    await page.locator('.op-here').click();
    await page.locator('.op-people__presence', { hasText: '林小雨说：我在这里' }).waitFor({ timeout: 30_000 });
    await settledScreenshot(page, 'journey-old-photos-tagged');
  });

  it('the tagged alumnus agrees before his name shows', async () => {
    const { page } = uploader;
    await openPage(page, `${app.server.url}/#/packages/old-photos/pages/index/index`);
    const waiting = page.locator('.op-pending__item', { hasText: '林小雨' });
    await waiting.waitFor({ timeout: 30_000 });
    await settledScreenshot(page, 'journey-old-photos-consent');
    await waiting.locator('.op-pending__accept').click();
    await waiting.waitFor({ state: 'detached', timeout: 30_000 });

    const { page: other } = classmate;
    await reloadPage(other);
    await other.locator('.op-person--accepted', { hasText: '周明远' }).waitFor({ timeout: 30_000 });
    await settledScreenshot(other, 'journey-old-photos-names');
  });
});
