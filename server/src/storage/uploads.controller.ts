import { Controller, Get, Inject, Param, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/auth.decorators.js';
import { ApiErrors } from '../common/api-errors.decorator.js';
import { AppError } from '../common/app-error.js';
import { originalKeyOf } from './storage-keys.js';
import { type ObjectContent, OBJECT_STORAGE, type ObjectStorage } from './storage.port.js';

/**
 * Folders whose files anyone holding the URL may fetch. Keys are random UUIDs handed out
 * only where the file may be seen (an avatar URL appears only where the avatar is visible).
 * Every other folder (e.g. claim evidence: diplomas, student cards) is never served here;
 * its owning module streams it after its own access check. Old photos (`memories`) are handed
 * out only to those who may see the photo, and their file goes when the photo is taken down.
 */
export const PUBLIC_FOLDERS: ReadonlySet<string> = new Set([
  'avatars',
  'group-covers',
  'campaign-photos',
  'memories',
  'story-covers',
  'event-covers',
]);

/**
 * The file of a key; for the thumbnail of a picture uploaded before thumbnails were made (or
 * one stored without), the picture itself, so a thumbnail URL always shows something.
 */
export async function getOrOriginal(storage: ObjectStorage, key: string): Promise<ObjectContent | null> {
  const object = await storage.get(key);
  const original = object ? null : originalKeyOf(key);
  return original ? storage.get(original) : object;
}

/** Serves stored files of the public folders read-only, at a stable URL, with their content type. */
@ApiTags('uploads')
@Public()
@Controller('uploads')
export class UploadsController {
  constructor(@Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage) {}

  @Get(':folder/:name')
  @ApiOperation({ summary: 'A stored upload (avatar, evidence photo), with its content type' })
  @ApiProduces('image/jpeg', 'image/png', 'image/webp')
  @ApiErrors('UPLOAD_NOT_FOUND')
  async get(@Param('folder') folder: string, @Param('name') name: string, @Res() reply: FastifyReply): Promise<void> {
    const object = PUBLIC_FOLDERS.has(folder) ? await getOrOriginal(this.storage, `${folder}/${name}`) : null;
    if (!object) throw new AppError('UPLOAD_NOT_FOUND');
    await reply
      .header('content-type', object.contentType)
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('x-content-type-options', 'nosniff')
      .send(object.body);
  }
}
