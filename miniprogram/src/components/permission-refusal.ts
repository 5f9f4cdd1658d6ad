import Taro from '@tarojs/taro';
import { showModal } from './modal';

/** What a refused API needed, as the person knows it. */
export type Permission = 'album' | 'location' | 'calendar' | 'camera' | 'file';

const NAMES: Record<Permission, string> = { album: '相册', location: '位置信息', calendar: '日历', camera: '相机', file: '聊天文件' };

type Refusal = 'permission' | 'privacy' | 'system';

/**
 * Which refusal a failed WeChat API reports, or null for a cancel or another failure. The
 * errMsg wording differs between iOS and Android (authorize.html says so); the privacy and
 * system wordings are those seen in WeChat's developer community (unverified on a device).
 */
function refusalOf(error: unknown): Refusal | null {
  const { errMsg = '', errno } = (error ?? {}) as { errMsg?: string; errno?: number };
  if (errno === 104 || /privacy permission is not authorized/i.test(errMsg)) return 'privacy';
  if (/system permission denied|system permission/i.test(errMsg)) return 'system';
  if (/auth den(y|ied)|authorize:fail|permission denied/i.test(errMsg)) return 'permission';
  return null;
}

/**
 * After a WeChat API failed: a cancel needs nothing; a refusal is explained, with the way to
 * allow it. A refused permission is not asked again by WeChat, so only its settings page can
 * change it: the modal's button opens it (a modal button is the tap wx.openSetting needs).
 * A declined privacy guide is asked again at the next use; the phone's own setting only in
 * the phone's settings. True when it was a refusal.
 */
export async function explainRefusal(error: unknown, needs: Permission, action: string): Promise<boolean> {
  const refusal = refusalOf(error);
  if (!refusal) return false;
  const name = NAMES[needs];
  if (refusal === 'permission') {
    const { confirm } = await showModal({
      title: `需要${name}权限`,
      content: `${action}需要使用你的${name}，你之前没有允许。请在设置中打开“${name}”后重试。`,
      confirmText: '去设置',
      cancelText: '暂不',
    });
    if (confirm) await Taro.openSetting().catch(() => undefined);
  } else {
    await showModal({
      title: refusal === 'privacy' ? '需要同意隐私保护指引' : `微信没有${name}权限`,
      content:
        refusal === 'privacy'
          ? `${action}需要你同意《用户隐私保护指引》。再次操作时，请在弹出的说明中点“同意”。`
          : `${action}需要使用${name}。请在手机的“设置”中允许微信使用${name}，然后重试。`,
      showCancel: false,
      confirmText: '知道了',
    });
  }
  return true;
}
