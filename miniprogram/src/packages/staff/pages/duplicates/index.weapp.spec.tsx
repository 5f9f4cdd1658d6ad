import type { DuplicateCandidateDto } from '@alumni/shared';
import { fireEvent, render, screen } from '@testing-library/react';
import { calls, network, page, settled, signIn } from '../../../../../test/weapp/wx';
import DuplicatesPage from './index';

const pair = (id: string, name: string, kind: DuplicateCandidateDto['kind'] = 'accounts'): DuplicateCandidateDto => ({
  id,
  kind,
  score: 60,
  reasons: ['name', 'year'],
  status: 'open',
  foundAt: '2026-12-06T00:00:00.000Z',
  a: { id: `a-${id}`, displayName: name, graduationYear: 2010, departmentName: '计算机学院' },
  b: { id: `b-${id}`, displayName: `${name}新号`, graduationYear: 2010, departmentName: '计算机学院' },
});

const COUNTS = { open: 3, openByKind: { accounts: 2, roster: 1 } };

/** The queue as the server pages it: `kind` and `cursor` from the query, 20 a page asked for. */
const asked: string[] = [];

describe('重复记录 (staff) in WeChat: the tabs and 加载更多', () => {
  beforeEach(() => {
    asked.length = 0;
    signIn({ id: 's1', displayName: '管理员', roles: ['alumnus', 'staff'] });
    network.on('GET', '/api/v1/staff/duplicates', (req) => {
      asked.push(req.query.toString());
      expect(req.query.get('limit')).toBe('20');
      const kind = req.query.get('kind');
      const cursor = req.query.get('cursor');
      if (kind === 'roster') return { json: { items: [pair('r1', '李娜', 'roster')], nextCursor: null, ...COUNTS } };
      if (cursor === 'p2') return { json: { items: [pair('c2', '王芳')], nextCursor: null, ...COUNTS } };
      return { json: { items: [pair('c1', '陈思远')], nextCursor: 'p2', ...COUNTS } };
    });
  });

  it('counts each tab, pages on 加载更多, and shows one kind on its tab', async () => {
    render(<DuplicatesPage />);
    expect(await screen.findByText('全部 3')).toBeTruthy();
    expect(screen.getByText('两个账号 2')).toBeTruthy();
    expect(screen.getByText('账号与名册 1')).toBeTruthy();
    expect(screen.getByText('待处理 3 对')).toBeTruthy();

    fireEvent.click(screen.getByText('加载更多（已显示 1 对）'));
    expect(await screen.findByText('王芳 · 2010届 · 计算机学院')).toBeTruthy();
    expect(screen.getByText('陈思远 · 2010届 · 计算机学院')).toBeTruthy();
    expect(screen.queryByText(/^加载更多/)).toBeNull();

    fireEvent.click(screen.getByText('账号与名册 1'));
    expect(await screen.findByText('名册：李娜新号 · 2010届 · 计算机学院')).toBeTruthy();
    expect(screen.queryByText('王芳 · 2010届 · 计算机学院')).toBeNull();
    expect(asked).toEqual(['limit=20', 'limit=20&cursor=p2', 'kind=roster&limit=20']);
  });

  it('loads the next page when the list is scrolled to the bottom (onReachBottom), once while it loads', async () => {
    render(<DuplicatesPage />);
    await screen.findByText('陈思远 · 2010届 · 计算机学院');
    page.reachBottom!();
    page.reachBottom!();
    expect(await screen.findByText('王芳 · 2010届 · 计算机学院')).toBeTruthy();
    // At the end of the queue a further reach-bottom asks for nothing.
    page.reachBottom!();
    await settled();
    expect(asked).toEqual(['limit=20', 'limit=20&cursor=p2']);
  });

  it('reloads the first page on pull-down and stops the refresh indicator', async () => {
    render(<DuplicatesPage />);
    await screen.findByText('陈思远 · 2010届 · 计算机学院');
    page.pullDown!();
    await settled();
    expect(asked).toEqual(['limit=20', 'limit=20']);
    expect(calls.filter((c) => c.api === 'stopPullDownRefresh')).toHaveLength(1);
  });
});
