import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { clickTwice } from '../../../../../test/gestures';
import { careersUrls } from '../../urls';
import JobEditorPage from './index';

const taroRequest = Taro.request as jest.Mock;
const redirectTo = Taro.redirectTo as jest.Mock;
const ID = '7a4f2c1e-3b5d-4e6f-8a9b-0c1d2e3f4a5b';

/** The server: `refusals` posts are refused by the content check first; returns the writes, in order. */
function serve(refusals = 0) {
  const writes: string[] = [];
  taroRequest.mockImplementation(({ url, method }: { url: string; method: string }) => {
    writes.push(`${method} ${url.split('?')[0]}`);
    if (refusals-- > 0)
      return Promise.resolve({
        statusCode: 422,
        data: { error: { code: 'CONTENT_RISKY', message: '内容可能含有违规信息，请修改后再提交', details: [] } },
      });
    return Promise.resolve({ statusCode: 201, data: { id: ID, status: 'pending' } });
  });
  return writes;
}

const save = () => screen.getByText('提交发布').closest('button')!;
/** NutUI marks a disabled or loading button by its class (the element takes the tap and drops it). */
const off = () => save().classList.contains('nut-button-disabled');

/** Fills every required field, once the editor shows. */
async function fill() {
  await screen.findByText('提交发布');
  const type = (selector: string, value: string) => fireEvent.change(document.querySelector(selector)!, { target: { value } });
  type('input.job-editor__title', '产品经理实习生');
  type('input.job-editor__company', '星河科技');
  fireEvent.click(screen.getByText('互联网'));
  type('input.job-editor__city', '上海');
  type('textarea.job-editor__description', '参与产品设计，实习三个月。');
  type('textarea.job-editor__apply', '简历发送至 hr@example.com');
}

describe('发布招聘', () => {
  beforeEach(() => {
    taroRequest.mockReset();
    redirectTo.mockClear();
  });

  it('posts one job for two taps, and takes no tap while it leaves for the job', async () => {
    const writes = serve();
    render(<JobEditorPage />);
    await fill();
    clickTwice(save());
    await waitFor(() => expect(redirectTo).toHaveBeenCalledWith({ url: careersUrls.job(ID) }));
    expect(writes).toEqual(['POST /api/v1/careers/jobs']);

    // The page is going: the button stays off, and a tap meanwhile posts nothing again.
    expect(off()).toBe(true);
    await act(async () => {
      fireEvent.click(save());
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(writes).toHaveLength(1);
    expect(redirectTo).toHaveBeenCalledTimes(1);
  });

  it('frees the button after a refused post, and the next tap posts and leaves', async () => {
    const writes = serve(1);
    render(<JobEditorPage />);
    await fill();
    fireEvent.click(save());
    await waitFor(() => expect(writes).toEqual(['POST /api/v1/careers/jobs']));
    await waitFor(() => expect(off()).toBe(false));
    expect(redirectTo).not.toHaveBeenCalled();

    fireEvent.click(save());
    await waitFor(() => expect(redirectTo).toHaveBeenCalledWith({ url: careersUrls.job(ID) }));
    expect(writes).toEqual(['POST /api/v1/careers/jobs', 'POST /api/v1/careers/jobs']);
  });
});
