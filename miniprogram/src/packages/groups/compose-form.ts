import { GROUP_POST_LIMITS } from '@alumni/shared';
import { type PickedPhoto, photosProblem } from '../../components/picked-photos';

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

/** Why the post cannot be sent yet, or null when it can. Checked again by the server. */
export function composeProblem(text: string, images: PickedPhoto[], limit: number = GROUP_POST_LIMITS.text): string | null {
  const length = textLength(text);
  if (length === 0) return '请输入内容';
  if (length > limit) return `内容最多 ${limit} 字，请删减 ${length - limit} 字`;
  if (images.length > GROUP_POST_LIMITS.images) return `最多 ${GROUP_POST_LIMITS.images} 张图片`;
  return photosProblem(images);
}
