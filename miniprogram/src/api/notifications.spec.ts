import Taro from '@tarojs/taro';
import { askForMessages, prefetchMessageTemplates } from './notifications';

const taroRequest = Taro.request as jest.Mock;
const showModal = Taro.showModal as jest.Mock;

const TEMPLATES = [
  { key: 'eventReminder', templateId: 'tpl-reminder', title: '活动开始提醒' },
  { key: 'eventChanged', templateId: 'tpl-changed', title: '活动变更通知' },
  { key: 'donationThanks', templateId: 'tpl-thanks', title: '捐赠成功通知' },
];

describe('asking to send messages', () => {
  beforeAll(async () => {
    taroRequest.mockResolvedValueOnce({ statusCode: 200, data: TEMPLATES, header: {} });
    await prefetchMessageTemplates();
  });
  beforeEach(() => {
    taroRequest.mockReset();
    showModal.mockReset();
  });

  it('asks for the chosen templates only and records what the alumnus allowed', async () => {
    showModal.mockResolvedValueOnce({ confirm: true, cancel: false });
    taroRequest.mockResolvedValueOnce({ statusCode: 200, data: [], header: {} });
    await askForMessages(['eventReminder', 'eventChanged']);
    expect(showModal.mock.calls[0][0].content).toContain('活动开始提醒、活动变更通知');
    expect(taroRequest).toHaveBeenCalledWith(
      expect.objectContaining({
        url: '/api/v1/me/subscriptions',
        method: 'PUT',
        data: { results: { 'tpl-reminder': 'accept', 'tpl-changed': 'accept' } },
      }),
    );
  });

  it('records a refusal too, and never fails the action it accompanies', async () => {
    showModal.mockResolvedValueOnce({ confirm: false, cancel: true });
    taroRequest.mockRejectedValueOnce(new Error('offline'));
    await expect(askForMessages(['donationThanks'])).resolves.toBeUndefined();
    expect(taroRequest.mock.calls[0][0].data).toEqual({ results: { 'tpl-thanks': 'reject' } });
  });

  it('does not ask about templates the server does not offer', async () => {
    await askForMessages(['postReply']);
    expect(showModal).not.toHaveBeenCalled();
  });
});
