import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { API_BASE, calls, network, page, settled, signIn } from '../../../../../test/weapp/wx';
import { photoFixture, tagFixture } from '../../test-fixtures';
import PhotoPage from './index';

const JPEG = Buffer.from('ffd8ffe000104a464946', 'hex');

describe('老照片 in WeChat', () => {
  let photo = photoFixture();
  const sent: { method: string; path: string; body: unknown }[] = [];

  beforeEach(() => {
    signIn({ id: 'me', displayName: '林小雨' });
    page.params = { id: 'p1' };
    sent.length = 0;
    photo = photoFixture({ tags: [tagFixture()] });
    const record = (answer: () => unknown) => (req: { method: string; path: string; json: () => unknown; body?: Buffer }) => {
      sent.push({ method: req.method, path: req.path, body: req.body ? req.json() : undefined });
      return { json: answer() };
    };
    network
      .on('GET', '/api/v1/uploads/memories/:name', () => ({ bytes: JPEG, type: 'image/jpeg' }))
      .on('GET', '/api/v1/memories/photos/p1', () => ({ json: photo }))
      .on('GET', '/api/v1/memories/photos/p1/comments', () => ({ json: { items: [], nextCursor: null } }))
      .on(
        'POST',
        '/api/v1/memories/tags/t1/decision',
        record(() => {
          photo = { ...photo, tags: [tagFixture({ status: 'accepted' })] };
          return photo.tags[0];
        }),
      )
      .on(
        'PUT',
        '/api/v1/memories/photos/p1/presence',
        record(() => {
          photo = { ...photo, presentByMe: true, presenceCount: 1, presenceNames: ['林小雨'] };
          return { present: true, presenceCount: 1 };
        }),
      );
  });

  it('shows the photo from the API host over https, asks before my name shows, and says 我在这里', async () => {
    const { container } = render(<PhotoPage />);
    await screen.findByText('有校友在这张照片里标记了你。同意后，你的名字会显示在照片下方。');
    expect(container.querySelector('.op-photo__img')?.getAttribute('src')).toBe(`${API_BASE}${photo.url}`);
    expect(screen.getByText('我（待我确认）')).toBeTruthy();

    fireEvent.click(screen.getByText('同意显示'));
    await waitFor(() => expect(screen.getByText('我')).toBeTruthy());
    expect(screen.queryByText('同意显示')).toBeNull();

    fireEvent.click(screen.getByText('我在这里'));
    await screen.findByText('林小雨说：我在这里');
    await settled();
    expect(sent).toEqual([
      { method: 'POST', path: '/api/v1/memories/tags/t1/decision', body: { accept: true } },
      { method: 'PUT', path: '/api/v1/memories/photos/p1/presence', body: undefined },
    ]);
    expect(calls.filter((c) => c.api === 'showToast').map((c) => c.options.title)).toEqual(['已显示你的名字', '我在这里']);

    fireEvent.click(container.querySelector('.op-photo__img')!);
    await settled();
    expect(calls.find((c) => c.api === 'previewImage')?.options).toEqual({
      urls: [`${API_BASE}${photo.url}`],
      current: `${API_BASE}${photo.url}`,
    });
  });
});
