import Taro from '@tarojs/taro';
import { explainRefusal } from './permission-refusal';

const IS_WEAPP = process.env.TARO_ENV === 'weapp';

/**
 * Keeps an image the app drew (a donation certificate, a story's poster): WeChat saves it to the
 * photo album (explaining how to allow the album after a refusal, `what` naming the action); the
 * browser downloads it as `fileName`.
 */
export async function saveImage(src: string, fileName: string, what: string): Promise<void> {
  if (!IS_WEAPP) {
    const link = document.createElement('a');
    link.href = src;
    link.download = fileName;
    link.click();
    return;
  }
  try {
    await Taro.saveImageToPhotosAlbum({ filePath: src });
    void Taro.showToast({ title: '已保存到相册', icon: 'success' });
  } catch (error) {
    await explainRefusal(error, 'album', what);
  }
}
