import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/request';

export type Loaded<T> = { status: 'loading' } | { status: 'failed'; message: string } | ({ status: 'ready' } & T);

/**
 * What a page is about, read by the id in its address: loading, failed (the server's
 * message, or `missing` without an id) or ready. `reload(true)` keeps the page on screen
 * while reading again (back from signing up); `update` changes the ready value in place.
 * `load` must be the same function on every render (declare it outside the component).
 */
export function useLoaded<T extends object>(id: string | undefined, load: (id: string) => Promise<T>, missing: string) {
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' });
  const latest = useRef(0);

  const reload = useCallback(
    async (quiet = false) => {
      const call = ++latest.current;
      if (!id) {
        setState({ status: 'failed', message: missing });
        return;
      }
      if (!quiet) setState({ status: 'loading' });
      try {
        const value = await load(id);
        if (call === latest.current) setState({ status: 'ready', ...value });
      } catch (error) {
        if (call === latest.current)
          setState({ status: 'failed', message: error instanceof ApiError ? error.message : '网络异常，请稍后重试' });
      }
    },
    [id, load, missing],
  );

  useEffect(() => {
    void reload();
  }, [reload]);

  const update = useCallback((patch: Partial<T>) => {
    setState((s) => (s.status === 'ready' ? { ...s, ...patch } : s));
  }, []);

  return { state, reload, update };
}
