import { GROUP_POST_LIMITS } from '@alumni/shared';

/**
 * The length the server's MaxLength counts (validator.js isLength): code points, with emoji
 * variation selectors not counted; the server trims first.
 */
export function textLength(text: string): number {
  const trimmed = text.trim();
  const surrogatePairs = trimmed.match(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g)?.length ?? 0;
  const selectors = trimmed.match(/[\uFE0E\uFE0F]/g)?.length ?? 0;
  return trimmed.length - surrogatePairs - selectors;
}

/** One picked image on its way to the server. */
export interface PickedImage {
  /** The local temp path (a blob: URL in H5), shown while it uploads. */
  path: string;
  status: 'uploading' | 'done' | 'failed';
  progress: number;
  /** The server's id once uploaded. */
  id: string | null;
}

/** How many more images the picker may add. */
export function imagesLeft(images: PickedImage[]): number {
  return Math.max(0, GROUP_POST_LIMITS.images - images.length);
}

/** Why the post cannot be sent yet, or null when it can. Checked again by the server. */
export function composeProblem(text: string, images: PickedImage[], limit: number = GROUP_POST_LIMITS.text): string | null {
  const length = textLength(text);
  if (length === 0) return '请输入内容';
  if (length > limit) return `内容最多 ${limit} 字，请删减 ${length - limit} 字`;
  if (images.length > GROUP_POST_LIMITS.images) return `最多 ${GROUP_POST_LIMITS.images} 张图片`;
  if (images.some((i) => i.status === 'uploading')) return '图片上传中，请稍候';
  if (images.some((i) => i.status === 'failed')) return '有图片上传失败，请删除后重试';
  return null;
}

/** The image ids to send, in the order shown. */
export function uploadedIds(images: PickedImage[]): string[] {
  return images.flatMap((i) => (i.id === null ? [] : [i.id]));
}
