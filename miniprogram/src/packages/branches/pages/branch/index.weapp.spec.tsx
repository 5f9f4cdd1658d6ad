import { fireEvent, render, screen } from '@testing-library/react';
import { calls, dialogs, network, page, settled, signIn } from '../../../../../test/weapp/wx';
import { prefetchMessageTemplates } from '../../../../api/notifications';
import BranchPage from './index';

const TEMPLATES = [{ key: 'groupJoinDecision', templateId: 'tpl-join', title: '入群审核结果通知' }];

const branch = (admin = false) => ({
  id: 'b1',
  kind: 'city',
  name: '上海校友分会',
  place: '上海',
  intro: '在上海工作生活的校友',
  joinPolicy: 'approval',
  groupId: 'g1',
  memberCount: 12,
  status: 'active',
  groups: [{ id: 'g1', name: '上海校友分会', kind: 'city', memberCount: 12, home: true }],
  admins: [{ id: 'a1', displayName: '王分会' }],
  upcomingEvents: [
    {
      id: 'e1',
      title: '上海校友秋季聚会',
      kind: 'meetup',
      status: 'published',
      startsAt: '2030-05-02T11:00:00.000Z',
      endsAt: '2030-05-02T13:00:00.000Z',
      city: '上海',
      venue: '校友之家',
      online: false,
      capacity: 40,
      confirmedCount: 8,
      coverUrl: null,
    },
  ],
  campaigns: [],
  me: { membership: null, admin },
});

const group = (status: 'pending' | null) => ({
  id: 'g1',
  kind: 'city',
  name: '上海校友分会',
  status: 'active',
  joinPolicy: 'approval',
  memberCount: 12,
  me: { status, role: status ? 'member' : null, muted: false, canJoin: status === null, joinNeedsApproval: true },
});

function serve(admin = false) {
  const state = { joins: 0 };
  network
    .on('GET', '/api/v1/branches/b1', () => ({ json: branch(admin) }))
    .on('GET', '/api/v1/groups/g1', () => ({ json: group(state.joins > 0 ? 'pending' : null) }))
    .on('GET', '/api/v1/notifications/templates', () => ({ json: TEMPLATES }))
    .on('PUT', '/api/v1/me/subscriptions', () => ({ json: [] }))
    .on('POST', '/api/v1/groups/g1/join', () => {
      state.joins++;
      return { json: { status: 'pending', memberCount: 12 } };
    });
  return state;
}

describe('分会 in WeChat', () => {
  beforeAll(async () => {
    serve();
    await prefetchMessageTemplates();
  });
  beforeEach(() => {
    signIn({ displayName: '李明', roles: ['alumnus'] });
    page.params = { id: 'b1' };
  });

  it('applies to join through the home group, asking for the decision’s message in the tap', async () => {
    const state = serve();
    render(<BranchPage />);
    await screen.findByText('上海校友秋季聚会');
    expect(screen.getByText('管理员：王分会')).toBeTruthy();
    expect(screen.queryByText('分会管理')).toBeNull();

    fireEvent.click(screen.getByText('申请加入').closest('button')!);
    await settled();

    expect(dialogs.map((d) => d.kind)).toEqual(['subscribe']);
    expect(dialogs[0]!.options.tmplIds).toEqual(['tpl-join']);
    expect(state.joins).toBe(1);
    expect(calls.filter((c) => c.api === 'showToast').map((c) => c.options.title)).toContain('已提交申请');
    await screen.findByText('撤回申请');
    expect(screen.getByText('已申请加入，等待分会管理员审核')).toBeTruthy();
  });

  it('offers its admins the workbench', async () => {
    serve(true);
    render(<BranchPage />);
    fireEvent.click((await screen.findByText('分会管理')).closest('button')!);
    await settled();
    expect(calls.filter((c) => c.api === 'navigateTo').map((c) => c.options.url)).toEqual(['/packages/branches/pages/manage/index?id=b1']);
  });
});
