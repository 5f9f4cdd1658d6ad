import type { GroupPostDto } from '@alumni/shared';
import { render, screen } from '@testing-library/react';
import { network, settled, signIn, tapTwice } from '../../test/weapp/wx';
import { GroupPostCard } from './group-post-card';
import { groupPostFixture } from './test-fixtures';

const POST = groupPostFixture();

describe('a group post in WeChat', () => {
  it('likes once for two taps before the card renders again', async () => {
    signIn({ id: 'me', displayName: '林小雨' });
    let likes = 0;
    network.on('PUT', '/api/v1/group-posts/p1/like', () => {
      likes++;
      return { json: { liked: true, likeCount: 1 } };
    });
    const changed: GroupPostDto[] = [];
    render(<GroupPostCard post={POST} onChange={(post) => changed.push(post)} />);
    tapTwice(screen.getByText(/赞/));
    await settled();
    expect(likes).toBe(1);
    expect(changed.map((p) => p.likeCount)).toEqual([1]);
  });

  it('names the group only where it is given (the "my groups" feed), and takes no like on a post the reader may not like', async () => {
    let likes = 0;
    network.on('PUT', '/api/v1/group-posts/p1/like', () => {
      likes++;
      return { json: { liked: true, likeCount: 1 } };
    });
    // A group's own feed sends neither the group nor a flag that is false.
    const { group, ...inGroupFeed } = groupPostFixture();
    const { unmount } = render(<GroupPostCard post={{ ...inGroupFeed, mayLike: undefined }} />);
    expect(screen.queryByText(/来自/)).toBeNull();
    tapTwice(screen.getByText(/赞/));
    await settled();
    expect(likes).toBe(0);
    unmount();

    render(<GroupPostCard post={POST} from={group} />);
    expect(screen.getByText('来自 2010 级计算机一班')).toBeTruthy();
  });
});
