import type {
  AlumnusCardDto,
  CampaignSummaryDto,
  DashboardSummaryDto,
  EventDetailDto,
  EventSummaryDto,
  MyProfileDto,
  Page as ListPage,
} from '@alumni/shared';
import { apiOf } from '../support/api.js';
import { openPhonePage, settledScreenshot } from '../support/browser.js';
import { signIn } from '../support/demo.js';
import { useFreshInstallation } from '../support/installation.js';

/**
 * Staff merge a duplicate: a demo graduate signed in again with another WeChat account, filled
 * in the same name, year, department and class and signed up for an event they were already
 * going to. Staff open 工作台 › 重复记录, scan, compare the two records side by side, keep the
 * verified one and merge; the event counts the person once, the money stays, the dashboard has
 * one alumnus fewer and the old record's card opens the survivor.
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

  it('staff scan, compare the two records side by side and merge into the verified one', async () => {
    const { page } = await openPhonePage(app.browser);
    await signIn(app, page, '管理员');
    await page.goto(`${app.server.url}/#/packages/staff/pages/duplicates/index`);
    await page.locator('.duplicates__scan').click({ timeout: 30_000 });
    const card = page.locator('.candidate', { hasText: SECOND });
    await card.waitFor({ timeout: 30_000 });
    await settledScreenshot(page, 'journey-duplicates-queue');

    await card.locator('.candidate__toggle').click();
    await card.locator('.compare__row', { hasText: '活动报名' }).waitFor({ timeout: 30_000 });
    // The verified record is proposed to stay.
    const kept = await card.locator('.compare__pick--on').count();
    expect(kept).toBe(1);
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
});
