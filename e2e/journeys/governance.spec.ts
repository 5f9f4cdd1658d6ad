import type { Page } from 'playwright-core';
import { allowMessages, openPhonePage, settledScreenshot } from '../support/browser.js';
import { openPage, reloadPage, signIn, type } from '../support/demo.js';
import { useFreshInstallation } from '../support/installation.js';

/**
 * Governance end to end on the demo college: staff draft a secret poll for every verified
 * alumnus, publish it, two alumni vote (one ballot each, the secret one kept as counts only),
 * staff close it and publish the result, which the voter reads. Then 周明远 writes a
 * suggestion to the school, 林小雨 co-signs it past the threshold staff set, and staff adopt it
 * with a public answer that the author sees with every step and hears of in 消息.
 */
describe('governance: a secret vote to its published result, a suggestion co-signed and answered', () => {
  const app = useFreshInstallation();
  const stamp = Date.now() % 1000;
  const voteTitle = `校友会章程修订草案表决（${stamp}）`;
  const suggestionTitle = `建议开放图书馆给校友借阅（${stamp}）`;
  let mentor: Awaited<ReturnType<typeof openPhonePage>>;
  let student: Awaited<ReturnType<typeof openPhonePage>>;
  let staff: Awaited<ReturnType<typeof openPhonePage>>;
  let voteUrl: string;

  const confirm = async (page: Page, text: string) => {
    await page.locator('.taro-modal__content', { hasText: text }).waitFor({ timeout: 30_000 });
    await page.locator('.taro-model__confirm').click();
  };
  /** `2026-12-06 12:10` in Beijing time, `minutes` from now. */
  const beijing = (minutes: number) => {
    const at = new Date(Date.now() + minutes * 60_000 + 8 * 3600_000);
    return at.toISOString().slice(0, 16).replace('T', ' ');
  };

  beforeAll(async () => {
    [mentor, student, staff] = await Promise.all([openPhonePage(app.browser), openPhonePage(app.browser), openPhonePage(app.browser)]);
    await signIn(app, mentor.page, '周明远');
    await signIn(app, student.page, '林小雨');
    await signIn(app, staff.page, '管理员');
  });

  afterAll(() => {
    for (const who of [mentor, student, staff]) expect(who.problems).toEqual([]);
  });

  it('staff draft a secret poll for every verified alumnus and publish it', async () => {
    const { page } = staff;
    await openPage(page, `${app.server.url}/#/packages/staff/pages/index/index`);
    await page.locator('.staff-tool', { hasText: '投票选举' }).click({ timeout: 30_000 });
    await page.locator('.staff-votes__new').click({ timeout: 30_000 });
    await type(page, '.vote-title', voteTitle);
    await type(page, '.vote-description', '理事会提交的章程修订草案，请全体认证校友表决。');
    const options = page.locator('.vote-option-label');
    await options.nth(0).locator('input').fill('赞成');
    await options.nth(1).locator('input').fill('反对');
    await page.locator('.vote-add-option').click();
    await options.nth(2).locator('input').fill('弃权');
    await page.locator('.audience-size', { hasText: '位认证校友' }).waitFor({ timeout: 30_000 });
    await type(page, '.vote-opens', beijing(-1));
    await settledScreenshot(page, 'journey-governance-vote-editor');
    await page.locator('.vote-save').click();
    await page.locator('.vote-title').waitFor({ timeout: 30_000 });
    // Saved as a draft, the editor holds its id; the vote's page publishes it.
    await page.waitForURL(/id=/, { timeout: 30_000 });
    const id = new URL(page.url().replace('#', '')).searchParams.get('id');
    await openPage(page, `${app.server.url}/#/packages/staff/pages/governance-vote/index?id=${id}`);
    await page.locator('.svp-step--publish').click({ timeout: 30_000 });
    await confirm(page, '发布后内容不能修改');
    await page.locator('.svp-phase', { hasText: '投票中' }).waitFor({ timeout: 30_000 });
    await settledScreenshot(page, 'journey-governance-vote-published');
    voteUrl = `${app.server.url}/#/packages/governance/pages/vote/index?id=${id}`;
  });

  it('two alumni vote once each from the home page; the secret ballot keeps no choice', async () => {
    for (const [who, choice] of [
      [mentor, '赞成'],
      [student, '反对'],
    ] as const) {
      const { page } = who;
      await openPage(page, `${app.server.url}/#/pages/index/index`);
      await page.locator('.home-participation .home-shortcuts__entry', { hasText: '投票表决' }).click({ timeout: 30_000 });
      await page.locator('.gov-vote', { hasText: voteTitle }).click({ timeout: 30_000 });
      await page.locator('.vote-option', { hasText: choice }).click({ timeout: 30_000 });
      if (who === mentor) await settledScreenshot(page, 'journey-governance-ballot');
      await page.locator('.vote-cast').click();
      await allowMessages(page);
      await confirm(page, '不记录你投给了谁');
      await page.locator('.vote-bar__voted', { hasText: '任何人都无法查到你投给了谁' }).waitFor({ timeout: 30_000 });
      // Nothing on the page remembers the choice once sent.
      expect(await page.locator('.vote-option--on').count()).toBe(0);
      expect(await page.locator('.vote-cast').count()).toBe(0);
    }
    await settledScreenshot(mentor.page, 'journey-governance-voted');
  });

  it('staff close the vote, read the figures and the poll book, and publish the result', async () => {
    const { page } = staff;
    await reloadPage(page);
    await page.locator('.svp-step--close').click({ timeout: 30_000 });
    await confirm(page, '结束后不能再投票');
    await page.locator('.svp-phase', { hasText: '已结束' }).waitFor({ timeout: 30_000 });
    await page.locator('.vote-results__summary', { hasText: '最终结果：2 人投票' }).waitFor({ timeout: 30_000 });
    await page.locator('.vote-results__option', { hasText: '赞成' }).locator('.vote-results__count', { hasText: '1 票 · 50%' }).waitFor();
    // The poll book names who voted, never how: a secret ballot.
    await page.locator('.svp-voter', { hasText: '周明远' }).waitFor({ timeout: 30_000 });
    expect(await page.locator('.svp-voter', { hasText: '赞成' }).count()).toBe(0);
    await type(page, '.svp-note', '章程修订草案获得半数赞成，提交校友代表大会审议。');
    await settledScreenshot(page, 'journey-governance-vote-closed');
    await page.locator('.svp-publish-results').click();
    await page.locator('.svp-card', { hasText: '已公布' }).waitFor({ timeout: 30_000 });
  });

  it('the voter reads the published result and hears of it in 消息', async () => {
    const { page } = mentor;
    await openPage(page, voteUrl);
    await page.locator('.vote-announcement', { hasText: '提交校友代表大会审议' }).waitFor({ timeout: 30_000 });
    await page.locator('.vote-results__summary', { hasText: '最终结果' }).waitFor();
    await settledScreenshot(page, 'journey-governance-result');
    await openPage(page, `${app.server.url}/#/packages/messages/pages/index/index`);
    await page.getByText('投票结果已公布').first().waitFor({ timeout: 30_000 });
  });

  it('staff set the co-signatures a suggestion needs; an alumnus writes one and a classmate co-signs it to the school', async () => {
    await openPage(staff.page, `${app.server.url}/#/packages/staff/pages/governance-suggestions/index`);
    await type(staff.page, '.ss-threshold', '1');
    await staff.page.locator('.ss-settings__save').click();
    await staff.page.getByText('已保存').waitFor({ timeout: 30_000 });

    const { page } = mentor;
    await openPage(page, `${app.server.url}/#/pages/me/index`);
    await page.locator('.me-governance').click({ timeout: 30_000 });
    await page.locator('.gov-area--suggestions').click({ timeout: 30_000 });
    await page.locator('.suggestions-new').click({ timeout: 30_000 });
    await type(page, '.suggest-title', suggestionTitle);
    await page.locator('.gv-chip', { hasText: '校园建设' }).click();
    await type(page, '.suggest-body', '毕业校友回江州工作的很多，希望凭校友认证办理图书馆借阅证，周末也能回校看书。');
    await settledScreenshot(page, 'journey-governance-suggest');
    await page.locator('.suggest-submit').click();
    await allowMessages(page);
    await page.locator('.suggestion-head', { hasText: '征集附议' }).waitFor({ timeout: 30_000 });
    const suggestionUrl = page.url();

    await openPage(student.page, suggestionUrl);
    await student.page.locator('.suggestion-cosign').click({ timeout: 30_000 });
    await allowMessages(student.page);
    await student.page.locator('.suggestion-head', { hasText: '已受理' }).waitFor({ timeout: 30_000 });
    await student.page.locator('.suggestion-bar__cosigned').waitFor();
    await settledScreenshot(student.page, 'journey-governance-cosigned');
  });

  it('staff take it up and adopt it with a public answer; the author sees every step and is told', async () => {
    const { page } = staff;
    await reloadPage(page);
    const item = page.locator('.ss-item', { hasText: suggestionTitle });
    await item.waitFor({ timeout: 30_000 });
    await item.locator('.ss-review').click();
    await item.waitFor({ state: 'detached', timeout: 30_000 });
    await page.locator('.ss-tab--under_review').click();
    const reviewing = page.locator('.ss-item', { hasText: suggestionTitle });
    await reviewing.locator('.ss-answer').click({ timeout: 30_000 });
    await type(page, '.ss-answer__text', '图书馆将于下学期起为认证校友办理借阅证，周末开放。感谢建议！');
    await settledScreenshot(page, 'journey-governance-answer');
    await reviewing.locator('.ss-answer--adopted').click();
    await reviewing.waitFor({ state: 'detached', timeout: 30_000 });

    await openPage(mentor.page, `${app.server.url}/#/packages/governance/pages/suggestions/index`);
    await mentor.page.locator('.gv-chip--answered').click({ timeout: 30_000 });
    await mentor.page.locator('.suggestion-item', { hasText: suggestionTitle }).click({ timeout: 30_000 });
    await mentor.page.locator('.suggestion-answer', { hasText: '为认证校友办理借阅证' }).waitFor({ timeout: 30_000 });
    for (const step of ['征集附议', '已受理', '研究办理中', '已采纳'])
      await mentor.page.locator('.suggestion-step__status', { hasText: step }).first().waitFor();
    await settledScreenshot(mentor.page, 'journey-governance-adopted');
    await openPage(mentor.page, `${app.server.url}/#/packages/messages/pages/index/index`);
    await mentor.page.getByText('建言进度：已采纳').first().waitFor({ timeout: 30_000 });
  });

  it('anyone reads the council page', async () => {
    const { page } = student;
    await openPage(page, `${app.server.url}/#/packages/governance/pages/index/index`);
    await page.locator('.gov-area--council').click({ timeout: 30_000 });
    await page.locator('.council__lead').waitFor({ timeout: 30_000 });
    await settledScreenshot(page, 'journey-governance-council');
  });
});
