import type { AlumnusCardDto, DirectoryQuery, Page } from '@alumni/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { listMyClass, searchDirectory } from '../../api/directory';
import { ApiError } from '../../api/request';

export type DirectoryMode = 'all' | 'my-class';
export type DirectoryFilters = Omit<DirectoryQuery, 'cursor' | 'limit'>;

export type DirectoryState =
  | { status: 'loading' }
  | { status: 'failed'; code: string; message: string }
  | { status: 'ready'; items: AlumnusCardDto[]; nextCursor: string | null; loadingMore: boolean };

const PAGE_SIZE = 20;

/** Blank filters are left out: the server refuses an empty one rather than matching everyone. */
export function cleanFilters(filters: DirectoryFilters): DirectoryFilters {
  return Object.fromEntries(
    Object.entries(filters).filter(([, value]) => value !== undefined && value !== null && String(value).trim() !== ''),
  ) as DirectoryFilters;
}

function fetchPage(mode: DirectoryMode, filters: DirectoryFilters, cursor?: string): Promise<Page<AlumnusCardDto>> {
  return mode === 'my-class'
    ? listMyClass({ cursor, limit: PAGE_SIZE })
    : searchDirectory({ ...cleanFilters(filters), cursor, limit: PAGE_SIZE });
}

/** One directory list (search or my class), first page on every change of mode or filters, more on demand. */
export function useDirectory(mode: DirectoryMode, filters: DirectoryFilters) {
  const [state, setState] = useState<DirectoryState>({ status: 'loading' });
  // Typing quickly fires overlapping searches; only the newest answer is shown.
  const latest = useRef(0);

  const load = useCallback(async () => {
    const call = ++latest.current;
    setState({ status: 'loading' });
    try {
      const page = await fetchPage(mode, filters);
      if (call === latest.current) setState({ status: 'ready', items: page.items, nextCursor: page.nextCursor, loadingMore: false });
    } catch (error) {
      if (call !== latest.current) return;
      const apiError = error instanceof ApiError ? error : null;
      setState({ status: 'failed', code: apiError?.code ?? 'NETWORK_ERROR', message: apiError?.message ?? '网络异常，请稍后重试' });
    }
  }, [mode, filters]);

  const loadMore = useCallback(async () => {
    if (state.status !== 'ready' || state.nextCursor === null || state.loadingMore) return;
    const call = latest.current;
    setState({ ...state, loadingMore: true });
    try {
      const page = await fetchPage(mode, filters, state.nextCursor);
      if (call === latest.current)
        setState({ status: 'ready', items: [...state.items, ...page.items], nextCursor: page.nextCursor, loadingMore: false });
    } catch {
      if (call === latest.current) setState({ ...state, loadingMore: false });
    }
  }, [mode, filters, state]);

  useEffect(() => {
    void load();
  }, [load]);

  return { state, reload: load, loadMore };
}
