import Taro from '@tarojs/taro';
import { ApiError, request } from './request';

const taroRequest = Taro.request as jest.Mock;
const showToast = Taro.showToast as jest.Mock;

const ok = (data: unknown) => ({ statusCode: 200, data, header: {} });
const failure = (statusCode: number, code: string, message: string) => ({
  statusCode,
  data: { error: { code, message, details: [] } },
  header: {},
});

/** Runs a request to its end while letting the retry back-off timers fire instantly. */
async function settle<T>(promise: Promise<T>): Promise<PromiseSettledResult<T>> {
  const outcome = Promise.allSettled([promise]).then(([result]) => result);
  await jest.runAllTimersAsync();
  return outcome;
}

beforeEach(() => {
  jest.useFakeTimers();
  taroRequest.mockReset();
  showToast.mockClear();
});

afterEach(() => {
  jest.useRealTimers();
});

describe('request', () => {
  it('returns the body of a successful call and sends the query string', async () => {
    taroRequest.mockResolvedValueOnce(ok({ name: '示例学院' }));

    const result = await settle(request({ path: '/api/v1/events', query: { when: 'upcoming', limit: 5, cursor: undefined } }));

    expect(result).toEqual({ status: 'fulfilled', value: { name: '示例学院' } });
    expect(taroRequest).toHaveBeenCalledWith(expect.objectContaining({ url: '/api/v1/events?when=upcoming&limit=5', method: 'GET' }));
    expect(showToast).not.toHaveBeenCalled();
  });

  it('turns the error body into an ApiError and shows the server message', async () => {
    taroRequest.mockResolvedValueOnce(failure(404, 'SCHOOL_NOT_CONFIGURED', '学校信息还没有录入'));

    const result = await settle(request({ path: '/api/v1/school' }));

    expect(result.status).toBe('rejected');
    const error = (result as PromiseRejectedResult).reason as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'SCHOOL_NOT_CONFIGURED', message: '学校信息还没有录入', status: 404 });
    expect(showToast).toHaveBeenCalledTimes(1);
    expect(showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '学校信息还没有录入', icon: 'none' }));
  });

  it('falls back to the catalogue message when the server sends none', async () => {
    taroRequest.mockResolvedValueOnce(failure(403, 'FORBIDDEN', ''));

    const result = await settle(request({ path: '/api/v1/school' }));

    expect((result as PromiseRejectedResult).reason).toMatchObject({ code: 'FORBIDDEN', message: '没有权限执行此操作' });
    expect(showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '没有权限执行此操作' }));
  });

  it('retries a GET answered 503 and returns the later success without a toast', async () => {
    taroRequest
      .mockResolvedValueOnce(failure(503, 'DATABASE_UNAVAILABLE', '服务暂时不可用，请稍后再试'))
      .mockResolvedValueOnce(ok({ items: [], nextCursor: null }));

    const result = await settle(request({ path: '/api/v1/events' }));

    expect(result).toEqual({ status: 'fulfilled', value: { items: [], nextCursor: null } });
    expect(taroRequest).toHaveBeenCalledTimes(2);
    expect(showToast).not.toHaveBeenCalled();
  });

  it('gives up on a GET after two retries and reports a network failure', async () => {
    taroRequest.mockRejectedValue({ errMsg: 'request:fail' });

    const result = await settle(request({ path: '/api/v1/school' }));

    expect(taroRequest).toHaveBeenCalledTimes(3);
    expect((result as PromiseRejectedResult).reason).toMatchObject({ code: 'NETWORK_ERROR', status: 0 });
    expect(showToast).toHaveBeenCalledTimes(1);
    expect(showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '网络异常，请稍后重试' }));
  });

  it('never retries a POST, even on 503', async () => {
    taroRequest.mockResolvedValue(failure(503, 'DATABASE_UNAVAILABLE', '服务暂时不可用，请稍后再试'));

    const result = await settle(request({ method: 'POST', path: '/api/v1/things', body: { a: 1 } }));

    expect(taroRequest).toHaveBeenCalledTimes(1);
    expect(taroRequest).toHaveBeenCalledWith(
      expect.objectContaining({ method: 'POST', data: { a: 1 }, header: expect.objectContaining({ 'Content-Type': 'application/json' }) }),
    );
    expect((result as PromiseRejectedResult).reason).toMatchObject({ code: 'DATABASE_UNAVAILABLE', status: 503 });
  });

  it('never retries a GET answered 4xx', async () => {
    taroRequest.mockResolvedValue(failure(400, 'VALIDATION_FAILED', 'limit 必须在 1 到 100 之间'));

    const result = await settle(request({ path: '/api/v1/events', query: { limit: 500 } }));

    expect(taroRequest).toHaveBeenCalledTimes(1);
    expect((result as PromiseRejectedResult).reason).toMatchObject({ code: 'VALIDATION_FAILED', status: 400 });
  });

  it('reports a response that is not the API error body as a bad response', async () => {
    taroRequest.mockResolvedValueOnce({ statusCode: 404, data: '<html>Not Found</html>', header: {} });

    const result = await settle(request({ path: '/api/v1/school' }));

    expect((result as PromiseRejectedResult).reason).toMatchObject({ code: 'BAD_RESPONSE', status: 404 });
  });
});
