import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, Matches } from 'class-validator';
import { GIVING_PHOTO_LIMITS } from '@alumni/shared';
import { OptionalField } from '../../common/text-fields.js';

/** An https/http link, or a photo uploaded with POST /staff/campaigns/photos. */
const PHOTO_URL = /^(https?:\/\/\S{1,490}|\/api\/v1\/uploads\/campaign-photos\/[0-9a-f-]{36}\.(jpg|png|webp))$/;

/** `photoUrls` of a ledger entry or a tree: at most 9, each a link or one of our uploaded photos. */
export function IsPhotoUrls(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      type: [String],
      description: `Evidence photos, at most ${GIVING_PHOTO_LIMITS.photos}: URLs from POST /api/v1/staff/campaigns/photos (or https links)`,
    }),
    OptionalField(),
    IsArray(),
    ArrayMaxSize(GIVING_PHOTO_LIMITS.photos),
    Matches(PHOTO_URL, { each: true, message: 'each of photoUrls must be an uploaded photo URL or an https link' }),
  );
}
