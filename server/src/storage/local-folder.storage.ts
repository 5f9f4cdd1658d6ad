import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { STORED_TYPES, type StoredType } from './file-type.js';
import type { ObjectContent, ObjectStorage, PutObjectInput, StoredObject } from './storage.port.js';

const FOLDER = /^[a-z0-9][a-z0-9-]{0,39}$/;
/** `folder/uuid.ext`: nothing a client sends can name a path outside the uploads folder. */
const KEY = /^([a-z0-9][a-z0-9-]{0,39})\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.(jpg|png|webp|pdf)$/;

const CONTENT_TYPE_BY_EXTENSION = Object.fromEntries(Object.entries(STORED_TYPES).map(([type, ext]) => [ext, type])) as Record<
  string,
  StoredType
>;

/** Public URL path under which stored files are served (see UploadsController). */
export const UPLOADS_URL_PATH = '/api/v1/uploads';

/**
 * The default storage: files in `DATA_DIR/uploads/<folder>/<uuid>.<ext>`. Keys are random
 * UUIDs, so a file is written once and never changes (served with a long cache lifetime).
 */
export class LocalFolderStorage implements ObjectStorage {
  constructor(private readonly root: string) {}

  async put(input: PutObjectInput): Promise<StoredObject> {
    if (!FOLDER.test(input.folder)) throw new Error(`invalid storage folder ${JSON.stringify(input.folder)}`);
    const extension = STORED_TYPES[input.contentType as StoredType];
    if (extension === undefined) throw new Error(`unsupported content type ${input.contentType}`);
    const key = `${input.folder}/${randomUUID()}.${extension}`;
    await mkdir(join(this.root, input.folder), { recursive: true });
    await writeFile(join(this.root, key), input.body, { flag: 'wx' });
    return { key, url: this.urlFor(key), contentType: input.contentType, size: input.body.length };
  }

  async get(key: string): Promise<ObjectContent | null> {
    const match = KEY.exec(key);
    if (!match) return null;
    try {
      return { body: await readFile(join(this.root, key)), contentType: CONTENT_TYPE_BY_EXTENSION[match[3]!]! };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    if (!KEY.test(key)) return;
    await rm(join(this.root, key), { force: true });
  }

  urlFor(key: string): string {
    return `${UPLOADS_URL_PATH}/${key}`;
  }
}
