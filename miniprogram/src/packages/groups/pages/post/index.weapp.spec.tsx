import type { GroupCommentDto, GroupPostDto } from '@alumni/shared';
import { fireEvent, render, screen } from '@testing-library/react';
import { calls, dialogs, network, page, settled, signIn, tapTwice, toasts } from '../../../../../test/weapp/wx';
import { groupPostFixture } from '../../../../components/test-fixtures';
import PostPage from './index';

const comment = (id: string, displayName: string, text: string): GroupCommentDto => ({
  id,
  postId: 'p1',
  author: { id: `author-${id}`, displayName, avatarUrl: null },
  text,
  status: 'published',
  createdAt: '2026-05-01T11:00:00.000Z',
  mayReport: true,
});

/** Post p1 and its comments, as the page reads them. */
function serve(post: GroupPostDto, comments: GroupCommentDto[] = []) {
  network
    .on('GET', '/api/v1/group-posts/p1', () => ({ json: post }))
    .on('GET', '/api/v1/group-posts/p1/comments', () => ({ json: { items: comments, nextCursor: null } }));
}

describe('群动态 in WeChat', () => {
  beforeEach(() => {
    signIn({ id: 'a1', displayName: '李明' });
    page.params = { id: 'p1' };
  });

  it('asks once, deletes once and goes back once for two taps on 删除, and takes no tap while it goes', async () => {
    serve(groupPostFixture({ mayDelete: true }));
    const deleted: string[] = [];
    network.on('DELETE', '/api/v1/group-posts/p1', (req) => {
      deleted.push(req.path);
      return { status: 204 };
    });
    render(<PostPage />);
    const remove = await screen.findByText('删除');
    tapTwice(remove);
    await settled();
    tapTwice(remove);
    await settled();
    expect(dialogs.map((d) => d.kind)).toEqual(['modal']);
    expect(deleted).toEqual(['/api/v1/group-posts/p1']);
    expect(calls.filter((c) => c.api === 'navigateBack')).toHaveLength(1);
  });

  it('opens no second action sheet for 举报 on another comment while the first asks, and reports again once it is done', async () => {
    serve(groupPostFixture({ commentCount: 2 }), [comment('c1', '王芳', '周末一起回学校？'), comment('c2', '张伟', '加我一个')]);
    const reported: string[] = [];
    network.on('POST', '/api/v1/group-comments/:id/reports', (req) => {
      reported.push(`${req.path} ${req.json().reason}`);
      return { status: 201, json: { id: `r${reported.length}` } };
    });
    render(<PostPage />);
    await screen.findByText('加我一个');
    const [, first, second] = screen.getAllByText('举报');
    fireEvent.click(first!);
    // The reason's sheet is up; the person taps 举报 under another comment.
    fireEvent.click(second!);
    await settled();
    expect(dialogs.map((d) => d.kind)).toEqual(['actionSheet']);
    expect(reported).toEqual(['/api/v1/group-comments/c1/reports 广告营销']);
    expect(toasts).toEqual(['已举报，感谢反馈']);
    fireEvent.click(second!);
    await settled();
    expect(reported).toEqual(['/api/v1/group-comments/c1/reports 广告营销', '/api/v1/group-comments/c2/reports 广告营销']);
  });
});
