import { openPhonePage, settledScreenshot } from '../support/browser.js';
import { openAfresh, openPage, signIn, type } from '../support/demo.js';
import { useFreshInstallation } from '../support/installation.js';

/**
 * Stories end to end on the demo college: staff write a profile of an outstanding alumnus
 * (周明远) and submit it, which asks him in the app; he reads it and agrees; staff publish it; an
 * alumnus finds it from the home page, likes it and shares it — the share card (title, cover,
 * the page it opens) is the one WeChat's onShareAppMessage gets; she reports a comment, which
 * staff take down from 内容审核.
 */
describe('stories: a profile of an outstanding alumnus, consented, published and shared', () => {
  const app = useFreshInstallation();
  const title = `从江州到硅谷：周明远的十年（${Date.now() % 1000}）`;
  let subject: Awaited<ReturnType<typeof openPhonePage>>;
  let reader: Awaited<ReturnType<typeof openPhonePage>>;
  let staff: Awaited<ReturnType<typeof openPhonePage>>;
  let storyUrl: string;

  beforeAll(async () => {
    [subject, reader, staff] = await Promise.all([openPhonePage(app.browser), openPhonePage(app.browser), openPhonePage(app.browser)]);
    await signIn(app, subject.page, '周明远');
    await signIn(app, reader.page, '林小雨');
    await signIn(app, staff.page, '管理员');
  });

  afterAll(() => {
    for (const who of [subject, reader, staff]) expect(who.problems).toEqual([]);
  });

  it('staff write the profile from the workbench and submit it, which asks the alumnus it is about', async () => {
    const { page } = staff;
    await openPage(page, `${app.server.url}/#/packages/staff/pages/index/index`);
    await page.locator('.staff-tool', { hasText: '校友故事' }).click({ timeout: 30_000 });
    await page.locator('.staff-stories__write').click({ timeout: 30_000 });
    await page.locator('.se-kind', { hasText: '杰出校友' }).click({ timeout: 30_000 });
    await type(page, '.se-title', title);
    await type(page, '.se-summary', '2012届计算机校友，扎根互联网行业十年');
    await type(page, '.se-body', '毕业那年，他背着一台旧笔记本去了深圳。\n\n十年后，他回到母校，做了学弟学妹们的导师。');
    await type(page, '.se-subject__search', '周明远');
    await page.locator('.se-subject__item', { hasText: '周明远' }).first().click({ timeout: 30_000 });
    await page.locator('.se-kind', { hasText: '校友导师计划' }).click();
    await settledScreenshot(page, 'journey-stories-editor');
    await page.locator('.se-submit').click();
    await page.locator('.story-manage__status', { hasText: '已请本人确认' }).waitFor({ timeout: 30_000 });
    storyUrl = page.url();
    await settledScreenshot(page, 'journey-stories-submitted');
  });

  it('周明远 hears of it in 消息, reads it and agrees to this version', async () => {
    const { page } = subject;
    await openPage(page, `${app.server.url}/#/packages/messages/pages/index/index`);
    await page.getByText('请确认关于你的文章').first().click({ timeout: 30_000 });
    await page.locator('.story__title', { hasText: title }).waitFor({ timeout: 30_000 });
    await page.locator('.story-consent').waitFor();
    await settledScreenshot(page, 'journey-stories-consent');
    await page.locator('.story-consent__yes').click();
    await page.locator('.story-manage__status', { hasText: '本人已同意' }).waitFor({ timeout: 30_000 });
    expect(await page.locator('.story-consent').count()).toBe(0);
  });

  it('staff publish it from the review list, now that he has agreed', async () => {
    const { page } = staff;
    await openPage(page, `${app.server.url}/#/packages/staff/pages/stories/index`);
    const item = page.locator('.staff-story', { hasText: title });
    await item.locator('.staff-story__consent', { hasText: '本人已同意' }).waitFor({ timeout: 30_000 });
    await settledScreenshot(page, 'journey-stories-review');
    await item.locator('.decision__approve').click();
    await item.waitFor({ state: 'detached', timeout: 30_000 });
  });

  it('an alumnus finds it from the home page, likes it and shares it with its card', async () => {
    const { page } = reader;
    await openPage(page, `${app.server.url}/#/pages/index/index`);
    await page.locator('.home-stories .home-shortcuts__entry', { hasText: '杰出校友' }).click({ timeout: 30_000 });
    await page.locator('.story-card', { hasText: title }).click({ timeout: 30_000 });
    await page.locator('.story__title', { hasText: title }).waitFor({ timeout: 30_000 });
    await page.locator('.story__links', { hasText: '校友导师计划' }).waitFor();
    await page.locator('.story-like').click();
    await page.locator('.story-like', { hasText: '已赞 1' }).waitFor({ timeout: 30_000 });
    await page.locator('.story-share').click();
    const card = page.locator('.story-share-card');
    await card.waitFor({ timeout: 30_000 });
    const id = new URL(page.url().replace('#', '')).searchParams.get('id');
    expect(id).toBe(new URL(storyUrl.replace('#', '')).searchParams.get('id'));
    expect(await card.locator('.story-share-card__title').textContent()).toBe(title);
    expect(await card.getAttribute('data-path')).toBe(`/packages/stories/pages/story/index?id=${id}`);
    await settledScreenshot(page, 'journey-stories-share-card');
    // The poster: the story's words with its mini-program code, drawn in the browser.
    await page.locator('.story-poster-open').click();
    await page.locator('.story-poster__image').waitFor({ timeout: 30_000 });
    await settledScreenshot(page, 'journey-stories-poster');
  });

  it('a reader reports a comment; staff find it in 内容审核 with why, and take it down', async () => {
    const said = `加我微信，代办各类证书（${Date.now() % 1000}）`;
    const { page: writer } = subject;
    await openPage(writer, storyUrl);
    await type(writer, '.story-comments__input', said);
    await writer.locator('.story-comments__send').click({ timeout: 30_000 });
    const own = writer.locator('.story-comment', { hasText: said });
    await own.waitFor({ timeout: 30_000 });
    // My own comment I may delete, not report.
    expect(await own.locator('.story-comment__report').count()).toBe(0);

    // The reader is on the poster page now: back to the story, loaded afresh (the router would show
    // the kept page).
    const { page } = reader;
    await openAfresh(page, storyUrl);
    const theirs = page.locator('.story-comment', { hasText: said });
    await theirs.locator('.story-comment__report').click({ timeout: 30_000 });
    await page.locator('.taro-actionsheet__cell', { hasText: '广告营销' }).click({ timeout: 30_000 });
    await page.getByText('已举报，感谢反馈').waitFor({ timeout: 30_000 });
    await theirs.locator('.story-comment__report').waitFor({ state: 'detached', timeout: 30_000 });
    await settledScreenshot(page, 'journey-stories-comment-reported');

    const { page: desk } = staff;
    await openPage(desk, `${app.server.url}/#/packages/staff/pages/content-reviews/index`);
    const item = desk.locator('.content-review', { hasText: said });
    await item.waitFor({ timeout: 30_000 });
    expect(await item.locator('.content-review__kind').textContent()).toBe('校友故事评论 · 举报');
    expect(await item.locator('.content-review__reason').textContent()).toBe('校友举报：广告营销');
    await settledScreenshot(desk, 'journey-stories-comment-review');
    await item.locator('.content-review__reject').click();
    await item.waitFor({ state: 'detached', timeout: 30_000 });

    await openAfresh(page, storyUrl);
    await page.locator('.story__title', { hasText: title }).waitFor({ timeout: 30_000 });
    await page.locator('.story-comments__title').waitFor();
    expect(await page.locator('.story-comment', { hasText: said }).count()).toBe(0);
  });
});
