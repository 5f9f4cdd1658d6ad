import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { detectImageType, detectStoredType } from './file-type.js';
import { AppError } from '../common/app-error.js';
import { phonePhoto, picture, pictureFacts } from '../../test/images.js';
import { cleanImage, makeThumbnail, MAX_STORED_EDGE, THUMBNAIL_EDGE } from './image-pipeline.js';
import { LocalFolderStorage } from './local-folder.storage.js';
import { originalKeyOf, UploadUrls } from './storage-keys.js';

describe('detectImageType', () => {
  it('reads JPEG, PNG and WebP from their first bytes and nothing else', () => {
    expect(detectImageType(Buffer.from([0xff, 0xd8, 0xff, 0xdb, 0]))).toBe('image/jpeg');
    expect(detectImageType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('image/png');
    expect(detectImageType(Buffer.from('RIFF\x10\x00\x00\x00WEBPVP8 ', 'latin1'))).toBe('image/webp');
    expect(detectImageType(Buffer.from('RIFF\x10\x00\x00\x00WAVEfmt ', 'latin1'))).toBeNull();
    expect(detectImageType(Buffer.from('GIF89a'))).toBeNull();
    expect(detectImageType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(detectImageType(Buffer.alloc(0))).toBeNull();
  });
});

describe('detectStoredType', () => {
  it('adds PDF to the images, read from its first bytes', () => {
    expect(detectStoredType(Buffer.from('%PDF-1.7\n'))).toBe('application/pdf');
    expect(detectStoredType(Buffer.from([0xff, 0xd8, 0xff, 0xdb, 0]))).toBe('image/jpeg');
    expect(detectStoredType(Buffer.from(' %PDF-1.7'))).toBeNull();
    expect(detectStoredType(Buffer.from('<html><body>%PDF-</body></html>'))).toBeNull();
  });
});

describe('LocalFolderStorage', () => {
  let root: string;
  let storage: LocalFolderStorage;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'alumnilink-storage-'));
    storage = new LocalFolderStorage(root, new UploadUrls(null));
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('stores under a random key in its folder, reads it back with its type, and deletes it', async () => {
    const body = Buffer.from([0x89, 0x50, 0x4e, 0x47]);
    const stored = await storage.put({ folder: 'avatars', body, contentType: 'image/png' });
    expect(stored).toEqual({
      key: expect.stringMatching(/^avatars\/[0-9a-f-]{36}\.png$/),
      url: `/api/v1/uploads/${stored.key}`,
      contentType: 'image/png',
      size: 4,
      thumbnailUrl: null,
    });
    expect(await storage.get(stored.key)).toEqual({ body, contentType: 'image/png' });
    await storage.delete(stored.key);
    expect(await storage.get(stored.key)).toBeNull();
    await storage.delete(stored.key);
  });

  it('stores a thumbnail beside its picture, at the .thumb key, and deletes it with the picture', async () => {
    const body = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1]);
    const thumbnail = Buffer.from([0x89, 0x50, 0x4e, 0x47, 2]);
    const stored = await storage.put({ folder: 'group-posts', body, contentType: 'image/png', thumbnail });
    const thumbnailKey = stored.key.replace(/\.png$/, '.thumb.png');
    expect(stored.thumbnailUrl).toBe(`/api/v1/uploads/${thumbnailKey}`);
    expect(await storage.get(thumbnailKey)).toEqual({ body: thumbnail, contentType: 'image/png' });
    expect(originalKeyOf(thumbnailKey)).toBe(stored.key);
    expect(originalKeyOf(stored.key)).toBeNull();
    await storage.delete(stored.key);
    expect(await storage.get(thumbnailKey)).toBeNull();
    expect(await readdir(join(root, 'group-posts'))).toEqual([]);
  });

  it('keeps a PDF under a .pdf key and reads it back as a PDF', async () => {
    const body = Buffer.from('%PDF-1.7\n%%EOF\n');
    const stored = await storage.put({ folder: 'career-files', body, contentType: 'application/pdf' });
    expect(stored.key).toMatch(/^career-files\/[0-9a-f-]{36}\.pdf$/);
    expect(await storage.get(stored.key)).toEqual({ body, contentType: 'application/pdf' });
  });

  it('never reads or deletes outside its folder, whatever the key says', async () => {
    for (const key of [
      '../secret.png',
      'avatars/../../etc/passwd',
      '/etc/passwd',
      'avatars/x.png',
      'Avatars/00000000-0000-4000-8000-000000000000.png',
    ]) {
      expect(await storage.get(key)).toBeNull();
      await storage.delete(key);
    }
    await expect(storage.put({ folder: '../up', body: Buffer.from('x'), contentType: 'image/png' })).rejects.toThrow(
      'invalid storage folder',
    );
    await expect(storage.put({ folder: 'avatars', body: Buffer.from('x'), contentType: 'text/html' })).rejects.toThrow(
      'unsupported content type',
    );
    expect(await readdir(root)).toEqual([]);
  });
});

