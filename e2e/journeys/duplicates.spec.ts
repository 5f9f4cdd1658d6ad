import type {
  AlumnusCardDto,
  CampaignSummaryDto,
  ClaimDto,
  DashboardSummaryDto,
  EventDetailDto,
  EventSummaryDto,
  MyProfileDto,
  Page as ListPage,
  RosterCoverageDto,
  StaffRosterEntryDto,
} from '@alumni/shared';
import { apiOf } from '../support/api.js';
import { openPhonePage, settledScreenshot } from '../support/browser.js';
import { openPage, signIn } from '../support/demo.js';
import { useFreshInstallation } from '../support/installation.js';

/**
 * Staff merge a duplicate: a demo graduate signed in again with another WeChat account, filled
 * in the same name, year, department and class and signed up for an event they were already
 * going to. Staff open 工作台 › 重复记录, scan, compare the two records side by side, keep the
 * one with more history (neither is verified: the demo accounts verify themselves at 我的 ›
 * 校友认证, and this journey does not) and merge; the event counts the person once, the money
 * stays, the dashboard has one alumnus fewer and the old record's card opens the survivor.
 * Then a graduate whose claim missed their roster entry (the year typed one off) is found in the
 * queue's 账号与名册 part, a page at a time, and staff link the account to the entry: verified,
 * one graduate more reached.
 */
