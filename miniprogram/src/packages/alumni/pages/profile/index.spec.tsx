import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { isPartialUpdate } from '../../../../../test/mocks/taro';
import { clickTwice } from '../../../../../test/gestures';
import { fail, myProfile, ok } from '../../test-fixtures';
import ProfilePage from './index';

const taroRequest = Taro.request as jest.Mock;
const school = { name: '江南示范学院', departments: [{ id: 'd1', name: '机电工程学院' }] };

beforeEach(() => {
  taroRequest.mockReset();
  (Taro.showActionSheet as jest.Mock).mockClear();
  (Taro.showToast as jest.Mock).mockClear();
});

function serve(profile = myProfile()) {
  taroRequest.mockImplementation(
    ({ url, method, data, header }: { url: string; method: string; data?: Record<string, unknown>; header: Record<string, string> }) => {
      if (url.startsWith('/api/v1/school')) return ok(school);
      if (url === '/api/v1/me' && method === 'GET') return ok(profile);
      if (url === '/api/v1/me' && isPartialUpdate({ method, header }))
        return ok({ ...profile, ...data, visibility: { ...profile.visibility, ...(data?.visibility as object) } });
      throw new Error(`unexpected ${method} ${url}`);
    },
  );
}

describe('profile page', () => {
  it('shows every field with who may see it', async () => {
    serve(myProfile({ phoneMasked: '138****1234' }));
    const { container } = render(<ProfilePage />);
    expect(await screen.findByDisplayValue('江舟')).toBeTruthy();
    expect(screen.getByDisplayValue('2012')).toBeTruthy();
    expect(screen.getByText('机电工程学院')).toBeTruthy();
    expect(screen.getByText('本科')).toBeTruthy();
    expect(screen.getByText('138****1234')).toBeTruthy();
    const chips = [...container.querySelectorAll('.visibility-chip')].map((chip) => chip.textContent);
    // avatar, real name, year, department, major, class, degree, city, industry, employer, title, phone, bio
    expect(chips).toEqual([
      '所有校友',
      '所有校友',
      '所有校友',
      '所有校友',
      '所有校友',
      '所有校友',
      '所有校友',
      '同群校友',
      '同群校友',
      '同群校友',
      '同群校友',
      '仅工作人员',
      '所有校友',
    ]);
    expect(screen.getByText('已是最新').closest('button')?.className).toContain('nut-button-disabled');
  });

  it('saves only what changed, including a visibility switch', async () => {
    serve();
    const { container } = render(<ProfilePage />);
    fireEvent.change(await screen.findByDisplayValue('杭州'), { target: { value: '宁波' } });
    (Taro.showActionSheet as jest.Mock).mockResolvedValueOnce({ tapIndex: 2 });
    // The chip beside 所在城市 (the eighth): make the city staff-only.
    fireEvent.click(container.querySelectorAll('.visibility-chip')[7]!);
    await waitFor(() => expect(container.querySelectorAll('.visibility-chip')[7]!.textContent).toBe('仅工作人员'));

    fireEvent.click(screen.getByText('保存'));
    await waitFor(() => expect(taroRequest.mock.calls.some(([options]) => isPartialUpdate(options))).toBe(true));
    const patch = taroRequest.mock.calls.find(([options]) => isPartialUpdate(options))![0];
    expect(patch.data).toEqual({ city: '宁波', visibility: { city: 'staff' } });
    expect(await screen.findByText('已是最新')).toBeTruthy();
  });

  it('says which changes wait for review after saving, the field keeping its previous value', async () => {
    serve();
    taroRequest.mockImplementation(({ url, method, header }: { url: string; method: string; header: Record<string, string> }) => {
      if (url.startsWith('/api/v1/school')) return ok(school);
      if (url === '/api/v1/me' && method === 'GET') return ok(myProfile());
      if (url === '/api/v1/me' && isPartialUpdate({ method, header }))
        return ok(myProfile({ pendingReview: [{ field: 'bio', text: '热爱摄影' }] }));
      throw new Error(`unexpected ${method} ${url}`);
    });
    render(<ProfilePage />);
    fireEvent.change(await screen.findByDisplayValue('杭州'), { target: { value: '宁波' } });
    fireEvent.click(screen.getByText('保存'));
    expect(await screen.findByText('以下修改正在审核，通过后生效：')).toBeTruthy();
    expect(screen.getByText('个人简介：热爱摄影')).toBeTruthy();
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '已保存，部分内容审核后生效', icon: 'none' });
  });

  it('points out a bad year before sending anything', async () => {
    serve();
    render(<ProfilePage />);
    fireEvent.change(await screen.findByDisplayValue('2012'), { target: { value: '1900' } });
    expect(screen.getByText(/请填写 1950–\d{4} 之间的年份/)).toBeTruthy();
    expect(screen.getByText('保存').closest('button')?.className).toContain('nut-button-disabled');
  });

  it('shows a refused save under the field the server names, not as a toast too, until the field is edited', async () => {
    serve();
    const served = taroRequest.getMockImplementation()!;
    taroRequest.mockImplementation((options: { url: string; method: string; header: Record<string, string> }) =>
      options.url === '/api/v1/me' && isPartialUpdate(options)
        ? Promise.resolve({
            statusCode: 422,
            data: {
              error: { code: 'CONTENT_RISKY', message: '内容含有违规信息，请修改后再提交', details: [{ field: 'bio', issue: 'risky' }] },
            },
            header: {},
          })
        : served(options),
    );
    const { container } = render(<ProfilePage />);
    const bio = await screen.findByPlaceholderText('介绍一下自己，让同学更容易认出你');
    fireEvent.input(bio, { target: { value: '违禁词' } });
    fireEvent.change(bio, { target: { value: '违禁词' } });
    fireEvent.click(screen.getByText('保存'));
    const shown = await screen.findByText('内容含有违规信息，请修改后再提交');
    expect(shown.className).toContain('field-error');
    // Under the 简介 row, the only message on the page: no toast as well.
    expect(shown.closest('.profile-field')?.textContent).toContain('简介');
    expect(container.querySelectorAll('.field-error')).toHaveLength(1);
    expect(Taro.showToast).not.toHaveBeenCalled();
    fireEvent.change(bio, { target: { value: '热爱摄影' } });
    await waitFor(() => expect(container.querySelectorAll('.field-error')).toHaveLength(0));
  });

  it('asks once and deletes the account once for two taps on 注销账号, and takes no tap while the app starts again', async () => {
    const profile = myProfile();
    taroRequest.mockImplementation(({ url, method }: { url: string; method: string }) => {
      if (url.startsWith('/api/v1/school')) return ok(school);
      if (url === '/api/v1/me' && method === 'GET') return ok(profile);
      if (url === '/api/v1/me' && method === 'DELETE') return ok(null);
      throw new Error(`unexpected ${method} ${url}`);
    });
    (Taro.showModal as jest.Mock).mockClear();
    (Taro.reLaunch as jest.Mock).mockClear();
    render(<ProfilePage />);
    const remove = await screen.findByText('注销账号', { selector: '.profile-link--danger *' });
    clickTwice(remove);
    await waitFor(() => expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/index/index' }));
    await act(async () => {
      fireEvent.click(remove);
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(Taro.showModal).toHaveBeenCalledTimes(1);
    expect(taroRequest.mock.calls.filter(([options]) => options.method === 'DELETE')).toHaveLength(1);
    expect(Taro.reLaunch).toHaveBeenCalledTimes(1);
  });

  it('shows an error with a retry when the profile cannot load', async () => {
    taroRequest.mockImplementation(({ url }: { url: string }) =>
      url.startsWith('/api/v1/me') ? fail(404, 'ALUMNUS_NOT_FOUND', '该校友不存在或已注销') : ok(school),
    );
    render(<ProfilePage />);
    expect(await screen.findByText('该校友不存在或已注销')).toBeTruthy();
    expect(screen.getByText('重试')).toBeTruthy();
  });
});
