import type { GroupSummaryDto, MyProfileDto } from '@alumni/shared';
import { apiOf } from '../support/api.js';
import { allowMessages, openPhonePage, settledScreenshot } from '../support/browser.js';
import { gradientPng } from '../support/images.js';
import { goBack, openAfresh, openPage, openTab, signIn, type } from '../support/demo.js';
import { useFreshInstallation } from '../support/installation.js';

/** Screenshots wait for the router's page-slide animation to finish. */

/**
 * Groups end to end on the demo college: the first demo alumnus, verified in their class,
 * finds the class group in 为你推荐 and joins; posts with a picture; a classmate comments;
 * another member reports the post and the comment; staff see both in the moderation queue
 * and remove them.
 * Also: a scanned code's scene opens the group in the browser, and an unverified visitor
 * is told the class group is for verified classmates only.
 */
describe('groups: discover, join, post, comment, report, moderate', () => {
  const app = useFreshInstallation();
  const postText = `周末回母校聚一聚！${Date.now() % 1000} 号楼前集合，欢迎带家属。`;
  const names: Record<string, string> = {};
  let classGroup: GroupSummaryDto;
  let photography: GroupSummaryDto;
  let scene: string;

  const { api, session } = apiOf(app);

  beforeAll(async () => {
    for (const account of await api<{ openid: string; displayName: string }[]>('/auth/demo-accounts'))
      names[account.openid] = account.displayName;
    // Setup through the API (the claim form's year wheel needs touch dragging): the first
    // demo alumnus claims their roster entry and is verified at once; two other demo
    // accounts claim the same class, staff approve them, and they join the class group.
    const staff = await session('o_demo_staff');
    const first = await session('o_demo_001');
    const me = await api<MyProfileDto>('/me', { token: first.accessToken });
    const claimOf = (name: string) => ({
      name,
      graduationYear: me.graduationYear,
      departmentId: me.department!.id,
      className: me.className,
    });
    const own = await api<{ status: string }>('/me/claims', { token: first.accessToken, method: 'POST', body: claimOf(me.realName!) });
    expect(own.status).toBe('matched');
    [classGroup] = await api<GroupSummaryDto[]>('/groups/suggestions', { token: first.accessToken });
    expect(classGroup!.kind).toBe('class');
    scene = (await api<{ scene: string }>(`/groups/${classGroup!.id}`)).scene;
    // The seed's approval group, owned by the second demo alumnus, with the third one's request waiting.
    [photography] = (await api<{ items: GroupSummaryDto[] }>(`/groups?q=${encodeURIComponent('摄影爱好者')}`)).items;

    for (const openid of ['o_demo_002', 'o_demo_003']) {
      const classmate = await session(openid);
      const profile = await api<MyProfileDto>('/me', { token: classmate.accessToken });
      const claim = await api<{ id: string; status: string }>('/me/claims', {
        token: classmate.accessToken,
        method: 'POST',
        body: claimOf(profile.realName!),
      });
      if (claim.status === 'pending')
        await api(`/staff/claims/${claim.id}/approve`, { token: staff.accessToken, method: 'POST', body: {} });
      await api(`/groups/${classGroup!.id}/join`, { token: classmate.accessToken, method: 'POST', body: {} });
    }
  });

  it('a scanned code’s scene opens the class group; an unverified alumnus is told it is for verified classmates', async () => {
    const { page } = await openPhonePage(app.browser);
    await signIn(app, page, names['o_demo_004']);
    // 为你推荐 says why it is empty, and where to go.
    await openTab(page, '群组', 'pages/groups/index');
    await page.locator('.empty-state', { hasText: '认证后为你推荐' }).waitFor({ timeout: 30_000 });
    await settledScreenshot(page, 'journey-groups-suggested-unverified');
    // Class groups by 届别 and 院系; none that nobody has joined.
    await page.locator('.groups-tab', { hasText: '班级' }).click();
    await page.locator('.groups-class-year').waitFor();
    await page.locator('.group-card').first().waitFor({ timeout: 30_000 });
    expect(await page.locator('.group-card__members', { hasText: /^0 人$/ }).count()).toBe(0);
    await settledScreenshot(page, 'journey-groups-class');
    await page.locator('.groups-tab', { hasText: '为你推荐' }).click();
    await page.locator('.groups-empty-verify').click();
    await page.locator('.claim-form').waitFor({ timeout: 30_000 });

    await openPage(page, `${app.server.url}/#/packages/groups/pages/group/index?scene=${encodeURIComponent(scene)}`);
    await page.locator('.group-header__name', { hasText: classGroup.name }).waitFor({ timeout: 30_000 });
    await page.locator('.group-actionbar__note', { hasText: '仅限本班已认证校友' }).waitFor();
    expect(await page.locator('.group-action').first().textContent()).toBe('去认证校友身份');
    await settledScreenshot(page, 'journey-group-roster-only');

    // The invitation code the server made (through the fake WeChat) shows on its own page.
    await page.locator('.group-code-link').click();
    const code = page.locator('.group-qrcode__image img');
    await code.waitFor({ timeout: 30_000 });
    await code.evaluate((img: HTMLImageElement) => img.decode());
    expect(await code.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    await settledScreenshot(page, 'journey-group-qrcode');

    // Search by name on the groups tab.
    await openPage(page, `${app.server.url}/#/pages/groups/index`);
    await page.locator('.groups-search__input input').fill('摄影');
    await page.locator('.groups-search__go').click();
    const found = page.locator('.group-card', { hasText: '摄影爱好者' });
    await found.waitFor({ timeout: 30_000 });
    expect(await found.locator('.group-card__policy').textContent()).toBe('申请加入');
    await settledScreenshot(page, 'journey-groups-search');
  });

  it('the alumnus finds the class group in 为你推荐, joins it, and posts with a picture', async () => {
    const { page } = await openPhonePage(app.browser);
    await signIn(app, page, names['o_demo_001']);
    await openPage(page, `${app.server.url}/#/pages/groups/index`);
    const card = page.locator('.group-card', { hasText: classGroup.name });
    await card.waitFor({ timeout: 30_000 });
    await settledScreenshot(page, 'journey-groups-suggested');
    await card.click();

    await page.locator('.group-actionbar__note', { hasText: '你已认证为本班校友，可直接加入' }).waitFor({ timeout: 30_000 });
    await settledScreenshot(page, 'journey-group-before-join');
    await page.locator('.group-action--join').click();
    await page.locator('.group-action--leave').waitFor();
    expect(await page.locator('.group-header__count').textContent()).toBe(String(classGroup.memberCount + 3));

    await page.locator('.group-tab', { hasText: '成员' }).click();
    await page.locator('.taro__toast').waitFor({ state: 'hidden' });
    await page.locator('.group-member', { hasText: names['o_demo_001'] }).waitFor({ timeout: 30_000 });
    await settledScreenshot(page, 'journey-group-members');
    await page.locator('.group-tab', { hasText: '动态' }).click();

    await page.locator('.group-compose').click();
    await page.locator('.compose-text').waitFor();
    await type(page, '.compose-text', postText);
    const chooser = page.waitForEvent('filechooser');
    await page.locator('.compose .photo-picker__add').click();
    await (await chooser).setFiles({ name: 'reunion.png', mimeType: 'image/png', buffer: gradientPng(240, 160) });
    await page.locator('.compose .photo-picker__tile--done').waitFor({ timeout: 30_000 });
    expect(await page.locator('.compose-counter').textContent()).toBe(`${[...postText].length}/2000`);
    await settledScreenshot(page, 'journey-group-compose');
    await page.locator('.compose-submit').click();
    await allowMessages(page);

    const post = page.locator('.group-post', { hasText: postText });
    await post.waitFor({ timeout: 30_000 });
    expect(await post.locator('.group-post__image img').count()).toBe(1);
    await settledScreenshot(page, 'journey-group-feed');

    // The author edits it from the post page; the new text is checked again and shown.
    await post.locator('.group-post__text').click();
    await page.locator('.post-edit').click();
    await page.locator('.compose-text textarea').waitFor({ timeout: 30_000 });
    expect(await page.locator('.compose-text textarea').inputValue()).toBe(postText);
    await type(page, '.compose-text', `${postText}改到周日。`);
    await page.locator('.compose-submit').click();
    await page.locator('.group-post__text', { hasText: '改到周日' }).waitFor({ timeout: 30_000 });
    expect(await page.locator('.post-page .group-post__time').textContent()).toContain('已编辑');
    await goBack(page);
    await page.locator('.post-page').waitFor({ state: 'detached' });

    // Text WeChat's check asks a person to review is held: only its author sees it, and is told so.
    await page.locator('.group-compose').click();
    await type(page, '.compose-text', '这条动态含有待审词，请工作人员看看');
    await page.locator('.compose-submit').click();
    await allowMessages(page);
    await page.locator('.compose-held__title', { hasText: '审核中，仅自己可见' }).waitFor({ timeout: 30_000 });
    await settledScreenshot(page, 'journey-group-post-held');

    // 我的足迹 names what happened, reached through the tab bar.
    await openPage(page, `${app.server.url}/#/pages/groups/index`);
    await openTab(page, '我的', 'pages/me/index');
    await page.locator('.me-entry', { hasText: '我的足迹' }).click();
    await page.locator('.timeline-item__kind', { hasText: `加入了 ${classGroup.name}` }).waitFor({ timeout: 30_000 });
    await page
      .locator('.timeline-item__kind', { hasText: `在 ${classGroup.name} 发帖` })
      .first()
      .waitFor();
    await settledScreenshot(page, 'journey-my-timeline-named');
  });

  it('a classmate comments on the post', async () => {
    const { page } = await openPhonePage(app.browser);
    await signIn(app, page, names['o_demo_002']);
    await openPage(page, `${app.server.url}/#/packages/groups/pages/group/index?id=${classGroup.id}`);
    const post = page.locator('.group-post', { hasText: postText });
    await post.waitFor({ timeout: 30_000 });
    // The held post is its author's alone.
    expect(await page.locator('.group-post', { hasText: '待审词' }).count()).toBe(0);
    await post.locator('.group-post__text').click();

    await page.locator('.comment-bar__input input').fill('一定到！带上当年的班服。');
    await page.locator('.comment-bar__send').click();
    await page.locator('.post-comment', { hasText: '一定到！' }).waitFor({ timeout: 30_000 });
    expect(await page.locator('.post-page__section').textContent()).toBe('评论 1');
    await settledScreenshot(page, 'journey-group-post-comment');

    // As the owner of the photography group, they let the third demo alumnus in.
    await openAfresh(page, `${app.server.url}/#/packages/groups/pages/group/index?id=${photography.id}`);
    await page.locator('.group-requests').click({ timeout: 30_000 });
    const request = page.locator('.join-request', { hasText: names['o_demo_003'] });
    await request.waitFor({ timeout: 30_000 });
    expect(await request.locator('.join-request__note').textContent()).toContain('我也喜欢拍照');
    await settledScreenshot(page, 'journey-group-join-requests');
    await request.locator('.decision__approve').click();
    await request.waitFor({ state: 'detached' });
  });

  it('another member reports the post', async () => {
    const { page } = await openPhonePage(app.browser);
    await signIn(app, page, names['o_demo_003']);
    await openPage(page, `${app.server.url}/#/packages/groups/pages/group/index?id=${classGroup.id}`);
    await page.locator('.group-post', { hasText: postText }).locator('.group-post__text').click({ timeout: 30_000 });
    await page.locator('.post-comment', { hasText: '一定到！' }).waitFor({ timeout: 30_000 });
    await page.locator('.post-report').click();
    await page.locator('.taro-actionsheet__cell', { hasText: '广告营销' }).click();
    await page.getByText('已举报，感谢反馈').waitFor();
    await page.getByText('已举报，感谢反馈').waitFor({ state: 'hidden' });
    // The classmate's comment too; nobody is offered to report their own words.
    const comment = page.locator('.post-comment', { hasText: '一定到！' });
    expect(await comment.locator('.post-comment__delete').count()).toBe(0);
    await comment.locator('.post-comment__report').click();
    await page.locator('.taro-actionsheet__cell', { hasText: '人身攻击' }).click();
    await page.getByText('已举报，感谢反馈').waitFor();
    await settledScreenshot(page, 'journey-group-comment-reported');

    // Their request to the photography group was approved earlier: 我的申请 says so.
    await openPage(page, `${app.server.url}/#/packages/groups/pages/my-requests/index`);
    const request = page.locator('.standing', { hasText: photography.name });
    await request.waitFor({ timeout: 30_000 });
    expect(await request.locator('.standing__badge').textContent()).toBe('已通过');
    await settledScreenshot(page, 'journey-group-my-requests');
  });

  it('staff see the reported post in the moderation queue and remove it', async () => {
    const { page } = await openPhonePage(app.browser);
    await signIn(app, page, names['o_demo_staff']);
    await openPage(page, `${app.server.url}/#/packages/staff/pages/group-moderation/index`);
    const item = page.locator('.moderation-item', { hasText: postText });
    await item.waitFor({ timeout: 30_000 });
    expect(await item.locator('.moderation-item__reason').allTextContents()).toEqual(['被举报 1 次：广告营销']);
    expect(await page.locator('.moderation-item', { hasText: '待审词' }).locator('.moderation-item__status').textContent()).toBe('待审核');
    await settledScreenshot(page, 'journey-group-moderation');
    // The reported comment is hidden first (removing the post would take its comments along).
    const comment = page.locator('.moderation-item', { hasText: '一定到！' });
    expect(await comment.locator('.moderation-item__kind').textContent()).toBe('评论');
    expect(await comment.locator('.moderation-item__reason').allTextContents()).toEqual(['被举报 1 次：人身攻击']);
    await comment.locator('.moderation-item__remove').click();
    await page.locator('.taro-model__confirm').click();
    await comment.waitFor({ state: 'detached' });
    await item.locator('.moderation-item__remove').click();
    await page.locator('.taro-model__confirm').click();
    await item.waitFor({ state: 'detached' });

    // Gone from the group's feed for everyone.
    await openPage(page, `${app.server.url}/#/packages/groups/pages/group/index?id=${classGroup.id}`);
    await page.locator('.group-header__name').waitFor({ timeout: 30_000 });
    await page.locator('.group-feed').waitFor();
    expect(await page.locator('.group-post', { hasText: postText }).count()).toBe(0);
  });
});
