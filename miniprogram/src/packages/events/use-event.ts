import type { EventDetailDto, RegistrationDto } from '@alumni/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { getEvent, getMyRegistration } from '../../api/events';
import { ApiError } from '../../api/request';
import { loadSession } from '../../api/session';

export type EventPageState =
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  | { status: 'ready'; event: EventDetailDto; registration: RegistrationDto | null; signedIn: boolean };

/** The event and, when signed in, my registration for it: what every page of this subpackage starts from. */
export function useEvent(id: string | undefined) {
  const [state, setState] = useState<EventPageState>({ status: 'loading' });
  const latest = useRef(0);

  /** `quiet`: keep the page on screen while reading it again (back from signing up). */
  const reload = useCallback(
    async (quiet = false) => {
      const call = ++latest.current;
      if (!id) {
        setState({ status: 'failed', message: '活动不存在或尚未发布' });
        return;
      }
      if (!quiet) setState({ status: 'loading' });
      const signedIn = loadSession() !== null;
      try {
        const [event, registration] = await Promise.all([getEvent(id), signedIn ? getMyRegistration(id) : Promise.resolve(null)]);
        if (call === latest.current) setState({ status: 'ready', event, registration, signedIn });
      } catch (error) {
        if (call === latest.current)
          setState({ status: 'failed', message: error instanceof ApiError ? error.message : '网络异常，请稍后重试' });
      }
    },
    [id],
  );

  useEffect(() => {
    void reload();
  }, [reload]);

  const setRegistration = useCallback((registration: RegistrationDto | null) => {
    setState((s) => (s.status === 'ready' ? { ...s, registration } : s));
  }, []);

  return { state, reload, setRegistration };
}
