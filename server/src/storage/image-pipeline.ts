import sharp, { type Sharp } from 'sharp';
import { AppError } from '../common/app-error.js';
import type { ImageType } from './file-type.js';

/** Pictures larger than this (width × height) are refused before they are decoded: a small file can unpack to gigabytes. */
export const MAX_INPUT_PIXELS = 50_000_000;
/** The longest side an image is stored at; a phone photo (4000 × 3000) becomes 2560 × 1920. */
export const MAX_STORED_EDGE = 2560;

/** The longest side of a thumbnail: sharp on a phone's 3× screen at the size feeds and avatars show. */
export const THUMBNAIL_EDGE = 480;

const megapixels = (pixels: number) => `${Math.round(pixels / 1_000_000)} megapixels`;

/**
 * Every uploaded picture is decoded and encoded again before it is stored: turned upright by
 * its EXIF orientation, scaled down to at most `maxEdge` (MAX_STORED_EDGE unless a smaller one
 * is all its use needs) on its longest side, and written
 * without any metadata, so the GPS position, camera and time a phone puts in a photo never
 * reach other alumni. The type stays the one the bytes said (a PNG stays a PNG: transparency).
 * A file whose header looks like an image but does not decode is refused.
 */
export async function cleanImage(body: Buffer, contentType: ImageType, field: string, maxEdge = MAX_STORED_EDGE): Promise<Buffer> {
  let image: Sharp;
  try {
    const { width = 0, height = 0 } = await sharp(body, { limitInputPixels: false }).metadata();
    if (width * height > MAX_INPUT_PIXELS) {
      throw new AppError('UPLOAD_TOO_LARGE', [
        { field, issue: `the picture is ${width} × ${height}; it must be at most ${megapixels(MAX_INPUT_PIXELS)}` },
      ]);
    }
    image = sharp(body, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' })
      .rotate()
      .resize({ width: maxEdge, height: maxEdge, fit: 'inside', withoutEnlargement: true });
    if (contentType === 'image/jpeg') image = image.jpeg({ quality: 85 });
    else if (contentType === 'image/png') image = image.png();
    else image = image.webp({ quality: 85 });
    return await image.toBuffer();
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('UPLOAD_TYPE_UNSUPPORTED', [{ field, issue: 'the file is not a readable JPEG, PNG or WebP picture' }]);
  }
}

/**
 * A small copy of a picture cleanImage already cleaned (upright, no metadata), for lists that
 * show it small; same type, so a PNG keeps its transparency. Never larger than the picture.
 */
export async function makeThumbnail(cleaned: Buffer, contentType: ImageType): Promise<Buffer> {
  let image = sharp(cleaned).resize({ width: THUMBNAIL_EDGE, height: THUMBNAIL_EDGE, fit: 'inside', withoutEnlargement: true });
  if (contentType === 'image/jpeg') image = image.jpeg({ quality: 80 });
  else if (contentType === 'image/png') image = image.png();
  else image = image.webp({ quality: 80 });
  return image.toBuffer();
}
