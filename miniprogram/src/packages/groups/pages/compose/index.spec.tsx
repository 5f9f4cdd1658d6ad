import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro, { useRouter } from '@tarojs/taro';
import { isPartialUpdate, storage } from '../../../../../test/mocks/taro';
import { clickTwice } from '../../../../../test/gestures';
import ComposePage from './index';

// Asking to send reply notifications is covered in api/notifications.spec.ts.
jest.mock('../../../../api/notifications', () => ({
  askForMessages: jest.fn(() => Promise.resolve()),
  prefetchMessageTemplates: jest.fn(() => Promise.resolve()),
}));

const taroRequest = Taro.request as jest.Mock;
// The shared Taro mock has neither; this page goes back after publishing and titles an edit.
const navigateBack = jest.fn(() => Promise.resolve());
Object.assign(Taro, { navigateBack, setNavigationBarTitle: jest.fn(() => Promise.resolve()) });

const post = (status: 'published' | 'held') => ({
  id: 'p1',
  group: { id: 'g1', name: '机械2012级1班' },
  author: { id: 'a1', displayName: '林晓', avatarUrl: null },
  text: '周末聚会',
  images: [],
  status,
  likeCount: 0,
  commentCount: 0,
  createdAt: '2026-01-01T00:00:00.000Z',
  mayLike: true,
  mayComment: true,
  mayEdit: true,
  mayDelete: true,
});

const type = (text: string) => fireEvent.change(document.querySelector('textarea')!, { target: { value: text } });

describe('发动态', () => {
  beforeEach(() => {
    taroRequest.mockReset();
    navigateBack.mockClear();
    storage.clear();
    storage.set('alumnilink.session', { accessToken: 'a', refreshToken: 'r', alumnus: {} });
    (useRouter as jest.Mock).mockReturnValue({ params: { groupId: 'g1' } });
  });

  it('counts the text as it is typed and sends it trimmed to the group', async () => {
    taroRequest.mockResolvedValue({ statusCode: 201, data: post('published') });
    render(<ComposePage />);
    type('  周末聚会  ');
    expect(screen.getByText('4/2000')).toBeTruthy();
    fireEvent.click(screen.getByText('发布'));
    await waitFor(() => expect(navigateBack).toHaveBeenCalled());
    expect(taroRequest.mock.calls[0]![0]).toMatchObject({
      url: '/api/v1/groups/g1/posts',
      method: 'POST',
      data: { text: '周末聚会', imageIds: [] },
    });
  });

  it('publishes one post for two taps, and takes no tap while it goes back', async () => {
    taroRequest.mockResolvedValue({ statusCode: 201, data: post('published') });
    render(<ComposePage />);
    type('周末聚会');
    const publish = () => screen.getByText('发布').closest('button')!;
    clickTwice(publish());
    await waitFor(() => expect(navigateBack).toHaveBeenCalled());

    // The page is going: the button stays off, and a tap meanwhile posts nothing again.
    expect(publish().classList.contains('nut-button-disabled')).toBe(true);
    await act(async () => {
      fireEvent.click(publish());
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(taroRequest.mock.calls.map(([call]) => `${call.method} ${call.url}`)).toEqual(['POST /api/v1/groups/g1/posts']);
    expect(navigateBack).toHaveBeenCalledTimes(1);
  });

  it('tells the author a held post is under review and visible only to them', async () => {
    taroRequest.mockResolvedValue({ statusCode: 201, data: post('held') });
    render(<ComposePage />);
    type('周末聚会 待审词');
    fireEvent.click(screen.getByText('发布'));
    expect(await screen.findByText('审核中，仅自己可见')).toBeTruthy();
    expect(navigateBack).not.toHaveBeenCalled();
  });

  it('shows the server’s reason for risky text and keeps the text to edit', async () => {
    taroRequest.mockResolvedValue({
      statusCode: 422,
      data: { error: { code: 'CONTENT_RISKY', message: '内容可能含有违规信息，请修改后再发布', details: [] } },
    });
    render(<ComposePage />);
    type('违禁词');
    fireEvent.click(screen.getByText('发布'));
    expect(await screen.findByText('内容可能含有违规信息，请修改后再发布')).toBeTruthy();
    expect((document.querySelector('textarea') as HTMLTextAreaElement).value).toBe('违禁词');

    // The refusal frees the button: the edited text goes out with the next tap.
    taroRequest.mockResolvedValue({ statusCode: 201, data: post('published') });
    type('周末聚会');
    fireEvent.click(screen.getByText('发布'));
    await waitFor(() => expect(navigateBack).toHaveBeenCalled());
    expect(taroRequest).toHaveBeenCalledTimes(2);
  });

  it('uploads picked images and attaches their ids', async () => {
    (Taro.chooseImage as jest.Mock).mockResolvedValueOnce({ tempFilePaths: ['blob:one', 'blob:two'] });
    const progress = { progress: jest.fn() };
    let uploaded = 0;
    (Taro.uploadFile as jest.Mock).mockImplementation(() =>
      Object.assign(Promise.resolve({ statusCode: 201, data: JSON.stringify({ id: `img${++uploaded}`, url: '/x' }) }), progress),
    );
    taroRequest.mockResolvedValue({ statusCode: 201, data: post('published') });
    render(<ComposePage />);
    fireEvent.click(screen.getByText('+'));
    await waitFor(() => expect(screen.getByText('2/9')).toBeTruthy());
    type('合照');
    await waitFor(() => expect(screen.getByText('发布').closest('button')?.disabled).toBe(false));
    fireEvent.click(screen.getByText('发布'));
    await waitFor(() => expect(taroRequest).toHaveBeenCalled());
    expect(taroRequest.mock.calls[0]![0].data).toEqual({ text: '合照', imageIds: ['img1', 'img2'] });
    expect((Taro.chooseImage as jest.Mock).mock.calls[0]![0]).toMatchObject({ count: 9 });
  });

  it('edits my post: starts from its text and images, and saves with the kept image ids', async () => {
    (useRouter as jest.Mock).mockReturnValue({ params: { postId: 'p1' } });
    const mine = {
      ...post('published'),
      images: [{ id: 'img9', url: '/api/v1/group-post-images/9.png' }],
    };
    taroRequest.mockImplementation((call: { method: string }) =>
      Promise.resolve({ statusCode: 200, data: call.method === 'GET' ? mine : post('published') }),
    );
    render(<ComposePage />);
    await waitFor(() => expect((document.querySelector('textarea') as HTMLTextAreaElement | null)?.value).toBe('周末聚会'));
    type('周末聚会，改到周日');
    fireEvent.click(screen.getByText('保存'));
    await waitFor(() => expect(navigateBack).toHaveBeenCalled());
    const patch = taroRequest.mock.calls.map(([call]) => call).find(isPartialUpdate);
    expect(patch).toMatchObject({ url: '/api/v1/group-posts/p1', data: { text: '周末聚会，改到周日', imageIds: ['img9'] } });
  });
});
