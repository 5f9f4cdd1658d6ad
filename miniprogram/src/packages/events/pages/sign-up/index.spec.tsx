import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro, { useRouter } from '@tarojs/taro';
import { storage } from '../../../../../test/mocks/taro';
import { eventFixture, registrationFixture } from '../../test-fixtures';
import SignUpPage from './index';

const taroRequest = Taro.request as jest.Mock;

interface Sent {
  url: string;
  method: string;
  data?: unknown;
  header: Record<string, string>;
}

/** The event, no registration yet, and the sign-up POST answered by `signUp`. */
function serve(signUp: (call: Sent) => Promise<unknown>) {
  taroRequest.mockImplementation((call: Sent) => {
    const path = call.url.split('?')[0];
    if (call.method === 'GET' && path === '/api/v1/events/e1') return Promise.resolve({ statusCode: 200, data: eventFixture() });
    if (call.method === 'GET' && path === '/api/v1/events/e1/registrations/mine')
      return Promise.resolve({ statusCode: 200, data: { registration: null } });
    if (call.method === 'POST' && path === '/api/v1/events/e1/registrations') return signUp(call);
    return Promise.resolve({ statusCode: 404, data: null });
  });
}

const posts = () => taroRequest.mock.calls.map(([call]) => call as Sent).filter((call) => call.method === 'POST');

describe('活动报名', () => {
  beforeEach(() => {
    taroRequest.mockReset();
    storage.clear();
    storage.set('alumnilink.session', { accessToken: 'a', refreshToken: 'r', alumnus: {} });
    (useRouter as jest.Mock).mockReturnValue({ params: { id: 'e1' } });
  });

  it('draws the questions with required marks and sends nothing until a required one is answered', async () => {
    serve(() => Promise.resolve({ statusCode: 201, data: registrationFixture() }));
    render(<SignUpPage />);
    expect(await screen.findByText('是否携带家属？', { exact: false })).toBeTruthy();
    expect(screen.getByText('*', { exact: false })).toBeTruthy();
    fireEvent.click(screen.getByText('提交报名'));
    expect(await screen.findByText('此题为必答题')).toBeTruthy();
    expect(posts()).toEqual([]);
  });

  it('sends the answers with an Idempotency-Key and opens the ticket when confirmed', async () => {
    serve(() => Promise.resolve({ statusCode: 201, data: registrationFixture() }));
    render(<SignUpPage />);
    fireEvent.click(await screen.findByText('是'));
    fireEvent.click(screen.getByText('提交报名'));
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/events/pages/ticket/index?id=r1&eventId=e1' }));
    expect(posts()).toHaveLength(1);
    expect(posts()[0]!.data).toEqual({ answers: { q1: '是' } });
    expect(posts()[0]!.header['Idempotency-Key']).toMatch(/^[A-Za-z0-9-]{8,64}$/);
  });

  it('sends a retry after a lost answer with the same key, and changed answers with a new one', async () => {
    serve(() => Promise.reject(new Error('network down')));
    render(<SignUpPage />);
    fireEvent.click(await screen.findByText('是'));
    fireEvent.click(screen.getByText('提交报名'));
    await waitFor(() => expect(posts()).toHaveLength(1));
    await waitFor(() => expect(screen.getByText('提交报名').closest('button')?.className).not.toContain('loading'));
    fireEvent.click(screen.getByText('提交报名'));
    await waitFor(() => expect(posts()).toHaveLength(2));
    fireEvent.click(screen.getByText('否'));
    await waitFor(() => expect(screen.getByText('提交报名').closest('button')?.className).not.toContain('loading'));
    fireEvent.click(screen.getByText('提交报名'));
    await waitFor(() => expect(posts()).toHaveLength(3));
    const keys = posts().map((call) => call.header['Idempotency-Key']);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).not.toBe(keys[0]);
  });

  it('marks the question the server refused', async () => {
    serve(() =>
      Promise.resolve({
        statusCode: 422,
        data: {
          error: { code: 'ANSWER_TYPE_INVALID', message: '报名问题的回答格式不正确', details: [{ field: 'answers.q1', issue: 'x' }] },
        },
      }),
    );
    render(<SignUpPage />);
    fireEvent.click(await screen.findByText('是'));
    fireEvent.click(screen.getByText('提交报名'));
    expect(await screen.findByText('请从给出的选项中选择')).toBeTruthy();
  });
});