describe('UploadUrls', () => {
  const key = 'avatars/5f0c6b1e-6f7c-4f0e-9d39-2f5f1c3b9a10.jpg';

  it('makes paths on this server without PUBLIC_BASE_URL, absolute URLs on it with one', () => {
    expect(new UploadUrls(null).urlFor(key)).toBe(`/api/v1/uploads/${key}`);
    expect(new UploadUrls('https://alumni.example.edu.cn').urlFor(key)).toBe(`https://alumni.example.edu.cn/api/v1/uploads/${key}`);
  });

  it('reads the key back from either form of our URLs, and from nothing else', () => {
    const urls = new UploadUrls('https://alumni.example.edu.cn');
    expect(urls.keyOf(`https://alumni.example.edu.cn/api/v1/uploads/${key}`)).toBe(key);
    expect(urls.keyOf(`/api/v1/uploads/${key}`)).toBe(key);
    for (const other of [
      `https://elsewhere.example.com/api/v1/uploads/${key}`,
      'https://alumni.example.edu.cn/api/v1/uploads/avatars/../../etc/passwd',
      '/api/v1/uploads/avatars/x.png',
      key,
    ]) {
      expect(urls.keyOf(other)).toBeNull();
    }
  });
});

describe('cleanImage', () => {
  /** A PNG whose header claims a size its (broken) data does not have: a decompression bomb's first step. */
  const claimedPng = (width: number, height: number) => {
    const chunk = (type: string, data: Buffer) => {
      const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
      const framed = Buffer.alloc(body.length + 8);
      framed.writeUInt32BE(data.length, 0);
      body.copy(framed, 4);
      framed.writeUInt32BE(crc32(body), body.length + 4);
      return framed;
    };
    const header = Buffer.alloc(13);
    header.writeUInt32BE(width, 0);
    header.writeUInt32BE(height, 4);
    header.set([8, 2, 0, 0, 0], 8);
    return Buffer.concat([
      Buffer.from('89504e470d0a1a0a', 'hex'),
      chunk('IHDR', header),
      chunk('IDAT', Buffer.alloc(10)),
      chunk('IEND', Buffer.alloc(0)),
    ]);
  };
  const refusal = async (body: Buffer) => {
    const error = await cleanImage(body, 'image/png', 'file').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  };

  it('drops the EXIF (GPS, camera) of a JPEG and keeps it a JPEG of the same size', async () => {
    const cleaned = await cleanImage(await phonePhoto(64, 48), 'image/jpeg', 'file');
    expect(await pictureFacts(cleaned)).toEqual({ format: 'jpeg', width: 64, height: 48, exif: false });
  });

  it('keeps PNG and WebP in their type', async () => {
    expect((await pictureFacts(await cleanImage(await picture('png'), 'image/png', 'file'))).format).toBe('png');
    expect((await pictureFacts(await cleanImage(await picture('webp'), 'image/webp', 'file'))).format).toBe('webp');
  });

  it(`makes thumbnails at most ${THUMBNAIL_EDGE} px on their longest side, in the picture's type, never larger than it`, async () => {
    expect(await pictureFacts(await makeThumbnail(await picture('webp', 900, 1200), 'image/webp'))).toEqual({
      format: 'webp',
      width: 360,
      height: THUMBNAIL_EDGE,
      exif: false,
    });
    expect(await pictureFacts(await makeThumbnail(await picture('png', 30, 20), 'image/png'))).toMatchObject({ width: 30, height: 20 });
  });

  it(`scales a picture down to ${MAX_STORED_EDGE} px on its longest side, never up`, async () => {
    expect(await pictureFacts(await cleanImage(await picture('png', 3000, 100), 'image/png', 'file'))).toMatchObject({
      width: MAX_STORED_EDGE,
      height: 85,
    });
    expect(await pictureFacts(await cleanImage(await picture('png', 30, 20), 'image/png', 'file'))).toMatchObject({
      width: 30,
      height: 20,
    });
  });

  it('refuses a picture claiming more than 50 megapixels before decoding it, and bytes that do not decode', async () => {
    const huge = await refusal(claimedPng(10_000, 6_000));
    expect(huge.code).toBe('UPLOAD_TOO_LARGE');
    expect(JSON.stringify(huge.details)).toContain('10000 × 6000');
    expect((await refusal(Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(64, 1)]))).code).toBe(
      'UPLOAD_TYPE_UNSUPPORTED',
    );
    expect((await refusal(claimedPng(4, 4))).code).toBe('UPLOAD_TYPE_UNSUPPORTED');
  });
});
