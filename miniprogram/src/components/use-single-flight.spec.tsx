import { act, renderHook } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { showModal } from './modal';
import { useSingleFlight } from './use-single-flight';

/** A task that ends when the test says so. */
function gate() {
  let open!: () => void;
  const done = new Promise<void>((resolve) => (open = resolve));
  return { done, open };
}

describe('useSingleFlight', () => {
  it('drops a second run that starts before the page renders again, and says busy until the first ends', async () => {
    const { result } = renderHook(() => useSingleFlight());
    const { done, open } = gate();
    const task = jest.fn(() => done.then(() => 'sent'));
    let first!: Promise<string | undefined>;
    let second!: Promise<string | undefined>;
    // Both in one act: no render between them, as two taps on a phone.
    act(() => {
      first = result.current.run(task);
      second = result.current.run(task);
    });
    expect(task).toHaveBeenCalledTimes(1);
    await expect(second).resolves.toBeUndefined();
    expect(result.current.busy).toBe(true);
    await act(async () => {
      open();
      await first;
    });
    await expect(first).resolves.toBe('sent');
    expect(result.current.busy).toBe(false);
  });

  it('runs again after a run that failed, which hands its error to the caller', async () => {
    const { result } = renderHook(() => useSingleFlight());
    await act(async () => {
      await expect(result.current.run(() => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
    });
    expect(result.current.busy).toBe(false);
    let answer: string | undefined;
    await act(async () => {
      answer = await result.current.run(() => Promise.resolve('again'));
    });
    expect(answer).toBe('again');
  });

  it('shows no spinner while a dialog asks the person, and again once they confirmed and the work runs', async () => {
    const { result } = renderHook(() => useSingleFlight());
    const answer = gate();
    const work = gate();
    jest
      .mocked(Taro.showModal)
      .mockImplementationOnce(() => answer.done.then(() => ({ confirm: true, cancel: false, errMsg: 'showModal:ok' })));
    let run!: Promise<unknown>;
    act(() => {
      run = result.current.run(async () => {
        const { confirm } = await showModal({ title: '通过', content: '确定通过？' });
        if (confirm) await work.done;
      });
    });
    expect(result.current.busy).toBe(false);
    // Still one at a time under the dialog: a tap that reaches the button starts nothing.
    await act(async () => {
      await expect(result.current.run(() => Promise.resolve('second'))).resolves.toBeUndefined();
    });
    await act(async () => {
      answer.open();
      await answer.done;
    });
    expect(result.current.busy).toBe(true);
    await act(async () => {
      work.open();
      await run;
    });
    expect(result.current.busy).toBe(false);
  });

  it('stays busy after a run that leaves the page, and drops every later tap while the page goes', async () => {
    const { result } = renderHook(() => useSingleFlight());
    const task = jest.fn(() => Promise.resolve('redirected'));
    await act(async () => {
      await expect(result.current.run(task, { leaves: true })).resolves.toBe('redirected');
    });
    expect(result.current.busy).toBe(true);
    await act(async () => {
      await expect(result.current.run(task, { leaves: true })).resolves.toBeUndefined();
    });
    expect(task).toHaveBeenCalledTimes(1);
  });

  it('lands a run that meant to leave but failed: not busy, and the next tap runs', async () => {
    const { result } = renderHook(() => useSingleFlight());
    await act(async () => {
      await expect(result.current.run(() => Promise.reject(new Error('refused')), { leaves: true })).rejects.toThrow('refused');
    });
    expect(result.current.busy).toBe(false);
    let answer: string | undefined;
    await act(async () => {
      answer = await result.current.run(() => Promise.resolve('again'), { leaves: true });
    });
    expect(answer).toBe('again');
  });
});

describe('useSingleFlight().confirmThen', () => {
  const answered = (confirm: boolean) => ({ confirm, cancel: !confirm, errMsg: 'showModal:ok' });
  beforeEach(() => jest.mocked(Taro.showModal).mockClear());

  it('runs the task once when the person confirms', async () => {
    const { result } = renderHook(() => useSingleFlight());
    jest.mocked(Taro.showModal).mockResolvedValueOnce(answered(true));
    const task = jest.fn(() => Promise.resolve('closed'));
    await act(async () => {
      await expect(result.current.confirmThen({ title: '关闭', content: '确定关闭？' }, task)).resolves.toBe('closed');
    });
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '关闭', content: '确定关闭？' }));
    expect(task).toHaveBeenCalledTimes(1);
    expect(result.current.busy).toBe(false);
  });

  it('runs nothing on a cancel and frees the button, even for a task that would leave the page', async () => {
    const { result } = renderHook(() => useSingleFlight());
    jest.mocked(Taro.showModal).mockResolvedValueOnce(answered(false));
    const task = jest.fn(() => Promise.resolve('left'));
    await act(async () => {
      await expect(result.current.confirmThen({ title: '撤回', content: '确定撤回？' }, task, { leaves: true })).resolves.toBeUndefined();
    });
    expect(task).not.toHaveBeenCalled();
    expect(result.current.busy).toBe(false);
    jest.mocked(Taro.showModal).mockResolvedValueOnce(answered(true));
    await act(async () => {
      await expect(result.current.confirmThen({ title: '撤回', content: '确定撤回？' }, task, { leaves: true })).resolves.toBe('left');
    });
    expect(task).toHaveBeenCalledTimes(1);
    expect(result.current.busy).toBe(true);
  });

  it('opens one dialog for two taps that come before the page renders again', async () => {
    const { result } = renderHook(() => useSingleFlight());
    const answer = gate();
    jest.mocked(Taro.showModal).mockImplementationOnce(() => answer.done.then(() => answered(true)));
    const task = jest.fn(() => Promise.resolve('done'));
    let first!: Promise<string | undefined>;
    let second!: Promise<string | undefined>;
    act(() => {
      first = result.current.confirmThen({ title: '结束', content: '确定结束？' }, task);
      second = result.current.confirmThen({ title: '结束', content: '确定结束？' }, task);
    });
    await expect(second).resolves.toBeUndefined();
    await act(async () => {
      answer.open();
      await first;
    });
    expect(Taro.showModal).toHaveBeenCalledTimes(1);
    expect(task).toHaveBeenCalledTimes(1);
  });
});

