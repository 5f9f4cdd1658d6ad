import Taro from '@tarojs/taro';
import { BRAND_COLOR } from '../theme';

export type ModalOptions = NonNullable<Parameters<typeof Taro.showModal>[0]>;

let openModals = 0;
const listeners = new Set<() => void>();

function changeOpen(by: number) {
  openModals += by;
  listeners.forEach((listener) => listener());
}

/** Whether a dialog of showModal is up (useSingleFlight shows no spinner under one). */
export function modalOpen(): boolean {
  return openModals > 0;
}

/** Calls `listener` when a dialog of showModal opens or closes; returns the unsubscribe. */
export function onModalChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Taro.showModal with its confirm button in the school blue, as every primary button of the
 * app; left alone it is WeChat's #576B95 in the mini-program and Taro's green #3CC51F in the
 * H5 build. A caller may still pass its own confirmColor (red for what cannot be undone).
 */
export async function showModal(options: ModalOptions): ReturnType<typeof Taro.showModal> {
  changeOpen(1);
  try {
    return await Taro.showModal({ confirmColor: BRAND_COLOR, ...options });
  } finally {
    changeOpen(-1);
  }
}
