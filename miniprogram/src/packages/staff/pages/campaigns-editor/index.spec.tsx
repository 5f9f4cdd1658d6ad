import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro, { useRouter } from '@tarojs/taro';
import { isPartialUpdate, storage } from '../../../../../test/mocks/taro';
import { clickTwice } from '../../../../../test/gestures';
import { saplingCampaign } from '../../../giving/test-fixtures';
import { CAMPAIGN_EDITOR_URL } from '../campaigns/urls';
import CampaignEditorPage from './index';

const taroRequest = Taro.request as jest.Mock;

interface Sent {
  url: string;
  method: string;
  header: Record<string, string>;
  data?: Record<string, unknown>;
}

const draft = saplingCampaign({ status: 'draft', raisedFen: 0, donorCount: 0 });
const sent = () => taroRequest.mock.calls.map(([call]) => call as Sent).filter(isPartialUpdate);

/** The staff answers: the draft drive, and the partial update answered by `patch`. */
function serve(patch: (call: Sent) => { statusCode: number; data: unknown }) {
  taroRequest.mockImplementation((call: Sent) => {
    if (call.url === '/api/v1/staff/campaigns/c1' && isPartialUpdate(call)) return Promise.resolve(patch(call));
    if (call.url === '/api/v1/staff/campaigns/c1') return Promise.resolve({ statusCode: 200, data: draft });
    return Promise.resolve({ statusCode: 404, data: null });
  });
}

describe('捐赠项目编辑', () => {
  beforeEach(() => {
    taroRequest.mockReset();
    (Taro.showModal as jest.Mock).mockClear();
    (Taro.showToast as jest.Mock).mockClear();
    storage.clear();
    storage.set('alumnilink.session', { accessToken: 'a', refreshToken: 'r', alumnus: { displayName: '王老师' } });
    (useRouter as jest.Mock).mockReturnValue({ params: { id: 'c1' } });
  });

  it('saves the draft and shows what the server answered', async () => {
    serve((call) => ({ statusCode: 200, data: { ...draft, title: String(call.data?.title) } }));
    render(<CampaignEditorPage />);
    const title = (await screen.findByDisplayValue('校友林植树')) as HTMLInputElement;
    fireEvent.input(title, { target: { value: '校友林植树（第二期）' }, detail: { value: '校友林植树（第二期）' } });
    fireEvent.click(screen.getByText('保存修改').closest('button')!);
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith({ title: '已保存', icon: 'success' }));
    expect(sent()[0]!.data).toMatchObject({ title: '校友林植树（第二期）' });
    expect(screen.getByDisplayValue('校友林植树（第二期）')).toBeTruthy();
  });

  it('puts the server’s problem under its field', async () => {
    serve(() => ({
      statusCode: 400,
      data: { error: { code: 'VALIDATION_FAILED', message: '名称已被使用', details: [{ field: 'title', issue: 'taken' }] } },
    }));
    render(<CampaignEditorPage />);
    await screen.findByDisplayValue('校友林植树');
    fireEvent.click(screen.getByText('保存修改').closest('button')!);
    expect(await screen.findByText('名称已被使用')).toBeTruthy();
  });

  it('opens the drive after a confirmation, and does nothing when it is declined', async () => {
    serve((call) => ({ statusCode: 200, data: { ...draft, status: call.data?.status } }));
    render(<CampaignEditorPage />);
    await screen.findByDisplayValue('校友林植树');

    (Taro.showModal as jest.Mock).mockResolvedValueOnce({ confirm: false, cancel: true });
    fireEvent.click(screen.getByText('开始募捐').closest('button')!);
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1));
    expect(sent()).toEqual([]);

    fireEvent.click(screen.getByText('开始募捐').closest('button')!);
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith({ title: '已完成', icon: 'success' }));
    expect(sent()[0]!.data).toEqual({ status: 'open' });
    expect(await screen.findByText('进行中')).toBeTruthy();
  });
});

