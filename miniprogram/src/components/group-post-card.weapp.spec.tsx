import type { GroupPostDto } from '@alumni/shared';
import { act, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { network, settled } from '../../test/weapp/wx';
import { GroupPostCard } from './group-post-card';

const POST = {
  id: 'p1',
  group: { id: 'g1', name: '2010 级计算机一班' },
  author: { id: 'a1', displayName: '李明', avatarUrl: null },
  text: '返校日合影',
  images: [],
  status: 'published',
  pinned: false,
  likeCount: 0,
  commentCount: 0,
  likedByMe: false,
  createdAt: '2026-05-01T10:00:00.000Z',
  editedAt: null,
  mayLike: true,
  mayComment: true,
  mayEdit: false,
  mayDelete: false,
  mayPin: false,
  mayReport: true,
} as GroupPostDto;

describe('a group post in WeChat', () => {
  it('likes once for two taps before the card renders again', async () => {
    Taro.setStorageSync('alumnilink.session', { accessToken: 'a', refreshToken: 'r', alumnus: { id: 'me', displayName: '林小雨' } });
    let likes = 0;
    network.on('PUT', '/api/v1/group-posts/p1/like', () => {
      likes++;
      return { json: { liked: true, likeCount: 1 } };
    });
    const changed: GroupPostDto[] = [];
    render(<GroupPostCard post={POST} onChange={(post) => changed.push(post)} />);
    // Both before the card renders again, as a phone may deliver them (Taro renders after the events).
    act(() => {
      fireEvent.click(screen.getByText(/赞/));
      fireEvent.click(screen.getByText(/赞/));
    });
    await settled();
    expect(likes).toBe(1);
    expect(changed.map((p) => p.likeCount)).toEqual([1]);
  });
});
