import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro, { useRouter } from '@tarojs/taro';
import { clickTwice } from '../../../../../test/gestures';
import { card, fail, ok, page } from '../../test-fixtures';
import DirectoryPage from './index';

const taroRequest = Taro.request as jest.Mock;

beforeEach(() => taroRequest.mockReset());

const calls = (path: string) => taroRequest.mock.calls.map(([options]) => options.url as string).filter((url) => url.startsWith(path));

describe('directory page', () => {
  it('lists alumni with only what they show, and loads more on demand', async () => {
    taroRequest.mockImplementation(({ url }: { url: string }) => {
      if (url.startsWith('/api/v1/school')) return ok({ departments: [] });
      if (url.includes('cursor=c2')) return ok(page([card({ id: 'a3', realName: '王芳', displayName: '芳芳' })]));
      return ok(
        page(
          [
            card(),
            card({
              id: 'a2',
              realName: null,
              displayName: '隐身校友',
              graduationYear: null,
              department: null,
              className: null,
              degree: null,
              city: null,
            }),
          ],
          'c2',
        ),
      );
    });
    const { container } = render(<DirectoryPage />);
    expect(await screen.findByText('江舟')).toBeTruthy();
    const items = container.querySelectorAll('.alumnus-item');
    expect(items[0]!.textContent).toContain('2012 届 · 机电工程学院 · 机械 1201 班 · 本科');
    expect(items[1]!.textContent).toBe('隐隐身校友');

    fireEvent.click(screen.getByText('加载更多'));
    expect(await screen.findByText('王芳')).toBeTruthy();
    expect(screen.getByText('没有更多了')).toBeTruthy();
  });

  it('loads the next page once for two taps on 加载更多 before the page renders again', async () => {
    taroRequest.mockImplementation(({ url }: { url: string }) => {
      if (url.startsWith('/api/v1/school')) return ok({ departments: [] });
      if (url.includes('cursor=c2')) return ok(page([card({ id: 'a3', realName: '王芳', displayName: '芳芳' })]));
      return ok(page([card()], 'c2'));
    });
    render(<DirectoryPage />);
    const more = await screen.findByText('加载更多');
    clickTwice(more);
    expect(await screen.findByText('王芳')).toBeTruthy();
    expect(screen.getAllByText('王芳')).toHaveLength(1);
    expect(calls('/api/v1/directory').filter((url) => url.includes('cursor=c2'))).toHaveLength(1);
  });

  it('searches by name and filters, leaving blank ones out', async () => {
    taroRequest.mockImplementation(({ url }: { url: string }) =>
      url.startsWith('/api/v1/school') ? ok({ departments: [] }) : ok(page([])),
    );
    render(<DirectoryPage />);
    expect(await screen.findByText('没有找到符合条件的校友')).toBeTruthy();
    fireEvent.change(screen.getByPlaceholderText('输入姓名或昵称中的字（如 张 或 伟）'), { target: { value: '张' } });
    fireEvent.click(screen.getByText('筛选'));
    const [year, , city] = screen.getAllByPlaceholderText('不限');
    fireEvent.change(year!, { target: { value: '2012' } });
    fireEvent.change(city!, { target: { value: ' ' } });
    fireEvent.click(screen.getByText('搜索'));
    await waitFor(() => expect(calls('/api/v1/directory')).toHaveLength(2));
    expect(calls('/api/v1/directory')[1]).toBe(`/api/v1/directory?q=${encodeURIComponent('张')}&graduationYear=2012&limit=20`);
  });

  it('tells alumni who are not verified yet why they cannot search', async () => {
    taroRequest.mockImplementation(({ url }: { url: string }) =>
      url.startsWith('/api/v1/school')
        ? ok({ departments: [] })
        : fail(403, 'DIRECTORY_VERIFICATION_REQUIRED', '完成校友认证后才能查找校友'),
    );
    render(<DirectoryPage />);
    expect(await screen.findByText('完成校友认证后才能查找校友', { selector: '.nut-empty-title' })).toBeTruthy();
  });

  it('sends alumni without a class to their profile from 我的班级', async () => {
    taroRequest.mockImplementation(({ url }: { url: string }) => {
      if (url.startsWith('/api/v1/school')) return ok({ departments: [] });
      if (url.startsWith('/api/v1/directory/my-class')) return fail(409, 'MY_CLASS_UNKNOWN', '请先在个人资料中填写毕业年份、院系和班级');
      return ok(page([]));
    });
    render(<DirectoryPage />);
    await screen.findByText('没有找到符合条件的校友');
    fireEvent.click(screen.getByText('我的班级'));
    fireEvent.click(await screen.findByText('去填写'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/alumni/pages/profile/index' });
  });

  it('opens on 我的班级 when the verification page sends a new alumnus there', async () => {
    (useRouter as jest.Mock).mockReturnValueOnce({ params: { mode: 'my-class' } });
    taroRequest.mockImplementation(({ url }: { url: string }) => {
      if (url.startsWith('/api/v1/school')) return ok({ departments: [] });
      return ok(page([card({ realName: '林晓', className: '机械2201班' })]));
    });
    render(<DirectoryPage />);
    await screen.findByText('林晓');
    expect(calls('/api/v1/directory/my-class')).toHaveLength(1);
    expect(calls('/api/v1/directory?')).toHaveLength(0);
  });
});
