import type { Page } from '@alumni/shared';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api/request';

export type PagedListState<T> =
  | { status: 'loading' }
  | { status: 'failed'; code: string; message: string }
  | { status: 'ready'; items: T[]; nextCursor: string | null; loadingMore: boolean };

/**
 * One keyset-paginated list: the first page whenever `key` changes (a tab, a filter), the
 * next on demand. Only the newest request's answer is shown, so quick taps never mix lists.
 * Shared by the events tab and the staff event pages.
 */
export function usePagedList<T>(fetchPage: (cursor?: string) => Promise<Page<T>>, key: string) {
  const [state, setState] = useState<PagedListState<T>>({ status: 'loading' });
  const latest = useRef(0);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;

  /** `quiet`: keep the current list on screen while reloading (pull-down refresh). */
  const reload = useCallback(async (quiet = false) => {
    const call = ++latest.current;
    if (!quiet) setState({ status: 'loading' });
    try {
      const page = await fetchRef.current();
      if (call === latest.current) setState({ status: 'ready', items: page.items, nextCursor: page.nextCursor, loadingMore: false });
    } catch (error) {
      if (call !== latest.current) return;
      const apiError = error instanceof ApiError ? error : null;
      setState({ status: 'failed', code: apiError?.code ?? 'NETWORK_ERROR', message: apiError?.message ?? '网络异常，请稍后重试' });
    }
  }, []);

  const loadMore = useCallback(async () => {
    if (state.status !== 'ready' || state.nextCursor === null || state.loadingMore) return;
    const call = latest.current;
    setState({ ...state, loadingMore: true });
    try {
      const page = await fetchRef.current(state.nextCursor);
      if (call === latest.current)
        setState({ status: 'ready', items: [...state.items, ...page.items], nextCursor: page.nextCursor, loadingMore: false });
    } catch {
      if (call === latest.current) setState({ ...state, loadingMore: false });
    }
  }, [state]);

  /** Changes one item in place (e.g. after an action on it), without a reload. */
  const update = useCallback((change: (items: T[]) => T[]) => {
    setState((s) => (s.status === 'ready' ? { ...s, items: change(s.items) } : s));
  }, []);

  useEffect(() => {
    void reload();
  }, [key, reload]);

  return { state, reload, loadMore, update };
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