describe('duplicate records: staff merge two accounts of one graduate and every total stays right', () => {
  const app = useFreshInstallation();
  const { api, session } = apiOf(app);
  const SECOND = '思远新号';
  let staffToken: string;
  let original: MyProfileDto;
  let secondId: string;
  let event: EventSummaryDto | undefined;

  const totals = async () => ({
    alumni: (await api<DashboardSummaryDto>('/staff/dashboard/summary', { token: staffToken })).totals.alumni,
    raised: (await api<ListPage<CampaignSummaryDto>>('/campaigns?limit=50')).items.reduce(
      (sum: number, c: CampaignSummaryDto) => sum + c.raisedFen,
      0,
    ),
    headcount: event ? (await api<EventDetailDto>(`/events/${event.id}`, { token: staffToken })).confirmedCount : 0,
  });
  let before: Awaited<ReturnType<typeof totals>>;

  beforeAll(async () => {
    staffToken = (await session('o_demo_staff')).accessToken;
    const first = (await session('o_demo_002')).accessToken;
    original = await api<MyProfileDto>('/me', { token: first });
    // The same graduate again, with another WeChat account.
    const second = await session('o_dup_second_account');
    secondId = second.alumnus.id;
    const { version } = await api<{ version: string }>('/privacy-notice');
    await api('/me/consent', { method: 'POST', token: second.accessToken, body: { version } });
    await api('/me', {
      method: 'PATCH',
      token: second.accessToken,
      body: {
        displayName: SECOND,
        realName: original.realName,
        graduationYear: original.graduationYear,
        departmentId: original.department?.id,
        className: original.className,
      },
    });
    // Both sign up for one upcoming event without questions: the headcount counts the person twice.
    const events = await api<ListPage<EventSummaryDto>>('/events?limit=50', { token: first });
    for (const candidate of events.items) {
      const detail = await api<EventDetailDto>(`/events/${candidate.id}`, { token: first });
      if (detail.questions.length > 0 || detail.confirmedCount + 2 > detail.capacity || detail.status !== 'published') continue;
      try {
        for (const token of [first, second.accessToken])
          await api(`/events/${candidate.id}/registrations`, { method: 'POST', token, body: { answers: {} } });
        event = candidate;
        break;
      } catch {
        // Already registered, or not open to one of them: try the next.
      }
    }
    expect(event, 'an upcoming event both can sign up for').toBeDefined();
    before = await totals();
  });

  it('staff scan, compare the two records side by side and merge into the one with more history', async () => {
    const { page } = await openPhonePage(app.browser);
    await signIn(app, page, '管理员');
    await openPage(page, `${app.server.url}/#/packages/staff/pages/duplicates/index`);
    await page.locator('.duplicates__scan').click({ timeout: 30_000 });
    const card = page.locator('.candidate', { hasText: SECOND });
    await card.waitFor({ timeout: 30_000 });
    await settledScreenshot(page, 'journey-duplicates-queue');

    await card.locator('.candidate__toggle').click();
    await card.locator('.compare__row', { hasText: '活动报名' }).waitFor({ timeout: 30_000 });
    // Neither record is verified, so the one with more history, the demo graduate's own, is proposed to stay.
    const row = (label: string) =>
      card.locator('.compare__row').filter({ has: page.locator('.compare__label', { hasText: new RegExp(`^${label}$`) }) });
    expect(await row('认证').locator('.compare__value').allTextContents()).toEqual(['未认证', '未认证']);
    const picked = await card.locator('.compare__pick').evaluateAll((picks) => picks.map((p) => p.classList.contains('compare__pick--on')));
    expect(picked.filter(Boolean)).toHaveLength(1);
    const nicknames = await row('昵称').locator('.compare__value').allTextContents();
    expect(nicknames[picked.indexOf(true)]).toBe(original.displayName);
    await settledScreenshot(page, 'journey-duplicates-compare');

    await card.locator('.compare__merge').click();
    const confirmation = page.locator('.taro-modal__content', { hasText: `将把「${SECOND}` });
    await confirmation.waitFor({ timeout: 30_000 });
    expect(await confirmation.textContent()).toContain('1 条活动报名');
    await settledScreenshot(page, 'journey-duplicates-confirm');
    await page.locator('.taro-model__confirm').click();
    await card.waitFor({ state: 'detached', timeout: 30_000 });
    await settledScreenshot(page, 'journey-duplicates-merged');
  });

  it('counts the person once, keeps the money, and the old record opens the survivor', async () => {
    expect(await totals()).toEqual({ alumni: before.alumni - 1, raised: before.raised, headcount: before.headcount - 1 });
    const card = await api<AlumnusCardDto>(`/alumni/${secondId}`, { token: staffToken });
    expect(card.id).toBe(original.id);
  });

  it('staff find an account whose claim missed its roster entry, page by page, and link the two', async () => {
    const SEEKER = '认证没对上的学长';
    // An unclaimed entry of the demo roster, and a graduate who claimed it with the year one off.
    const unclaimed = await api<ListPage<StaffRosterEntryDto>>('/staff/roster/entries?claim=unclaimed&limit=50', { token: staffToken });
    const entry = unclaimed.items.find((e) => e.className !== null && e.name.length >= 2);
    expect(entry, 'an unclaimed roster entry with a class').toBeDefined();
    const seeker = await session('o_dup_roster_seeker');
    const { version } = await api<{ version: string }>('/privacy-notice');
    await api('/me/consent', { method: 'POST', token: seeker.accessToken, body: { version } });
    await api('/me', { method: 'PATCH', token: seeker.accessToken, body: { displayName: SEEKER } });
    const filed = await api<ClaimDto>('/me/claims', {
      method: 'POST',
      token: seeker.accessToken,
      body: {
        name: entry!.name,
        graduationYear: entry!.graduationYear + 1,
        departmentId: entry!.department.id,
        className: entry!.className,
      },
    });
    expect(filed.status, 'the claim matched no entry').toBe('pending');
    const coverage = async () => (await api<RosterCoverageDto>('/staff/dashboard/coverage', { token: staffToken })).totals;
    const alumni = async () => (await api<DashboardSummaryDto>('/staff/dashboard/summary', { token: staffToken })).totals.alumni;
    const reachedBefore = await coverage();
    const alumniBefore = await alumni();

    const { page } = await openPhonePage(app.browser);
    await signIn(app, page, '管理员');
    await openPage(page, `${app.server.url}/#/packages/staff/pages/duplicates/index`);
    await page.locator('.duplicates__scan').click({ timeout: 30_000 });
    await page.locator('.campaign-tab', { hasText: '账号与名册' }).click({ timeout: 30_000 });
    const cards = page.locator('.candidate');
    await cards.first().waitFor({ timeout: 30_000 });
    const card = cards.filter({ hasText: SEEKER }).filter({ hasText: `名册：${entry!.name}` });
    // The demo queues a few hundred such pairs: 加载更多 until this one shows.
    while ((await card.count()) === 0) {
      const shown = await cards.count();
      expect(await page.locator('.duplicates__more-button').count(), `the pair is further down than the ${shown} shown`).toBe(1);
      await page.locator('.duplicates__more-button').click();
      await cards.nth(shown).waitFor({ timeout: 30_000 });
    }
    await card.scrollIntoViewIfNeeded();
    await settledScreenshot(page, 'journey-duplicates-roster-queue');

    await card.locator('.candidate__toggle').click();
    // The comparison shows what the graduate typed: the year one off.
    await card.locator('.compare__claim', { hasText: `${entry!.graduationYear + 1}届` }).waitFor({ timeout: 30_000 });
    await settledScreenshot(page, 'journey-duplicates-roster-compare');
    await card.locator('.compare__merge').click();
    const confirmation = page.locator('.taro-modal__content', { hasText: `关联到名册上的「${entry!.name}」` });
    await confirmation.waitFor({ timeout: 30_000 });
    expect(await confirmation.textContent()).toContain(`学号 ${entry!.studentNumber}`);
    await page.locator('.taro-model__confirm').click();
    await card.waitFor({ state: 'detached', timeout: 30_000 });

    // Verified as the roster lists them; one graduate more reached, no alumnus added.
    expect(await api<MyProfileDto>('/me', { token: seeker.accessToken })).toMatchObject({
      verified: true,
      realName: entry!.name,
      graduationYear: entry!.graduationYear,
      className: entry!.className,
    });
    expect(await coverage()).toMatchObject({ graduates: reachedBefore.graduates, reached: reachedBefore.reached + 1 });
    expect(await alumni()).toBe(alumniBefore);
  });
});