describe('useSingleFlight().deleteAndLeave', () => {
  const answered = (confirm: boolean) => ({ confirm, cancel: !confirm, errMsg: 'showModal:ok' });
  beforeEach(() => {
    jest.mocked(Taro.showModal).mockClear();
    jest.mocked(Taro.showToast).mockClear();
    jest.mocked(Taro.navigateBack).mockClear();
  });

  it('asks with 删除, deletes, says 已删除 and goes back; a tap while the page goes asks nothing', async () => {
    const { result } = renderHook(() => useSingleFlight());
    jest.mocked(Taro.showModal).mockResolvedValueOnce(answered(true));
    const request = jest.fn(() => Promise.resolve());
    await act(() => result.current.deleteAndLeave({ title: '删除照片', content: '删除后不可恢复。' }, request));
    await act(() => result.current.deleteAndLeave({ title: '删除照片', content: '删除后不可恢复。' }, request));
    expect(Taro.showModal).toHaveBeenCalledTimes(1);
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '删除照片', confirmText: '删除' }));
    expect(request).toHaveBeenCalledTimes(1);
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '已删除', icon: 'success' });
    expect(Taro.navigateBack).toHaveBeenCalledTimes(1);
  });

  it('stays on the page after a refused delete, and the next tap asks again', async () => {
    const { result } = renderHook(() => useSingleFlight());
    jest.mocked(Taro.showModal).mockResolvedValueOnce(answered(true)).mockResolvedValueOnce(answered(true));
    const request = jest.fn().mockRejectedValueOnce(new Error('refused')).mockResolvedValueOnce(undefined);
    await act(() => result.current.deleteAndLeave({ title: '删除动态', content: '删除后无法恢复。' }, request));
    expect(Taro.showToast).not.toHaveBeenCalled();
    expect(Taro.navigateBack).not.toHaveBeenCalled();
    expect(result.current.busy).toBe(false);
    await act(() => result.current.deleteAndLeave({ title: '删除动态', content: '删除后无法恢复。' }, request));
    expect(Taro.showModal).toHaveBeenCalledTimes(2);
    expect(Taro.navigateBack).toHaveBeenCalledTimes(1);
  });
});
