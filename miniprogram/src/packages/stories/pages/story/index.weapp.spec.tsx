import { type StoryCommentDto, type StoryDto, storyScene } from '@alumni/shared';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { dialogs, network, page, person, settled, signIn, tapTwice, toasts } from '../../../../../test/weapp/wx';
import StoryPage from './index';

const PNG = Buffer.from('89504e470d0a1a0a', 'hex');
const ID = '5e0c6c1a-8d4b-4b8e-9a51-2f1d7c3b9e01';

function story(overrides: Partial<StoryDto> = {}): StoryDto {
  return {
    id: ID,
    kind: 'outstanding_alumnus',
    status: 'published',
    title: '从校园到航天：张伟的二十年',
    summary: '1998届机械系校友',
    coverUrl: '/api/v1/uploads/story-covers/3f0b7a52-1111-4222-8333-444455556666.jpg',
    subjectName: '张伟 · 1998届机械',
    publishedAt: '2026-11-30T02:00:00.000Z',
    readCount: 12,
    likeCount: 3,
    commentCount: 0,
    consentStatus: 'given',
    body: '<p>二十年前，他在<img src="/api/v1/uploads/story-covers/3f0b7a52-1111-4222-8333-444455556666.jpg">实验楼</p>',
    author: { id: 'a1', displayName: '校友会', avatarUrl: null },
    subject: null,
    links: [{ kind: 'campaign', id: 'c1', title: '百年树人', page: '/packages/giving/pages/campaign/index?id=c1' }],
    likedByMe: false,
    mayLike: true,
    mayComment: true,
    mayEdit: false,
    mayConsent: false,
    posterCodeUrl: `/api/v1/stories/${ID}/poster-code`,
    reviewNote: null,
    createdAt: '2026-11-29T02:00:00.000Z',
    updatedAt: '2026-11-30T02:00:00.000Z',
    ...overrides,
  };
}

function serve(value: StoryDto = story(), comments: StoryCommentDto[] = []) {
  network
    .on('GET', `/api/v1/stories/${ID}`, () => ({ json: value }))
    .on('GET', `/api/v1/stories/${ID}/comments`, () => ({ json: { items: comments, nextCursor: null } }))
    .on('GET', '/api/v1/uploads/story-covers/:name', () => ({ bytes: PNG, type: 'image/png' }));
}

describe('校友故事 in WeChat', () => {
  beforeEach(() => {
    signIn({ displayName: '李明', roles: ['alumnus'] });
    page.params = { id: ID };
  });

  it('shares to a chat and to Moments with the story’s title, cover (https) and page', async () => {
    serve();
    render(<StoryPage />);
    await screen.findByText('从校园到航天：张伟的二十年');

    const card = page.shareCard();
    expect(card).toEqual({
      title: '从校园到航天：张伟的二十年',
      path: `/packages/stories/pages/story/index?id=${ID}`,
      imageUrl: expect.stringMatching(/^https:\/\/.+\/api\/v1\/uploads\/story-covers\/.+\.jpg$/),
    });
    expect(page.timelineCard()).toEqual({ title: card.title, query: `id=${ID}`, imageUrl: card.imageUrl });
    expect(screen.getByText('分享')).toBeTruthy();
    expect(screen.getByText('生成海报')).toBeTruthy();
  });

  it('opens from the poster’s mini-program code by its scene', async () => {
    serve();
    page.params = { scene: encodeURIComponent(storyScene(ID)) };
    render(<StoryPage />);
    expect(await screen.findByText('从校园到航天：张伟的二十年')).toBeTruthy();
  });

  it('likes the story and asks the person it is about for consent, which they give in place', async () => {
    serve(story({ status: 'submitted', mayConsent: true, consentStatus: 'requested', posterCodeUrl: null }));
    const sent: unknown[] = [];
    network.on('POST', `/api/v1/stories/${ID}/consent`, (req) => {
      sent.push(req.json());
      return { json: { ...story({ status: 'submitted', consentStatus: 'given' }), revision: 1, consent: { status: 'given' } } };
    });
    render(<StoryPage />);
    fireEvent.click(await screen.findByText('同意发布'));
    await settled();
    expect(sent).toEqual([{ given: true }]);
    await waitFor(() => expect(screen.queryByText('同意发布')).toBeNull());
  });

  it('reports another reader’s comment once with a reason from the action sheet (for two taps), then no longer offers 举报', async () => {
    const comment = (id: string, text: string, mine: boolean): StoryCommentDto => ({
      id,
      author: { id: mine ? 'me' : 'a2', displayName: mine ? '李明' : '王芳', avatarUrl: null },
      text,
      status: 'published',
      createdAt: '2026-12-01T02:00:00.000Z',
      mayDelete: mine,
      mayReport: !mine,
    });
    serve(story({ commentCount: 2 }), [comment('c1', '加微信领资料', false), comment('c2', '写得真好', true)]);
    const sent: unknown[] = [];
    network.on('POST', '/api/v1/story-comments/c1/reports', (req) => {
      sent.push(req.json());
      return { status: 204 };
    });
    person.willAnswer('actionSheet', 3);
    const { container } = render(<StoryPage />);
    await screen.findByText('加微信领资料');
    // Only someone else's comment can be reported; my own I delete.
    expect(container.querySelectorAll('.story-comment__report')).toHaveLength(1);
    expect(container.querySelectorAll('.story-comment__delete')).toHaveLength(1);

    // Two taps before the page renders again: one action sheet, one report.
    tapTwice(screen.getByText('举报'));
    await settled();
    const sheets = dialogs.filter((d) => d.kind === 'actionSheet');
    expect(sheets).toHaveLength(1);
    expect(sheets[0]!.options.itemList).toContain('人身攻击');
    expect(sent).toEqual([{ reason: '人身攻击' }]);
    expect(toasts).toContain('已举报，感谢反馈');
    await waitFor(() => expect(screen.queryByText('举报')).toBeNull());
    expect(screen.getByText('加微信领资料')).toBeTruthy();
  });

  it('likes a published story once tapped', async () => {
    serve();
    network.on('PUT', `/api/v1/stories/${ID}/like`, () => ({ json: { liked: true, likeCount: 4 } }));
    render(<StoryPage />);
    fireEvent.click(await screen.findByText('赞 3'));
    await settled();
    expect(await screen.findByText('已赞 4')).toBeTruthy();
  });
});
