import type { Page } from '@alumni/shared';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError } from '../../api/request';
import { useSingleFlight } from '../../components/use-single-flight';

export type PagedListState<T> =
  | { status: 'loading' }
  | { status: 'failed'; code: string; message: string }
  | { status: 'ready'; items: T[]; nextCursor: string | null; loadingMore: boolean };

type Loaded<T> = Exclude<PagedListState<T>, { status: 'ready' }> | { status: 'ready'; items: T[]; nextCursor: string | null };

/**
 * One keyset-paginated list: the first page whenever `key` changes (a tab, a filter), the
 * next on demand. Only the newest request's answer is shown, so quick taps never mix lists.
 * Shared by the events tab and the staff event pages.
 */
export function usePagedList<T>(fetchPage: (cursor?: string) => Promise<Page<T>>, key: string) {
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' });
  const latest = useRef(0);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;

  /** `quiet`: keep the current list on screen while reloading (pull-down refresh). */
  const reload = useCallback(async (quiet = false) => {
    const call = ++latest.current;
    if (!quiet) setState({ status: 'loading' });
    try {
      const page = await fetchRef.current();
      if (call === latest.current) setState({ status: 'ready', items: page.items, nextCursor: page.nextCursor });
    } catch (error) {
      if (call !== latest.current) return;
      const apiError = error instanceof ApiError ? error : null;
      setState({ status: 'failed', code: apiError?.code ?? 'NETWORK_ERROR', message: apiError?.message ?? '网络异常，请稍后重试' });
    }
  }, []);

  // One page at a time, held from the first reach-bottom (or tap on 加载更多): a second before the
  // page renders again would read the same cursor, ask for the same page and show its items twice.
  const { busy: loadingMore, run } = useSingleFlight();
  const loadMore = useCallback(async () => {
    if (state.status !== 'ready' || state.nextCursor === null) return;
    const { nextCursor } = state;
    const call = latest.current;
    await run(async () => {
      try {
        const page = await fetchRef.current(nextCursor);
        if (call === latest.current)
          setState((s) =>
            s.status === 'ready' ? { status: 'ready', items: [...s.items, ...page.items], nextCursor: page.nextCursor } : s,
          );
      } catch {
        // Shown by the request wrapper; the next reach-bottom asks again.
      }
    });
  }, [state, run]);

  /** Changes one item in place (e.g. after an action on it), without a reload. */
  const update = useCallback((change: (items: T[]) => T[]) => {
    setState((s) => (s.status === 'ready' ? { ...s, items: change(s.items) } : s));
  }, []);

  useEffect(() => {
    void reload();
  }, [key, reload]);

  const shown = useMemo<PagedListState<T>>(() => (state.status === 'ready' ? { ...state, loadingMore } : state), [state, loadingMore]);
  return { state: shown, reload, loadMore, update };
}

/**
 * Reads a page again, keeping it on screen, when the user comes back to it (from a page
 * that may have changed it) and on pull-down refresh. `reload(true)` is a quiet reload.
 */
export function useReloadOnReturn(reload: (quiet: boolean) => Promise<void>): void {
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) void reload(true);
    shown.current = true;
  });
  usePullDownRefresh(() => {
    void reload(true).finally(() => Taro.stopPullDownRefresh());
  });
}
