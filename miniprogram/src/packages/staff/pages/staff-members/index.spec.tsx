import type { StaffMemberDto } from '@alumni/shared';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { clickTwice } from '../../../../../test/gestures';
import StaffMembersPage from './index';

const taroRequest = Taro.request as jest.Mock;
const ok = (data: unknown) => Promise.resolve({ statusCode: 200, data, header: {} });
const member = (overrides: Partial<StaffMemberDto>): StaffMemberDto => ({
  id: 's1',
  displayName: '管理员甲',
  realName: '周洁',
  avatarUrl: null,
  roles: ['alumnus', 'staff', 'admin'],
  ...overrides,
});

beforeEach(() => taroRequest.mockReset());

describe('staff management page', () => {
  it('lists staff, finds an alumnus and makes them staff', async () => {
    const candidate = member({ id: 'c1', realName: '欧阳明', roles: ['alumnus'] });
    taroRequest.mockImplementation(({ url, method }: { url: string; method: string }) => {
      if (url === '/api/v1/admin/staff?limit=100') return ok({ items: [member({})], nextCursor: null });
      if (url.startsWith('/api/v1/admin/staff/candidates')) return ok([candidate]);
      if (url === '/api/v1/admin/staff/c1' && method === 'PUT') return ok({ ...candidate, roles: ['alumnus', 'staff'] });
      throw new Error(`unexpected ${method} ${url}`);
    });
    (Taro.showActionSheet as jest.Mock).mockResolvedValueOnce({ tapIndex: 0 });

    const { container } = render(<StaffMembersPage />);
    expect(await screen.findByText('周洁')).toBeTruthy();
    expect(screen.getByText('现有工作人员（1）')).toBeTruthy();
    expect(screen.getByText('管理员')).toBeTruthy();

    fireEvent.change(screen.getByPlaceholderText('输入校友姓名或昵称'), { target: { value: '欧阳' } });
    fireEvent.click(screen.getByText('查找'));
    fireEvent.click(await screen.findByText('授权'));

    await waitFor(() => expect(screen.getByText('现有工作人员（2）')).toBeTruthy());
    const put = taroRequest.mock.calls.find(([options]) => options.method === 'PUT')![0];
    expect(put.data).toEqual({ admin: false });
    expect(container.querySelectorAll('.staff-member')[0]!.textContent).toContain('欧阳明工作人员');
  });

  it('removes a revoked member after confirmation', async () => {
    taroRequest.mockImplementation(({ method }: { method: string }) => {
      if (method === 'DELETE') return ok(member({ id: 's2', realName: '李四', roles: ['alumnus'] }));
      return ok({ items: [member({}), member({ id: 's2', realName: '李四', roles: ['alumnus', 'staff'] })], nextCursor: null });
    });
    render(<StaffMembersPage />);
    await screen.findByText('李四');
    fireEvent.click(screen.getAllByText('撤销')[1]!);
    await waitFor(() => expect(screen.queryByText('李四')).toBeNull());
    expect(Taro.showModal).toHaveBeenCalled();
  });

  it('asks once and revokes once for two taps on 撤销', async () => {
    taroRequest.mockImplementation(({ method }: { method: string }) => {
      if (method === 'DELETE') return ok(member({ id: 's2', realName: '李四', roles: ['alumnus'] }));
      return ok({ items: [member({}), member({ id: 's2', realName: '李四', roles: ['alumnus', 'staff'] })], nextCursor: null });
    });
    (Taro.showModal as jest.Mock).mockClear();
    render(<StaffMembersPage />);
    await screen.findByText('李四');
    const revoke = screen.getAllByText('撤销')[1]!;
    clickTwice(revoke);
    await waitFor(() => expect(screen.queryByText('李四')).toBeNull());
    expect(Taro.showModal).toHaveBeenCalledTimes(1);
    expect(taroRequest.mock.calls.filter(([options]) => options.method === 'DELETE')).toHaveLength(1);
  });

  it('tells non-administrators the page is not for them', async () => {
    taroRequest.mockImplementation(() =>
      Promise.resolve({ statusCode: 403, data: { error: { code: 'FORBIDDEN', message: '没有权限执行此操作', details: [] } }, header: {} }),
    );
    render(<StaffMembersPage />);
    expect(await screen.findByText('仅管理员可以管理工作人员')).toBeTruthy();
  });
});
