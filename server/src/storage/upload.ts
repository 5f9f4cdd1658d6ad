import type { FastifyRequest } from 'fastify';
import '@fastify/multipart';
import { AppError } from '../common/app-error.js';
import { detectImageType, IMAGE_TYPES, type ImageType } from './file-type.js';
import { cleanImage, makeThumbnail } from './image-pipeline.js';

/**
 * Limits for every multipart request; a route's own `maxBytes` narrows the file size.
 * 20 MB is the largest upload any route accepts (roster spreadsheets).
 */
export const MULTIPART_LIMITS = { fileSize: 20 * 1024 * 1024, files: 1, fields: 20, parts: 21 };

export interface Upload {
  fieldName: string;
  fileName: string;
  body: Buffer;
}

const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/**
 * Reads the one file of a multipart request into memory, refusing it with a named error
 * when it is missing (400 UPLOAD_FILE_MISSING), larger than `maxBytes` (413
 * UPLOAD_TOO_LARGE), not multipart at all (415 UNSUPPORTED_MEDIA_TYPE) or a broken form
 * (400 MALFORMED_MULTIPART: no boundary, a part cut short).
 */
export async function readUpload(request: FastifyRequest, maxBytes: number): Promise<Upload> {
  if (!request.isMultipart()) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', [{ issue: 'send the file as multipart/form-data' }]);
  }
  try {
    const part = await request.file({ limits: { ...MULTIPART_LIMITS, fileSize: maxBytes } });
    if (!part) throw new AppError('UPLOAD_FILE_MISSING', [{ field: 'file', issue: 'the request has no file part' }]);
    const body = await part.toBuffer();
    if (body.length === 0) throw new AppError('UPLOAD_FILE_MISSING', [{ field: part.fieldname, issue: 'the file is empty' }]);
    return { fieldName: part.fieldname, fileName: part.filename, body };
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new AppError('UPLOAD_TOO_LARGE', [{ field: 'file', issue: `the file must be at most ${megabytes(maxBytes)}` }]);
    }
    if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') {
      throw new AppError('VALIDATION_FAILED', [{ issue: 'send exactly one file' }]);
    }
    // Whatever else fails here is the form's parser reading what the client sent.
    throw new AppError('MALFORMED_MULTIPART', [{ issue: (error as Error).message }]);
  }
}

/**
 * readUpload, and the file must really be a JPEG, PNG or WebP image (checked by its bytes);
 * the body answered is the cleaned picture (image-pipeline.ts: no EXIF or GPS, size capped).
 */
export async function readImageUpload(
  request: FastifyRequest,
  maxBytes: number,
  maxEdge?: number,
): Promise<Upload & { contentType: ImageType }> {
  const upload = await readUpload(request, maxBytes);
  const contentType = detectImageType(upload.body);
  if (!contentType) {
    throw new AppError('UPLOAD_TYPE_UNSUPPORTED', [
      { field: upload.fieldName, issue: `the file must be one of ${Object.keys(IMAGE_TYPES).join(', ')}` },
    ]);
  }
  return { ...upload, body: await cleanImage(upload.body, contentType, upload.fieldName, maxEdge), contentType };
}

/**
 * readImageUpload with the picture's thumbnail (pass it to ObjectStorage.put), for pictures
 * lists show small; made only where it is used, since it costs about a tenth of a second.
 */
export async function readImageUploadWithThumbnail(
  request: FastifyRequest,
  maxBytes: number,
): Promise<Upload & { contentType: ImageType; thumbnail: Buffer }> {
  const upload = await readImageUpload(request, maxBytes);
  return { ...upload, thumbnail: await makeThumbnail(upload.body, upload.contentType) };
}
