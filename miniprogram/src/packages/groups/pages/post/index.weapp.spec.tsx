import { render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { calls, dialogs, network, page, settled, tapTwice } from '../../../../../test/weapp/wx';
import { groupPostFixture } from '../../../../components/test-fixtures';
import PostPage from './index';

describe('群动态 in WeChat: 删除', () => {
  it('asks once, deletes once and goes back once for two taps on 删除, and takes no tap while it goes', async () => {
    Taro.setStorageSync('alumnilink.session', { accessToken: 'a', refreshToken: 'r', alumnus: { id: 'a1', displayName: '李明' } });
    page.params = { id: 'p1' };
    const deleted: string[] = [];
    network
      .on('GET', '/api/v1/group-posts/p1', () => ({ json: groupPostFixture({ mayDelete: true }) }))
      .on('GET', '/api/v1/group-posts/p1/comments', () => ({ json: { items: [], nextCursor: null } }))
      .on('DELETE', '/api/v1/group-posts/p1', (req) => {
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
});
