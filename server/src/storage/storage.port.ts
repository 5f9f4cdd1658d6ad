/** What the storage keeps about one stored file. */
export interface StoredObject {
  /** Opaque, unguessable key, e.g. `avatars/5f0c….webp`; safe to put in a URL. */
  key: string;
  /**
   * Where clients fetch it: a stable URL served by this server (or a CDN's). Only files of
   * public folders (PUBLIC_FOLDERS in uploads.controller.ts: avatars) are served there.
   */
  url: string;
  contentType: string;
  size: number;
}

export interface PutObjectInput {
  /** Folder the key starts with: lower-case letters, digits and dashes, e.g. `avatars`, `claim-evidence`. */
  folder: string;
  body: Buffer;
  /** One of STORED_TYPES (file-type.ts): an image or a PDF; decides the file extension. */
  contentType: string;
}

export interface ObjectContent {
  body: Buffer;
  contentType: string;
}

/**
 * Where uploaded files (avatars, claim evidence photos) live. The default keeps them in a
 * local folder; a cloud object store (COS, OSS, S3) implements the same port. Inject it
 * with `@Inject(OBJECT_STORAGE)`.
 */
export interface ObjectStorage {
  put(input: PutObjectInput): Promise<StoredObject>;
  /** Null when the key does not exist or is malformed. */
  get(key: string): Promise<ObjectContent | null>;
  /** Removing a key that is already gone is not an error. */
  delete(key: string): Promise<void>;
  urlFor(key: string): string;
}

export const OBJECT_STORAGE = Symbol('OBJECT_STORAGE');
