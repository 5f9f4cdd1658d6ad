import { randomUUID } from 'node:crypto';
import { STORED_TYPES, type StoredType } from './file-type.js';

const FOLDER = /^[a-z0-9][a-z0-9-]{0,39}$/;
/**
 * `folder/uuid.ext`, or `folder/uuid.thumb.ext` for a picture's thumbnail: nothing a client
 * sends can name a file outside the storage's own keys.
 */
const KEY = /^([a-z0-9][a-z0-9-]{0,39})\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(\.thumb)?\.(jpg|png|webp|pdf)$/;

const CONTENT_TYPE_BY_EXTENSION = Object.fromEntries(Object.entries(STORED_TYPES).map(([type, ext]) => [ext, type])) as Record<
  string,
  StoredType
>;

/** Public URL path under which stored files are served (see UploadsController). */
export const UPLOADS_URL_PATH = '/api/v1/uploads';

/** A new random key for a file of that folder and type; throws on a folder or type no caller may use. */
export function newKey(folder: string, contentType: string): string {
  if (!FOLDER.test(folder)) throw new Error(`invalid storage folder ${JSON.stringify(folder)}`);
  const extension = STORED_TYPES[contentType as StoredType];
  if (extension === undefined) throw new Error(`unsupported content type ${contentType}`);
  return `${folder}/${randomUUID()}.${extension}`;
}

/** The content type a well-formed key stands for, or null for anything else (then no driver touches it). */
export function contentTypeOfKey(key: string): StoredType | null {
  const match = KEY.exec(key);
  return match ? CONTENT_TYPE_BY_EXTENSION[match[4]!]! : null;
}

/** Where a picture's thumbnail is kept: beside it, `folder/uuid.thumb.ext`. */
export function thumbnailKeyOf(key: string): string {
  const match = KEY.exec(key);
  if (!match || match[3]) throw new Error(`not the key of an original file: ${JSON.stringify(key)}`);
  return `${match[1]}/${match[2]}.thumb.${match[4]}`;
}

/** The original a thumbnail key stands beside; null when the key is not a thumbnail's. */
export function originalKeyOf(key: string): string | null {
  const match = KEY.exec(key);
  return match?.[3] ? `${match[1]}/${match[2]}.${match[4]}` : null;
}

/**
 * Media URLs: on PUBLIC_BASE_URL when it is set (a phone needs an absolute https address),
 * a path on this server otherwise. Every instance serves every key, so any of them may answer.
 */
export class UploadUrls {
  private readonly prefix: string;

  constructor(publicBaseUrl: string | null) {
    this.prefix = `${publicBaseUrl ?? ''}${UPLOADS_URL_PATH}/`;
  }

  urlFor(key: string): string {
    return `${this.prefix}${key}`;
  }

  /** The key a URL of ours names (absolute or as a path), or null for any other URL. */
  keyOf(url: string): string | null {
    const path = url.startsWith(this.prefix)
      ? url.slice(this.prefix.length)
      : url.startsWith(`${UPLOADS_URL_PATH}/`)
        ? url.slice(UPLOADS_URL_PATH.length + 1)
        : null;
    return path !== null && contentTypeOfKey(path) !== null ? path : null;
  }
}

/** Whether a URL path is one of our stored pictures (`/api/v1/uploads/<key>` of an image): what rich text alumni write may show. */
export function isStoredImageUrl(src: string): boolean {
  if (!src.startsWith(`${UPLOADS_URL_PATH}/`)) return false;
  const type = contentTypeOfKey(src.slice(UPLOADS_URL_PATH.length + 1));
  return type !== null && type.startsWith('image/');
}
