import { act, fireEvent } from '@testing-library/react';

/**
 * Fires `event` twice before the page renders again: both inside one act, as a person's two
 * taps, clicks or Enters may arrive (Taro and React render after the events), so a guard on
 * React state still reads "not busy" for the second.
 */
export function twiceInOneAct(event: () => void): void {
  act(() => {
    event();
    event();
  });
}

/** Two clicks on `element` before the page renders again (a double click, or two taps on a phone). */
export function clickTwice(element: Element): void {
  twiceInOneAct(() => fireEvent.click(element));
}
