import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import StaffBranchesPage from './index';

const taroRequest = Taro.request as jest.Mock;

function serve() {
  taroRequest.mockImplementation(({ url, method, data }: { url: string; method: string; data: object }) => {
    const path = url.split('?')[0];
    if (path === '/api/v1/staff/branches' && method === 'POST') return Promise.resolve({ statusCode: 201, data: { id: 'b1', ...data } });
    if (path === '/api/v1/staff/branches' || path === '/api/v1/staff/campaigns')
      return Promise.resolve({ statusCode: 200, data: { items: [], nextCursor: null } });
    return Promise.resolve({ statusCode: 404, data: null });
  });
}

const creates = () => taroRequest.mock.calls.map(([call]) => call).filter((call) => call.method === 'POST');
const input = (container: HTMLElement, className: string) =>
  container.querySelector(`.${className} input`) ?? container.querySelector(`.${className}`)!;

describe('分会管理 (staff): a new branch from the keyboard', () => {
  beforeEach(() => {
    taroRequest.mockReset();
    serve();
  });

  it('creates the branch with Enter in a one-line field as 创建分会 does, once while it is on its way', async () => {
    const { container } = render(<StaffBranchesPage />);
    await screen.findByText('还没有分会');
    fireEvent.input(input(container, 'staff-branch-name'), { target: { value: ' 上海校友分会 ' } });
    fireEvent.input(input(container, 'staff-branch-place'), { target: { value: '上海' } });
    fireEvent.keyDown(input(container, 'staff-branch-intro'), { key: 'Enter' });
    fireEvent.keyDown(input(container, 'staff-branch-intro'), { key: 'Enter' });
    await waitFor(() => expect(creates()).toHaveLength(1));
    expect(creates()[0]).toMatchObject({
      url: expect.stringContaining('/api/v1/staff/branches'),
      data: { kind: 'city', name: '上海校友分会', place: '上海', intro: '', joinPolicy: 'approval' },
    });
  });

  it('Enter with the name missing says so and sends nothing, as the button would', async () => {
    const { container } = render(<StaffBranchesPage />);
    await screen.findByText('还没有分会');
    fireEvent.keyDown(input(container, 'staff-branch-name'), { key: 'Enter' });
    expect(await screen.findByText('请填写分会名称')).toBeTruthy();
    expect(creates()).toHaveLength(0);
  });
});
