/** What the storage keeps about one stored file. */
export interface StoredObject {
  /** Opaque, unguessable key, e.g. `avatars/5f0c….webp`; safe to put in a URL. */
  key: string;
  /**
   * Where clients fetch it: a stable URL served by any instance of this server, absolute on
   * PUBLIC_BASE_URL when that is set. Only files of public folders (PUBLIC_FOLDERS in
   * uploads.controller.ts: avatars, covers, campaign photos) are served there.
   */
  url: string;
  contentType: string;
  size: number;
  /** The thumbnail's URL when one was stored with the file (PutObjectInput.thumbnail). */
  thumbnailUrl: string | null;
}

export interface PutObjectInput {
  /** Folder the key starts with: lower-case letters, digits and dashes, e.g. `avatars`, `claim-evidence`. */
  folder: string;
  body: Buffer;
  /** One of STORED_TYPES (file-type.ts): an image or a PDF; decides the file extension. */
  contentType: string;
  /** A small copy of a picture (image-pipeline.ts makeThumbnail), stored beside it at thumbnailKeyOf(key). */
  thumbnail?: Buffer;
}

export interface ObjectContent {
  body: Buffer;
  contentType: string;
}

/**
 * Where uploaded files (avatars, claim evidence photos) live: a local folder (STORAGE=local,
 * one instance) or an S3-compatible bucket (STORAGE=s3: Tencent COS, MinIO, AWS S3). Inject
 * it with `@Inject(OBJECT_STORAGE)`.
 */
export interface ObjectStorage {
  put(input: PutObjectInput): Promise<StoredObject>;
  /** Null when the key does not exist or is malformed. */
  get(key: string): Promise<ObjectContent | null>;
  /** Removing a key that is already gone is not an error; an original's thumbnail goes with it. */
  delete(key: string): Promise<void>;
  urlFor(key: string): string;
  /** The key one of our URLs names (as urlFor made it, or its path alone); null for any other URL. */
  keyOf(url: string): string | null;
}

export const OBJECT_STORAGE = Symbol('OBJECT_STORAGE');
