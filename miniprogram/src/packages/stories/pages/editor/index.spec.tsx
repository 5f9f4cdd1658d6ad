import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro, { useRouter } from '@tarojs/taro';
import { storage } from '../../../../../test/mocks/taro';
import { clickTwice } from '../../../../../test/gestures';
import { storyUrl } from '../../story-links';
import StoryEditorPage from './index';

const taroRequest = Taro.request as jest.Mock;
const redirectTo = Taro.redirectTo as jest.Mock;
const ID = '5e0c6c1a-8d4b-4b8e-9a51-2f1d7c3b9e01';
// The fields of a saved story the editor reads.
const SAVED = { id: ID, status: 'draft', consentStatus: 'not_needed', coverUrl: null };

/** The server: `refusals` saves are refused by the content check first; returns the writes, in order. */
function serve(refusals = 0) {
  const writes: string[] = [];
  taroRequest.mockImplementation(({ url, method }: { url: string; method: string }) => {
    const path = url.split('?')[0]!;
    if (method === 'GET') return Promise.resolve({ statusCode: 200, data: { items: [], nextCursor: null } });
    writes.push(`${method} ${path}`);
    if (path === '/api/v1/stories' && refusals-- > 0)
      return Promise.resolve({
        statusCode: 422,
        data: { error: { code: 'CONTENT_RISKY', message: '内容可能含有违规信息，请修改后再提交', details: [] } },
      });
    if (path === '/api/v1/stories') return Promise.resolve({ statusCode: 201, data: SAVED });
    if (path === `/api/v1/stories/${ID}/submit`) return Promise.resolve({ statusCode: 200, data: { ...SAVED, status: 'in_review' } });
    return Promise.resolve({ statusCode: 404, data: null });
  });
  return writes;
}

const button = (label: string) => screen.getByText(label).closest('button')!;
/** NutUI marks a disabled or loading button by its class (the element takes the tap and drops it). */
const off = (label: string) => button(label).classList.contains('nut-button-disabled');

function write() {
  fireEvent.change(document.querySelector('input.se-title')!, { target: { value: '从校园到航天' } });
  fireEvent.change(document.querySelector('textarea.se-body')!, { target: { value: '二十年前，他在实验楼。' } });
}

describe('投稿', () => {
  beforeEach(() => {
    taroRequest.mockReset();
    redirectTo.mockClear();
    storage.clear();
    storage.set('alumnilink.session', { accessToken: 'a', refreshToken: 'r', alumnus: { roles: ['alumnus'] } });
    (useRouter as jest.Mock).mockReturnValue({ params: {} });
  });

  it('creates and sends one story for two taps, and takes no tap while it leaves for the story', async () => {
    const writes = serve();
    render(<StoryEditorPage />);
    write();
    clickTwice(button('提交审核'));
    await waitFor(() => expect(redirectTo).toHaveBeenCalledWith({ url: storyUrl(ID) }));
    expect(writes).toEqual(['POST /api/v1/stories', `POST /api/v1/stories/${ID}/submit`]);

    // The page is going: its buttons stay off, and a tap meanwhile saves and sends nothing again.
    expect([off('提交审核'), off('保存草稿')]).toEqual([true, true]);
    await act(async () => {
      fireEvent.click(button('提交审核'));
      fireEvent.click(button('保存草稿'));
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(writes).toHaveLength(2);
    expect(redirectTo).toHaveBeenCalledTimes(1);
  });

  it('frees the buttons after a refused save, and the next tap saves and sends', async () => {
    const writes = serve(1);
    render(<StoryEditorPage />);
    write();
    fireEvent.click(button('提交审核'));
    await waitFor(() => expect(writes).toEqual(['POST /api/v1/stories']));
    await waitFor(() => expect([off('提交审核'), off('保存草稿')]).toEqual([false, false]));
    expect(redirectTo).not.toHaveBeenCalled();

    fireEvent.click(button('提交审核'));
    await waitFor(() => expect(redirectTo).toHaveBeenCalledWith({ url: storyUrl(ID) }));
    expect(writes).toEqual(['POST /api/v1/stories', 'POST /api/v1/stories', `POST /api/v1/stories/${ID}/submit`]);
  });
});
