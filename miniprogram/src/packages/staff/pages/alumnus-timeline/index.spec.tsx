import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro, { useRouter } from '@tarojs/taro';
import AlumnusTimelinePage from './index';
import { OFFLINE_KIND_OPTIONS } from './log-form';

const taroRequest = Taro.request as jest.Mock;
const LOG_PATH = '/api/v1/staff/alumni/a1/interactions';

function serve() {
  taroRequest.mockImplementation(({ url, method, data }: { url: string; method: string; data: object }) => {
    const path = url.split('?')[0];
    if (path === LOG_PATH && method === 'POST')
      return Promise.resolve({ statusCode: 201, data: { id: 'i1', ...data, occurredAt: '2026-11-20T06:00:00.000Z' } });
    if (path === LOG_PATH) return Promise.resolve({ statusCode: 200, data: { items: [], nextCursor: null } });
    return Promise.resolve({ statusCode: 404, data: null });
  });
}

const logs = () => taroRequest.mock.calls.map(([call]) => call).filter((call) => call.method === 'POST');
const timeField = (container: HTMLElement) =>
  container.querySelector('.log-form__time input') ?? container.querySelector('.log-form__time')!;

describe('记录线下互动 (staff) from the keyboard', () => {
  beforeEach(() => {
    // The form refuses a time in the future: "now" is fixed after the time typed (timers still run).
    jest.useFakeTimers({ now: Date.parse('2026-12-01T02:00:00.000Z'), advanceTimers: true });
    taroRequest.mockReset();
    (useRouter as jest.Mock).mockReturnValue({ params: { id: 'a1', name: '周明远' } });
    serve();
  });
  afterEach(() => {
    jest.useRealTimers();
    Reflect.deleteProperty(process.env, 'TARO_ENV');
  });

  it('saves with Enter in the time field as 保存记录 does, once while it is on its way', async () => {
    const { container } = render(<AlumnusTimelinePage />);
    await screen.findByText('还没有互动记录');
    fireEvent.click(screen.getByText(OFFLINE_KIND_OPTIONS[0]!.label));
    fireEvent.input(timeField(container), { target: { value: '2026-11-20 14:00' } });
    fireEvent.keyDown(timeField(container), { key: 'Enter' });
    fireEvent.keyDown(timeField(container), { key: 'Enter' });
    await waitFor(() => expect(logs()).toHaveLength(1));
    expect(logs()[0]).toMatchObject({
      url: expect.stringContaining(LOG_PATH),
      data: { kind: OFFLINE_KIND_OPTIONS[0]!.kind, occurredAt: '2026-11-20T06:00:00.000Z' },
    });
  });

  it('at a desk the time is also the browser’s date-time input, and Enter in it saves', async () => {
    process.env.TARO_ENV = 'h5';
    window.matchMedia = jest.fn().mockReturnValue({ matches: true }) as unknown as typeof window.matchMedia;
    const { container } = render(<AlumnusTimelinePage />);
    await screen.findByText('还没有互动记录');
    fireEvent.click(screen.getByText(OFFLINE_KIND_OPTIONS[0]!.label));
    const picker = container.querySelector('input.log-form__time-picker')!;
    fireEvent.change(picker, { target: { value: '2026-11-20T14:00' } });
    expect((timeField(container) as HTMLInputElement).value).toBe('2026-11-20 14:00');
    fireEvent.keyDown(picker, { key: 'Enter' });
    await waitFor(() => expect(logs()).toHaveLength(1));
    expect(logs()[0].data).toMatchObject({ occurredAt: '2026-11-20T06:00:00.000Z' });
  });
});
