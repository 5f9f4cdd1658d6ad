import Taro from '@tarojs/taro';
import { BRAND_COLOR } from '../theme';

type ModalOptions = NonNullable<Parameters<typeof Taro.showModal>[0]>;

/**
 * Taro.showModal with its confirm button in the school blue, as every primary button of the
 * app; left alone it is WeChat's #576B95 in the mini-program and Taro's green #3CC51F in the
 * H5 build. A caller may still pass its own confirmColor (red for what cannot be undone).
 */
export function showModal(options: ModalOptions): ReturnType<typeof Taro.showModal> {
  return Taro.showModal({ confirmColor: BRAND_COLOR, ...options });
}