describe('捐赠项目编辑: a new draft', () => {
  const redirectTo = Taro.redirectTo as jest.Mock;
  const writes = () => taroRequest.mock.calls.map(([call]) => call as Sent).filter((call) => call.method !== 'GET');
  const save = () => screen.getByText(/保存为草稿|保存修改/).closest('button')!;

  /** The server: `refusals` creates are refused first (a name in use), then the draft c1 is created. */
  function serveNew(refusals = 0) {
    taroRequest.mockImplementation((call: Sent) => {
      if (call.url === '/api/v1/staff/campaigns' && call.method === 'POST' && refusals-- > 0)
        return Promise.resolve({
          statusCode: 400,
          data: { error: { code: 'VALIDATION_FAILED', message: '名称已被使用', details: [{ field: 'title', issue: 'taken' }] } },
        });
      if (call.url === '/api/v1/staff/campaigns' && call.method === 'POST') return Promise.resolve({ statusCode: 201, data: draft });
      if (isPartialUpdate(call)) return Promise.resolve({ statusCode: 200, data: draft });
      return Promise.resolve({ statusCode: 404, data: null });
    });
  }

  function fill() {
    const type = (placeholder: string, value: string) =>
      fireEvent.input(screen.getByPlaceholderText(placeholder), { target: { value }, detail: { value } });
    type('如 校友林植树：为母校种下一棵树', '校友林植树');
    type('如 30000', '30000');
  }

  beforeEach(() => {
    taroRequest.mockReset();
    redirectTo.mockClear();
    storage.clear();
    storage.set('alumnilink.session', { accessToken: 'a', refreshToken: 'r', alumnus: { displayName: '王老师' } });
    (useRouter as jest.Mock).mockReturnValue({ params: {} });
  });

  it('creates one draft for two taps, and takes no tap while it moves to the draft’s address', async () => {
    serveNew();
    render(<CampaignEditorPage />);
    fill();
    clickTwice(save());
    await waitFor(() => expect(redirectTo).toHaveBeenCalledWith({ url: `${CAMPAIGN_EDITOR_URL}?id=c1` }));

    // The page is going: the button stays off, and a tap meanwhile saves nothing again.
    expect(save().classList.contains('nut-button-disabled')).toBe(true);
    await act(async () => {
      fireEvent.click(save());
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(writes().map((call) => call.url)).toEqual(['/api/v1/staff/campaigns']);
    expect(redirectTo).toHaveBeenCalledTimes(1);
  });

  it('frees the button after a refused first save, and the next tap creates the draft', async () => {
    serveNew(1);
    render(<CampaignEditorPage />);
    fill();
    fireEvent.click(save());
    expect(await screen.findByText('名称已被使用')).toBeTruthy();
    await waitFor(() => expect(save().classList.contains('nut-button-disabled')).toBe(false));
    expect(redirectTo).not.toHaveBeenCalled();

    fireEvent.click(save());
    await waitFor(() => expect(redirectTo).toHaveBeenCalledWith({ url: `${CAMPAIGN_EDITOR_URL}?id=c1` }));
    expect(writes()).toHaveLength(2);
  });
});

describe('善款使用公示 (staff)', () => {
  const open = saplingCampaign({ status: 'open' });
  const posted = () => taroRequest.mock.calls.map(([call]) => call as Sent).filter((call) => call.method === 'POST');
  let reach = { recipients: 172, wechat: 64, inAppOnly: 108 };

  beforeEach(() => {
    taroRequest.mockReset();
    (Taro.showModal as jest.Mock).mockClear();
    storage.set('alumnilink.session', { accessToken: 'a', refreshToken: 'r', alumnus: { displayName: '王老师' } });
    (useRouter as jest.Mock).mockReturnValue({ params: { id: 'c1' } });
    taroRequest.mockImplementation((call: Sent) => {
      if (call.url === '/api/v1/staff/campaigns/c1') return Promise.resolve({ statusCode: 200, data: open });
      if (call.url === '/api/v1/staff/campaigns/c1/disbursements/audience') return Promise.resolve({ statusCode: 200, data: reach });
      if (call.url === '/api/v1/staff/campaigns/c1/disbursements') return Promise.resolve({ statusCode: 201, data: {} });
      return Promise.resolve({ statusCode: 404, data: null });
    });
  });

  it('shows, before publishing, how many donors get a WeChat message and how many only the in-app notice, and asks to confirm', async () => {
    render(<CampaignEditorPage />);
    expect(await screen.findByText('将通知 172 位捐赠人：64 位会收到微信消息，108 位只能在小程序「消息」中看到')).toBeTruthy();
    const fill = (selector: string, value: string) =>
      fireEvent.input(document.querySelector(selector)!, { target: { value }, detail: { value } });
    fill('.campaign-fund-use-amount', '3600');
    fill('.campaign-fund-use-purpose', '在东坡种下 120 棵树苗');

    reach = { recipients: 173, wechat: 65, inAppOnly: 108 }; // a gift arrived meanwhile: counted again at the tap
    (Taro.showModal as jest.Mock).mockResolvedValueOnce({ confirm: false, cancel: true });
    fireEvent.click(screen.getByText('发布支出记录', { selector: 'button, button *' }));
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1));
    expect((Taro.showModal as jest.Mock).mock.calls[0]![0].content).toBe(
      '将在项目页公示 ¥3,600.00 的支出，将通知 173 位捐赠人：65 位会收到微信消息，108 位只能在小程序「消息」中看到。发布后不能修改。',
    );
    expect(posted()).toEqual([]);

    fireEvent.click(screen.getByText('发布支出记录', { selector: 'button, button *' }));
    await waitFor(() => expect(posted()).toHaveLength(1));
    expect(posted()[0]!.data).toMatchObject({ amountFen: 360_000, purpose: '在东坡种下 120 棵树苗' });
  });
});
