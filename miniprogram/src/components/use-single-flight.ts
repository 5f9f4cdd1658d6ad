import Taro from '@tarojs/taro';
import { useCallback, useRef, useState, useSyncExternalStore } from 'react';
import { type ModalOptions, modalOpen, onModalChange, showModal } from './modal';

export interface FlightOptions {
  /**
   * The task ends by leaving the page (redirectTo, navigateBack) when it resolves: the flight
   * then stays on (busy, and every later run dropped) while the page goes, so a tap meanwhile
   * makes no second one. A task that rejects lands as usual and may run again.
   */
  leaves?: boolean;
}

/**
 * One run at a time of a submit, a confirmation or a save. Taro renders after the events, so on
 * a phone two taps (or two Enters) can both arrive before the page renders again: a guard on
 * React state would still read "not busy" for the second and let it through (two confirmations,
 * two POSTs). The flag the guard reads is a ref, set before the task starts; `busy` is the same
 * flag as state, for rendering (a button's loading): true while the run waits on its work, false
 * while one of showModal's dialogs asks the person (a confirmation, a notice), since a spinner
 * behind a question says the app is busy when it waits for them. A run while another is in
 * flight is dropped and resolves to undefined. Lint refuses the state guard it replaces
 * (`setBusy(true)` and its kin, eslint.config.js).
 */
export function useSingleFlight() {
  const flying = useRef(false);
  const [busy, setBusy] = useState(false);
  const asking = useSyncExternalStore(onModalChange, modalOpen);
  /** Runs `task`; the flight stays on after it when `leaves(result)` says the page is going. */
  const fly = useCallback(async <T>(task: () => Promise<T>, leaves: () => boolean): Promise<T | undefined> => {
    if (flying.current) return undefined;
    flying.current = true;
    setBusy(true);
    let landed = true;
    try {
      const result = await task();
      landed = !leaves();
      return result;
    } finally {
      if (landed) {
        flying.current = false;
        setBusy(false);
      }
    }
  }, []);
  const run = useCallback(<T>(task: () => Promise<T>, options: FlightOptions = {}) => fly(task, () => options.leaves === true), [fly]);
  /**
   * Asks with showModal first and runs `task` only when confirmed, the dialog inside the flight:
   * a second tap while it is up opens no second one. A cancel lands (even with `leaves`) and
   * resolves to undefined.
   */
  const confirmThen = useCallback(
    <T>(modal: ModalOptions, task: () => Promise<T>, options: FlightOptions = {}) => {
      let confirmed = false;
      return fly(
        async () => {
          ({ confirm: confirmed } = await showModal(modal));
          return confirmed ? task() : undefined;
        },
        () => confirmed && options.leaves === true,
      );
    },
    [fly],
  );
  /**
   * 删除 on a page that shows the one thing it deletes: asks (title and content, confirmed with 删除),
   * sends `request`, says 已删除 and goes back, with { leaves: true } so a tap while the page goes
   * does nothing. A refusal ends the flight for another try; the request wrapper showed why.
   */
  const deleteAndLeave = useCallback(
    (modal: { title: string; content: string }, request: () => Promise<unknown>): Promise<void> =>
      confirmThen(
        { ...modal, confirmText: '删除' },
        async () => {
          await request();
          void Taro.showToast({ title: '已删除', icon: 'success' });
          void Taro.navigateBack();
        },
        { leaves: true },
      ).then(
        () => undefined,
        () => undefined,
      ),
    [confirmThen],
  );
  return { busy: busy && !asking, run, confirmThen, deleteAndLeave };
}
