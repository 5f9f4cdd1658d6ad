import type { Page } from 'playwright-core';
import { allowMessages, openPhonePage, settledScreenshot } from '../support/browser.js';
import { openPage, signIn, type } from '../support/demo.js';
import { useFreshInstallation } from '../support/installation.js';

/**
 * Careers end to end on the demo college: a student (林小雨, verified against next year's
 * roster) finds a mentor from another industry (周明远, 互联网), is accepted, logs a meeting,
 * closes the pairing and leaves feedback; 周明远 posts an internship, staff approve it and the
 * student says 我感兴趣, sharing only an e-mail address, which the poster sees and marks; staff
 * publish a guide in the resource library, which the student and 周明远 bookmark.
 */
describe('careers: mentoring across industries, the job board, the resource library', () => {
  const app = useFreshInstallation();
  const jobTitle = `新媒体运营实习生（${Date.now() % 1000}）`;
  const guideTitle = `机械类毕业生转行互联网指南（${Date.now() % 1000}）`;
  let student: Awaited<ReturnType<typeof openPhonePage>>;
  let mentor: Awaited<ReturnType<typeof openPhonePage>>;
  let staff: Awaited<ReturnType<typeof openPhonePage>>;
  let mentorshipUrl: string;

  const chip = (page: Page, within: string, label: string) => page.locator(`${within} .cr-chip`, { hasText: label }).first().click();

  beforeAll(async () => {
    [student, mentor, staff] = await Promise.all([openPhonePage(app.browser), openPhonePage(app.browser), openPhonePage(app.browser)]);
    await signIn(app, student.page, '林小雨');
    await signIn(app, mentor.page, '周明远');
    await signIn(app, staff.page, '管理员');
  });

  afterAll(() => {
    for (const who of [student, mentor, staff]) expect(who.problems).toEqual([]);
  });

  it('the student finds a mentor from another industry from the home page and asks for help', async () => {
    const { page } = student;
    await openPage(page, `${app.server.url}/#/pages/index/index`);
    await page.locator('.home-careers .home-shortcuts__entry', { hasText: '找导师' }).click({ timeout: 30_000 });
    await page.locator('.mentor-card').first().waitFor({ timeout: 30_000 });
    await chip(page, '.mentors-industries', '互联网');
    await chip(page, '.mentors-topics', '转行转岗');
    const card = page.locator('.mentor-card', { hasText: '周明远' });
    await card.waitFor({ timeout: 30_000 });
    // 林小雨 studies toward manufacturing: a mentor from the internet industry widens her view.
    await card.locator('.cr-tag', { hasText: '跨行业视角' }).waitFor();
    expect(await page.locator('.mentor-card .cr-tag', { hasText: '跨行业视角' }).count()).toBeGreaterThan(0);
    await settledScreenshot(page, 'journey-careers-mentors');

    await card.click();
    await page.locator('.mentor-ask').waitFor({ timeout: 30_000 });
    await type(page, '.mentor-ask__goals', '机械专业大三，想了解转到互联网产品岗位需要准备什么，作品集该怎么做。');
    await chip(page, '.mentor-ask__industry', '互联网');
    await chip(page, '.mentor-ask__topic', '转行转岗');
    await settledScreenshot(page, 'journey-careers-ask');
    await page.locator('.mentor-ask__submit').click();
    await allowMessages(page, 'journey-careers-ask-messages');
    await page.locator('.mentorship-head', { hasText: '等待导师回复' }).waitFor({ timeout: 30_000 });
    mentorshipUrl = page.url();
    await settledScreenshot(page, 'journey-careers-requested');
  });

  it('the mentor sees the request in 我的辅导 and accepts it with a message', async () => {
    const { page } = mentor;
    await openPage(page, `${app.server.url}/#/pages/me/index`);
    await page.locator('.me-careers').click({ timeout: 30_000 });
    await page.locator('.careers-mine__entry', { hasText: '我的辅导' }).click({ timeout: 30_000 });
    const request = page.locator('.my-mentoring__mentor .mentorship-item', { hasText: '林小雨' });
    await request.locator('.cr-tag', { hasText: '待我回复' }).waitFor({ timeout: 30_000 });
    await settledScreenshot(page, 'journey-careers-my-mentoring');
    await request.click();
    await type(page, '.mentorship-answer__message', '欢迎！周六上午线上聊聊你的作品集。');
    await page.locator('.mentorship-accept').click();
    await allowMessages(page);
    await page.locator('.mentorship-head', { hasText: '辅导中' }).waitFor({ timeout: 30_000 });
    await settledScreenshot(page, 'journey-careers-accepted');
  });

  it('the student logs a meeting, ends the pairing and leaves feedback', async () => {
    const { page } = student;
    await openPage(page, mentorshipUrl);
    await page.locator('.mentorship-reply', { hasText: '周六上午线上聊聊' }).waitFor({ timeout: 30_000 });
    await page.locator('.mentorship-log').click();
    await chip(page, '.mentorship-meeting-form__day', '今天');
    await type(page, '.mentorship-meeting-form__duration', '45');
    await type(page, '.mentorship-meeting-form__notes', '一起梳理了作品集的结构，约好两周后再看修改稿。');
    await page.locator('.mentorship-meeting-form__save').click();
    await allowMessages(page);
    await page.locator('.mentorship-meeting__notes', { hasText: '作品集的结构' }).waitFor({ timeout: 30_000 });
    await settledScreenshot(page, 'journey-careers-meeting');

    await page.locator('.mentorship-close').click();
    await page.locator('.taro-modal__content', { hasText: '结束后不能再记录交流' }).waitFor();
    await page.locator('.taro-model__confirm').click();
    await page.locator('.mentorship-feedback').waitFor({ timeout: 30_000 });
    await chip(page, '.mentorship-feedback__rating', '5 星');
    await type(page, '.mentorship-feedback__comment', '学长很耐心，帮我找到了方向。');
    await page.locator('.mentorship-feedback__submit').click();
    await page.locator('.mentorship-my-feedback', { hasText: '学长很耐心' }).waitFor({ timeout: 30_000 });
    await settledScreenshot(page, 'journey-careers-feedback');

    // The mentor hears of the meeting and the ending through 消息 too.
    await openPage(mentor.page, `${app.server.url}/#/packages/messages/pages/index/index`);
    await mentor.page.getByText('辅导有新的交流记录').first().waitFor({ timeout: 30_000 });
  });

  it('an alumnus posts an internship; it waits for staff, who approve it', async () => {
    const { page } = mentor;
    await openPage(page, `${app.server.url}/#/packages/careers/pages/jobs/index`);
    await page.locator('.jobs-post').click({ timeout: 30_000 });
    await chip(page, '.job-editor__type', '实习');
    await type(page, '.job-editor__title', jobTitle);
    await type(page, '.job-editor__company', '江州云科技');
    await chip(page, '.job-editor__industry', '互联网');
    await type(page, '.job-editor__city', '上海');
    await type(page, '.job-editor__salary-min', '150');
    await type(page, '.job-editor__salary-max', '200');
    await chip(page, '.job-editor', '按天');
    await type(page, '.job-editor__description', '运营公司公众号和视频号，参与选题策划。每周到岗 3 天，实习 3 个月。');
    await type(page, '.job-editor__apply', '在小程序里点“我感兴趣”，留下邮箱即可。');
    await chip(page, '.job-editor__closes', '一个月');
    await settledScreenshot(page, 'journey-careers-job-editor');
    await page.locator('.job-editor__save').click();
    await page.locator('.taro-modal__content', { hasText: '审核通过后' }).waitFor({ timeout: 30_000 });
    await page.locator('.taro-model__confirm').click();
    await page.locator('.job-head', { hasText: '待审核' }).waitFor({ timeout: 30_000 });

    await openPage(staff.page, `${app.server.url}/#/packages/staff/pages/index/index`);
    await staff.page.locator('.staff-tool', { hasText: '职业内容审核' }).click({ timeout: 30_000 });
    const item = staff.page.locator('.review-job', { hasText: jobTitle });
    await item.waitFor({ timeout: 30_000 });
    await settledScreenshot(staff.page, 'journey-careers-review');
    await item.locator('.decision__approve').click();
    await item.waitFor({ state: 'detached', timeout: 30_000 });
  });

  it('the student finds it by keyword and says 我感兴趣, sharing only an e-mail address; the poster sees it and marks it', async () => {
    const { page } = student;
    await openPage(page, `${app.server.url}/#/packages/careers/pages/jobs/index`);
    await type(page, '.jobs-search__input', '新媒体');
    await page.locator('.jobs-search__go').click();
    const card = page.locator('.job-card', { hasText: jobTitle });
    await card.waitFor({ timeout: 30_000 });
    await settledScreenshot(page, 'journey-careers-board');
    await card.click();
    await page.locator('.job-interested').click({ timeout: 30_000 });
    // No phone is bound: only the e-mail box is ticked.
    await page.locator('.job-apply__email-box').click();
    await type(page, '.job-apply__email', 'linxiaoyu@example.com');
    await type(page, '.job-apply__message', '机械专业大三，运营过学院公众号，每周可到岗三天。');
    await settledScreenshot(page, 'journey-careers-apply');
    await page.locator('.job-apply__send').click();
    await allowMessages(page);
    await page.locator('.job-mine__status', { hasText: '已投递' }).waitFor({ timeout: 30_000 });

    const poster = mentor.page;
    await openPage(poster, `${app.server.url}/#/packages/careers/pages/my-jobs/index`);
    await poster.locator('.my-jobs__tab', { hasText: '我发布的' }).click();
    await poster.locator('.job-card', { hasText: jobTitle }).click({ timeout: 30_000 });
    await poster.locator('.job-applications').click({ timeout: 30_000 });
    const application = poster.locator('.application', { hasText: '林小雨' });
    await application.locator('.application__contact', { hasText: 'linxiaoyu@example.com' }).waitFor({ timeout: 30_000 });
    expect(await application.locator('.application__contact').count()).toBe(1);
    await chip(poster, '.application__marks', '已沟通');
    await application.locator('.cr-tag', { hasText: '已沟通' }).waitFor({ timeout: 30_000 });
    await settledScreenshot(poster, 'journey-careers-applications');

    await openPage(page, `${app.server.url}/#/packages/careers/pages/my-jobs/index`);
    await page.locator('.my-application', { hasText: jobTitle }).locator('.cr-tag', { hasText: '已沟通' }).waitFor({ timeout: 30_000 });
    await settledScreenshot(page, 'journey-careers-my-applications');
  });

  it('a staff member publishes a guide in the library; its markup is cleaned on the server', async () => {
    const { page } = staff;
    await openPage(page, `${app.server.url}/#/packages/careers/pages/index/index`);
    await page.locator('.careers-area', { hasText: '职业资料库' }).click({ timeout: 30_000 });
    await page.locator('.library-write').click({ timeout: 30_000 });
    await chip(page, '.resource-editor__kind', '求职指南');
    await type(page, '.resource-editor__title', guideTitle);
    await type(page, '.resource-editor__summary', '从作品集到面试，机械背景同学转向产品和运营岗位的准备路线。');
    await chip(page, '.resource-editor__topic', '转行转岗');
    await chip(page, '.resource-editor__industry', '互联网');
    await type(
      page,
      '.resource-editor__body',
      '<h2>第一步：作品集</h2><p onclick="alert(1)">把课程设计写成<strong>产品案例</strong>。<script>alert(2)</script></p><ul><li>一页简历</li><li>两个项目</li></ul>',
    );
    await settledScreenshot(page, 'journey-careers-resource-editor');
    await page.locator('.resource-editor__submit').click();
    await page.locator('.taro-modal__content', { hasText: '已出现在职业资料库中' }).waitFor({ timeout: 30_000 });
    await page.locator('.taro-model__confirm').click();
    await page.locator('.resource-head', { hasText: guideTitle }).waitFor({ timeout: 30_000 });
    // The guide's text shows as written; what could run was dropped before it was stored.
    await page.locator('.resource-body h2', { hasText: '第一步：作品集' }).waitFor({ timeout: 30_000 });
    await page.locator('.resource-body strong', { hasText: '产品案例' }).waitFor();
    expect(await page.locator('.resource-body script, .resource-body [onclick]').count()).toBe(0);
    await settledScreenshot(page, 'journey-careers-resource-published');
  });

  it('the student finds the guide in the library and bookmarks it; so does 周明远, and it is in his bookmarks', async () => {
    const { page } = student;
    await openPage(page, `${app.server.url}/#/packages/careers/pages/library/index`);
    await type(page, '.library-search__input', '转行');
    await page.locator('.library-search__go').click();
    const card = page.locator('.resource-card', { hasText: guideTitle });
    await card.waitFor({ timeout: 30_000 });
    await settledScreenshot(page, 'journey-careers-library');
    await card.click();
    await page.locator('.resource-bookmark', { hasText: '收藏' }).click({ timeout: 30_000 });
    await page.locator('.resource-bookmark', { hasText: '已收藏' }).waitFor({ timeout: 30_000 });
    await page.locator('.resource-head__bookmarks', { hasText: '1 收藏' }).waitFor();
    await settledScreenshot(page, 'journey-careers-resource-bookmarked');

    const alumnus = mentor.page;
    await openPage(alumnus, `${app.server.url}/#/packages/careers/pages/library/index`);
    await alumnus.locator('.resource-card', { hasText: guideTitle }).click({ timeout: 30_000 });
    await alumnus.locator('.resource-head__bookmarks', { hasText: '1 收藏' }).waitFor({ timeout: 30_000 });
    await alumnus.locator('.resource-bookmark', { hasText: '收藏' }).click();
    await alumnus.locator('.resource-head__bookmarks', { hasText: '2 收藏' }).waitFor({ timeout: 30_000 });
    await openPage(alumnus, `${app.server.url}/#/packages/careers/pages/index/index`);
    await alumnus.locator('.careers-mine__entry', { hasText: '我的收藏与资料' }).click({ timeout: 30_000 });
    await alumnus.locator('.resource-card', { hasText: guideTitle }).locator('.resource-card__foot', { hasText: '已收藏' }).waitFor({
      timeout: 30_000,
    });
    await settledScreenshot(alumnus, 'journey-careers-my-bookmarks');
  });
});
