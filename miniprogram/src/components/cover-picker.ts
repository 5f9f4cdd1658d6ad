import { GROUP_LIMITS } from '@alumni/shared';
import Taro from '@tarojs/taro';
import { explainRefusal } from './permission-refusal';

/** Why a picked cover cannot be sent, in the words the page shows; null when it can. */
export function coverProblem(file: { size: number }, maxBytes: number = GROUP_LIMITS.coverMaxBytes): string | null {
  return file.size > maxBytes ? `封面图片不能超过 ${maxBytes / 1024 / 1024} MB` : null;
}

/**
 * Lets the user pick one image for a cover (a group's, a story's): its local path, or null
 * when they cancelled or picked one larger than `maxBytes` (said in a toast). The server
 * checks the real type.
 */
export async function pickCover(maxBytes: number = GROUP_LIMITS.coverMaxBytes): Promise<string | null> {
  let file: { path: string; size: number } | undefined;
  try {
    file = (await Taro.chooseImage({ count: 1, sizeType: ['compressed'], sourceType: ['album', 'camera'] })).tempFiles[0];
  } catch (error) {
    await explainRefusal(error, 'album', '选择封面'); // Or cancelled: nothing to say.
    return null;
  }
  if (!file) return null;
  const problem = coverProblem(file, maxBytes);
  if (problem) {
    void Taro.showToast({ title: problem, icon: 'none' });
    return null;
  }
  return file.path;
}
