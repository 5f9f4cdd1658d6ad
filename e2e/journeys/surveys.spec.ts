import type { Page } from 'playwright-core';
import { openPhonePage, settledScreenshot } from '../support/browser.js';
import { openPage, reloadPage, signIn, type } from '../support/demo.js';
import { useFreshInstallation } from '../support/installation.js';

/**
 * A survey as association research does it, on the demo college: staff build a questionnaire
 * (single, multiple and scale questions) for every verified alumnus and send it; 周明远
 * answers it in the mini-program; staff enter paper questionnaires from a CSV — a file with a
 * bad row is refused whole with the row named, the corrected one goes in — and read issued,
 * returned and valid, the percentage tables by college and the sample-size check.
 */
describe('surveys: sent, answered online and on paper, read as tables by college', () => {
  const app = useFreshInstallation();
  const title = `2026 年校友发展状况调查（${Date.now() % 1000}）`;
  let alumnus: Awaited<ReturnType<typeof openPhonePage>>;
  let staff: Awaited<ReturnType<typeof openPhonePage>>;
  let surveyUrl: string;

  const confirm = async (page: Page, text: string) => {
    await page.locator('.taro-modal__content', { hasText: text }).waitFor({ timeout: 30_000 });
    await page.locator('.taro-model__confirm').click();
  };
  const csv = (lines: string[]) => ({ name: '纸质问卷.csv', mimeType: 'text/csv', buffer: Buffer.from(`\ufeff${lines.join('\r\n')}\r\n`) });

  beforeAll(async () => {
    [alumnus, staff] = await Promise.all([openPhonePage(app.browser), openPhonePage(app.browser)]);
    await signIn(app, alumnus.page, '周明远');
    await signIn(app, staff.page, '管理员');
  });

  afterAll(() => {
    for (const who of [alumnus, staff]) expect(who.problems).toEqual([]);
  });

  it('staff build a questionnaire for every verified alumnus and send it', async () => {
    const { page } = staff;
    await openPage(page, `${app.server.url}/#/packages/staff/pages/index/index`);
    await page.locator('.staff-tool', { hasText: '问卷调查' }).click({ timeout: 30_000 });
    await page.locator('.staff-votes__new').click({ timeout: 30_000 });
    await type(page, '.survey-title', title);
    await type(page, '.survey-intro', '了解校友的工作城市、需要和对校友会的评价，约 2 分钟。');
    await type(page, '.survey-question--1 .survey-question__title', '您目前在哪个城市工作');
    await type(page, '.survey-question--1 .survey-question__options', '江州\n上海\n其他城市');
    await page.locator('.survey-add--multiple').click();
    await type(page, '.survey-question--2 .survey-question__title', '希望校友会提供哪些服务');
    await type(page, '.survey-question--2 .survey-question__options', '职业发展\n校友活动\n继续教育\n子女入学咨询');
    await page.locator('.survey-add--scale').click();
    await type(page, '.survey-question--3 .survey-question__title', '您对校友会工作的总体满意度');
    await type(page, '.survey-paper', '200');
    await type(page, '.survey-min-seconds', '0');
    await page.locator('.audience-size', { hasText: '位认证校友' }).waitFor({ timeout: 30_000 });
    await settledScreenshot(page, 'journey-surveys-editor');
    await page.locator('.survey-save').click();
    await page.waitForURL(/id=/, { timeout: 30_000 });
    const id = new URL(page.url().replace('#', '')).searchParams.get('id');
    await openPage(page, `${app.server.url}/#/packages/staff/pages/survey/index?id=${id}`);
    await page.locator('.sv-send').click({ timeout: 30_000 });
    await confirm(page, '题目随即固定');
    await page.locator('.sv-status', { hasText: '回收中' }).waitFor({ timeout: 30_000 });
    surveyUrl = page.url();
  });

  it('an alumnus answers it in the mini-program, once', async () => {
    const { page } = alumnus;
    await openPage(page, `${app.server.url}/#/pages/me/index`);
    await page.locator('.me-governance').click({ timeout: 30_000 });
    await page.locator('.gov-area--surveys').click({ timeout: 30_000 });
    await page.locator('.my-survey', { hasText: title }).click({ timeout: 30_000 });
    await page.locator('.answer-question--q1').waitFor({ timeout: 30_000 });
    // A required question left out is named before anything is sent.
    await page.locator('.answer-submit').click();
    await page.locator('.answer-question--flagged.answer-question--q1').waitFor();
    await page.locator('.answer-question--q1 .answer-option', { hasText: '上海' }).click();
    await page.locator('.answer-question--q2 .answer-option', { hasText: '职业发展' }).click();
    await page.locator('.answer-question--q2 .answer-option', { hasText: '继续教育' }).click();
    await page.locator('.answer-question--q3 .answer-scale__point', { hasText: '4' }).click();
    await settledScreenshot(page, 'journey-surveys-answer');
    await page.locator('.answer-submit').click();
    await page.locator('.answer-done').waitFor({ timeout: 30_000 });
    await reloadPage(page);
    await page.locator('.answer-done').waitFor({ timeout: 30_000 });
    expect(await page.locator('.answer-submit').count()).toBe(0);
    await settledScreenshot(page, 'journey-surveys-answered');
  });

  it('staff enter paper questionnaires: a bad row refuses the file whole, the corrected file goes in', async () => {
    const { page } = staff;
    await openPage(page, surveyUrl);
    await page.locator('.sv-figure--returned .sv-figure__value', { hasText: '1' }).waitFor({ timeout: 30_000 });
    const header = '第1题,第2题,第3题,学院';
    await page
      .locator('.sv-import__file')
      .setInputFiles(csv([header, '江州,职业发展;校友活动,5,机械工程学院', '火星,校友活动,3,经济管理学院', '上海,2,9,经济管理学院']));
    await page.locator('.sv-problems__row', { hasText: '第 3 行' }).waitFor({ timeout: 30_000 });
    await page.locator('.sv-problems__row', { hasText: '第 4 行' }).waitFor();
    expect(await page.locator('.sv-import__commit').getAttribute('class')).toMatch(/disabled/);
    await settledScreenshot(page, 'journey-surveys-import-problems');

    await page.locator('.sv-preview .nut-button', { hasText: '重新选择' }).click();
    await page
      .locator('.sv-import__file')
      .setInputFiles(csv([header, '江州,职业发展;校友活动,5,机械工程学院', '江州,B,3,经济管理学院', '上海,A、C,4,经济管理学院']));
    await page.locator('.sv-preview__summary', { hasText: '共 3 行，全部可以读取' }).waitFor({ timeout: 30_000 });
    await page.locator('.sv-import__commit').click();
    await page.locator('.sv-import__inserted', { hasText: '已录入 3 份问卷' }).waitFor({ timeout: 30_000 });
    await page.locator('.sv-figure--returned .sv-figure__value', { hasText: '4' }).waitFor({ timeout: 30_000 });
    await page.locator('.sv-figure--issued .sv-figure__hint', { hasText: '纸质 200' }).waitFor();
  });

  it('the results page shows the percentage tables by college and the sample-size check', async () => {
    const { page } = staff;
    await page.locator('.sv-by--院系').click({ timeout: 30_000 });
    const q1 = page.locator('.sv-question--q1');
    await q1.locator('.sv-table__row--head', { hasText: '经济管理学院' }).waitFor({ timeout: 30_000 });
    // 江州: 2 of 4 overall (50%), 1 of 2 in 经济管理学院 (50%), 1 of 1 in 机械工程学院 (100%).
    await q1.locator('.sv-table__row', { hasText: '江州' }).locator('.sv-table__cell--figure', { hasText: '2（50%）' }).waitFor();
    await q1.locator('.sv-table__row', { hasText: '江州' }).locator('.sv-table__cell--figure', { hasText: '1（100%）' }).waitFor();
    // Multiple choice: the share of respondents and the share of all choices made.
    await page.locator('.sv-question--q2 .sv-table__cell--figure', { hasText: '占选择' }).first().waitFor();
    await page.locator('.sv-question--q3 .sv-table__row--mean').waitFor();

    const sample = page.locator('.sv-sample');
    await sample.locator('.sv-sample__needed', { hasText: '需要有效样本' }).waitFor();
    await type(page, '.sv-sample__population', '');
    await sample.locator('.sv-sample__needed', { hasText: '385' }).waitFor();
    await sample.locator('.sv-sample__status', { hasText: '当前有效 4 份，还差 381 份' }).waitFor();
    await settledScreenshot(page, 'journey-surveys-results');
  });
});
