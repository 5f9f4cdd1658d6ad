import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { contentTypeOfKey, newKey, originalKeyOf, thumbnailKeyOf, type UploadUrls } from './storage-keys.js';
import type { ObjectContent, ObjectStorage, PutObjectInput, StoredObject } from './storage.port.js';

/**
 * The default storage: files in `DATA_DIR/uploads/<folder>/<uuid>.<ext>`, for one server
 * (several instances need STORAGE=s3). Keys are random UUIDs, so a file is written once and
 * never changes (served with a long cache lifetime).
 */
export class LocalFolderStorage implements ObjectStorage {
  constructor(
    private readonly root: string,
    private readonly urls: UploadUrls,
  ) {}

  async put(input: PutObjectInput): Promise<StoredObject> {
    const key = newKey(input.folder, input.contentType);
    await this.write(key, input.body);
    if (!input.thumbnail)
      return { key, url: this.urlFor(key), contentType: input.contentType, size: input.body.length, thumbnailUrl: null };
    const thumbnailKey = thumbnailKeyOf(key);
    await this.write(thumbnailKey, input.thumbnail);
    return {
      key,
      url: this.urlFor(key),
      contentType: input.contentType,
      size: input.body.length,
      thumbnailUrl: this.urlFor(thumbnailKey),
    };
  }

  private async write(key: string, body: Buffer): Promise<void> {
    await mkdir(dirname(join(this.root, key)), { recursive: true });
    await writeFile(join(this.root, key), body, { flag: 'wx' });
  }

  async get(key: string): Promise<ObjectContent | null> {
    const contentType = contentTypeOfKey(key);
    if (contentType === null) return null;
    try {
      return { body: await readFile(join(this.root, key)), contentType };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    if (contentTypeOfKey(key) === null) return;
    await rm(join(this.root, key), { force: true });
    if (originalKeyOf(key) === null) await rm(join(this.root, thumbnailKeyOf(key)), { force: true });
  }

  urlFor(key: string): string {
    return this.urls.urlFor(key);
  }

  keyOf(url: string): string | null {
    return this.urls.keyOf(url);
  }
}
