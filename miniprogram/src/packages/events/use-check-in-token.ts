import type { CheckInTokenDto } from '@alumni/shared';
import { useDidHide, useDidShow } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import { getCheckInToken } from '../../api/events';
import { ApiError } from '../../api/request';
import { refreshDelay, retryDelay } from './ticket-rotation';

export type CheckInTokenState =
  | { status: 'loading' }
  | { status: 'ready'; token: CheckInTokenDto; nextAt: number }
  /** The ticket cannot be shown (no longer confirmed, event closed): rotation stops. */
  | { status: 'stopped'; message: string };

/** Codes after which asking again cannot help. */
const FINAL = new Set(['REGISTRATION_NOT_FOUND', 'REGISTRATION_NOT_CONFIRMED', 'EVENT_NOT_OPEN']);

/**
 * The ticket's rotating check-in token: fetched at once, again when the server's step turns
 * (at most every 60 s), sooner after a failure; paused while the page is hidden, fetched
 * afresh when it shows again. `onRotate` runs after each later token (the page re-reads the
 * registration then, so a scanned ticket turns into 已签到).
 */
export function useCheckInToken(registrationId: string | undefined, onRotate?: () => void) {
  const [state, setState] = useState<CheckInTokenState>({ status: 'loading' });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const failures = useRef(0);
  const stopped = useRef(false);
  const rotated = useRef(false);
  const onRotateRef = useRef(onRotate);
  onRotateRef.current = onRotate;

  const clear = () => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
  };

  const fetchToken = useCallback(async () => {
    clear();
    if (!registrationId || stopped.current) return;
    try {
      const token = await getCheckInToken(registrationId);
      if (stopped.current) return;
      failures.current = 0;
      const delay = refreshDelay(token.refreshAt, Date.now());
      setState({ status: 'ready', token, nextAt: Date.now() + delay });
      timer.current = setTimeout(() => void fetchToken(), delay);
      // The first token comes with the page, which has just read the registration itself.
      if (rotated.current) onRotateRef.current?.();
      rotated.current = true;
    } catch (error) {
      if (stopped.current) return;
      if (error instanceof ApiError && FINAL.has(error.code)) {
        stopped.current = true;
        setState({ status: 'stopped', message: error.message });
        return;
      }
      failures.current += 1;
      timer.current = setTimeout(() => void fetchToken(), retryDelay(failures.current));
    }
  }, [registrationId]);

  useEffect(() => {
    stopped.current = false;
    void fetchToken();
    return () => {
      stopped.current = true;
      clear();
    };
  }, [fetchToken]);

  // A hidden page needs no code; on return the one on screen may be stale, so fetch at once.
  const hidden = useRef(false);
  useDidHide(() => {
    hidden.current = true;
    clear();
  });
  useDidShow(() => {
    if (!hidden.current) return;
    hidden.current = false;
    void fetchToken();
  });

  return state;
}
