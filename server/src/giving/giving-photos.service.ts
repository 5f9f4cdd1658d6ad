import { Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { type AuthUserDto, GIVING_PHOTO_LIMITS, type GivingPhotoDto } from '@alumni/shared';
import { AppError } from '../common/app-error.js';
import { MediaChecksService } from '../content-security/media-checks.service.js';
import { OBJECT_STORAGE, type ObjectStorage } from '../storage/storage.port.js';
import { readImageUpload } from '../storage/upload.js';

/** A public folder (see PUBLIC_FOLDERS): evidence photos are there to be shown on the campaign page. */
export const GIVING_PHOTO_FOLDER = 'campaign-photos';

/**
 * Evidence photos of the fund-use ledger and of trees: staff upload them one by one (as
 * `wx.uploadFile` sends them), then name them in `photoUrls`. A photo of ours must exist;
 * a link elsewhere (https) is kept as given.
 */
@Injectable()
export class GivingPhotosService {
  constructor(
    private readonly mediaChecks: MediaChecksService,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
  ) {}

  async upload(user: AuthUserDto, request: FastifyRequest): Promise<GivingPhotoDto> {
    const upload = await readImageUpload(request, GIVING_PHOTO_LIMITS.photoMaxBytes);
    // The photo has no row of its own until an entry names it.
    const stored = await this.mediaChecks.storeLoose({
      folder: GIVING_PHOTO_FOLDER,
      kind: 'campaign-photo',
      authorId: user.id,
      body: upload.body,
      contentType: upload.contentType,
    });
    return { url: stored.url };
  }

  /** Refuses (VALIDATION_FAILED) a URL of our uploads that names no stored photo, so no entry shows a broken image. */
  async assertStored(urls: string[] = []): Promise<void> {
    const missing: string[] = [];
    for (const url of urls) {
      // Any URL under our uploads address (absolute or a path) must name a stored evidence photo.
      const key = this.storage.keyOf(url);
      const ours = key !== null || url.startsWith(this.storage.urlFor('')) || url.startsWith('/');
      if (!ours) continue;
      if (key === null || !key.startsWith(`${GIVING_PHOTO_FOLDER}/`) || (await this.storage.get(key)) === null) missing.push(url);
    }
    if (missing.length > 0)
      throw new AppError(
        'VALIDATION_FAILED',
        missing.map((url) => ({ field: 'photoUrls', issue: `${url} is not an uploaded photo; upload it first` })),
      );
  }
}
